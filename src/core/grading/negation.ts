// Negators beside an answer ("not 18", "anything but B", "18 is wrong"): such an answer takes itself back.

// A negator that ends the text, on the same line, before an optional opening bracket or quote. Works on raw text
// ("isn't") and on punctuation-free tokens ("isnt"); fillers such as "not exactly" still negate.
const NEGATOR_END =
  /(?:\b(?:not|never|neither|nor|except(?:\s+for)?|excluding|cannot|[a-z]*n['’]t|(?:is|are|was|were|do|does|did|ca|wo|could|would|should)nt|anything\s+but|(?:other|rather)\s+than|instead\s+of)(?:\s+(?:equal\s+to|exactly|just|quite))?|≠|!=|\\neq?)[^\S\n]*[([{:"'`]*[^\S\n]*$/i;
// A verdict that starts the text: "is wrong", "is not", "isn't", after an optional closing bracket or quote.
const VERDICT = String.raw`(?:(?:is|was|would\s+be|seems)\s+(?:not|wrong|incorrect|false)\b|(?:isn['’]?t|wasn['’]?t)\b)`;
const CLOSER = String.raw`^[^\S\n]*[)\]}"'\`]*[^\S\n]*`;
const NEGATOR_START = new RegExp(CLOSER + VERDICT, "i");
// The same after one unit word ("18 apples is wrong"); "which"/"that" open a new clause, not a verdict.
const UNIT_WORD = String.raw`(?:(?!(?:which|that|it|and|but|so|then)\b)[a-z]+[^\S\n]+)?`;
const UNIT_NEGATOR_START = new RegExp(CLOSER + UNIT_WORD + VERDICT, "i");
// A free-form answer that opens with a negator: "not the rime of the ancient mariner".
const NEGATED_OPENING =
  /^[^\p{L}\p{N}]*(?:not|never|neither|nor|except|anything\s+but|(?:other|rather)\s+than|instead\s+of)\b/iu;

/**
 * Whether the text ends with a negator, so that what follows it is denied.
 * @example endsWithNegator("It is not ") // true
 * @example endsWithNegator("I think ") // false
 */
export function endsWithNegator(text: string): boolean {
  return NEGATOR_END.test(text);
}

/**
 * Whether the text starts by calling what precedes it wrong; `unit` allows one word first ("apples is wrong").
 * @example startsWithVerdict(" is wrong.") // true
 * @example startsWithVerdict(", which is not prime") // false
 */
export function startsWithVerdict(text: string, unit = false): boolean {
  return (unit ? UNIT_NEGATOR_START : NEGATOR_START).test(text);
}

/**
 * Whether a span is negated by its neighbours: a negator just before it or a verdict just after it (`unit`: see
 * `startsWithVerdict`).
 * @example isNegated("anything but ", "") // true
 */
export function isNegated(before: string, after: string, unit = false): boolean {
  return endsWithNegator(before) || startsWithVerdict(after, unit);
}

/**
 * Whether a whole answer opens with a negator.
 * @example opensNegated("Not Paris") // true
 */
export function opensNegated(text: string): boolean {
  return NEGATED_OPENING.test(text);
}
