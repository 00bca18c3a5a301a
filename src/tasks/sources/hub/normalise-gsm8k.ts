// GSM8K (openai/gsm8k, main): grade-school word problems with a worked rationale ending in "#### <answer>".
import type { Difficulty } from "../../../core/taxonomy.js";
import type { Task } from "../../task.js";
import { finishHubTask, type HubRow, type NormaliseContext } from "./hub-task.js";
import { text } from "./row-values.js";

/**
 * The gold number: the text after the last "####", thousands commas removed; null when absent or not a number.
 * @example gsm8kGold("Natalia sold 48/2 = <<48/2=24>>24 clips.\n#### 1,072") // "1072"
 */
export function gsm8kGold(answer: string): string | null {
  const at = answer.lastIndexOf("####");
  if (at < 0) return null;
  const gold = answer
    .slice(at + 4)
    .trim()
    .replace(/,/g, "")
    .replace(/^\$/, "");
  return /^-?\d+(\.\d+)?$/.test(gold) ? gold : null;
}

/**
 * Solution steps: the non-empty rationale lines before the "####" line (each GSM8K line is one step; a
 * line without a `<<calc>>` note still counts).
 * @example gsm8kSteps("a = <<1+1=2>>2\nb = 3\n#### 3") // 2
 */
export function gsm8kSteps(answer: string): number {
  const at = answer.lastIndexOf("####");
  const rationale = at < 0 ? answer : answer.slice(0, at);
  return rationale.split(/\r?\n/).filter((line) => line.trim() !== "").length;
}

/** Difficulty rule: <= 2 steps easy, 3-4 medium, >= 5 hard. */
export function gsm8kDifficulty(steps: number): Difficulty {
  if (steps <= 2) return "easy";
  return steps <= 4 ? "medium" : "hard";
}

/** A GSM8K row as a numeric task; null without a question or a numeric gold. */
export function normaliseGsm8k(row: HubRow, index: number, context: NormaliseContext): Task | null {
  const question = text(row.question);
  const answer = text(row.answer);
  if (question === null || answer === null) return null;
  const gold = gsm8kGold(answer);
  if (gold === null) return null;
  return finishHubTask(
    {
      difficulty: gsm8kDifficulty(gsm8kSteps(answer)),
      question,
      choices: null,
      answer: gold,
      answer_index: null,
      aliases: [],
      grader: "numeric",
    },
    index,
    context,
  );
}
