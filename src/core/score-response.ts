// The whole grading pipeline for one response: parse, grade the answer, pay the reward. Pure and total.
import { z } from "zod";
import { GradeResult, type GradingSpec } from "./grading/grade-result.js";
import { gradeAnswer } from "./grading/index.js";
import { ParsedResponse, type ParseOptions, parseResponse } from "./parse-response.js";
import { computeReward } from "./reward/compute-reward.js";
import type { RewardPreset } from "./reward/preset.js";
import { RewardBreakdown } from "./reward/reward-breakdown.js";
import type { TokenCounts } from "./reward/reward-input.js";

export const ScoredResponse = z
  .object({
    parsed: ParsedResponse,
    grade: GradeResult,
    reward: RewardBreakdown,
  })
  .meta({ id: "ScoredResponse" });
export type ScoredResponse = z.infer<typeof ScoredResponse>;

/**
 * `parseOptions.responseFormat` picks how the response is read; `tokens` feed a preset's length term.
 * On an unanswerable question (grader "unanswerable") declining is the right answer: the confidence is read
 * uncapped, as the model's confidence that declining is right, and the reward is the preset's ordinary one for
 * a right (decline) or wrong (any answer) response, never the fixed abstention reward. Other tasks: unchanged.
 * @example scoreResponse(task, "<confidence>70</confidence><answer>4</answer>", getPreset("calibrated")).reward.total
 */
export function scoreResponse(
  spec: GradingSpec,
  response: unknown,
  preset: RewardPreset,
  parseOptions?: ParseOptions,
  tokens?: TokenCounts,
): ScoredResponse {
  const declineIsRight = spec?.grader === "unanswerable";
  const parsed = parseResponse(response, declineIsRight ? uncapped(parseOptions) : parseOptions);
  // An empty or missing answer is never graded (no grader may be satisfied by nothing).
  const grade = gradeAnswer(spec, parsed.answer);
  const reward = computeReward(preset, {
    confidence: parsed.confidence,
    correct: grade.correct,
    score: grade.score,
    abstained: declineIsRight ? false : parsed.abstained,
    format: parsed.format,
    completion_tokens: tokens?.completion_tokens,
    max_tokens: tokens?.max_tokens,
  });
  return { parsed, grade, reward };
}

const uncapped = (options: ParseOptions | undefined): ParseOptions => ({ ...options, abstentionCap: 100 });

/** A scored response as the flat fields every reply and record names the same way. */
export interface ScoredFields {
  reward: number;
  components: ScoredResponse["reward"]["components"];
  is_correct: boolean;
  score: number;
  parsed_confidence: number;
  parsed_answer: string;
  abstained: boolean;
  format: ScoredResponse["parsed"]["format"];
  grading_method: string;
}

/**
 * The one projection of a scored response: /reward results, observations, history records and eval verdicts
 * all read their verdict fields from here.
 * @example scoredFields(scoreResponse(task, "<confidence>70</confidence><answer>4</answer>", preset)).is_correct
 */
export function scoredFields({ parsed, grade, reward }: ScoredResponse): ScoredFields {
  return {
    reward: reward.total,
    components: reward.components,
    is_correct: grade.correct,
    score: grade.score,
    parsed_confidence: parsed.confidence,
    parsed_answer: parsed.answer,
    abstained: parsed.abstained,
    format: parsed.format,
    grading_method: grade.method,
  };
}
