// The honest simulation of knowing: a seeded coin per task decides whether an agent knows it; guesses are wrong.
import { gradeAnswer } from "../core/grading/index.js";
import { createRng, hashSeed, type Rng } from "../core/rng.js";
import { optionLetter, type Task } from "../tasks/task.js";

/** What an agent says when it declines; the parser reads it as an abstention (confidence capped). */
export const ABSTAIN_ANSWER = "I don't know";

/** Generic guesses for open questions when no other task's answer fits. */
const FALLBACK_GUESSES = ["42", "Zanzibar", "blue", "none of the above", "1066"];

/**
 * A uniform number in [0, 1) fixed by (seed, task id) alone, so every agent sees the same draw: an agent
 * knows the task when the draw is below its skill, and a more skilled agent knows a superset of the tasks
 * a less skilled one knows. A task that appears twice is known both times or neither.
 * @example knowledgeDraw(1, "curated/factual/easy/001") < 0.8 // whether an agent of skill 0.8 knows it
 */
export function knowledgeDraw(seed: number, taskId: string): number {
  return createRng(hashSeed("baseline/knows", seed, taskId)).next();
}

/** A second per-task draw, independent of the first: decides whether an agent that does not know abstains. */
export function abstentionDraw(seed: number, taskId: string): number {
  return createRng(hashSeed("baseline/abstains", seed, taskId)).next();
}

/** Rounds to the number of decimals the gold was written with, so 0.1 + 1 prints as 1.1. */
function formatLike(value: number, gold: string): string {
  const decimals = /\.(\d+)$/.exec(gold.trim())?.[1]?.length ?? 0;
  return value.toFixed(decimals);
}

function numericGuesses(task: Task, rng: Rng): string[] {
  const gold = Number(task.answer.trim().replace(/,/g, ""));
  if (!Number.isFinite(gold)) return [];
  const near = rng.shuffle([gold + 1, gold - 1, gold + 2, gold * 2]);
  return [...near, gold + 10, -gold - 1].map((v) => formatLike(v, task.answer));
}

/** Candidate guesses in the order they are tried; each is checked against the grader before use. */
function guessesFor(task: Task, rng: Rng, decoys: readonly string[]): string[] {
  switch (task.grader) {
    case "multiple_choice": {
      const others = (task.choices ?? []).map((_, i) => i).filter((i) => i !== task.answer_index);
      return rng.shuffle(others).map(optionLetter);
    }
    case "yes_no":
      return [/^\s*(yes|true)/i.test(task.answer) ? "no" : "yes"];
    case "numeric":
      return [...numericGuesses(task, rng), ...rng.shuffle(decoys)];
    default:
      return [...rng.shuffle(decoys), ...FALLBACK_GUESSES];
  }
}

/**
 * A plausible wrong answer to a task the agent does not know: another option letter, a nearby number, the
 * answer to a different task (`decoys`), or a generic guess. The gold is read only to make sure the guess is
 * wrong (the task's own grader must mark it wrong), so a guess can never score; when no candidate is wrong
 * the agent abstains instead.
 * @example wrongAnswer(task, 1, ["Paris", "Tokyo"]) // e.g. "C" for a multiple-choice task whose gold is "A"
 */
export function wrongAnswer(task: Task, seed: number, decoys: readonly string[]): string {
  const rng = createRng(hashSeed("baseline/guess", seed, task.id));
  for (const guess of guessesFor(task, rng, decoys)) {
    if (guess.trim() !== "" && !gradeAnswer(task, guess).correct) return guess;
  }
  return ABSTAIN_ANSWER;
}

/** The answer a task's gold gives when the agent knows it: the gold itself (the option letter for multiple choice). */
export function knownAnswer(task: Task): string {
  return task.answer;
}
