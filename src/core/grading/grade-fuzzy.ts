// Fuzzy grader: normalised Levenshtein similarity, maximised over every alias.
import { distance } from "fastest-levenshtein";
import { goldTexts, memoBySpec } from "./gold-spec.js";
import type { GradeResult, GradingSpec } from "./grade-result.js";
import { invalidGrade, preview, readAnswer, totalGrader } from "./invalid-grade.js";
import { opensNegated } from "./negation.js";
import { normalizeOutput, outputCandidates } from "./normalize-output.js";
import { signSignature } from "./normalize-text.js";

/** Similarity at which a fuzzy answer counts as correct (the seed's threshold). */
export const FUZZY_THRESHOLD = 0.85;
const WHITESPACE = /\s+/g;
const LONE_LETTER = /^\p{L}$/u;

// Case-insensitive and whitespace-insensitive on top of the exact grader's normal form.
function fuzzyForm(text: string): string {
  return normalizeOutput(text).toLowerCase().replace(WHITESPACE, " ");
}

const goldForms = memoBySpec((spec) =>
  goldTexts(spec)
    .map(fuzzyForm)
    .filter((text) => text !== ""),
);
const goldSigns = memoBySpec((spec) => goldForms(spec).map(signSignature));
// Just below the threshold: a sign flip ("[1, -2]" for "[1, 2]") is one edit away but never a match.
const SIGN_FLIP_CAP = 0.8;
const goldOpensNegated = memoBySpec((spec) => goldForms(spec).some(opensNegated));

/**
 * 1 - distance / longer length. Pairs whose lengths alone cap the ratio at <= 0.45 (no credit) are not computed.
 * @example similarity("kitten", "sitting") // 0.571...
 */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  if (Math.min(a.length, b.length) / longer <= 0.45) return 0;
  return 1 - distance(a, b) / longer;
}

// Seed tiers; below 0.45 the similarity of unrelated strings is noise, so it earns nothing.
function tierScore(ratio: number): number {
  if (ratio >= FUZZY_THRESHOLD) return 1;
  if (ratio > 0.65) return 0.7;
  if (ratio > 0.45) return 0.4;
  return 0;
}

/**
 * Grades by the best normalised Levenshtein ratio over the gold and all aliases (case- and spacing-insensitive).
 * Correct at ratio >= 0.85; score tiers 1.0 / 0.7 (> 0.65) / 0.4 (> 0.45) / 0. An answer opening with a negator
 * ("not ...") is invalid unless a gold opens with one too; one whose signs differ from an alias's ("-2" for "2")
 * is held below the threshold for that alias.
 * @example gradeFuzzy("Hello World!", { grader: "fuzzy", answer: "hello world", aliases: [] }).correct // true
 */
export const gradeFuzzy = totalGrader("fuzzy", (answer: string, spec: GradingSpec): GradeResult => {
  const text = readAnswer("fuzzy", answer);
  if (typeof text !== "string") return text;
  const gold = goldForms(spec);
  if (gold.length === 0) return invalidGrade("fuzzy", "bad-gold", { gold: spec?.answer });
  const candidates = outputCandidates(text)
    .map(fuzzyForm)
    .filter((form) => form !== "");
  if (candidates.length === 0) return invalidGrade("fuzzy", "empty");
  if (candidates.every((form) => LONE_LETTER.test(form))) return invalidGrade("fuzzy", "lone-letter");
  // "not <a long gold>" is one edit-distance step from the gold but says the opposite.
  if (!goldOpensNegated(spec) && candidates.some(opensNegated)) {
    return invalidGrade("fuzzy", "negated", { extracted: preview(candidates[candidates.length - 1] ?? "") });
  }
  let best = 0;
  let matched = gold[0] ?? "";
  const signs = goldSigns(spec);
  for (const form of candidates) {
    const formSigns = signSignature(form);
    for (let i = 0; i < gold.length; i++) {
      const alias = gold[i]!;
      const close = similarity(form, alias);
      const ratio = formSigns === signs[i] ? close : Math.min(close, SIGN_FLIP_CAP);
      if (ratio > best) {
        best = ratio;
        matched = alias;
      }
    }
  }
  const score = tierScore(best);
  return {
    correct: best >= FUZZY_THRESHOLD,
    score,
    method: best >= FUZZY_THRESHOLD ? "fuzzy/match" : "fuzzy/mismatch",
    details: {
      ratio: best,
      extracted: preview(candidates[candidates.length - 1] ?? ""),
      matched: preview(matched),
    },
  };
});
