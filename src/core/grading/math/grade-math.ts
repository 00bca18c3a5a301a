// Math grader: MATH-style answers (LaTeX fractions, radicals, expressions, tuples, sets, intervals, complex
// numbers, equations, matrices, base-n numerals) judged equal to the gold as Math-Verify would.
import { goldTexts, memoBySpec } from "../gold-spec.js";
import type { GradeResult, GradingSpec } from "../grade-result.js";
import { invalidGrade, preview, readAnswer, totalGrader } from "../invalid-grade.js";
import { cleanLatex } from "./clean-latex.js";
import { STEP_BUDGET } from "./equal-expressions.js";
import { equalMathValues, normalText } from "./equal-math-values.js";
import { extractMathAnswer } from "./extract-math-answer.js";
import { MAX_EXPRESSION_CHARS, type ParsedMath, parseMath } from "./parse-math.js";

interface ReadMath {
  latex: string;
  parsed: ParsedMath;
}

function readMath(text: string): ReadMath {
  const extracted = extractMathAnswer(text);
  // Wrappers never make up most of an answer: a long extract is refused before any clean-up regex runs.
  if (extracted.length > 2 * MAX_EXPRESSION_CHARS) {
    return { latex: extracted, parsed: { ok: false, reason: "too-long" } };
  }
  const latex = cleanLatex(extracted);
  return { latex, parsed: parseMath(latex) };
}

const golds = memoBySpec((spec) => goldTexts(spec).map(readMath));

const isText = (parsed: ParsedMath): boolean => !parsed.ok || parsed.value.kind === "text";

/**
 * Grades a MATH-style answer against the gold and its aliases. The final expression is read from the last
 * `\boxed{}`, else the last `$…$`, else the text after "the answer is"; wrappers are dropped; the rest is
 * parsed and compared (symbolic structure, numeric values at seeded points). Total and bounded: expressions
 * over 400 characters or 24 levels deep are invalid, and one comparison spends at most 20,000 evaluation steps.
 * @example gradeMath("The answer is $\\dfrac{14}{3}$.", { grader: "math", answer: "\\frac{14}{3}", aliases: [] }).correct // true
 * @example gradeMath("(-4, 3)", { grader: "math", answer: "(3, -4)", aliases: [] }).correct // false
 */
export const gradeMath = totalGrader("math", (answer: string, spec: GradingSpec): GradeResult => {
  const text = readAnswer("math", answer);
  if (typeof text !== "string") return text;
  const gold = golds(spec);
  if (gold.length === 0) return invalidGrade("math", "bad-gold", { gold: spec?.answer });
  const read = readMath(text);
  const details = { extracted: preview(read.latex), gold: preview(gold[0]?.latex ?? "") };
  let undecided = false;
  for (const g of gold) {
    // Words (`\text{Evelyn}`, `\text{(C)}`) and whatever the parser cannot read compare as normalised text.
    if ((isText(g.parsed) || isText(read.parsed)) && normalText(g.latex) === normalText(read.latex)) {
      return { correct: true, score: 1, method: "math/text", details };
    }
    if (g.parsed.ok && read.parsed.ok) {
      const verdict = equalMathValues(g.parsed.value, read.parsed.value, { steps: STEP_BUDGET });
      if (verdict === true) return { correct: true, score: 1, method: "math/equal", details };
      undecided ||= verdict === "unknown";
    }
  }
  if (!read.parsed.ok) return invalidGrade("math", read.parsed.reason, details);
  return { correct: false, score: 0, method: undecided ? "math/undecided" : "math/mismatch", details };
});
