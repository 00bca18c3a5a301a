// Confidence from surface features of a question (domain, length, numbers, negations): no knowledge at all.
import type { Domain } from "../core/taxonomy.js";

/** What the heuristic may read: the question as a model sees it, never the gold. */
export interface VisibleQuestion {
  domain: Domain;
  question: string;
  choices: readonly string[] | null;
}

/** Prior confidence per domain, before looking at the question (percent). */
const DOMAIN_PRIOR: Readonly<Record<Domain, number>> = {
  math: 72,
  logic: 66,
  factual: 80,
  science: 76,
  medical: 68,
  coding: 70,
  creative: 74,
};

const NEGATION = /\b(not|never|except|false|incorrect|least|none)\b/i;
const WHICH_OF = /\bwhich of the following\b/i;
const VAGUE = /\b(approximately|about|estimate|roughly|most likely)\b/i;
const HOW_MANY = /\bhow (many|much|long)\b/i;
const NUMBER = /\d+(?:[.,]\d+)?/g;

/**
 * A rule of thumb a prompt engineer might write: start from the domain's prior, then +5 for a short question
 * or a "which of the following", -5 for a long one (-10 beyond 40 words), -5 for arithmetic cues ("how many",
 * three or more numbers), -10 for a negation ("not", "except"), -5 for vague wording, -1 per option beyond
 * four; clamped to 10..95.
 * @example heuristicConfidence({ domain: "factual", question: "What is the capital of France?", choices: null }) // 85
 */
export function heuristicConfidence(q: VisibleQuestion): number {
  let confidence = DOMAIN_PRIOR[q.domain];
  const words = q.question.trim().split(/\s+/).filter(Boolean).length;
  if (words < 8) confidence += 5;
  else if (words > 40) confidence -= 10;
  else if (words > 20) confidence -= 5;
  if (WHICH_OF.test(q.question)) confidence += 5;
  if (NEGATION.test(q.question)) confidence -= 10;
  if (VAGUE.test(q.question)) confidence -= 5;
  if (HOW_MANY.test(q.question) || (q.question.match(NUMBER)?.length ?? 0) >= 3) confidence -= 5;
  if (q.choices && q.choices.length > 4) confidence -= q.choices.length - 4;
  return Math.min(95, Math.max(10, Math.round(confidence)));
}
