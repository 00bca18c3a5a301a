// Storage faults behind the store interface: every write path answers 503 STORAGE_UNAVAILABLE naming the
// cause with Retry-After, nothing unstored is acknowledged, /reward record:false keeps working, /health stays
// healthy while /ready answers 503, and everything recovers once the fault is gone, with no restart.
import { describe, expect, it } from "vitest";
import { RETRY_AFTER_S } from "../../src/store/storage-fault.js";
import { build } from "../helpers/build-app.js";
import { FAULTS, type FaultName, FaultyHistory } from "../helpers/faulty-history.js";
import { listen, TestSocket } from "../helpers/ws-client.js";

const FAULT_NAMES = Object.keys(FAULTS) as FaultName[];
const GOOD = "<confidence>80</confidence><answer>4</answer>";
/** What each cause's message must say, so an operator knows what to fix. */
const NAMED: Record<FaultName, RegExp> = {
  disk_full: /disk .* is full/,
  read_only: /read-only/,
  removed: /removed or replaced/,
  locked: /another process holds .* lock/,
  io_error: /I\/O error/,
};

async function setUp() {
  const history = new FaultyHistory();
  let now = 1_000_000;
  const clock = () => now;
  const app = await build({}, { history, clock });
  return { app, history, advance: (ms: number) => (now += ms) };
}

function expectUnavailable(
  res: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  fault: FaultName,
) {
  expect(res.statusCode).toBe(503);
  expect(res.headers["retry-after"]).toBe(String(RETRY_AFTER_S[fault]));
  const body = res.json() as { code: string; cause: string; detail: string; retry_after_s: number };
  expect(body).toMatchObject({
    code: "STORAGE_UNAVAILABLE",
    cause: fault,
    retry_after_s: RETRY_AFTER_S[fault],
  });
  expect(body.detail).toMatch(NAMED[fault]);
  expect(body.detail).toContain(FAULTS[fault].message);
  return body;
}

describe.each(FAULT_NAMES)("with the history failing as %s", (fault) => {
  it("answers /step 503 with the cause and Retry-After, keeps the episode open, and takes the same step once healed", async () => {
    const { app, history, advance } = await setUp();
    const reset = await app.inject({ method: "POST", url: "/reset", payload: { episode_id: "e-1" } });
    expect(reset.statusCode).toBe(200);
    history.inject(fault);
    const step = { episode_id: "e-1", action: { response: GOOD } };
    const failed = await app.inject({ method: "POST", url: "/step", payload: step });
    expect(expectUnavailable(failed, fault).detail).toContain("e-1 was not recorded and is still open");
    expect(history.size).toBe(0);
    expect(app.echo.live.running().episodes).toBe(0);
    const state = await app.inject({ method: "GET", url: "/state?episode_id=e-1" });
    expect(state.json()).toMatchObject({ done: false, step_count: 0 });

    history.inject(null);
    advance(1000);
    const retried = await app.inject({ method: "POST", url: "/step", payload: step });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ done: true });
    expect(history.size).toBe(1);
    expect(app.echo.live.running().episodes).toBe(1);
  });

  it("keeps /health healthy while /ready answers 503, and /ready turns 200 by itself once the fault is gone", async () => {
    const { app, history, advance } = await setUp();
    const before = await app.inject({ method: "GET", url: "/ready" });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ status: "ready", storage: { writable: true, cause: null } });

    history.inject(fault);
    await app.inject({ method: "POST", url: "/reset" });
    expect(
      (await app.inject({ method: "POST", url: "/step", payload: { action: { response: GOOD } } }))
        .statusCode,
    ).toBe(503);
    const health = await app.inject({ method: "GET", url: "/health" });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({
      status: "healthy",
      storage: {
        writable: false,
        cause: fault,
        failing_since: 1_000_000,
        retry_after_s: RETRY_AFTER_S[fault],
      },
    });
    const ready = await app.inject({ method: "GET", url: "/ready" });
    expect(expectUnavailable(ready, fault)).toMatchObject({ writable: false, failing_since: 1_000_000 });

    // Healed, but not re-checked within a second; then re-checked by the next probe, with no write needed.
    history.inject(null);
    expect((await app.inject({ method: "GET", url: "/ready" })).statusCode).toBe(503);
    advance(1000);
    const after = await app.inject({ method: "GET", url: "/ready" });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toMatchObject({ storage: { writable: true, cause: null, failing_since: null } });
  });

  it("answers a recorded /reward 503 and records nothing, while record: false still scores", async () => {
    const { app, history } = await setUp();
    const task = (await app.inject({ method: "POST", url: "/reset" })).json().observation.task_id as string;
    history.inject(fault);
    const items = [{ task_id: task, response: GOOD }];
    const recorded = await app.inject({ method: "POST", url: "/reward", payload: { items } });
    expect(expectUnavailable(recorded, fault).detail).toContain("the batch was not recorded");
    expect(history.size).toBe(0);
    const unrecorded = await app.inject({
      method: "POST",
      url: "/reward",
      payload: { items, record: false },
    });
    expect(unrecorded.statusCode).toBe(200);
    expect(unrecorded.json()).toMatchObject({ recorded: 0 });
    expect(unrecorded.json().rewards[0]).toEqual(expect.any(Number));
  });

  it("answers POST /curriculum 503 and leaves the phase as it was", async () => {
    const { app, history } = await setUp();
    history.inject(fault);
    const res = await app.inject({ method: "POST", url: "/curriculum", payload: { phase: 3, pinned: true } });
    expect(expectUnavailable(res, fault).detail).toContain("the curriculum phase was not changed");
    expect((await app.inject({ method: "GET", url: "/curriculum" })).json()).toMatchObject({
      phase: 1,
      pinned: false,
    });
    history.inject(null);
    const healed = await app.inject({
      method: "POST",
      url: "/curriculum",
      payload: { phase: 3, pinned: true },
    });
    expect(healed.json()).toMatchObject({ phase: 3, pinned: true });
    expect(history.phaseChanges()).toHaveLength(1);
  });
});

describe("a WebSocket step while the history fails", () => {
  it("gets an EXECUTION_ERROR reply naming STORAGE_UNAVAILABLE and the cause; the session and episode stay open", async () => {
    const { app, history } = await setUp();
    const ws = await TestSocket.open(await listen(app));
    await ws.request({ type: "reset" });
    history.inject("disk_full");
    const failed = await ws.request({ type: "step", data: { response: GOOD } });
    expect(failed).toMatchObject({
      type: "error",
      data: {
        code: "EXECUTION_ERROR",
        echo_code: "STORAGE_UNAVAILABLE",
        cause: "disk_full",
        retry_after_s: 30,
      },
    });
    expect((failed.data as { message: string }).message).toMatch(/disk .* is full/);
    history.inject(null);
    const stepped = await ws.request({ type: "step", data: { response: GOOD } });
    expect(stepped).toMatchObject({ type: "observation", data: { done: true } });
    expect(history.size).toBe(1);
  });
});

describe("a history that cannot be read", () => {
  it.each([
    ["/history", "/history"],
    ["/metrics?domain=math", "/metrics"],
    ["/metrics/math", "/metrics/{domain}"],
    ["/fingerprint?phase=1", "/fingerprint"],
    ["/metrics/timeline", "/metrics/timeline"],
    ["/tasks/anti_hallucination/score", "/tasks/{name}/score"],
  ])(
    "answers GET %s 503 STORAGE_UNAVAILABLE with the cause and Retry-After, as documented",
    async (url, path) => {
      const { app, history } = await setUp();
      const doc = (await app.inject({ method: "GET", url: "/openapi.json" })).json();
      expect(Object.keys(doc.paths[path].get.responses)).toContain("503");
      history.inject("io_error", true);
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode).toBe(503);
      expect(res.headers["retry-after"]).toBe(String(RETRY_AFTER_S.io_error));
      expect(res.json()).toMatchObject({ code: "STORAGE_UNAVAILABLE", cause: "io_error" });
      expect(res.json().detail).toMatch(/could not read the history: .*I\/O error/);
      history.inject(null);
      expect((await app.inject({ method: "GET", url })).statusCode).toBe(200);
    },
  );
});
