// MCP JSON-RPC as OpenEnv 0.10's reference answers it: request validation, the session methods over POST /mcp,
// WS /mcp, the /ws `mcp` envelope, and /ws?session_id= attaching to a session made by openenv/session/create.
import { describe, expect, it } from "vitest";
import type { EchoApp } from "../../src/server/app.js";
import { RPC_ERROR } from "../../src/server/routes/mcp.js";
import { WS_CLOSE } from "../../src/server/routes/ws.js";
import { build } from "../helpers/build-app.js";
import { listen, TestSocket } from "../helpers/ws-client.js";

type Json = Record<string, unknown>;

async function rpc(app: EchoApp, body: unknown): Promise<Json> {
  const res = await app.inject({
    method: "POST",
    url: "/mcp",
    headers: { "content-type": "application/json" },
    payload: typeof body === "string" ? body : JSON.stringify(body),
  });
  expect(res.statusCode).toBe(200);
  return res.json() as Json;
}

const errorCode = (reply: Json) => (reply.error as { code: number } | undefined)?.code;

describe("POST /mcp request validation (OpenEnv's JsonRpcRequest)", () => {
  it.each([
    [
      "an extra key",
      { jsonrpc: "2.0", method: "tools/list", id: 1, extra: true },
      /unexpected key\(s\) extra/,
    ],
    ["a wrong version", { jsonrpc: "1.0", method: "tools/list", id: 1 }, /jsonrpc must be "2.0"/],
    ["no method", { jsonrpc: "2.0", id: 1 }, /method must be a string/],
    ["a fractional id", { jsonrpc: "2.0", method: "tools/list", id: 1.5 }, /id must be a string, an integer/],
    ["array params", { jsonrpc: "2.0", method: "tools/list", params: [] }, /params must be an object/],
    ["null params", { jsonrpc: "2.0", method: "tools/list", params: null }, /params must be an object/],
  ])("answers %s with -32600 and says what is expected", async (_what, body, message) => {
    const app = await build();
    const reply = await rpc(app, body);
    expect(reply).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: RPC_ERROR.INVALID_REQUEST } });
    expect((reply.error as Json).message).toMatch(message);
  });

  it("answers a JSON value that is not an object with -32700, as the reference does", async () => {
    const app = await build();
    expect(errorCode(await rpc(app, "[1]"))).toBe(RPC_ERROR.PARSE_ERROR);
  });

  it("answers tools/call without a name with -32602 and an unknown session_id with -32602", async () => {
    const app = await build();
    const noName = await rpc(app, { jsonrpc: "2.0", id: 2, method: "tools/call", params: {} });
    expect(noName).toEqual({
      jsonrpc: "2.0",
      id: 2,
      error: { code: -32602, message: "Missing 'name' in params", data: null },
    });
    const unknown = await rpc(app, {
      jsonrpc: "2.0",
      id: 3,
      method: "tools/list",
      params: { session_id: "nope" },
    });
    expect(unknown.error).toEqual({ code: -32602, message: "Unknown session_id: nope", data: null });
  });
});

describe("openenv/session/create and openenv/session/close over POST /mcp", () => {
  it("creates a session, counts it, and closes it; a second close says the id is unknown", async () => {
    const app = await build();
    const created = await rpc(app, { jsonrpc: "2.0", id: 1, method: "openenv/session/create" });
    const sessionId = (created.result as { session_id: string }).session_id;
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(app.sessions.size).toBe(1);
    const listed = await rpc(app, {
      jsonrpc: "2.0",
      id: 2,
      method: "tools/list",
      params: { session_id: sessionId },
    });
    expect(errorCode(listed)).toBe(RPC_ERROR.INTERNAL_ERROR);
    const close = {
      jsonrpc: "2.0",
      id: 3,
      method: "openenv/session/close",
      params: { session_id: sessionId },
    };
    expect(await rpc(app, close)).toEqual({
      jsonrpc: "2.0",
      id: 3,
      result: { session_id: sessionId, closed: true },
    });
    expect(app.sessions.size).toBe(0);
    expect((await rpc(app, close)).error).toMatchObject({
      code: -32602,
      message: `Unknown session_id: ${sessionId}`,
    });
  });

  it("requires a session_id to close", async () => {
    const app = await build();
    const reply = await rpc(app, { jsonrpc: "2.0", id: 1, method: "openenv/session/close", params: {} });
    expect(reply.error).toMatchObject({ code: -32602, message: "Invalid params - 'session_id' is required" });
  });

  it("answers -32000 with the counts when the server is at capacity", async () => {
    const app = await build({ MAX_CONCURRENT_ENVS: "1" });
    await rpc(app, { jsonrpc: "2.0", id: 1, method: "openenv/session/create" });
    const full = await rpc(app, { jsonrpc: "2.0", id: 2, method: "openenv/session/create" });
    expect(full.error).toMatchObject({
      code: RPC_ERROR.SERVER_ERROR,
      message: expect.stringMatching(/MAX_CONCURRENT_ENVS/),
      data: { active_sessions: 1, max_sessions: 1 },
    });
  });

  it("reaps a created session once it has been idle for SESSION_TIMEOUT_S", async () => {
    const app = await build({ SESSION_TIMEOUT_S: "1" });
    await rpc(app, { jsonrpc: "2.0", id: 1, method: "openenv/session/create" });
    expect(app.sessions.size).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1700));
    expect(app.sessions.size).toBe(0);
  });
});

describe("WebSocket sessions and MCP", () => {
  it("/ws?session_id= plays an episode on a created session, which outlives the socket until closed", async () => {
    const app = await build();
    const base = await listen(app);
    const created = await rpc(app, { jsonrpc: "2.0", id: 1, method: "openenv/session/create" });
    const sessionId = (created.result as { session_id: string }).session_id;
    const ws = await TestSocket.open(`${base}?session_id=${sessionId}`);
    const second = await TestSocket.open(`${base}?session_id=${sessionId}`);
    expect(await second.next()).toMatchObject({ type: "error", data: { code: "SESSION_ERROR" } });
    await second.waitClosed();
    const reset = await ws.request({ type: "reset", data: { seed: 1 } });
    expect(reset.type).toBe("observation");
    const state = await ws.request({ type: "state" });
    expect((state.data as Json).session_id).toBe(sessionId);
    const own = await ws.request({
      type: "mcp",
      data: { jsonrpc: "2.0", id: 9, method: "openenv/session/create" },
    });
    expect(own.data).toEqual({ jsonrpc: "2.0", id: 9, result: { session_id: sessionId } });
    const closing = await rpc(app, {
      jsonrpc: "2.0",
      id: 2,
      method: "openenv/session/close",
      params: { session_id: sessionId },
    });
    expect(closing.result).toEqual({ session_id: sessionId, closed: false, closing: true });
    ws.ws.close();
    await ws.waitClosed();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(app.sessions.get(sessionId)).toBeUndefined();
  });

  it("/ws with an unknown session_id answers SESSION_ERROR and closes", async () => {
    const app = await build();
    const ws = await TestSocket.open(`${await listen(app)}?session_id=missing`);
    const reply = await ws.next();
    expect(reply).toMatchObject({ type: "error", data: { code: "SESSION_ERROR" } });
    expect((reply.data as Json).message).toMatch(
      /Unknown session_id: missing; create one with openenv\/session\/create/,
    );
    await ws.waitClosed();
  });

  it("refuses to close a socket's own session over its mcp envelope", async () => {
    const app = await build();
    const ws = await TestSocket.open(await listen(app));
    const own = await ws.request({
      type: "mcp",
      data: { jsonrpc: "2.0", id: 1, method: "openenv/session/create" },
    });
    const sessionId = ((own.data as Json).result as { session_id: string }).session_id;
    const close = {
      jsonrpc: "2.0",
      id: 2,
      method: "openenv/session/close",
      params: { session_id: sessionId },
    };
    const refused = await ws.request({ type: "mcp", data: close });
    expect((refused.data as Json).error).toMatchObject({ code: RPC_ERROR.INVALID_REQUEST });
    // Nor can another client close it over POST /mcp.
    expect(errorCode(await rpc(app, close))).toBe(RPC_ERROR.INVALID_REQUEST);
    expect(app.sessions.size).toBe(1);
  });

  it("WS /mcp: one session per connection, a reply per request in order, parse errors survived", async () => {
    const app = await build();
    const url = (await listen(app)).replace(/\/ws$/, "/mcp");
    const ws = await TestSocket.open(url);
    expect(app.sessions.size).toBe(1);
    const created = await ws.request({ jsonrpc: "2.0", id: 1, method: "openenv/session/create" });
    expect(created.result).toMatchObject({ session_id: expect.any(String) });
    expect(errorCode(await ws.request("{nope"))).toBe(RPC_ERROR.PARSE_ERROR);
    expect(errorCode(await ws.request({ jsonrpc: "2.0", id: 2, method: "tools/list" }))).toBe(
      RPC_ERROR.INTERNAL_ERROR,
    );
    expect(errorCode(await ws.request({ jsonrpc: "2.0", id: 3, method: "nope" }))).toBe(
      RPC_ERROR.METHOD_NOT_FOUND,
    );
    ws.ws.close();
    await ws.waitClosed();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(app.sessions.size).toBe(0);
  });

  it("WS /mcp closes an idle connection with 4408", async () => {
    const app = await build({ SESSION_TIMEOUT_S: "1" });
    const ws = await TestSocket.open((await listen(app)).replace(/\/ws$/, "/mcp"));
    expect((await ws.waitClosed(3000)).code).toBe(WS_CLOSE.idle.code);
  });

  it("GET /mcp without an upgrade answers 426 UPGRADE_REQUIRED", async () => {
    const app = await build();
    const res = await app.inject({ method: "GET", url: "/mcp" });
    expect(res.statusCode).toBe(426);
    expect(res.json()).toMatchObject({ code: "UPGRADE_REQUIRED" });
  });
});
