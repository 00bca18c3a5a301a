// GET /questions and /questions/{id}: browse the bank's questions as a model sees them, never their answers.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { showsDifficulty } from "../../core/curriculum.js";
import { RESPONSE_FORMATS } from "../../core/response-format.js";
import { Difficulty, Domain, PhaseQuery } from "../../core/taxonomy.js";
import {
  drawQuestions,
  listQuestions,
  MAX_DRAWS,
  Question,
  toQuestion,
} from "../../env/question-catalogue.js";
import { SOURCE_KINDS } from "../../tasks/task.js";
import { serverError } from "../error-table.js";
import { ErrorReply, UnprocessableReply } from "../schemas/error-reply.js";
import { pageOf, pagingQuery } from "../schemas/paging.js";

export const QuestionsQuery = z.object({
  domain: Domain.optional().describe("Only questions of this domain"),
  difficulty: Difficulty.optional().describe("Only questions of this difficulty"),
  phase: PhaseQuery.optional().describe(
    "Only the difficulties this curriculum phase draws (1: easy; 2: easy, medium; 3: all); it also " +
      "decides whether prompts show the difficulty (phase 1 only). Default: the current phase's prompts",
  ),
  source: z
    .enum(SOURCE_KINDS)
    .optional()
    .describe("Only questions from this source: generated, curated or hub"),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .describe(
      "With order=list, a seeded shuffle (the same seed gives the same order; default: bank order); with " +
        "order=draw, the sampler's seed (default 0)",
    ),
  order: z
    .enum(["list", "draw"])
    .default("list")
    .describe(
      "list: the questions the filters allow, each once (total of them). draw: questions drawn as /reset " +
        "draws them in the phase (default: the current one): its difficulty mix (phase 3: 20/40/40 with " +
        "adversarial items and 10% questions that cannot be answered; a difficulty given overrides the mix), domains by their weights, no repeat within a " +
        "bucket until it is exhausted; a page is a slice of one seeded stream, total counts the questions it " +
        "draws from. draw does not take source",
    ),
  answerable: z
    .enum(["true", "false"])
    .optional()
    .describe(
      "false: only questions that cannot be answered (declining is right); true: none of them. Default: with " +
        "order=list both (those that cannot be answered after the rest), with order=draw as /reset draws",
    ),
  response_format: z
    .enum(RESPONSE_FORMATS)
    .optional()
    .describe("The format the prompts ask for: tags (default) or answer_line, as reset's response_format"),
  ...pagingQuery(50, 1000),
});

export const QuestionPage = pageOf(Question, "Questions of this page, without their answers").meta({
  id: "QuestionPage",
});

/** order=draw pages: they draw from every source, and replay the stream from its start up to MAX_DRAWS. */
function checkDrawPage(source: string | undefined, reach: number): void {
  if (source !== undefined) {
    throw serverError("VALIDATION_ERROR", {
      problem:
        "order=draw draws from every source as /reset does; drop source, or use order=list to filter by it",
    });
  }
  if (reach > MAX_DRAWS) {
    throw serverError(
      "VALIDATION_ERROR",
      {
        problem:
          `order=draw pages reach at most ${MAX_DRAWS} draws into the stream (offset + limit); ` +
          "use another seed for more questions",
      },
      { max_draws: MAX_DRAWS },
    );
  }
}

export const questionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/questions",
    {
      schema: {
        summary: "List questions (never their answers)",
        description:
          "Pages through the questions the server samples from (generated pools at their pool size), with " +
          "filters; useful to build a training set whose task_ids go to POST /reward.",
        tags: ["questions"],
        querystring: QuestionsQuery,
        response: { 200: QuestionPage, 422: UnprocessableReply },
      },
    },
    async (request) => {
      const { order, limit, offset, answerable, ...rest } = request.query;
      const query = { ...rest, answerable: answerable === undefined ? undefined : answerable === "true" };
      const current = app.echo.curriculum.phase;
      if (order === "list")
        return { ...listQuestions(app.echo.bank, query, current, { offset, limit }), limit, offset };
      checkDrawPage(query.source, offset + limit);
      return { ...drawQuestions(app.echo.bank, query, current, { offset, limit }), limit, offset };
    },
  );

  app.get(
    "/questions/*",
    {
      schema: {
        summary: "One question by task id (never its answer)",
        description:
          "Task ids contain slashes: GET /questions/gen/arithmetic/v1/easy/3 (or with the slashes " +
          "percent-encoded). Any valid id is found, including generated items outside the sampling pool.",
        tags: ["questions"],
        params: z.object({ "*": z.string().describe("The task id, e.g. gen/arithmetic/v1/easy/3") }),
        response: { 200: Question, 404: ErrorReply },
      },
    },
    async (request) => {
      // Fastify has already percent-decoded the wildcard, so "a%2Fb" arrives as "a/b".
      const task = app.echo.task(request.params["*"]);
      return toQuestion(task, showsDifficulty(app.echo.curriculum.phase));
    },
  );
};
