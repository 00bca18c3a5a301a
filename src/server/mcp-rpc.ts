// MCP over JSON-RPC 2.0, answered as OpenEnv 0.10's reference server answers for an environment without MCP
// tools, plus OpenEnv's session methods openenv/session/create and openenv/session/close. Transport-free: POST
// /mcp, WS /mcp (routes/mcp.ts) and the /ws `mcp` envelope (routes/ws.ts) all answer with these functions.
import type { SessionRegistry } from "../env/sessions.js";
import { type McpReply, RPC_ERROR, type RpcId, rpcCreateRefusal, rpcError } from "./ws-errors.js";

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
    return rpcCreateRefusal(err, id);
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
