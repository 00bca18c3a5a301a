// WS /ws over real loopback sockets: every envelope, every error code, capacity, idle timeout and shutdown.
import { afterEach, describe, expect, it, vi } from "vitest";
import { CalibrationEnv } from "../../src/env/calibration-env.js";
import { WS_MAX_PAYLOAD_BYTES } from "../../src/server/app.js";
import { WS_CLOSE } from "../../src/server/routes/ws.js";
import { WsServerMessage } from "../../src/server/schemas/ws-messages.js";
import { build } from "../helpers/build-app.js";
import { listen, TestSocket, waitFor, withTimeout } from "../helpers/ws-client.js";

const ANSWER = { response: "<confidence>70</confidence><answer>4</answer>" };

afterEach(() => {
  vi.restoreAllMocks();
});

async function connect(env: Record<string, string> = {}) {
  const app = await build(env);
  const url = await listen(app);
  return { app, url, client: await TestSocket.open(url) };
}

/** A reply checked against the server envelopes, so every test also checks the wire shapes. */
async function reply(client: TestSocket, message?: unknown) {
  const raw = message === undefined ? await client.next() : await client.request(message);
  return WsServerMessage.parse(raw);
}

async function errorOf(client: TestSocket, message: unknown) {
  const r = await reply(client, message);
  if (r.type !== "error") throw new Error(`expected an error reply, got ${r.type}`);
  return r.data;
}

describe("WS /ws envelopes", () => {
  it("answers reset with an observation, and the same seed draws the same task", async () => {
    const { client } = await connect();
    const first = await reply(client, { type: "reset", data: { seed: 7 } });
    expect(first.type).toBe("observation");
    if (first.type !== "observation") return;
    expect(first.data.reward).toBeNull();
    expect(first.data.done).toBe(false);
    expect(first.data.observation.question.length).toBeGreaterThan(0);
    const again = await reply(client, { type: "reset", data: { seed: 7 } });
    expect(again.type === "observation" && again.data.observation.task_id).toBe(
      first.data.observation.task_id,
    );
    const noData = await reply(client, { type: "reset" });
    expect(noData.type).toBe("observation");
  });

  it("answers step with a reward and done, state with the session, and a second step with EXECUTION_ERROR", async () => {
    const { client } = await connect();
    const reset = await reply(client, { type: "reset", data: { seed: 1 } });
    const stepped = await reply(client, { type: "step", data: ANSWER });
    expect(stepped.type).toBe("observation");
    if (stepped.type !== "observation" || reset.type !== "observation") return;
    expect(typeof stepped.data.reward).toBe("number");
    expect(stepped.data.done).toBe(true);
    expect(stepped.data.observation.parsed_confidence).toBe(70);

    const state = await reply(client, { type: "state" });
    expect(state.type).toBe("state");
    if (state.type !== "state") return;
    expect(state.data.episode_id).toBe(reset.data.observation.episode_id);
    expect(state.data).toMatchObject({ step_count: 1, done: true, episodes_completed: 1 });
    expect(state.data.session_id).toEqual(expect.any(String));

    const again = await errorOf(client, { type: "step", data: ANSWER });
    expect(again).toMatchObject({ code: "EXECUTION_ERROR", echo_code: "EPISODE_DONE" });
    expect(again.episode_id).toBe(reset.data.observation.episode_id);
    expect(again.message).toMatch(/reset/);
    // The session survives the error.
    expect((await reply(client, { type: "reset" })).type).toBe("observation");
  });

  it("answers EXECUTION_ERROR for step before reset and for an unknown task_id", async () => {
    const { client } = await connect();
    expect(await errorOf(client, { type: "step", data: ANSWER })).toMatchObject({
      code: "EXECUTION_ERROR",
      echo_code: "NO_ACTIVE_EPISODE",
    });
    expect(await errorOf(client, { type: "reset", data: { task_id: "no/such/task" } })).toMatchObject({
      code: "EXECUTION_ERROR",
      echo_code: "TASK_NOT_FOUND",
    });
    expect((await reply(client, { type: "state" })).type).toBe("state");
  });

  it("answers mcp with a JSON-RPC reply", async () => {
    const { client } = await connect();
    const listed = await reply(client, {
      type: "mcp",
      data: { jsonrpc: "2.0", id: 7, method: "tools/list" },
    });
    expect(listed).toEqual({
      type: "mcp",
      data: {
        jsonrpc: "2.0",
        id: 7,
        error: { code: -32603, message: "Environment does not support MCP", data: null },
      },
    });
    const invalid = await reply(client, { type: "mcp", data: {} });
    expect(invalid.type === "mcp" && invalid.data.error?.code).toBe(-32600);
  });

  it("closes with 1000 on close, without a reply, and frees the session", async () => {
    const { app, client } = await connect();
    await reply(client, { type: "reset" });
    expect(app.sessions.size).toBe(1);
    client.send({ type: "close" });
    expect((await client.waitClosed()).code).toBe(1000);
    expect(client.buffered).toBe(0);
    await waitFor(() => app.sessions.size === 0, "the session to be removed");
  });
});

describe("WS /ws errors the session survives", () => {
  it("answers INVALID_JSON for malformed JSON and for binary frames", async () => {
    const { client } = await connect();
    const bad = await errorOf(client, "{not json");
    expect(bad.code).toBe("INVALID_JSON");
    expect(bad.message).toMatch(/not valid JSON/);
    client.ws.send(Buffer.from('{"type":"state"}'), { binary: true });
    expect((await errorOf(client, undefined)).code).toBe("INVALID_JSON");
    expect((await reply(client, { type: "state" })).type).toBe("state");
  });

  it("answers UNKNOWN_TYPE for an unknown or missing type", async () => {
    const { client } = await connect();
    const unknown = await errorOf(client, { type: "dance" });
    expect(unknown.code).toBe("UNKNOWN_TYPE");
    expect(unknown.message).toMatch(/reset, step, state, close, mcp/);
    expect((await errorOf(client, {})).code).toBe("UNKNOWN_TYPE");
    expect((await errorOf(client, { type: 5 })).code).toBe("UNKNOWN_TYPE");
    expect((await reply(client, { type: "state" })).type).toBe("state");
  });

  it.each([
    ["an extra key in the envelope", { type: "state", data: {} }, []],
    ["an extra key beside data", { type: "reset", data: {}, extra: 1 }, []],
    ["an extra key inside the action", { type: "step", data: { ...ANSWER, foo: 1 } }, ["data"]],
    ["a missing response", { type: "step", data: {} }, ["data", "response"]],
    ["a missing action", { type: "step" }, ["data"]],
    ["a bad reset option", { type: "reset", data: { seed: -1 } }, ["data", "seed"]],
    ["an mcp message without data", { type: "mcp" }, ["data"]],
    ["a JSON array", [1, 2], []],
  ])("answers VALIDATION_ERROR for %s", async (_name, message, loc) => {
    const { client } = await connect();
    const error = await errorOf(client, message);
    expect(error.code).toBe("VALIDATION_ERROR");
    expect(error.errors?.length).toBeGreaterThan(0);
    expect(error.errors?.[0]?.loc).toEqual(loc);
    expect(error.message).toMatch(/expected|must/);
    expect((await reply(client, { type: "state" })).type).toBe("state");
  });

  it("says which key was unexpected", async () => {
    const { client } = await connect();
    const error = await errorOf(client, { type: "step", data: { ...ANSWER, foo: 1 } });
    expect(error.errors?.[0]).toMatchObject({ type: "unrecognized_keys", loc: ["data"] });
    expect(error.errors?.[0]?.msg).toMatch(/foo/);
    expect(error.message).toContain('"response":string');
  });
});

describe("WS /ws errors that close the session", () => {
  it("refuses a connection past MAX_CONCURRENT_ENVS with CAPACITY_REACHED, and admits one after a close", async () => {
    const { app, url, client: a } = await connect({ MAX_CONCURRENT_ENVS: "2" });
    const b = await TestSocket.open(url);
    await reply(b, { type: "state" });
    const c = await TestSocket.open(url);
    const refused = await reply(c);
    expect(refused).toMatchObject({
      type: "error",
      data: { code: "CAPACITY_REACHED", active_sessions: 2, max_sessions: 2 },
    });
    expect(await c.waitClosed()).toEqual(WS_CLOSE.capacity);
    expect(app.sessions.size).toBe(2);

    a.send({ type: "close" });
    await a.waitClosed();
    await waitFor(() => app.sessions.size === 1, "the closed session to be removed");
    const d = await TestSocket.open(url);
    expect((await reply(d, { type: "reset" })).type).toBe("observation");
  });

  it("answers FACTORY_ERROR and closes with 1011 when no environment can be made", async () => {
    const app = await build();
    const url = await listen(app);
    vi.spyOn(app.sessions, "open").mockImplementation(() => {
      throw new Error("boom");
    });
    const client = await TestSocket.open(url);
    expect(await reply(client)).toMatchObject({ type: "error", data: { code: "FACTORY_ERROR" } });
    expect((await client.waitClosed()).code).toBe(1011);
  });

  it("answers SESSION_ERROR and closes with 1011 when a reply cannot be sent", async () => {
    const { app, client } = await connect();
    vi.spyOn(CalibrationEnv.prototype, "state").mockReturnValue({ big: 1n } as never);
    const error = await errorOf(client, { type: "state" });
    expect(error.code).toBe("SESSION_ERROR");
    expect((await client.waitClosed()).code).toBe(1011);
    await waitFor(() => app.sessions.size === 0, "the failed session to be removed");
  });
});

describe("WS /ws connection lifecycle", () => {
  it("closes a session idle for longer than SESSION_TIMEOUT_S with 4408, but not a busy one", async () => {
    const { app, url, client: idle } = await connect({ SESSION_TIMEOUT_S: "1" });
    const busy = await TestSocket.open(url);
    await reply(idle, { type: "reset" });
    const keepBusy = (async () => {
      for (let i = 0; i < 10; i++) {
        await reply(busy, { type: "state" });
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    expect(await idle.waitClosed(6_000)).toEqual(WS_CLOSE.idle);
    await withTimeout(keepBusy, 6_000, "the busy session's requests");
    expect(busy.ws.readyState).toBe(busy.ws.OPEN);
    await waitFor(() => app.sessions.size === 1, "the idle session to be removed");
  });

  it("counts a client's pings as activity: a session that only pings is not closed as idle", async () => {
    const { url, client: pinging } = await connect({ SESSION_TIMEOUT_S: "1" });
    const silent = await TestSocket.open(url);
    await reply(pinging, { type: "reset" });
    const pinger = setInterval(() => pinging.ws.ping(), 200);
    try {
      expect(await silent.waitClosed(6_000)).toEqual(WS_CLOSE.idle);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(pinging.ws.readyState).toBe(pinging.ws.OPEN);
    } finally {
      clearInterval(pinger);
    }
    expect((await reply(pinging, { type: "state" })).type).toBe("state");
  });

  it("answers a client's close without a status code with a normal close, not 1001, and keeps serving", async () => {
    const { app, url, client } = await connect();
    await reply(client, { type: "reset" });
    client.ws.close();
    const closed = await client.waitClosed();
    expect(closed.code).not.toBe(WS_CLOSE.shutdown.code);
    expect([1000, 1005]).toContain(closed.code);
    await waitFor(() => app.sessions.size === 0, "the session to be removed");
    const next = await TestSocket.open(url);
    expect((await reply(next, { type: "reset" })).type).toBe("observation");
  });

  it("answers a plain GET /ws (no upgrade) with 426 and a JSON error saying to use a WebSocket client", async () => {
    const app = await build();
    const res = await app.inject({ method: "GET", url: "/ws" });
    expect(res.statusCode).toBe(426);
    expect(res.headers.upgrade).toBe("websocket");
    expect(res.json()).toEqual({
      detail: expect.stringContaining("connect with a WebSocket client"),
      code: "UPGRADE_REQUIRED",
    });
    expect(app.sessions.size).toBe(0);
  });

  it("closes open sockets with 1001 when the app closes", async () => {
    const { app, client } = await connect();
    await reply(client, { type: "reset" });
    await withTimeout(app.close(), 5_000, "app.close()");
    expect(await client.waitClosed()).toEqual(WS_CLOSE.shutdown);
    expect(app.sessions.size).toBe(0);
  });

  it.each([
    ["the socket is still open", false],
    ["the client has already gone", true],
  ])("lets a step being recorded finish before app.close() resolves when %s", async (_name, clientGone) => {
    const { app, client } = await connect();
    await reply(client, { type: "reset" });
    const record = app.echo.record.bind(app.echo);
    let started = false;
    let recorded = false;
    vi.spyOn(app.echo, "record").mockImplementation(async (records) => {
      started = true;
      await new Promise((resolve) => setTimeout(resolve, 200));
      await record(records);
      recorded = true;
    });
    client.send({ type: "step", data: ANSWER });
    await waitFor(() => started, "the step to start recording");
    if (clientGone) {
      client.ws.close(1000);
      await client.waitClosed();
      await waitFor(() => app.sessions.size === 0, "the session to be removed");
    }
    await withTimeout(app.close(), 5_000, "app.close()");
    expect(recorded).toBe(true);
    expect((await client.waitClosed()).code).toBe(clientGone ? 1000 : 1001);
  });

  it("keeps two parallel sessions apart", async () => {
    const { url, client: a } = await connect();
    const b = await TestSocket.open(url);
    a.send({ type: "reset", data: { seed: 1 } });
    b.send({ type: "reset", data: { seed: 2 } });
    const [ra, rb] = await Promise.all([reply(a), reply(b)]);
    if (ra.type !== "observation" || rb.type !== "observation") throw new Error("expected observations");
    b.send({ type: "step", data: ANSWER });
    const [sa, sb] = await Promise.all([reply(a, { type: "state" }), reply(b)]);
    if (sa.type !== "state" || sb.type !== "observation") throw new Error("unexpected replies");
    expect(sa.data).toMatchObject({ episode_id: ra.data.observation.episode_id, done: false, step_count: 0 });
    expect(sb.data.observation.episode_id).toBe(rb.data.observation.episode_id);
    const stateB = await reply(b, { type: "state" });
    if (stateB.type !== "state") throw new Error("expected state");
    expect(stateB.data.session_id).not.toBe(sa.data.session_id);
    expect(stateB.data).toMatchObject({ episode_id: rb.data.observation.episode_id, done: true });
  });

  it("answers many messages sent at once one by one, in order", async () => {
    const { client } = await connect();
    const rounds = 15;
    for (let i = 0; i < rounds; i++) {
      client.send({ type: "reset", data: { seed: i } });
      client.send({ type: "step", data: ANSWER });
      client.send({ type: "state" });
    }
    for (let i = 0; i < rounds; i++) {
      const reset = await reply(client);
      const step = await reply(client);
      const state = await reply(client);
      if (reset.type !== "observation" || step.type !== "observation" || state.type !== "state") {
        throw new Error(`round ${i}: replies out of order (${reset.type}, ${step.type}, ${state.type})`);
      }
      expect(reset.data.done).toBe(false);
      expect(step.data).toMatchObject({ done: true, reward: expect.any(Number) });
      expect(step.data.observation.episode_id).toBe(reset.data.observation.episode_id);
      expect(state.data).toMatchObject({
        episode_id: reset.data.observation.episode_id,
        episodes_completed: i + 1,
      });
    }
  });

  it("answers a ping with a pong", async () => {
    const { client } = await connect();
    const pong = new Promise<string>((resolve) => client.ws.once("pong", (data) => resolve(data.toString())));
    client.ws.ping("are you there");
    expect(await withTimeout(pong, 5_000, "a pong")).toBe("are you there");
  });

  it("closes with 1009 when a message exceeds the payload limit", async () => {
    const { app, client } = await connect();
    client.send("x".repeat(WS_MAX_PAYLOAD_BYTES + 1));
    expect((await client.waitClosed(10_000)).code).toBe(1009);
    await waitFor(() => app.sessions.size === 0, "the session to be removed");
  });
});
