// Picks the part of an answer that holds the final answer: after `####`, inside `\boxed{}`, or after an anchor.

const CALCULATOR_NOTE = /<<[^<>]*>>/g;
const HAS_ANSWER_WORD = /answer/i;
// "final answer", "the (correct) answer is", "answer:"; each optionally followed by a colon.
const ANCHOR =
  /\b(?:final\s+answer(?:\s+is\b)?|(?:the\s+)?(?:correct\s+|right\s+|final\s+)?answer\s+is\b|answer\s*:)\s*:?/gi;

/** Where a numeric answer segment came from, from most to least explicit. */
export type SegmentSource = "hash" | "boxed" | "anchor" | "whole";

export interface AnswerSegment {
  text: string;
  source: SegmentSource;
}

/** Removes GSM8K calculator annotations such as `<<3*6=18>>`. */
export function stripCalculatorNotes(text: string): string {
  return text.includes("<<") ? text.replace(CALCULATOR_NOTE, "") : text;
}

/**
 * The text after the last anchor phrase ("final answer", "the answer is", "Answer:"), or null when there is none.
 * @example afterLastAnchor("I think... The answer is 18.") // " 18."
 */
export function afterLastAnchor(text: string): string | null {
  if (!HAS_ANSWER_WORD.test(text)) return null;
  ANCHOR.lastIndex = 0;
  let end = -1;
  for (let match = ANCHOR.exec(text); match !== null; match = ANCHOR.exec(text)) {
    end = match.index + match[0].length;
  }
  return end < 0 ? null : text.slice(end);
}

/**
 * The content of the last `\boxed{...}`, brace-matched (an unclosed box yields the rest of the text).
 * @example lastBoxedContent("so \\boxed{\\frac{3}{4}}.") // "\\frac{3}{4}"
 */
export function lastBoxedContent(text: string): string | null {
  let from = text.length;
  while (from >= 0) {
    const at = text.lastIndexOf("\\boxed", from);
    if (at < 0) return null;
    let open = at + 6;
    while (text[open] === " ") open++;
    if (text[open] === "{") return braceContent(text, open);
    from = at - 1;
  }
  return null;
}

function braceContent(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

/**
 * The segment a numeric answer is read from: the last `####`, else the last `\boxed{}`, else the text after the
 * last anchor phrase, else the whole answer. Calculator notes are stripped first.
 * @example numericSegment("3*6 = <<3*6=18>>18\n#### 18") // { text: " 18", source: "hash" }
 */
export function numericSegment(answer: string): AnswerSegment {
  const text = stripCalculatorNotes(answer);
  const hash = text.lastIndexOf("####");
  if (hash >= 0) return { text: text.slice(hash + 4), source: "hash" };
  const boxed = lastBoxedContent(text);
  if (boxed !== null) return { text: boxed, source: "boxed" };
  const anchored = afterLastAnchor(text);
  if (anchored !== null) return { text: anchored, source: "anchor" };
  return { text, source: "whole" };
}
