// Every error ECHO reports, in one table: the environment's (env/errors.ts) and the transport's own codes.
// The environment's live below the server (the layer rule), so the server adds only what HTTP itself refuses.
import { type EchoError, ENV_ERRORS, type ErrorTable, errorsOf, spec } from "../env/errors.js";

export const TRANSPORT_ERRORS = {
  VALIDATION_ERROR: spec(422, "The request does not match the schema", (p: { problem: string }) => p.problem),
  BATCH_TOO_LARGE: spec(
    413,
    "Too many items in one /reward batch",
    (p: { items: number; max_batch: number }) =>
      `the batch has ${p.items} items but this server scores at most ${p.max_batch} per /reward ` +
      "call (ECHO_MAX_BATCH); split it into smaller batches",
  ),
  UNAUTHORIZED: spec(
    401,
    "A valid API key is required",
    (p: { reason: "missing" | "invalid"; websocket: boolean }) => {
      const how = p.websocket
        ? "send Authorization: Bearer <key>, or ?token=<key> from a browser"
        : "send Authorization: Bearer <key>";
      return p.reason === "missing"
        ? `this route needs the server's API key (ECHO_API_KEY): ${how}`
        : `the API key sent is not this server's (ECHO_API_KEY); ${how}`;
    },
  ),
  NOT_FOUND: spec(
    404,
    "No such route",
    (p: { method: string; path: string }) => `no route ${p.method} ${p.path}; see /docs for the API`,
  ),
  UPGRADE_REQUIRED: spec(
    426,
    "A WebSocket route was called without a WebSocket upgrade",
    (p: { route: string; how: string }) =>
      `GET ${p.route} is a WebSocket endpoint: connect with a WebSocket client ${p.how}`,
  ),
  BAD_REQUEST: spec(
    400,
    "The request could not be read (e.g. a bad Content-Length)",
    (p: { reason: string }) => p.reason,
  ),
  BODY_TOO_LARGE: spec(
    413,
    "The request body is larger than the server accepts",
    (p: { limit: number }) =>
      `request body is larger than the ${p.limit} bytes accepted; send less, or split a batch`,
  ),
  UNSUPPORTED_MEDIA_TYPE: spec(
    415,
    "The body's Content-Type is not application/json",
    () => "unsupported Content-Type; send the body as JSON with Content-Type: application/json",
  ),
  INTERNAL_ERROR: spec(500, "Unexpected server error", () => "internal server error"),
} as const satisfies ErrorTable;

export const ERROR_TABLE = { ...ENV_ERRORS, ...TRANSPORT_ERRORS } as const;
export type ErrorCode = keyof typeof ERROR_TABLE;

/** Any error of the table: `throw serverError("BATCH_TOO_LARGE", { items, max_batch })`. */
export const serverError = errorsOf(ERROR_TABLE);

/** The body of an error reply: {detail, code, ...details}. */
export const bodyOf = (error: EchoError) => ({ detail: error.message, code: error.code, ...error.details });
