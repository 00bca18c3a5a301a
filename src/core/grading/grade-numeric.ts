// Numeric grader: one committed number, compared to the gold with a tight relative tolerance.
import { closeEnough, extractNumber } from "./extract-number.js";
import { goldTexts, memoBySpec } from "./gold-spec.js";
import type { GradeResult, GradingSpec } from "./grade-result.js";
import { invalidGrade, preview, readAnswer, totalGrader } from "./invalid-grade.js";

const GOLD_OPTIONS = { numberWords: false } as const;

interface GoldNumber {
  text: string;
  values: number[];
}

// A percent means both its value and value/100 ("75%" matches 0.75 and 75).
function candidates(value: number, percent: boolean): number[] {
  return percent ? [value, value / 100] : [value];
}

// Gold is the spec's answer plus any alias that parses to one number; gold text may use any answer notation
// but must be written in digits ("eighteen" is a bad gold), so task files stay exact.
const goldNumbers = memoBySpec((spec): GoldNumber[] => {
  const out: GoldNumber[] = [];
  for (const text of goldTexts(spec)) {
    const parsed = extractNumber(text, GOLD_OPTIONS);
    if (parsed.ok) out.push({ text, values: candidates(parsed.value, parsed.percent) });
  }
  return out;
});

// Seed partial credit, reported as score only: within 1% -> 0.8, within 5% -> 0.5.
function partialScore(relativeError: number): number {
  if (relativeError <= 0.01) return 0.8;
  if (relativeError <= 0.05) return 0.5;
  return 0;
}

/**
 * Grades a numeric answer against a numeric gold (which may itself be written as "1,080", "3/4", "75%").
 * Correct only within |a-b| <= 1e-6 * max(1, |a|, |b|) (integers compare exactly); near misses get a partial
 * `score` but stay wrong.
 * @example gradeNumeric("#### 1,080", { grader: "numeric", answer: "1080", aliases: [] }).correct // true
 * @example gradeNumeric("I think 18, or maybe 20", { grader: "numeric", answer: "18", aliases: [] }).correct // false
 */
export const gradeNumeric = totalGrader("numeric", (answer: string, spec: GradingSpec): GradeResult => {
  const text = readAnswer("numeric", answer);
  if (typeof text !== "string") return text;
  const gold = goldNumbers(spec);
  if (gold.length === 0) return invalidGrade("numeric", "bad-gold", { gold: spec?.answer });
  const parsed = extractNumber(text);
  if (!parsed.ok) {
    return invalidGrade("numeric", parsed.reason, { source: parsed.source, extracted: parsed.text ?? null });
  }
  const mine = candidates(parsed.value, parsed.percent);
  // One details object, finished by assigning the key that differs: no spread copy on this hot path.
  const details: Record<string, unknown> = {
    extracted: preview(parsed.text),
    value: parsed.value,
    percent: parsed.percent,
    source: parsed.source,
    gold: gold.map((x) => x.text),
  };
  let bestError = Number.POSITIVE_INFINITY;
  for (const g of gold) {
    for (const b of g.values) {
      for (const a of mine) {
        if (closeEnough(a, b)) {
          details.matched = g.text;
          return { correct: true, score: 1, method: "numeric/exact", details };
        }
        if (b !== 0) bestError = Math.min(bestError, Math.abs(a - b) / Math.abs(b));
      }
    }
  }
  const score = partialScore(bestError);
  details.relative_error = Number.isFinite(bestError) ? bestError : null;
  return { correct: false, score, method: score > 0 ? "numeric/close" : "numeric/wrong", details };
});
