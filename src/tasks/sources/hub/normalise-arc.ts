// ARC (allenai/ai2_arc, ARC-Easy / ARC-Challenge): science exam questions with 3-5 lettered or numbered options.
import type { Difficulty } from "../../../core/taxonomy.js";
import { optionLetter, type Task } from "../../task.js";
import { finishHubTask, type HubRow, type NormaliseContext } from "./hub-task.js";
import { text, wordCount } from "./row-values.js";

/** ARC-Challenge questions longer than this many words are "hard", the rest "medium". */
export const ARC_HARD_MIN_WORDS = 21;

/**
 * Difficulty rule: every ARC-Easy question is easy; an ARC-Challenge question is hard when it has at least
 * 21 words (multi-sentence scenarios), else medium.
 */
export function arcDifficulty(config: string, question: string): Difficulty {
  if (config !== "ARC-Challenge") return "easy";
  return wordCount(question) >= ARC_HARD_MIN_WORDS ? "hard" : "medium";
}

/**
 * An ARC row as a multiple-choice task, re-lettered A.. in the source order. The gold is found by index
 * (`choices.label.indexOf(answerKey)`), so numeric labels "1".."5" work; null when the key is not a label
 * or the option lists disagree.
 */
export function normaliseArc(row: HubRow, index: number, context: NormaliseContext): Task | null {
  const question = text(row.question);
  const key = typeof row.answerKey === "number" ? String(row.answerKey) : text(row.answerKey);
  const choices = row.choices as { text?: unknown; label?: unknown } | null | undefined;
  if (question === null || key === null || !choices || typeof choices !== "object") return null;
  if (!Array.isArray(choices.text) || !Array.isArray(choices.label)) return null;
  const labels = choices.label.map((label) => String(label).trim());
  const options = choices.text.map((option) => text(option));
  if (options.length !== labels.length || options.some((option) => option === null)) return null;
  const answerIndex = labels.indexOf(key);
  if (answerIndex < 0) return null;
  return finishHubTask(
    {
      difficulty: arcDifficulty(context.config, question),
      question,
      choices: options as string[],
      answer: optionLetter(answerIndex),
      answer_index: answerIndex,
      aliases: [],
      grader: "multiple_choice",
    },
    index,
    context,
  );
}
