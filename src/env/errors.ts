// The environment's errors, in one table: a stable code, an HTTP status, what it means and its message.
// The server adds its transport codes (server/error-table.ts); together they are every error ECHO reports.

/** One error: its HTTP status, what it means (for the docs) and its message, filled in where it is thrown. */
export interface ErrorSpec<P> {
  readonly status: number;
  readonly summary: string;
  readonly message: (params: P) => string;
}

/** A table of errors by code. */
export type ErrorTable = Readonly<Record<string, ErrorSpec<never>>>;

/** One table entry; the message template's parameter type is what its throw sites must pass. */
export const spec = <P = void>(
  status: number,
  summary: string,
  message: (params: P) => string,
): ErrorSpec<P> => ({
  status,
  summary,
  message,
});

const EXAMPLE_TASK_IDS = '"gen/arithmetic/v1/easy/3" or "curated/factual/easy/001" (see GET /questions)';

export const ENV_ERRORS = {
  EPISODE_NOT_FOUND: spec(
    404,
    "No episode with that id (finished HTTP episodes expire)",
    (p: { id: string; ttl_s: number; capacity: number }) =>
      `no episode "${p.id}": it never existed or expired (HTTP episodes last ${p.ttl_s} s ` +
      `and at most ${p.capacity} are kept); POST /reset for a new one`,
  ),
  NO_ACTIVE_EPISODE: spec(
    409,
    "step was called before reset (or on a fresh session)",
    (p: { channel: "http" | "session" }) =>
      p.channel === "http"
        ? "no HTTP episode yet: POST /reset first, then /step"
        : "no episode in this session to step: call reset first (a new connection, including one a client " +
          "reopens after an idle close, starts a fresh session with no episode)",
  ),
  SESSION_NOT_FOUND: spec(
    404,
    "No free session with that session_id to attach a WebSocket to",
    (p: { id: string; attached: boolean }) =>
      p.attached
        ? `Session ${p.id} already has an attached WebSocket`
        : `Unknown session_id: ${p.id}; create one with openenv/session/create (POST /mcp) or connect without ?session_id`,
  ),
  EPISODE_DONE: spec(
    409,
    "The episode is finished; call reset for a new one",
    (p: { id: string }) =>
      `episode ${p.id} is already finished (one step per episode); call reset for a new question`,
  ),
  EPISODE_ID_IN_USE: spec(
    409,
    "An unfinished HTTP episode already has that episode_id",
    (p: { id: string }) =>
      `episode "${p.id}" is already in progress over HTTP (reset, not yet stepped); step it first, ` +
      "or reset with another episode_id (or none, for a fresh one)",
  ),
  TASK_NOT_FOUND: spec(
    404,
    "No task with that id in the bank",
    (p: { id: string }) => `no task with id "${p.id}"; ids look like ${EXAMPLE_TASK_IDS}`,
  ),
  NO_TASKS: spec(422, "No task in the bank matches the request", (p: { reason: string }) => p.reason),
  UNKNOWN_PRESET: spec(
    422,
    "No reward preset with that name",
    // The text comes from core's one preset resolver (resolvePreset), which the CLI reports too.
    (p: { message: string }) => p.message,
  ),
  UNKNOWN_DOMAIN: spec(
    404,
    "No such domain",
    (p: { name: string; valid: readonly string[] }) =>
      `no domain named ${JSON.stringify(p.name)}; valid domains: ${p.valid.join(", ")}`,
  ),
  UNKNOWN_EVAL_TASK: spec(
    404,
    "No evaluation task with that name",
    (p: { name: string; valid: readonly string[] }) =>
      `no evaluation task named ${JSON.stringify(p.name)}; valid names: ${p.valid.join(", ")}`,
  ),
  CAPACITY_REACHED: spec(
    503,
    "The server holds as many sessions as it is allowed to",
    (p: { active: number; max: number }) =>
      `server at capacity: ${p.active} of ${p.max} sessions in use (MAX_CONCURRENT_ENVS)`,
  ),
  STORAGE_UNAVAILABLE: spec(
    503,
    "The history cannot be written (disk full, read-only, locked, removed or I/O error); nothing was " +
      "recorded: retry after Retry-After seconds",
    (p: { outcome: string; reason: string; retry_after_s?: number }) =>
      `${p.outcome}: ${p.reason}${p.retry_after_s === undefined ? "" : `; retry after ${p.retry_after_s} s`}`,
  ),
} as const satisfies ErrorTable;

/** The message of a task id the bank does not hold (also an item's error in a /reward batch). */
export const unknownTaskMessage = (id: string): string => ENV_ERRORS.TASK_NOT_FOUND.message({ id });

type ParamsOf<S> = S extends ErrorSpec<infer P> ? P : never;
type Details = Record<string, unknown>;
/** A code's arguments: its message parameters (left out when it has none), then optional details. */
type ArgsOf<S> = [ParamsOf<S>] extends [undefined]
  ? [params?: undefined, details?: Details]
  : [params: ParamsOf<S>, details?: Details];

/** An error meant for the client: its message says what was wrong and what is expected. */
export class EchoError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
    readonly details?: Details,
  ) {
    super(message);
    this.name = "EchoError";
  }
}

/**
 * The thrower of a table: an EchoError with the code's status and its message filled in from parameters.
 * @example errorsOf(ENV_ERRORS)("EPISODE_DONE", { id: "e1" }, { episode_id: "e1" })
 */
export function errorsOf<T extends ErrorTable>(table: T) {
  return <C extends keyof T & string>(code: C, ...[params, details]: ArgsOf<T[C]>): EchoError => {
    const entry = table[code] as unknown as ErrorSpec<unknown>;
    return new EchoError(code, entry.status, entry.message(params), details);
  };
}

/** An environment error: `throw envError("TASK_NOT_FOUND", { id })`. */
export const envError = errorsOf(ENV_ERRORS);
export type EnvErrorCode = keyof typeof ENV_ERRORS;
