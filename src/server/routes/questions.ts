// GET /questions and /questions/{id}: browse the bank's questions as a model sees them, never their answers.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { PHASE_MIX, showsDifficulty } from "../../core/curriculum.js";
import { DIFFICULTIES, Difficulty, Domain, PhaseQuery } from "../../core/taxonomy.js";
import { envError } from "../../env/errors.js";
import type { TaskBank } from "../../tasks/bank.js";
import { buildPrompt, ChatMessage } from "../../tasks/prompt.js";
import { SampleError, type SampleRequest, TaskSampler } from "../../tasks/sampler.js";
import { SOURCE_KINDS, type Task, TaskSource } from "../../tasks/task.js";
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
        "adversarial items; a difficulty given overrides the mix), domains by their weights, no repeat within a " +
        "bucket until it is exhausted; a page is a slice of one seeded stream, total counts the questions it " +
        "draws from. draw does not take source",
    ),
  ...pagingQuery(50, 1000),
});

// Built field by field: replies are not filtered by their schema in production, so nothing else can leak.
export const Question = z
  .object({
    task_id: z.string().describe("Id to send to /reward or /reset (task_id)"),
    domain: Domain,
    difficulty: Difficulty,
    question: z.string().describe("The question text"),
    choices: z.array(z.string()).nullable().describe("Options, lettered A, B, C... in the prompt; or null"),
    prompt: z.string().describe("System instructions and question as one string: what the model should see"),
    messages: z.array(ChatMessage).describe("The same prompt as chat messages"),
    source: TaskSource,
  })
  .meta({ id: "Question" });
export type Question = z.infer<typeof Question>;

export const QuestionPage = pageOf(Question, "Questions of this page, without their answers").meta({
  id: "QuestionPage",
});

export function toQuestion(task: Task, showDifficulty: boolean): Question {
  const prompt = buildPrompt(task, { showDifficulty });
  return {
    task_id: task.id,
    domain: task.domain,
    difficulty: task.difficulty,
    question: task.question,
    choices: task.choices,
    prompt: prompt.text,
    messages: prompt.messages,
    source: task.source,
  };
}

/** How far into a seeded draw stream a page may reach: each page replays the stream from its start. */
export const MAX_DRAWS = 100_000;

/** The first `count` draws of a sampler seeded by `seed`: the questions /reset would draw, in order. */
function drawTasks(bank: TaskBank, seed: number, request: SampleRequest, count: number): Task[] {
  const sampler = new TaskSampler(bank, seed);
  const out: Task[] = [];
  try {
    for (let i = 0; i < count; i++) out.push(sampler.next(request));
  } catch (error) {
    if (error instanceof SampleError) throw envError("NO_TASKS", { reason: error.message });
    throw error;
  }
  return out;
}

const phaseDifficulties = (phase: 1 | 2 | 3) => DIFFICULTIES.filter((d) => PHASE_MIX[phase][d] > 0);

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
      const { domain, difficulty, phase, source, seed, order, limit, offset } = request.query;
      let difficulties = phase === undefined ? undefined : phaseDifficulties(phase as 1 | 2 | 3);
      if (difficulty !== undefined)
        difficulties = (difficulties ?? DIFFICULTIES).filter((d) => d === difficulty);
      const list = app.echo.bank.list({ domain, difficulties, source }, seed);
      const show = showsDifficulty(phase ?? app.echo.curriculum.phase);
      if (order === "draw") {
        if (source !== undefined) {
          throw serverError("VALIDATION_ERROR", {
            problem:
              "order=draw draws from every source as /reset does; drop source, or use order=list to filter by it",
          });
        }
        if (offset + limit > MAX_DRAWS) {
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
        // As on /reset, a difficulty asked for overrides the phase's mix.
        const drawPhase = (phase ?? app.echo.curriculum.phase) as 1 | 2 | 3;
        const pool = app.echo.bank.list(
          { domain, difficulties: difficulty ? [difficulty] : phaseDifficulties(drawPhase) },
          undefined,
        );
        const drawn = drawTasks(
          app.echo.bank,
          seed ?? 0,
          { domain, difficulty, phase: drawPhase },
          offset + limit,
        );
        const items = drawn.slice(offset).map((task) => toQuestion(task, show));
        return { items, total: pool.size, limit, offset };
      }
      const items: Question[] = [];
      for (let i = offset; i < Math.min(list.size, offset + limit); i++) {
        items.push(toQuestion(list.at(i), show));
      }
      return { items, total: list.size, limit, offset };
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
