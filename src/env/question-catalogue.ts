// The question catalogue: the bank's questions as a model sees them (prompt included), never their answers,
// listed with filters or drawn as /reset draws them.
import { z } from "zod";
import { PHASE_MIX, showsDifficulty } from "../core/curriculum.js";
import { DEFAULT_RESPONSE_FORMAT, type ResponseFormat } from "../core/response-format.js";
import { DIFFICULTIES, Difficulty, Domain, type Phase } from "../core/taxonomy.js";
import type { TaskBank } from "../tasks/bank.js";
import type { SourceKind } from "../tasks/bucket.js";
import { buildPrompt, ChatMessage } from "../tasks/prompt.js";
import { SampleError, type SampleRequest, TaskSampler } from "../tasks/sampler.js";
import { type Task, TaskSource } from "../tasks/task.js";
import { envError } from "./errors.js";

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
    answerable: z
      .boolean()
      .describe("false for a question that cannot be answered: declining is its right answer"),
  })
  .meta({ id: "Question" });
export type Question = z.infer<typeof Question>;

/** How far into a seeded draw stream a page may reach: each page replays the stream from its start. */
export const MAX_DRAWS = 100_000;

/** Which questions: `phase` narrows the difficulties to the phase's; without it, the current phase's prompts. */
export interface CatalogueQuery {
  domain?: Domain | undefined;
  difficulty?: Difficulty | undefined;
  phase?: Phase | undefined;
  source?: SourceKind | undefined;
  seed?: number | undefined;
  /** false: only questions that cannot be answered; true: none of them; absent: both (listing) or as /reset. */
  answerable?: boolean | undefined;
  /** The format the prompts ask for (default tags). */
  response_format?: ResponseFormat | undefined;
}

export interface CataloguePage {
  items: Question[];
  total: number;
}

export function toQuestion(
  task: Task,
  showDifficulty: boolean,
  responseFormat: ResponseFormat = DEFAULT_RESPONSE_FORMAT,
): Question {
  const prompt = buildPrompt(task, { showDifficulty, responseFormat });
  return {
    task_id: task.id,
    domain: task.domain,
    difficulty: task.difficulty,
    question: task.question,
    choices: task.choices,
    prompt: prompt.text,
    messages: prompt.messages,
    source: task.source,
    answerable: task.answerable,
  };
}

const phaseDifficulties = (phase: Phase) => DIFFICULTIES.filter((d) => PHASE_MIX[phase as 1 | 2 | 3][d] > 0);

/** The questions the filters allow, each once, in bank order or a seeded shuffle; `total` counts them all. */
export function listQuestions(
  bank: TaskBank,
  query: CatalogueQuery,
  currentPhase: Phase,
  page: { offset: number; limit: number },
): CataloguePage {
  const { domain, difficulty, phase, source, seed, answerable } = query;
  const { offset, limit } = page;
  let difficulties = phase === undefined ? undefined : phaseDifficulties(phase);
  if (difficulty !== undefined) difficulties = (difficulties ?? DIFFICULTIES).filter((d) => d === difficulty);
  const list = bank.list({ domain, difficulties, source, answerable }, seed);
  const show = showsDifficulty(phase ?? currentPhase);
  const items: Question[] = [];
  for (let i = offset; i < Math.min(list.size, offset + limit); i++) {
    items.push(toQuestion(list.at(i), show, query.response_format));
  }
  return { items, total: list.size };
}

/**
 * A page of the questions /reset would draw in the phase asked (default: the current one; seed default 0), as one seeded stream: its difficulty
 * mix (a difficulty given overrides it), domains by their weights; `total` counts the questions it draws from.
 * Throws NO_TASKS when nothing can be drawn.
 */
export function drawQuestions(
  bank: TaskBank,
  query: Omit<CatalogueQuery, "source">,
  currentPhase: Phase,
  page: { offset: number; limit: number },
): CataloguePage {
  const { domain, difficulty, answerable } = query;
  const { offset, limit } = page;
  const phase = query.phase ?? currentPhase;
  // The pool the stream draws from: unanswerable questions only mix into phase 3 unless asked for.
  const pool = bank.list({
    domain,
    difficulties: difficulty ? [difficulty] : phaseDifficulties(phase),
    answerable: answerable ?? (phase === 3 ? undefined : true),
  });
  const drawn = drawTasks(bank, query.seed ?? 0, { domain, difficulty, phase, answerable }, offset + limit);
  const show = showsDifficulty(phase);
  const items = drawn.slice(offset).map((task) => toQuestion(task, show, query.response_format));
  return { items, total: pool.size };
}

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
