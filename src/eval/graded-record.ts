// One graded response: what the metrics read, plus the keys that group and pair it.
import { type CanonicalAnswer, canonicalAnswer } from "../core/grading/canonical-answer.js";
import type { EpisodeOutcome } from "../core/metrics/episode-outcome.js";
import type { ParseOptions } from "../core/parse-response.js";
import type { RewardPreset } from "../core/reward/preset.js";
import { scoredFields, scoreResponse } from "../core/score-response.js";
import type { Difficulty, Domain } from "../core/taxonomy.js";
import type { ResponseEntry } from "./response-lines.js";

export interface GradedRecord {
  /** 1-based line of the input (for a baseline run: position in the evaluation set). */
  line: number;
  /** Task id, or the question text for an unnamed out-of-bank task; pairs records across runs. */
  key: string;
  domain: Domain | null;
  difficulty: Difficulty | null;
  /** What computeMetrics reads; its domain is a stand-in when unknown (batch metrics never read it). */
  outcome: EpisodeOutcome;
  /** The grader's comparable reading of the answer, for votes over several responses (set by gradeEntry). */
  answer?: CanonicalAnswer;
  /** How the response was read and graded, for `eval --records` (set by gradeEntry). */
  verdict?: GradedVerdict;
}

/** One line of `eval --records`: a person can read why a response earned what it did. */
export interface GradedVerdict {
  /** 1-based line of the input file. */
  line: number;
  task_id: string | null;
  is_correct: boolean;
  score: number;
  parsed_answer: string;
  parsed_confidence: number;
  format: EpisodeOutcome["format"];
  grading_method: string;
  reward: number;
}

/** Stand-in for records without a domain; grouping by domain uses GradedRecord.domain, never this. */
const NO_DOMAIN: Domain = "factual";

/**
 * Grades one entry through the same parser, graders and reward as the live environment.
 * @example gradeEntry(entry, getPreset("calibrated")).outcome.correct
 */
export function gradeEntry(
  entry: ResponseEntry,
  preset: RewardPreset,
  parseOptions?: ParseOptions,
): GradedRecord {
  const scored = scoreResponse(entry.spec, entry.response, preset, parseOptions);
  const { parsed, grade } = scored;
  const fields = scoredFields(scored);
  return {
    line: entry.line,
    key: entry.key,
    domain: entry.domain,
    difficulty: entry.difficulty,
    outcome: {
      confidence: fields.parsed_confidence,
      correct: fields.is_correct,
      abstained: fields.abstained,
      // The grader decides, as in scoreResponse: only "unanswerable" tasks make declining right.
      answerable: entry.spec.grader !== "unanswerable",
      format: fields.format,
      reward: fields.reward,
      domain: entry.domain ?? NO_DOMAIN,
      difficulty: entry.difficulty,
    },
    answer: canonicalAnswer(entry.spec, grade, parsed.abstained),
    verdict: {
      line: entry.line,
      task_id: entry.taskId,
      is_correct: fields.is_correct,
      score: fields.score,
      parsed_answer: fields.parsed_answer,
      parsed_confidence: fields.parsed_confidence,
      format: fields.format,
      grading_method: fields.grading_method,
      reward: fields.reward,
    },
  };
}
