// The grader's reading of an answer as a comparable key, so answers to one prompt can be counted as votes.
import type { GradeResult, GradingSpec } from "./grade-result.js";

/**
 * What one response said, as far as voting goes: an answer with a comparable `key` and a readable `text`, an
 * abstention ("I don't know"), or an answer the grader could not read (no vote either way).
 */
export type CanonicalAnswer =
  | { kind: "answer"; key: string; text: string }
  | { kind: "abstained" }
  | { kind: "unreadable" };

/** Every answer the grader accepted has this key: they all equal the gold, so they equal each other. */
export const GOLD_KEY = "gold";

// The grader's own extracted form of a wrong answer, read from its verdict's details (never re-parsed here):
// a number's value (with its percent sign), an option's index, yes/no, or the normalised text the grader
// compared. Null when the verdict carries none (an mc contradiction names two options: no single answer).
type WrongForm = (details: Record<string, unknown>) => string | null;

const extracted: WrongForm = (details) =>
  typeof details.extracted === "string" && details.extracted !== "" ? details.extracted : null;

const WRONG_FORMS: Readonly<Record<string, WrongForm>> = {
  numeric: (details) =>
    typeof details.value === "number" && Number.isFinite(details.value)
      ? `${details.value}${details.percent === true ? "%" : ""}`
      : null,
  mc: (details) =>
    typeof details.index === "number" && Number.isInteger(details.index) && details.index >= 0
      ? String.fromCharCode(65 + details.index)
      : null,
  yes_no: extracted,
  text: extracted,
  fuzzy: extracted,
  exact: extracted,
  math: extracted,
};

/**
 * The canonical answer of a graded response. Correct answers share `GOLD_KEY` (text: the gold answer); a wrong
 * answer's key is the grader's method family plus the form it extracted ("numeric:20", "mc:B", "yes_no:no",
 * "text:paris"), so two wrong answers agree exactly when the grader read them the same way. Invalid verdicts
 * (`…/invalid`: empty, hedged, ambiguous, not a number) are unreadable.
 * @example canonicalAnswer({ grader: "numeric", answer: "18", aliases: [] }, { method: "numeric/wrong", correct: false, score: 0, details: { value: 20, percent: false } }, false) // { kind: "answer", key: "numeric:20", text: "20" }
 */
export function canonicalAnswer(spec: GradingSpec, grade: GradeResult, abstained: boolean): CanonicalAnswer {
  if (abstained) return { kind: "abstained" };
  if (grade.correct) return { kind: "answer", key: GOLD_KEY, text: spec.answer };
  const [family = "", rule = ""] = grade.method.split("/", 2);
  if (rule === "invalid") return { kind: "unreadable" };
  const form = WRONG_FORMS[family]?.(grade.details) ?? null;
  return form === null ? { kind: "unreadable" } : { kind: "answer", key: `${family}:${form}`, text: form };
}
