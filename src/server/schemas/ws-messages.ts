// The /ws envelopes both ways, as OpenEnv's WS message models define them, and the reader of client frames.
import type { RawData } from "ws";
import { z } from "zod";
import { issueDetails } from "../../core/validation-issues.js";
import { Action, EnvState, StepResult } from "../../env/observation.js";
import { ResetOptions } from "../../env/reset-options.js";

/**
 * Close codes the WebSocket routes send. 1009 (message too big) and 1007 (text frame not UTF-8) come from the
 * `ws` library itself. 4408 is ours (4000-4999 belong to applications; 408 as in "Request Timeout").
 */
export const WS_CLOSE = {
  normal: { code: 1000, reason: "session closed" },
  capacity: { code: 1000, reason: "server at capacity (MAX_CONCURRENT_ENVS)" },
  shutdown: { code: 1001, reason: "server shutting down" },
  serverError: { code: 1011, reason: "internal server error" },
  idle: { code: 4408, reason: "session idle for longer than SESSION_TIMEOUT_S" },
  /** 429 as in "Too Many Requests": the client sends requests but does not read the replies. */
  slowReader: { code: 4429, reason: "replies left unread for too long; read replies before sending more" },
} as const;

/** A frame's payload as text. */
export function frameText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString("utf8");
  if (Array.isArray(data)) return Buffer.concat(data).toString("utf8");
  return Buffer.from(data).toString("utf8");
}

export const WsResetMessage = z
  .strictObject({
    type: z.literal("reset").describe("Start an episode"),
    data: ResetOptions.optional().describe("Reset options, as in the body of POST /reset (default {})"),
  })
  .meta({ id: "WsResetMessage" });

export const WsStepMessage = z
  .strictObject({
    type: z.literal("step").describe("Answer the current question"),
    data: Action.describe("The action: {response, metadata?}; no other keys"),
  })
  .meta({ id: "WsStepMessage" });

export const WsStateMessage = z
  .strictObject({ type: z.literal("state").describe("Ask for the session's state") })
  .meta({ id: "WsStateMessage" });

export const WsCloseMessage = z
  .strictObject({ type: z.literal("close").describe("End the session; the server closes with 1000") })
  .meta({ id: "WsCloseMessage" });

export const WsMcpMessage = z
  .strictObject({
    type: z.literal("mcp").describe("A JSON-RPC 2.0 request for the MCP interface"),
    data: z.record(z.string(), z.unknown()).describe("The JSON-RPC request object"),
  })
  .meta({ id: "WsMcpMessage" });

export const WsClientMessage = z
  .discriminatedUnion("type", [WsResetMessage, WsStepMessage, WsStateMessage, WsCloseMessage, WsMcpMessage])
  .meta({ id: "WsClientMessage" });
export type WsClientMessage = z.infer<typeof WsClientMessage>;

export const WS_MESSAGE_TYPES = ["reset", "step", "state", "close", "mcp"] as const;
export type WsMessageType = (typeof WS_MESSAGE_TYPES)[number];

/** The shape of each client envelope, quoted in error messages. */
export const WS_EXPECTED: Record<WsMessageType, string> = {
  reset: '{"type":"reset","data"?:{"seed"?:int>=0,"task_id"?:string,"domain"?:string,...}}',
  step: '{"type":"step","data":{"response":string,"metadata"?:object}}',
  state: '{"type":"state"}',
  close: '{"type":"close"}',
  mcp: '{"type":"mcp","data":{"jsonrpc":"2.0","method":string,"id"?:string|number}}',
};

export const WsErrorCode = z
  .enum([
    "INVALID_JSON",
    "UNKNOWN_TYPE",
    "VALIDATION_ERROR",
    "EXECUTION_ERROR",
    "CAPACITY_REACHED",
    "FACTORY_ERROR",
    "SESSION_ERROR",
  ])
  .describe("OpenEnv's WebSocket error code; the first four leave the session open, the others close it")
  .meta({ id: "WsErrorCode" });
export type WsErrorCode = z.infer<typeof WsErrorCode>;

export const WsValidationIssue = z
  .object({
    type: z.string().describe("Kind of problem (zod issue code)"),
    loc: z
      .array(z.union([z.string(), z.number()]))
      .describe("Path inside the message, e.g. ['data','response']"),
    msg: z.string().describe("What was wrong"),
  })
  .meta({ id: "WsValidationIssue" });
export type WsValidationIssue = z.infer<typeof WsValidationIssue>;

export const WsErrorData = z
  .object({
    message: z.string().describe("What was wrong and what is expected"),
    code: WsErrorCode,
    errors: z.array(WsValidationIssue).optional().describe("VALIDATION_ERROR: one entry per problem"),
    echo_code: z.string().optional().describe("EXECUTION_ERROR: ECHO's own error code, e.g. EPISODE_DONE"),
    active_sessions: z.number().int().optional().describe("CAPACITY_REACHED: sessions in use"),
    max_sessions: z.number().int().optional().describe("CAPACITY_REACHED: MAX_CONCURRENT_ENVS"),
  })
  .loose()
  .meta({ id: "WsErrorData" });
export type WsErrorData = z.infer<typeof WsErrorData>;

export const WsErrorReply = z
  .strictObject({ type: z.literal("error").describe("Error reply"), data: WsErrorData })
  .meta({ id: "WsErrorReply" });

export const WsObservationReply = z
  .strictObject({
    type: z.literal("observation").describe("Reply to reset and step"),
    data: StepResult,
  })
  .meta({ id: "WsObservationReply" });

export const WsStateReply = z
  .strictObject({ type: z.literal("state").describe("Reply to state"), data: EnvState })
  .meta({ id: "WsStateReply" });

export const JsonRpcReply = z
  .object({
    jsonrpc: z.literal("2.0").describe("JSON-RPC version"),
    id: z.union([z.string(), z.number()]).nullable().describe("The request's id, or null"),
    result: z.unknown().optional().describe("Result on success"),
    error: z
      .object({
        code: z.number().int().describe("JSON-RPC error code"),
        message: z.string().describe("What went wrong"),
        data: z.unknown().describe("Extra detail, or null"),
      })
      .optional()
      .describe("Error on failure"),
  })
  .meta({ id: "JsonRpcReply" });

export const WsMcpReply = z
  .strictObject({ type: z.literal("mcp").describe("Reply to mcp"), data: JsonRpcReply })
  .meta({ id: "WsMcpReply" });

export const WsServerMessage = z
  .discriminatedUnion("type", [WsObservationReply, WsStateReply, WsMcpReply, WsErrorReply])
  .meta({ id: "WsServerMessage" });
export type WsServerMessage = z.infer<typeof WsServerMessage>;

export type ClientVerdict = { ok: true; message: WsClientMessage } | { ok: false; error: WsErrorData };

const fail = (code: WsErrorCode, message: string, errors?: WsValidationIssue[]): ClientVerdict => ({
  ok: false,
  error: { message, code, ...(errors ? { errors } : {}) },
});

const isMessageType = (t: unknown): t is WsMessageType => WS_MESSAGE_TYPES.includes(t as WsMessageType);

/**
 * Reads one text frame into a client envelope, or the error to answer with. Never throws.
 * @example readClientMessage('{"type":"state"}') // { ok: true, message: { type: "state" } }
 * @example readClientMessage('{"type":"dance"}') // { ok: false, error: { code: "UNKNOWN_TYPE", ... } }
 */
export function readClientMessage(text: string): ClientVerdict {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : "parse error";
    return fail("INVALID_JSON", `message is not valid JSON (${why}); send one JSON object per text frame`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const msg = 'a message must be a JSON object with a "type" key, e.g. {"type":"state"}';
    return fail("VALIDATION_ERROR", msg, [{ type: "invalid_type", loc: [], msg }]);
  }
  const type = (value as Record<string, unknown>).type;
  if (!isMessageType(type)) {
    const shown =
      typeof type === "string" && type.length <= 64 ? JSON.stringify(type) : "(missing or not a name)";
    return fail(
      "UNKNOWN_TYPE",
      `unknown message type ${shown}; expected one of: ${WS_MESSAGE_TYPES.join(", ")}`,
    );
  }
  const parsed = WsClientMessage.safeParse(value);
  if (parsed.success) return { ok: true, message: parsed.data };
  const errors = issueDetails(parsed.error.issues);
  return fail("VALIDATION_ERROR", `invalid "${type}" message; expected ${WS_EXPECTED[type]}`, errors);
}
