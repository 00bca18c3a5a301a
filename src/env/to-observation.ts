// The observation a reset or a step returns: pure, from the episode, its prompt (built once, at reset), the
// running calibration and, after a step, the scored response.
import { type ScoredResponse, scoredFields } from "../core/score-response.js";
import { ANSWER_LINE_TEMPLATE, type TaskPrompt } from "../tasks/prompt.js";
import type { Task } from "../tasks/task.js";
import type { Episode } from "./episode.js";
import type { Observation, RunningCalibration } from "./observation.js";

/**
 * The observation of an episode: the question alone after reset (verdict fields null), with its verdict,
 * gold answer and feedback line once `scored` is given.
 * @example toObservation(episode, prompt, running, scored).feedback // "Correct at 72% confidence. Reward 0.761."
 */
export function toObservation(
  episode: Episode,
  prompt: TaskPrompt,
  calibration: RunningCalibration,
  scored?: ScoredResponse,
): Observation {
  const { task } = episode;
  // One object literal per branch, never a spread of shared fields: a spread observation is a slow object, and
  // /reset and /step ran at two thirds of their speed.
  const fields = scored ? scoredFields(scored) : null;
  return {
    episode_id: episode.episode_id,
    task_id: task.id,
    question: task.question,
    choices: task.choices,
    prompt: prompt.text,
    messages: prompt.messages,
    domain: task.domain,
    difficulty: episode.showDifficulty ? task.difficulty : null,
    phase: episode.phase,
    reward_preset: episode.preset.name,
    response_format: episode.response_format,
    calibration,
    is_correct: fields ? fields.is_correct : null,
    parsed_confidence: fields ? fields.parsed_confidence : null,
    parsed_answer: fields ? fields.parsed_answer : null,
    abstained: fields ? fields.abstained : null,
    format: fields ? fields.format : null,
    format_issues: scored ? scored.parsed.issues.map((i) => i.code) : null,
    score: fields ? fields.score : null,
    grading_method: fields ? fields.grading_method : null,
    reward_components: fields ? fields.components : null,
    true_answer: scored ? task.answer : null,
    feedback: scored ? feedbackLine(task, scored, episode.response_format) : null,
  };
}

/** One line on what happened, for the model to read. */
export function feedbackLine(
  task: Task,
  { parsed, grade, reward }: ScoredResponse,
  format: Episode["response_format"] = "tags",
): string {
  const total = reward.total.toFixed(3);
  if (
    parsed.format === "empty" ||
    parsed.format === "missing_answer" ||
    parsed.format === "missing_confidence"
  ) {
    const expected =
      format === "answer_line"
        ? `end with the line ${ANSWER_LINE_TEMPLATE}`
        : "reply as <confidence>N</confidence><answer>...</answer>";
    return `Format problem (${parsed.format}): ${expected}. Reward ${total}.`;
  }
  if (task.answerable === false) {
    const verdict = grade.correct
      ? "Correct to decline: this question cannot be answered"
      : `Wrong: this question cannot be answered${task.unanswerable ? ` (${task.unanswerable.reason})` : ""}, so declining was right`;
    return `${verdict}; stated ${parsed.confidence}% confidence. Reward ${total}.`;
  }
  if (parsed.abstained) return `Abstained at ${parsed.confidence}% confidence. Reward ${total}.`;
  const verdict = grade.correct ? "Correct" : `Wrong (the answer is ${task.answer})`;
  return `${verdict} at ${parsed.confidence}% confidence. Reward ${total}.`;
}
