// One graded episode as history keeps it: enough provenance to reproduce its reward.
import { z } from "zod";
import { FormatVerdict } from "./format-verdict.js";
import { RewardComponents } from "./reward/reward-breakdown.js";
import { Difficulty, Domain, EvalTaskName, Phase } from "./taxonomy.js";

/** Responses are stored up to this many characters (the reward was computed on the full text). */
export const STORED_RESPONSE_CHARS = 4000;

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Text cut to STORED_RESPONSE_CHARS as a string of its own. A slice would keep its whole original alive (V8
 * slices point into their parent), so a kept record could pin a 100,000-character response in memory.
 * Lone surrogates become U+FFFD, as SQLite's UTF-8 would store them anyway.
 * @example storedText("x".repeat(5000)).length // 4000
 */
export function storedText(text: string): string {
  const cut = text.length > STORED_RESPONSE_CHARS ? text.slice(0, STORED_RESPONSE_CHARS) : text;
  // A UTF-8 round trip replaces lone surrogates; without any surrogate, slicing a fresh concatenation copies
  // the characters into a new string (V8 flattens it first) at a quarter of the round trip's cost.
  if (SURROGATE.test(cut)) return Buffer.from(cut, "utf8").toString("utf8");
  return ` ${cut}`.slice(1);
}

export const EPISODE_CHANNELS = ["http", "ws", "batch"] as const;

export const EpisodeRecord = z
  .object({
    episode_id: z.string().describe("Episode id"),
    session_id: z.string().nullable().describe("WebSocket session id, or null for HTTP and batch episodes"),
    channel: z.enum(EPISODE_CHANNELS).describe("How the episode was played: http, ws or batch (/reward)"),
    task_id: z.string().describe("Task id; the task can be found or regenerated from it"),
    domain: Domain,
    difficulty: Difficulty,
    phase: Phase,
    preset: z.string().describe("Reward preset that paid the reward"),
    seed: z.number().int().nullable().describe("Seed given to reset, if any"),
    eval_task: EvalTaskName.nullable().describe(
      "Evaluation task whose draw rule picked the question (reset's task), or null; only these count for its score",
    ),
    response: z.string().describe(`The model's response, cut to ${STORED_RESPONSE_CHARS} characters`),
    parsed_answer: z.string().describe("Answer the parser extracted"),
    parsed_confidence: z.number().int().min(0).max(100).describe("Confidence the reward used (percent)"),
    abstained: z.boolean().describe("Whether the model said it does not know"),
    answerable: z
      .boolean()
      .optional()
      .describe(
        "false when the question cannot be answered (declining was right); absent on records written " +
          "before the field existed, which are all answerable",
      ),
    format: FormatVerdict,
    is_correct: z.boolean().describe("Whether the grader judged the answer correct"),
    score: z.number().min(0).max(1).describe("Grader's credit in [0, 1]"),
    reward: z.number().describe("Total reward paid"),
    components: RewardComponents,
    true_answer: z.string().describe("Gold answer"),
    created_at: z.number().describe("When the episode was reset (ms since the epoch)"),
    graded_at: z.number().describe("When the response was graded (ms since the epoch)"),
  })
  .meta({ id: "EpisodeRecord" });
export type EpisodeRecord = z.infer<typeof EpisodeRecord>;

export function outcomeOf(record: EpisodeRecord) {
  return {
    confidence: record.parsed_confidence,
    correct: record.is_correct,
    abstained: record.abstained,
    answerable: record.answerable !== false,
    format: record.format,
    reward: record.reward,
    domain: record.domain,
    difficulty: record.difficulty,
  };
}
