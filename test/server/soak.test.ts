// Soak: many WebSocket sessions abandoned, many HTTP episodes never stepped, many episodes played; afterwards
// the bounded structures are back to baseline and the heap does not grow with the number of episodes served.
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { MAX_RESPONSE_CHARS } from "../../src/env/observation.js";
import { BODY_LIMIT_BYTES, buildApp, type EchoApp } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/config.js";
import { createService } from "../../src/server/create-service.js";
import { WS_CLOSE } from "../../src/server/routes/ws.js";
import { MemoryHistory } from "../../src/store/memory-history.js";
import { build } from "../helpers/build-app.js";
import { listen, TestSocket, waitFor, withTimeout } from "../helpers/ws-client.js";

// Node can expose gc() after start-up: set the flag, then fetch the function from a fresh context.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const MAX_SESSIONS = 40;
const HISTORY_CAPACITY = 300;
const ANSWER = "<confidence>70</confidence><answer>4</answer>";
const MB = 1024 * 1024;

/** Heap in use once garbage has been collected (a few rounds, letting finalizers and timers run between). */
async function settledHeap(): Promise<number> {
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return process.memoryUsage().heapUsed;
}

/** Opens a session, plays a reset, then goes silent; resolves with the close code the server sends. */
async function abandonSession(url: string): Promise<number> {
  const ws = new WebSocket(url);
  const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
  ws.on("error", () => {});
  await withTimeout(new Promise((resolve) => ws.once("open", resolve)), 5_000, "the handshake");
  const reply = new Promise((resolve) => ws.once("message", resolve));
  ws.send(JSON.stringify({ type: "reset" }));
  await withTimeout(reply, 5_000, "the reset reply");
  return withTimeout(closed, 10_000, "the idle close");
}

describe("soak", () => {
  let app: EchoApp;
  let url: string;

  beforeAll(async () => {
    const config = loadConfig({
      ECHO_DATA_DIR: "/nonexistent-echo-test-data",
      SESSION_TIMEOUT_S: "1",
      MAX_CONCURRENT_ENVS: String(MAX_SESSIONS),
    });
    const { service } = createService(config, { history: new MemoryHistory(HISTORY_CAPACITY) });
    app = await buildApp({ config, service });
    url = await listen(app);
  });

  afterAll(async () => {
    await app.close();
  });

  const reset = (body: object = {}) => app.inject({ method: "POST", url: "/reset", payload: body });

  /** Sessions opened and abandoned, in waves of MAX_SESSIONS; each must be closed by the idle timeout. */
  async function abandonSessions(waves: number): Promise<void> {
    for (let wave = 0; wave < waves; wave++) {
      const codes = await Promise.all(Array.from({ length: MAX_SESSIONS }, () => abandonSession(url)));
      expect(new Set(codes)).toEqual(new Set([WS_CLOSE.idle.code]));
    }
  }

  /** HTTP episodes reset and never stepped, episodes played, and recorded /reward batches. */
  async function serveEpisodes(): Promise<void> {
    for (let i = 0; i < 3_000; i++) expect((await reset({ seed: i })).statusCode).toBe(200);
    for (let i = 0; i < 1_000; i++) {
      const { episode_id } = (await reset()).json().observation;
      const step = await app.inject({
        method: "POST",
        url: "/step",
        payload: { episode_id, action: { response: ANSWER } },
      });
      expect(step.statusCode).toBe(200);
    }
    const items = Array.from({ length: 500 }, (_, i) => ({
      task_id: `gen/arithmetic/v1/easy/${i}`,
      response: ANSWER,
    }));
    for (let batch = 0; batch < 4; batch++) {
      const res = await app.inject({ method: "POST", url: "/reward", payload: { items } });
      expect(res.json().recorded).toBe(500);
    }
    expect(app.httpEpisodes.size).toBeGreaterThan(0);
  }

  /** One round of both at once; then every session and untouched episode must go (1 s timeout). */
  async function round(): Promise<void> {
    await Promise.all([abandonSessions(2), serveEpisodes()]);
    await waitFor(
      () => app.sessions.size === 0 && app.httpEpisodes.size === 0,
      "sessions and episodes to expire",
      10_000,
    );
  }

  it("returns sessions, HTTP episodes and history to their bounds, and the heap to its level", async () => {
    // Warm-up: first use builds caches (generator pools, audits, JIT), which are not growth.
    await round();
    const baseline = await settledHeap();
    await round();
    const afterOne = await settledHeap();
    await round();
    const afterTwo = await settledHeap();

    expect(app.sessions.size).toBe(0);
    expect(app.httpEpisodes.size).toBe(0);
    expect(app.echo.history.size).toBe(HISTORY_CAPACITY);
    expect(app.echo.live.running().episodes).toBe(3 * (1_000 + 2_000)); // live metrics count everything, in O(1)
    // Each round: 80 sessions, 3,000 untouched HTTP episodes, 3,000 graded ones; the heap must not grow with
    // them. (Measured: within 0.5 MB of the baseline; with an unbounded history it grows 2.5 MB a round.)
    expect((afterOne - baseline) / MB).toBeLessThan(2);
    expect((afterTwo - baseline) / MB).toBeLessThan(2);
    // Still serving after all that.
    expect((await reset()).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/health" })).statusCode).toBe(200);
  }, 90_000);

  it("stores responses cut to size: a kept record never pins the full 100,000-character text", async () => {
    const config = loadConfig({ ECHO_DATA_DIR: "/nonexistent-echo-test-data" });
    const { service } = createService(config, { history: new MemoryHistory(HISTORY_CAPACITY) });
    const small = await buildApp({ config, service });
    const fill = async (length: number) => {
      for (let batch = 0; batch < 6; batch++) {
        const items = Array.from({ length: 100 }, (_, i) => ({
          task_id: `gen/arithmetic/v1/easy/${i}`,
          response: `<confidence>50</confidence><answer>${String(batch * 100 + i).padEnd(length, "a")}</answer>`,
        }));
        const res = await small.inject({ method: "POST", url: "/reward", payload: { items } });
        expect(res.json().recorded).toBe(100);
      }
    };
    await fill(10); // warm-up: caches filled, the ring full of short records
    const before = await settledHeap();
    await fill(99_000); // the ring now holds only records of long responses
    const after = await settledHeap();
    expect(service.history.size).toBe(HISTORY_CAPACITY);
    // 300 records x 2 texts x 4,000 characters is about 2.4 MB more; pinning the originals, 30 MB more.
    expect((after - before) / MB).toBeLessThan(8);
    await small.close();
  });

  it("refuses a session beyond MAX_CONCURRENT_ENVS with CAPACITY_REACHED, and frees the slot on close", async () => {
    const sockets = await Promise.all(
      Array.from({ length: MAX_SESSIONS }, async () => {
        const ws = new WebSocket(url);
        ws.on("error", () => {});
        await withTimeout(new Promise((resolve) => ws.once("open", resolve)), 5_000, "the handshake");
        return ws;
      }),
    );
    await waitFor(() => app.sessions.size === MAX_SESSIONS, "every session to open");
    const extra = new WebSocket(url);
    extra.on("error", () => {});
    const refusal = await withTimeout(
      new Promise<{ message: string; code: number }>((resolve) => {
        let message = "";
        extra.on("message", (data) => {
          message = data.toString();
        });
        extra.once("close", (code) => resolve({ message, code }));
      }),
      5_000,
      "the capacity refusal",
    );
    expect(JSON.parse(refusal.message).data).toMatchObject({
      code: "CAPACITY_REACHED",
      max_sessions: MAX_SESSIONS,
    });
    expect(refusal.code).toBe(WS_CLOSE.capacity.code);
    for (const ws of sockets) ws.close();
    await waitFor(() => app.sessions.size === 0, "the sessions to close");
  });
});

describe("per-request limits", () => {
  it("answers a body over 16 MiB with 413 BODY_TOO_LARGE on every POST route, before parsing it", async () => {
    const app = await build();
    const payload = `{"x":"${"y".repeat(BODY_LIMIT_BYTES)}"}`;
    for (const [method, url] of [
      ["POST", "/reset"],
      ["POST", "/step"],
      ["POST", "/reward"],
      ["POST", "/curriculum"],
      ["PUT", "/curriculum"],
      ["POST", "/mcp"],
    ] as const) {
      const res = await app.inject({ method, url, payload, headers: { "content-type": "application/json" } });
      expect(res.statusCode, url).toBe(413);
      expect(res.json(), url).toMatchObject({ code: "BODY_TOO_LARGE" });
    }
  });

  it("refuses a response over 100,000 characters with 422 VALIDATION_ERROR on /step and /ws; /reward fails only its item", async () => {
    const app = await build();
    const long = "x".repeat(MAX_RESPONSE_CHARS + 1);
    const message = `response must be at most ${MAX_RESPONSE_CHARS} characters`;
    await app.inject({ method: "POST", url: "/reset", payload: {} });
    const step = await app.inject({ method: "POST", url: "/step", payload: { action: { response: long } } });
    expect(step.statusCode).toBe(422);
    expect(step.json()).toMatchObject({
      code: "VALIDATION_ERROR",
      detail: [{ loc: ["body", "action", "response"], msg: message }],
    });
    const reward = await app.inject({
      method: "POST",
      url: "/reward",
      payload: { items: [{ task_id: "gen/arithmetic/v1/easy/1", response: long }] },
    });
    expect(reward.statusCode).toBe(200);
    expect(reward.json()).toMatchObject({
      rewards: [null],
      results: [{ reward: null, error: expect.stringContaining(`over the limit of ${MAX_RESPONSE_CHARS}`) }],
      recorded: 0,
    });
    const client = await TestSocket.open(await listen(app));
    await client.request({ type: "reset" });
    const ws = await client.request({ type: "step", data: { response: long } });
    expect(ws).toMatchObject({
      type: "error",
      data: { code: "VALIDATION_ERROR", errors: [{ loc: ["data", "response"], msg: message }] },
    });
    // Exactly at the limit is accepted, and the refused attempts left no episode behind.
    const ok = await client.request({ type: "step", data: { response: "x".repeat(MAX_RESPONSE_CHARS) } });
    expect(ok).toMatchObject({ type: "observation", data: { done: true } });
    expect(app.echo.history.size).toBe(1);
  });
});
