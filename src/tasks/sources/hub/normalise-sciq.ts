// SciQ (allenai/sciq): crowd-sourced science questions with one correct answer and three distractors.
import { createRng, hashSeed } from "../../../core/rng.js";
import type { Difficulty } from "../../../core/taxonomy.js";
import { optionLetter, type Task } from "../../task.js";
import { finishHubTask, type HubRow, type NormaliseContext } from "./hub-task.js";
import { text, wordCount } from "./row-values.js";

/** Difficulty rule, by question length: <= 10 words easy, 11-17 medium, >= 18 hard. */
export function sciqDifficulty(question: string): Difficulty {
  const words = wordCount(question);
  if (words <= 10) return "easy";
  return words <= 17 ? "medium" : "hard";
}

/**
 * The four options in a seeded order (`hashSeed("sciq", split, index)`), so every run shows the same exam;
 * `answerIndex` is where the correct answer landed.
 * @example sciqOptions("Mars", ["Venus", "Earth", "Moon"], "train", 5).choices.length // 4
 */
export function sciqOptions(
  correct: string,
  distractors: readonly string[],
  split: string,
  index: number,
): { choices: string[]; answerIndex: number } {
  const options = [correct, ...distractors];
  const order = createRng(hashSeed("sciq", split, index)).shuffle(options.map((_, i) => i));
  return { choices: order.map((i) => options[i] as string), answerIndex: order.indexOf(0) };
}

/** A SciQ row as a multiple-choice task; null when an option is missing or two options read the same. */
export function normaliseSciq(row: HubRow, index: number, context: NormaliseContext): Task | null {
  const question = text(row.question);
  const correct = text(row.correct_answer);
  const distractors = [text(row.distractor1), text(row.distractor2), text(row.distractor3)];
  if (question === null || correct === null || distractors.some((option) => option === null)) return null;
  const all = [correct, ...(distractors as string[])];
  if (new Set(all.map((option) => option.toLowerCase())).size !== all.length) return null;
  const { choices, answerIndex } = sciqOptions(correct, distractors as string[], context.split, index);
  return finishHubTask(
    {
      difficulty: sciqDifficulty(question),
      question,
      choices,
      answer: optionLetter(answerIndex),
      answer_index: answerIndex,
      aliases: [],
      grader: "multiple_choice",
    },
    index,
    context,
  );
}
