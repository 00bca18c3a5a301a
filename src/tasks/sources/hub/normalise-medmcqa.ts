// MedMCQA (openlifescienceai/medmcqa): medical entrance exam questions, options opa..opd, gold index cop.
import type { Difficulty } from "../../../core/taxonomy.js";
import { optionLetter, type Task } from "../../task.js";
import { finishHubTask, type HubRow, type NormaliseContext } from "./hub-task.js";
import { text, toSafeInteger, wordCount } from "./row-values.js";

const OPTION_COLUMNS = ["opa", "opb", "opc", "opd"] as const;

/**
 * Difficulty rule: `choice_type` "multi" (combinations of statements) is hard; a "single" question of at
 * most 12 words is easy; everything else is medium.
 */
export function medmcqaDifficulty(choiceType: string | null, question: string): Difficulty {
  if (choiceType === "multi") return "hard";
  return wordCount(question) <= 12 ? "easy" : "medium";
}

/**
 * A MedMCQA row as a multiple-choice task. `cop` is int64 (a BigInt from hyparquet) and is converted;
 * -1 (the unlabeled test split) or anything outside 0..3 gives null, as does a blank option.
 */
export function normaliseMedmcqa(row: HubRow, index: number, context: NormaliseContext): Task | null {
  const question = text(row.question);
  const cop = toSafeInteger(row.cop);
  const options = OPTION_COLUMNS.map((column) => text(row[column]));
  if (question === null || cop === null || cop < 0 || cop >= options.length) return null;
  if (options.some((option) => option === null)) return null;
  return finishHubTask(
    {
      difficulty: medmcqaDifficulty(text(row.choice_type), question),
      question,
      choices: options as string[],
      answer: optionLetter(cop),
      answer_index: cop,
      aliases: [],
      grader: "multiple_choice",
    },
    index,
    context,
  );
}
