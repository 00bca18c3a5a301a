// BoolQ (google/boolq): naturally occurring yes/no questions about a Wikipedia passage, shown in the prompt.
import type { Difficulty } from "../../../core/taxonomy.js";
import type { Task } from "../../task.js";
import { finishHubTask, type HubRow, type NormaliseContext } from "./hub-task.js";
import { text, wordCount } from "./row-values.js";

// Function words carry no content a reader could look up in the passage.
const STOPWORDS = new Set(
  (
    "a an the is are was were be been being am do does did done has have had can could will would shall should " +
    "may might must of in on at to for from by with as into about than then there this that these those it its " +
    "and or not no any all same other"
  ).split(" "),
);
const WORD = /[a-z0-9]+/g;

const wordsOf = (value: string) => value.toLowerCase().match(WORD) ?? [];

/**
 * Share of the question's content words (stopwords left out) that occur in the passage; 1 for a question
 * without content words (nothing to look up).
 * @example questionOverlap("is the moon made of cheese", "The Moon -- The Moon is made of rock.") // 2/3
 */
export function questionOverlap(question: string, passage: string): number {
  const content = [...new Set(wordsOf(question).filter((word) => !STOPWORDS.has(word)))];
  if (content.length === 0) return 1;
  const inPassage = new Set(wordsOf(passage));
  return content.filter((word) => inPassage.has(word)).length / content.length;
}

/**
 * Difficulty rule, from how directly the passage states the question: easy when every content word of the
 * question occurs in a passage of <= 100 words (the answer can be found by locating one sentence); hard when
 * under 60% of them occur (the question paraphrases the passage, so answering needs inference) or the passage
 * runs over 150 words; medium otherwise.
 * @example boolqDifficulty("is the moon made of rock", "The Moon -- The Moon is made of rock.") // "easy"
 */
export function boolqDifficulty(question: string, passage: string): Difficulty {
  const overlap = questionOverlap(question, passage);
  const words = wordCount(passage);
  if (overlap < 0.6 || words > 150) return "hard";
  return overlap === 1 && words <= 100 ? "easy" : "medium";
}

/**
 * BoolQ's lower-case question without a question mark, as a question: "does ethanol take more energy than it
 * produces" -> "Does ethanol take more energy than it produces?".
 */
export function boolqQuestion(question: string): string {
  const sentence = question.charAt(0).toUpperCase() + question.slice(1);
  return sentence.endsWith("?") ? sentence : `${sentence}?`;
}

/**
 * A BoolQ row as a yes/no task whose prompt carries the passage (without it a small model is at chance);
 * null without a question, a passage or a boolean answer, or with a passage too long for a prompt.
 */
export function normaliseBoolq(row: HubRow, index: number, context: NormaliseContext): Task | null {
  const question = text(row.question);
  const passage = text(row.passage);
  if (question === null || passage === null || typeof row.answer !== "boolean") return null;
  return finishHubTask(
    {
      difficulty: boolqDifficulty(question, passage),
      question: boolqQuestion(question),
      passage,
      choices: null,
      answer: row.answer ? "yes" : "no",
      answer_index: null,
      aliases: [],
      grader: "yes_no",
    },
    index,
    context,
  );
}
