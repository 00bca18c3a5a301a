// What a WebSocket or JSON-RPC client is told when its session cannot open or a request fails: /ws, WS /mcp
// and POST /mcp map the environment's errors (env/errors.ts) to OpenEnv's codes here, in one place.
import type { FastifyBaseLogger } from "fastify";
import { EchoError } from "../env/errors.js";
import { WS_CLOSE, type WsErrorCode, type WsServerMessage } from "./schemas/ws-messages.js";

/** OpenEnv's JsonRpcErrorCode: the JSON-RPC 2.0 codes plus -32000 for server errors such as capacity. */
export const RPC_ERROR = {
  PARSE_ERROR: -32700,
  INVALID_REQUEST: -32600,
  METHOD_NOT_FOUND: -32601,
  INVALID_PARAMS: -32602,
  INTERNAL_ERROR: -32603,
  SERVER_ERROR: -32000,
} as const;
export type RpcErrorCode = (typeof RPC_ERROR)[keyof typeof RPC_ERROR];
export type RpcId = string | number | null;

export type McpReply =
  | { jsonrpc: "2.0"; id: RpcId; error: { code: RpcErrorCode; message: string; data: unknown } }
  | { jsonrpc: "2.0"; id: RpcId; result: unknown };

export const rpcError = (id: RpcId, code: RpcErrorCode, message: string, data: unknown = null): McpReply => ({
  jsonrpc: "2.0",
  id,
  error: { code, message, data },
});

export const wsErrorReply = (
  code: WsErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): WsServerMessage => ({ type: "error", data: { ...extra, message, code } });

const NO_ENVIRONMENT = "could not create an environment for this session; try again later";

const isCode = (err: unknown, code: string): err is EchoError =>
  err instanceof EchoError && err.code === code;

/** A /ws connection that got no session: the reply to send before closing, and the close code and reason. */
export function wsRefusal(
  err: unknown,
  log: FastifyBaseLogger,
): { reply: WsServerMessage; close: { code: number; reason: string } } {
  if (isCode(err, "CAPACITY_REACHED")) {
    log.warn({ ...err.details }, "ws session refused: at capacity");
    return { reply: wsErrorReply("CAPACITY_REACHED", err.message, err.details), close: WS_CLOSE.capacity };
  }
  if (isCode(err, "SESSION_NOT_FOUND")) {
    return {
      reply: wsErrorReply("SESSION_ERROR", err.message, { echo_code: err.code }),
      close: { code: WS_CLOSE.normal.code, reason: err.message.slice(0, 120) },
    };
  }
  log.error({ err }, "ws session could not be created");
  return {
    reply: wsErrorReply("FACTORY_ERROR", NO_ENVIRONMENT, { factory_name: "CalibrationEnv" }),
    close: WS_CLOSE.serverError,
  };
}

/** A WS /mcp connection that got no session: the JSON-RPC error to send before closing, and the close code. */
export function rpcSocketRefusal(err: unknown): { reply: McpReply; closeCode: number } {
  if (isCode(err, "CAPACITY_REACHED")) {
    return {
      reply: rpcError(null, RPC_ERROR.SERVER_ERROR, err.message, err.details ?? null),
      closeCode: WS_CLOSE.capacity.code,
    };
  }
  return {
    reply: rpcError(null, RPC_ERROR.SERVER_ERROR, NO_ENVIRONMENT),
    closeCode: WS_CLOSE.serverError.code,
  };
}

/** openenv/session/create over POST /mcp: capacity is a JSON-RPC error; anything else is the server's 500. */
export function rpcCreateRefusal(err: unknown, id: RpcId): McpReply {
  if (isCode(err, "CAPACITY_REACHED")) {
    return rpcError(id, RPC_ERROR.SERVER_ERROR, err.message, err.details ?? null);
  }
  throw err;
}

/** A /ws request that failed: the session survives, so the failure is an EXECUTION_ERROR reply. */
export function wsRequestFailure(err: unknown, type: string, log: FastifyBaseLogger): WsServerMessage {
  if (err instanceof EchoError) {
    log.info({ code: "EXECUTION_ERROR", echo_code: err.code, type }, "ws request failed");
    return wsErrorReply("EXECUTION_ERROR", err.message, { ...err.details, echo_code: err.code });
  }
  log.error({ err, type }, "ws request failed unexpectedly");
  return wsErrorReply(
    "EXECUTION_ERROR",
    `internal error while handling "${type}"; the session is still open`,
    {
      echo_code: "INTERNAL_ERROR",
    },
  );
}

/** The connection's own machinery failed (e.g. a reply that cannot be serialised): the session is closed. */
export const wsFailureReply = (): WsServerMessage =>
  wsErrorReply("SESSION_ERROR", "the session failed on the server and was closed; open a new connection");
