// Grader for questions that cannot be answered: a decline is the right answer, anything substantive is wrong.
import { isAbstention } from "../abstention.js";
import type { GradeResult, GradingSpec } from "./grade-result.js";
import { preview, readAnswer, totalGrader } from "./invalid-grade.js";

/**
 * Correct (score 1) iff the whole answer is a decline the parser recognises (`isAbstention`: "I don't know",
 * "This question cannot be answered", "The premise is false"...); any other answer is wrong. The gold and
 * aliases are not compared: there is no right substantive answer to match.
 * @example gradeUnanswerable("Cannot be answered.", { grader: "unanswerable", answer: "cannot be answered", aliases: [] }).correct // true
 * @example gradeUnanswerable("Napoleon", { grader: "unanswerable", answer: "cannot be answered", aliases: [] }).correct // false
 */
export const gradeUnanswerable = totalGrader(
  "unanswerable",
  (answer: string, _spec: GradingSpec): GradeResult => {
    const text = readAnswer("unanswerable", answer);
    if (typeof text !== "string") return text;
    if (isAbstention(text)) {
      return { correct: true, score: 1, method: "unanswerable/declined", details: {} };
    }
    return { correct: false, score: 0, method: "unanswerable/answered", details: { answer: preview(text) } };
  },
);
