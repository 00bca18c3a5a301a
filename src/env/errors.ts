// Every error ECHO reports on purpose, in one table: a stable code, an HTTP status, and what it means.
export const ERROR_TABLE = {
  VALIDATION_ERROR: { status: 422, summary: "The request does not match the schema" },
  EPISODE_NOT_FOUND: { status: 404, summary: "No episode with that id (finished HTTP episodes expire)" },
  NO_ACTIVE_EPISODE: { status: 409, summary: "step was called before reset (or on a fresh session)" },
  SESSION_NOT_FOUND: {
    status: 404,
    summary: "No free session with that session_id to attach a WebSocket to",
  },
  EPISODE_DONE: { status: 409, summary: "The episode is finished; call reset for a new one" },
  EPISODE_ID_IN_USE: { status: 409, summary: "An unfinished HTTP episode already has that episode_id" },
  TASK_NOT_FOUND: { status: 404, summary: "No task with that id in the bank" },
  NO_TASKS: { status: 422, summary: "No task in the bank matches the request" },
  UNKNOWN_PRESET: { status: 422, summary: "No reward preset with that name" },
  UNKNOWN_DOMAIN: { status: 404, summary: "No such domain" },
  UNKNOWN_EVAL_TASK: { status: 404, summary: "No evaluation task with that name" },
  BATCH_TOO_LARGE: { status: 413, summary: "Too many items in one /reward batch" },
  CAPACITY_REACHED: { status: 503, summary: "The server holds as many sessions as it is allowed to" },
  STORAGE_UNAVAILABLE: {
    status: 503,
    summary:
      "The history cannot be written (disk full, read-only, locked, removed or I/O error); nothing was " +
      "recorded: retry after Retry-After seconds",
  },
  UNAUTHORIZED: { status: 401, summary: "A valid API key is required" },
  NOT_FOUND: { status: 404, summary: "No such route" },
  UPGRADE_REQUIRED: { status: 426, summary: "A WebSocket route was called without a WebSocket upgrade" },
  BAD_REQUEST: { status: 400, summary: "The request could not be read (e.g. a bad Content-Length)" },
  BODY_TOO_LARGE: { status: 413, summary: "The request body is larger than the server accepts" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, summary: "The body's Content-Type is not application/json" },
  INTERNAL_ERROR: { status: 500, summary: "Unexpected server error" },
} as const satisfies Record<string, { status: number; summary: string }>;

export type ErrorCode = keyof typeof ERROR_TABLE;

/** An error meant for the client: its message says what was wrong and what is expected. */
export class EchoError extends Error {
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "EchoError";
    this.statusCode = ERROR_TABLE[code].status;
  }
}
