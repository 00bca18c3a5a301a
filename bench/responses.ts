// Realistic model responses for a task: right about 60% of the time, with a confidence, sometimes reasoning first.
import type { Rng } from "../src/core/rng.js";
import { optionLetter, type Task } from "../src/tasks/task.js";

export interface ResponseOptions {
  /** Chance of answering with the gold answer (default 0.6). */
  correct?: number;
  /** Short responses only: the tags and nothing else (default false: some carry reasoning). */
  short?: boolean;
}

const REASONING = [
  "Let me think about this step by step.",
  "First I identify what the question is asking.",
  "The key quantity here follows from the numbers given.",
  "Eliminating the options that cannot be right leaves a clear candidate.",
  "I recall that this is a standard fact, though I am not completely sure.",
  "Checking the arithmetic once more gives the same result.",
];

function wrongAnswer(task: Task, rng: Rng): string {
  if (task.choices) {
    const others = task.choices.map((_, i) => i).filter((i) => i !== task.answer_index);
    return optionLetter(rng.pick(others));
  }
  if (task.grader === "numeric") {
    const gold = Number(task.answer);
    return Number.isFinite(gold) ? String(gold + rng.int(1, 9)) : "42";
  }
  if (task.grader === "yes_no") return task.answer.toLowerCase() === "yes" ? "no" : "yes";
  return rng.pick(["Paris", "photosynthesis", "the mitochondria", "Abraham Lincoln", "1066"]);
}

function rightAnswer(task: Task, rng: Rng): string {
  if (task.grader === "numeric" && rng.chance(0.3)) return `The answer is ${task.answer}.`;
  if (task.aliases.length > 0 && rng.chance(0.3)) return rng.pick(task.aliases);
  return task.answer;
}

/**
 * One response in ECHO's format for `task`.
 * @example responseFor(task, createRng(1), { short: true }) // "<confidence>72</confidence><answer>B</answer>"
 */
export function responseFor(task: Task, rng: Rng, options: ResponseOptions = {}): string {
  const right = rng.chance(options.correct ?? 0.6);
  const abstain = !right && rng.chance(0.08);
  const answer = abstain ? "I don't know" : right ? rightAnswer(task, rng) : wrongAnswer(task, rng);
  const confidence = abstain ? rng.int(0, 15) : right ? rng.int(55, 99) : rng.int(10, 90);
  const tags = `<confidence>${confidence}</confidence><answer>${answer}</answer>`;
  if (options.short) return tags;
  const style = rng.int(0, 9);
  if (style < 5) return tags;
  const steps = Array.from({ length: rng.int(2, 5) }, () => rng.pick(REASONING)).join(" ");
  return style < 8 ? `<think>${steps}</think>\n${tags}` : `${steps}\n\n${tags}`;
}
