// Multiple-choice helpers: options in a seeded order, with the answer index and letter kept in step.
import type { Rng } from "../../core/rng.js";
import { optionLetter } from "../task.js";

export interface ChoiceSet {
  choices: string[];
  answer_index: number;
  answer: string;
}

/** Shuffles the correct option among the distractors; throws if any two options coincide (a generator bug). */
export function shuffledChoices(rng: Rng, correct: string, distractors: readonly string[]): ChoiceSet {
  const options = [correct, ...distractors];
  if (new Set(options).size !== options.length) {
    throw new Error(`duplicate options: ${JSON.stringify(options)}`);
  }
  const choices = rng.shuffle(options);
  const answerIndex = choices.indexOf(correct);
  return { choices, answer_index: answerIndex, answer: optionLetter(answerIndex) };
}

/** Options in a fixed, natural order (e.g. weekdays Monday to Sunday). */
export function fixedChoices(options: readonly string[], correct: string): ChoiceSet {
  const answerIndex = options.indexOf(correct);
  if (answerIndex < 0 || new Set(options).size !== options.length) {
    throw new Error(`bad fixed options for ${correct}: ${JSON.stringify(options)}`);
  }
  return { choices: [...options], answer_index: answerIndex, answer: optionLetter(answerIndex) };
}

/**
 * Picks `count` distinct distractors from candidates (in a seeded order), skipping the correct value and
 * repeats; returns null when there are not enough.
 */
export function pickDistractors(
  rng: Rng,
  correct: string,
  candidates: readonly string[],
  count: number,
): string[] | null {
  const seen = new Set([correct]);
  const out: string[] = [];
  for (const c of rng.shuffle(candidates)) {
    if (seen.has(c)) continue;
    seen.add(c);
    out.push(c);
    if (out.length === count) return out;
  }
  return null;
}
