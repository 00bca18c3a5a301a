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
  const question = {
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
  };
  if (!scored) {
    return {
      ...question,
      is_correct: null,
      parsed_confidence: null,
      parsed_answer: null,
      abstained: null,
      format: null,
      format_issues: null,
      score: null,
      grading_method: null,
      reward_components: null,
      true_answer: null,
      feedback: null,
    };
  }
  const fields = scoredFields(scored);
  return {
    ...question,
    is_correct: fields.is_correct,
    parsed_confidence: fields.parsed_confidence,
    parsed_answer: fields.parsed_answer,
    abstained: fields.abstained,
    format: fields.format,
    format_issues: scored.parsed.issues.map((i) => i.code),
    score: fields.score,
    grading_method: fields.grading_method,
    reward_components: fields.components,
    true_answer: task.answer,
    feedback: feedbackLine(task, scored, episode.response_format),
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
