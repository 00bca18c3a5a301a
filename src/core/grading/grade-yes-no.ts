// Yes/no grader (BoolQ-style): the first word of the answer segment must be yes/no/true/false.
import { afterLastAnchor } from "./answer-segment.js";
import type { GradeResult, GradingSpec } from "./grade-result.js";
import { invalidGrade, readAnswer, totalGrader } from "./invalid-grade.js";

const POLARITY: Record<string, "yes" | "no"> = { yes: "yes", true: "yes", no: "no", false: "no" };
// Leading markup and punctuation, then the first word.
const FIRST_WORD = /^[^A-Za-z0-9]{0,20}([A-Za-z]+)/;
// "yes or no", "yes/no", "true, false": both polarities offered.
const BOTH = /^[^A-Za-z0-9]{0,20}(yes|no|true|false)\b[\s,/|]*(?:or\b[\s,/|]*)?(yes|no|true|false)\b/i;
// "yes and no", "yes, but no": both joined, the second ending the phrase ("Yes, and no one objected" is a yes).
const BOTH_JOINED =
  /^[^A-Za-z0-9]{0,20}(yes|no|true|false)\b[\s,;&-]*(?:and|but)(?:\s+also)?\b[\s,]*(yes|no|true|false)\b(?![^\S\n]*[A-Za-z0-9])/i;

/** Reads yes/no/true/false as "yes" or "no"; anything else is null. */
export function readPolarity(text: string): "yes" | "no" | null {
  const word = FIRST_WORD.exec(text.trim())?.[1]?.toLowerCase();
  return word === undefined ? null : (POLARITY[word] ?? null);
}

// Whether the pattern finds two words of opposite polarity ("yes or no"; "yes, yes" is one answer).
function offersBoth(pattern: RegExp, segment: string): boolean {
  const both = pattern.exec(segment);
  return both !== null && POLARITY[both[1]!.toLowerCase()] !== POLARITY[both[2]!.toLowerCase()];
}

/**
 * Grades a yes/no answer by the first word of its segment (after "the answer is"/"Answer:" if present).
 * "Maybe", "It depends", "yes or no" or "yes and no" are invalid, never a guess; "Yes, but only in winter" is a yes.
 * @example gradeYesNo("Yes, because the sky is blue.", { grader: "yes_no", answer: "yes", aliases: [] }).correct // true
 */
export const gradeYesNo = totalGrader("yes_no", (answer: string, spec: GradingSpec): GradeResult => {
  const text = readAnswer("yes_no", answer);
  if (typeof text !== "string") return text;
  const gold = typeof spec?.answer === "string" ? readPolarity(spec.answer) : null;
  if (gold === null) return invalidGrade("yes_no", "bad-gold", { gold: spec?.answer });
  const segment = (afterLastAnchor(text) ?? text).trim();
  if (offersBoth(BOTH, segment) || offersBoth(BOTH_JOINED, segment)) {
    return invalidGrade("yes_no", "ambiguous", { gold });
  }
  const given = readPolarity(segment);
  if (given === null) {
    return invalidGrade("yes_no", "not-yes-no", { first_word: FIRST_WORD.exec(segment)?.[1] ?? null, gold });
  }
  const correct = given === gold;
  return { correct, score: correct ? 1 : 0, method: "yes_no/word", details: { extracted: given, gold } };
});
