// Exact grader: whitespace-normalised, case-sensitive string equality, for answers such as printed output.
import { goldTexts, memoBySpec } from "./gold-spec.js";
import type { GradeResult, GradingSpec } from "./grade-result.js";
import { invalidGrade, preview, readAnswer, totalGrader } from "./invalid-grade.js";
import { normalizeOutput, outputCandidates } from "./normalize-output.js";

const goldOutputs = memoBySpec((spec) =>
  goldTexts(spec)
    .map(normalizeOutput)
    .filter((text) => text !== ""),
);

/**
 * Grades an answer by exact equality with the gold or an alias after `normalizeOutput` (case-sensitive: Python
 * prints `True`, not `true`). A leading "The answer is"/"Answer:"/"Output:" is tried with and without.
 * @example gradeExact("Output: `True`", { grader: "exact", answer: "True", aliases: [] }).correct // true
 * @example gradeExact("true", { grader: "exact", answer: "True", aliases: [] }).correct // false
 */
export const gradeExact = totalGrader("exact", (answer: string, spec: GradingSpec): GradeResult => {
  const text = readAnswer("exact", answer);
  if (typeof text !== "string") return text;
  const gold = goldOutputs(spec);
  if (gold.length === 0) return invalidGrade("exact", "bad-gold", { gold: spec?.answer });
  const candidates = outputCandidates(text).map(normalizeOutput);
  if (candidates.every((candidate) => candidate === "")) return invalidGrade("exact", "empty");
  for (const candidate of candidates) {
    if (candidate !== "" && gold.includes(candidate)) {
      return { correct: true, score: 1, method: "exact/match", details: { extracted: preview(candidate) } };
    }
  }
  return {
    correct: false,
    score: 0,
    method: "exact/mismatch",
    details: { extracted: preview(candidates[candidates.length - 1] ?? ""), gold: preview(gold[0] ?? "") },
  };
});
