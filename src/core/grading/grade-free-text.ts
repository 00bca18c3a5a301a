// Free-text grader: exact match after SQuAD or TriviaQA normalisation against any alias; token F1 as score.
import { afterLastAnchor } from "./answer-segment.js";
import { goldTexts, memoBySpec } from "./gold-spec.js";
import type { GradeResult, GradingSpec } from "./grade-result.js";
import { invalidGrade, preview, readAnswer, totalGrader } from "./invalid-grade.js";
import { normalizeTriviaQa, signSignature, squadTokens, tokenF1 } from "./normalize-text.js";

interface NormalForm {
  text: string;
  tokens: string[];
  squad: string;
  trivia: string;
  /** The terms' signs, which both normalisers delete: "(-2, -1)" is not "(-2,1)". */
  signs: string;
}

const LONE_LETTER = /^[a-z]$/;

function normalForm(text: string): NormalForm {
  const tokens = squadTokens(text);
  return {
    text,
    tokens,
    squad: tokens.join(" "),
    trivia: normalizeTriviaQa(text),
    signs: signSignature(text),
  };
}

const aliasForms = memoBySpec((spec) =>
  goldTexts(spec)
    .map(normalForm)
    .filter((form) => form.squad !== "" || form.trivia !== ""),
);

// The line after the last "the answer is"/"Answer:", else the whole answer; `**` markup never matters.
function answerSegments(answer: string): string[] {
  const whole = answer.replaceAll("**", "").trim();
  const anchored = afterLastAnchor(whole);
  if (anchored === null) return [whole];
  const line = anchored.trimStart().split("\n", 1)[0] ?? "";
  return [line.trim(), whole];
}

function sameText(a: NormalForm, b: NormalForm): boolean {
  if (a.signs !== b.signs) return false;
  return (a.squad !== "" && a.squad === b.squad) || (a.trivia !== "" && a.trivia === b.trivia);
}

/**
 * Grades a short factual answer. Correct = the normalised answer equals a normalised alias (the gold answer is
 * one) under SQuAD's or TriviaQA's normaliser, with the same signs (both delete `-`, so "-1" would equal "1");
 * containment never counts, nor does a lone letter.
 * `score` is the best token F1 over aliases (1 when correct).
 * @example gradeFreeText("The answer is The Beatles.", { grader: "free_text", answer: "beatles", aliases: [] }).correct // true
 * @example gradeFreeText("Paris, France", { grader: "free_text", answer: "Paris", aliases: [] }).score // 0.666...
 */
export const gradeFreeText = totalGrader("text", (answer: string, spec: GradingSpec): GradeResult => {
  const text = readAnswer("text", answer);
  if (typeof text !== "string") return text;
  const aliases = aliasForms(spec);
  if (aliases.length === 0) return invalidGrade("text", "bad-gold", { gold: spec?.answer });
  const [segment, ...fallbacks] = answerSegments(text).map(normalForm);
  if (segment === undefined || (segment.squad === "" && segment.trivia === "")) {
    return invalidGrade("text", "empty");
  }
  if (LONE_LETTER.test(segment.squad) || LONE_LETTER.test(segment.trivia)) {
    return invalidGrade("text", "lone-letter", { extracted: segment.squad });
  }
  // Result objects are written as literals (not spread from a shared one): that keeps this hot path cheap.
  const extracted = preview(segment.squad);
  const candidates = [segment, ...fallbacks];
  let best = 0;
  for (const alias of aliases) {
    for (const candidate of candidates) {
      if (sameText(candidate, alias)) {
        return { correct: true, score: 1, method: "text/alias", details: { extracted, matched: alias.text } };
      }
    }
    best = Math.max(best, tokenF1(segment.tokens, alias.tokens));
  }
  return { correct: false, score: best, method: "text/f1", details: { extracted, f1: best } };
});
