// One error handler: validation problems as OpenEnv-style 422 details, EchoErrors with their code and
// status, anything unexpected as a 500 that hides internals.
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { z } from "zod";
import { EchoError } from "../env/errors.js";

export interface ValidationDetail {
  type: string;
  loc: (string | number)[];
  msg: string;
  input?: unknown;
}

/** zod issues as FastAPI-style details: where, what was wrong, and what is expected. */
export function detailsOf(issues: readonly z.core.$ZodIssue[], where: string): ValidationDetail[] {
  return issues.map((issue) => ({
    type: issue.code,
    loc: [where, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
    msg: issue.message,
    ...("input" in issue && issue.input !== undefined ? { input: issue.input } : {}),
  }));
}

function pathOf(instancePath: string): (string | number)[] {
  return instancePath
    .split("/")
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof EchoError) {
      return reply.code(error.statusCode).send({ detail: error.message, code: error.code, ...error.details });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? "body";
      const detail = error.validation.map((v) => ({
        type: v.keyword,
        loc: [where, ...pathOf(v.instancePath)],
        msg: v.message ?? "invalid value",
      }));
      return reply.code(422).send({ detail, code: "VALIDATION_ERROR" });
    }
    if (
      error.code === "FST_ERR_CTP_EMPTY_JSON_BODY" ||
      (error.statusCode === 400 && error instanceof SyntaxError)
    ) {
      return reply.code(422).send({
        detail: [
          { type: "json_invalid", loc: ["body"], msg: `request body is not valid JSON: ${error.message}` },
        ],
        code: "VALIDATION_ERROR",
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ detail: error.message, code: error.code ?? "BAD_REQUEST" });
    }
    request.log.error({ err: error }, "unhandled error");
    return reply.code(500).send({ detail: "internal server error", code: "INTERNAL_ERROR" });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      detail: `no route ${request.method} ${request.url.split("?")[0]}; see /docs for the API`,
      code: "NOT_FOUND",
    }),
  );
}
