// One error handler: validation problems as OpenEnv-style 422 details, EchoErrors with their code and
// status, anything unexpected as a 500 that hides internals.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { issueDetails } from "../core/validation-issues.js";
import { EchoError } from "../env/errors.js";
import { storageFaultOf } from "../store/storage-fault.js";
import { bodyOf, type ErrorCode, serverError } from "./error-table.js";
import { ErrorReply, UnprocessableReply } from "./schemas/error-reply.js";

function pathOf(instancePath: string): (string | number)[] {
  return instancePath
    .split("/")
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Fastify's own client errors, reported under codes from our table with a message saying what to send. */
const FASTIFY_CODES: Record<string, (bodyLimit: number) => EchoError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: (limit) => serverError("BODY_TOO_LARGE", { limit }),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => serverError("UNSUPPORTED_MEDIA_TYPE"),
};

/**
 * Adds to each documented route the replies this handler can give it, so the OpenAPI document lists every
 * status a client may see: 400 (an unreadable request) everywhere, 422 where a schema checks the request, 413
 * and 415 where there is a body. A route's own entry for a status wins.
 */
function documentErrorReplies(app: FastifyInstance): void {
  app.addHook("onRoute", (route) => {
    const schema = route.schema as
      | {
          response?: Record<string, unknown>;
          body?: unknown;
          querystring?: unknown;
          params?: unknown;
          hide?: boolean;
        }
      | undefined;
    if (!schema?.response || schema.hide) return;
    const add = (status: number, reply: unknown) => {
      schema.response![status] ??= reply;
    };
    add(400, ErrorReply);
    if (schema.body || schema.querystring || schema.params) add(422, UnprocessableReply);
    if (schema.body) {
      add(413, ErrorReply);
      add(415, ErrorReply);
    }
  });
}

export function registerErrorHandler(app: FastifyInstance): void {
  documentErrorReplies(app);
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof EchoError) {
      const retryAfter = error.details?.retry_after_s;
      if (typeof retryAfter === "number") reply.header("retry-after", String(retryAfter));
      return reply.code(error.statusCode).send(bodyOf(error));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? "body";
      // The zod type provider hands over zod's issues flattened (code -> keyword, path -> instancePath).
      const issues = error.validation.map((v) => ({
        code: v.keyword,
        path: pathOf(v.instancePath),
        message: v.message ?? "invalid value",
      }));
      const detail = issueDetails(issues, [where]);
      return reply.code(422).send({ detail, code: "VALIDATION_ERROR" });
    }
    if (
      error.code === "FST_ERR_CTP_INVALID_JSON_BODY" ||
      error.code === "FST_ERR_CTP_EMPTY_JSON_BODY" ||
      (error.statusCode === 400 && error instanceof SyntaxError)
    ) {
      // Fastify's safe parser also lands here for __proto__ / constructor.prototype keys.
      const msg =
        "request body is not valid JSON (or has a forbidden __proto__ key); send a JSON object, e.g. {}";
      return reply.code(422).send({
        detail: [{ type: "json_invalid", loc: ["body"], msg }],
        code: "VALIDATION_ERROR",
      });
    }
    const mapped = FASTIFY_CODES[error.code];
    if (mapped) {
      const refused = mapped(request.routeOptions.bodyLimit);
      return reply.code(refused.statusCode).send(bodyOf(refused));
    }
    // A read the history could not serve (writes are turned into STORAGE_UNAVAILABLE where they happen).
    if (typeof error.code === "string" && error.code.startsWith("SQLITE_")) {
      const fault = storageFaultOf(error);
      request.log.warn({ err: error, cause: fault.cause }, "history read failed");
      const unavailable = serverError(
        "STORAGE_UNAVAILABLE",
        { outcome: "could not read the history", reason: fault.message, retry_after_s: fault.retryAfterS },
        { cause: fault.cause, retry_after_s: fault.retryAfterS },
      );
      return reply
        .code(unavailable.statusCode)
        .header("retry-after", String(fault.retryAfterS))
        .send(bodyOf(unavailable));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = status === 400 || !error.code ? "BAD_REQUEST" : error.code;
      return reply.code(status).send({ detail: error.message, code });
    }
    request.log.error({ err: error }, "unhandled error");
    const internal = serverError("INTERNAL_ERROR");
    return reply.code(internal.statusCode).send(bodyOf(internal));
  });

  app.setNotFoundHandler((request, reply) => {
    const missing = serverError("NOT_FOUND", {
      method: request.method,
      path: request.url.split("?")[0] ?? "",
    });
    return reply.code(missing.statusCode).send(bodyOf(missing));
  });
}

/** The handler of a WebSocket route's plain GET (no Upgrade header): 426 with what to do instead. */
export function upgradeRequired(route: string, how: string) {
  const refused = serverError("UPGRADE_REQUIRED", { route, how });
  return async (_request: FastifyRequest, reply: FastifyReply) => {
    reply.code(refused.statusCode).header("upgrade", "websocket");
    return { detail: refused.message, code: refused.code as ErrorCode };
  };
}
