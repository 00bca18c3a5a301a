// MCP over JSON-RPC 2.0, answered as OpenEnv 0.10's reference server answers for an environment without MCP
// tools: POST /mcp, WS /mcp (one session per connection) and the /ws `mcp` envelope, plus OpenEnv's session
// methods openenv/session/create and openenv/session/close.
import type { FastifyInstance, FastifyPluginAsync } from "fastify";
import type { WebSocket } from "ws";
import { EchoError } from "../../env/errors.js";
import type { SessionRegistry } from "../../env/sessions.js";
import { upgradeRequired } from "../errors.js";
import { mayWrite } from "../plugins/auth.js";
import { ErrorReply } from "../schemas/error-reply.js";
import { frameText, JsonRpcReply, WS_CLOSE } from "../schemas/ws-messages.js";

/** OpenEnv's JsonRpcErrorCode: the JSON-RPC 2.0 codes plus -32000 for server errors such as capacity. */
export const RPC_ERROR = {
  PARSE_ERROR: -32700,
  INVALID_REQUEST: -32600,
  METHOD_NOT_FOUND: -32601,
  INVALID_PARAMS: -32602,
  INTERNAL_ERROR: -32603,
  SERVER_ERROR: -32000,
} as const;
type RpcErrorCode = (typeof RPC_ERROR)[keyof typeof RPC_ERROR];
type RpcId = string | number | null;

export type McpReply =
  | { jsonrpc: "2.0"; id: RpcId; error: { code: RpcErrorCode; message: string; data: unknown } }
  | { jsonrpc: "2.0"; id: RpcId; result: unknown };

const rpcError = (id: RpcId, code: RpcErrorCode, message: string, data: unknown = null): McpReply => ({
  jsonrpc: "2.0",
  id,
  error: { code, message, data },
});
const rpcResult = (id: RpcId, result: unknown): McpReply => ({ jsonrpc: "2.0", id, result });

/** Where a request arrived: the session of its WebSocket (null for POST /mcp) and the server's sessions. */
export interface McpContext {
  sessions: SessionRegistry;
  sessionId: string | null;
  /** False for a POST /mcp without the API key on a server that has one: it may not create or close sessions. */
  mayWrite?: boolean;
}

interface RpcRequest {
  method: string;
  params: Record<string, unknown>;
  id: RpcId;
}

const SESSION_METHODS = new Set(["openenv/session/create", "openenv/session/close"]);
const REQUEST_KEYS = new Set(["jsonrpc", "method", "params", "id"]);
const EXPECTED = 'expected {"jsonrpc":"2.0","method":string,"params"?:object,"id"?:string|integer}';

/** The request, or why it is not one (OpenEnv's JsonRpcRequest: no other keys, params an object). */
function readRequest(m: Record<string, unknown>): RpcRequest | string {
  const extra = Object.keys(m).filter((k) => !REQUEST_KEYS.has(k));
  if (extra.length > 0) return `unexpected key(s) ${extra.join(", ")}; ${EXPECTED}`;
  if (m.jsonrpc !== "2.0") return `jsonrpc must be "2.0"; ${EXPECTED}`;
  if (typeof m.method !== "string") return `method must be a string; ${EXPECTED}`;
  const id = m.id ?? null;
  if (id !== null && typeof id !== "string" && !Number.isInteger(id)) {
    return `id must be a string, an integer or null; ${EXPECTED}`;
  }
  const params = m.params === undefined ? {} : m.params;
  if (typeof params !== "object" || params === null || Array.isArray(params)) {
    return `params must be an object; ${EXPECTED}`;
  }
  return { method: m.method, params: params as Record<string, unknown>, id: id as RpcId };
}

/** The JSON-RPC reply for a raw POST /mcp body (as the reference: anything but a JSON object is a parse error). */
export function mcpReply(raw: string, ctx: McpContext): McpReply {
  let message: unknown;
  try {
    message = JSON.parse(raw);
  } catch {
    return rpcError(null, RPC_ERROR.PARSE_ERROR, "Parse error");
  }
  if (typeof message !== "object" || message === null || Array.isArray(message)) {
    return rpcError(null, RPC_ERROR.PARSE_ERROR, "Parse error");
  }
  return mcpReplyTo(message, ctx);
}

/** The JSON-RPC reply for an already parsed request (WS /mcp frames, the /ws `mcp` envelope). */
export function mcpReplyTo(message: unknown, ctx: McpContext): McpReply {
  if (typeof message !== "object" || message === null || Array.isArray(message)) {
    return rpcError(null, RPC_ERROR.INVALID_REQUEST, `Invalid request: not a JSON object; ${EXPECTED}`);
  }
  const request = readRequest(message as Record<string, unknown>);
  if (typeof request === "string")
    return rpcError(null, RPC_ERROR.INVALID_REQUEST, `Invalid request: ${request}`);
  const { method, params, id } = request;
  if (SESSION_METHODS.has(method) && ctx.mayWrite === false) {
    return rpcError(
      id,
      RPC_ERROR.SERVER_ERROR,
      `${method} needs the server's API key: send Authorization: Bearer <ECHO_API_KEY>`,
    );
  }
  if (method === "openenv/session/create") return createSession(id, ctx);
  if (method === "openenv/session/close") return closeSession(id, params, ctx);
  // Any other method may name a session created by openenv/session/create; an unknown one is refused first.
  const named = params.session_id;
  if (named !== undefined && named !== null && named !== "" && !ctx.sessions.get(String(named))) {
    return rpcError(id, RPC_ERROR.INVALID_PARAMS, `Unknown session_id: ${String(named)}`);
  }
  if (method === "tools/list")
    return rpcError(id, RPC_ERROR.INTERNAL_ERROR, "Environment does not support MCP");
  if (method === "tools/call") {
    if (!params.name) return rpcError(id, RPC_ERROR.INVALID_PARAMS, "Missing 'name' in params");
    return rpcError(id, RPC_ERROR.INTERNAL_ERROR, "Environment does not support MCP");
  }
  return rpcError(id, RPC_ERROR.METHOD_NOT_FOUND, `Method not found: ${method}`);
}

function createSession(id: RpcId, ctx: McpContext): McpReply {
  // On a WebSocket the connection already is a session: its id is the answer.
  if (ctx.sessionId !== null) return rpcResult(id, { session_id: ctx.sessionId });
  try {
    return rpcResult(id, { session_id: ctx.sessions.open("rpc").id });
  } catch (err) {
    if (err instanceof EchoError && err.code === "CAPACITY_REACHED") {
      return rpcError(id, RPC_ERROR.SERVER_ERROR, err.message, err.details ?? null);
    }
    throw err;
  }
}

function closeSession(id: RpcId, params: Record<string, unknown>, ctx: McpContext): McpReply {
  const target = params.session_id;
  if (!target) return rpcError(id, RPC_ERROR.INVALID_PARAMS, "Invalid params - 'session_id' is required");
  const sessionId = String(target);
  if (sessionId === ctx.sessionId) {
    return rpcError(
      id,
      RPC_ERROR.INVALID_REQUEST,
      "Cannot close active WebSocket-managed session via MCP method",
    );
  }
  switch (ctx.sessions.closeByRequest(sessionId)) {
    case "closed":
      return rpcResult(id, { session_id: sessionId, closed: true });
    case "closing":
      return rpcResult(id, { session_id: sessionId, closed: false, closing: true });
    case "socket-owned":
      return rpcError(
        id,
        RPC_ERROR.INVALID_REQUEST,
        "Cannot close active WebSocket-managed session via MCP method; close its WebSocket instead",
      );
    case "unknown":
      return rpcError(id, RPC_ERROR.INVALID_PARAMS, `Unknown session_id: ${sessionId}`);
  }
}

/** WS /mcp: one session per connection, JSON-RPC requests in, one JSON-RPC reply each, in order. */
function openMcpSocket(app: FastifyInstance, socket: WebSocket): void {
  const send = (reply: McpReply) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(reply));
  };
  let sessionId: string;
  try {
    const session = app.sessions.open();
    session.onIdle = () => socket.close(WS_CLOSE.idle.code, WS_CLOSE.idle.reason);
    sessionId = session.id;
  } catch (err) {
    const capacity = err instanceof EchoError && err.code === "CAPACITY_REACHED";
    send(
      rpcError(
        null,
        RPC_ERROR.SERVER_ERROR,
        capacity ? err.message : "could not create an environment for this session; try again later",
        capacity ? (err.details ?? null) : null,
      ),
    );
    socket.close(capacity ? WS_CLOSE.capacity.code : WS_CLOSE.serverError.code);
    return;
  }
  const ctx: McpContext = { sessions: app.sessions, sessionId };
  socket.on("message", (data, isBinary) => {
    const session = app.sessions.get(sessionId);
    if (session) app.sessions.touch(session);
    let message: unknown;
    try {
      if (isBinary) throw new Error("binary frame; send JSON as a text frame");
      message = JSON.parse(frameText(data));
    } catch (error) {
      const why = error instanceof Error ? error.message : "not JSON";
      send(rpcError(null, RPC_ERROR.PARSE_ERROR, `Parse error: ${why}`));
      return;
    }
    send(mcpReplyTo(message, ctx));
  });
  socket.on("close", () => app.sessions.close(sessionId));
}

// Encapsulated so its raw-body parser does not leak: malformed JSON must get -32700 with HTTP 200, not a 422.
export const mcpRoutes: FastifyPluginAsync = async (app) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "string" }, (_request, body, done) => done(null, body));
  app.post(
    "/mcp",
    {
      // Changes no episode, and `openenv validate` posts {} here without a key: a read, not a write.
      config: { access: "read" },
      schema: {
        summary: "MCP over JSON-RPC 2.0 (this environment has no MCP tools)",
        description:
          "Always HTTP 200 with a JSON-RPC reply: -32700 parse error, -32600 invalid request, -32601 unknown " +
          "method, -32602 invalid params (e.g. an unknown session_id), -32603 for tools/list and tools/call " +
          "(no MCP tools here), -32000 server error (e.g. at capacity). openenv/session/create returns " +
          "{session_id} of a new session that GET /ws?session_id=... attaches to; openenv/session/close " +
          "{session_id} closes it. The same requests go over the WebSocket at GET /mcp.",
        tags: ["openenv"],
        response: { 200: JsonRpcReply },
      },
    },
    async (request) =>
      mcpReply(typeof request.body === "string" ? request.body : "", {
        sessions: app.sessions,
        sessionId: null,
        mayWrite: mayWrite(request, app.config.ECHO_API_KEY),
      }),
  );
  app.route({
    method: "GET",
    url: "/mcp",
    schema: {
      summary: "MCP over JSON-RPC 2.0 on a WebSocket (upgrade required)",
      description:
        "One session per connection; each text frame is one JSON-RPC request, answered in order, with the " +
        "codes of POST /mcp. A plain GET without the upgrade answers 426.",
      tags: ["openenv"],
      response: { 426: ErrorReply },
    },
    handler: upgradeRequired(
      "/mcp",
      '(ws://host/mcp) and send JSON-RPC requests, or POST one here, e.g. {"jsonrpc":"2.0","method":"tools/list","id":1}',
    ),
    wsHandler: (socket) => openMcpSocket(app, socket),
  });
};
