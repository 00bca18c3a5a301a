// TriviaQA (mandarjoshi/trivia_qa, rc.nocontext): trivia questions with an answer struct of value + aliases.
import type { Difficulty } from "../../../core/taxonomy.js";
import type { Task } from "../../task.js";
import { finishHubTask, type HubRow, type NormaliseContext } from "./hub-task.js";
import { text, textList } from "./row-values.js";

/** The placeholder the unlabeled test split carries instead of an answer. */
const UNKNOWN_ANSWER = "<unk>";

/**
 * Difficulty rule, by the number of distinct `answer.aliases` (Wikipedia redirects: well-known answers
 * have many): >= 8 easy, 3-7 medium, <= 2 hard.
 */
export function triviaQaDifficulty(aliasCount: number): Difficulty {
  if (aliasCount >= 8) return "easy";
  return aliasCount >= 3 ? "medium" : "hard";
}

/**
 * A TriviaQA row as a free-text task: gold `answer.value`, aliases `answer.aliases` then
 * `answer.normalized_aliases` (deduplicated, without the gold itself); null on the unlabeled test rows.
 */
export function normaliseTriviaQa(row: HubRow, index: number, context: NormaliseContext): Task | null {
  const question = text(row.question);
  const answer = row.answer as Record<string, unknown> | null | undefined;
  if (question === null || !answer || typeof answer !== "object") return null;
  const gold = text(answer.value);
  if (gold === null || gold === UNKNOWN_ANSWER) return null;
  const aliases = textList(answer.aliases);
  const accepted = [...new Set([...aliases, ...textList(answer.normalized_aliases)])].filter(
    (alias) => alias !== gold,
  );
  return finishHubTask(
    {
      difficulty: triviaQaDifficulty(new Set(aliases).size),
      question,
      choices: null,
      answer: gold,
      answer_index: null,
      aliases: accepted,
      grader: "free_text",
    },
    index,
    context,
  );
}
