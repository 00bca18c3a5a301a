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
  const [end] = anchorEnds(text, text.length);
  return end < 0 ? null : text.slice(end);
}

interface BoxSpan {
  /** Where `\boxed` starts. */
  at: number;
  /** Bounds of the box's content. */
  start: number;
  end: number;
}

// The last `\boxed{...}` starting at or before `from`: its content's bounds (an unclosed box runs to the end).
function lastBoxSpan(text: string, from: number): BoxSpan | null {
  let before = from;
  while (before >= 0) {
    const at = text.lastIndexOf("\\boxed", before);
    if (at < 0) return null;
    let open = at + 6;
    while (text[open] === " ") open++;
    if (text[open] === "{") return { at, start: open + 1, end: closingBrace(text, open) };
    before = at - 1;
  }
  return null;
}

function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) return i;
  }
  return text.length;
}

/**
 * The content of the last `\boxed{...}`, brace-matched (an unclosed box yields the rest of the text).
 * @example lastBoxedContent("so \\boxed{\\frac{3}{4}}.") // "\\frac{3}{4}"
 */
export function lastBoxedContent(text: string): string | null {
  const box = lastBoxSpan(text, text.length);
  return box === null ? null : text.slice(box.start, box.end);
}

// Ends of the last two anchor phrases that end at or before `limit` (-1 when missing).
function anchorEnds(text: string, limit: number): [last: number, previous: number] {
  if (!HAS_ANSWER_WORD.test(text)) return [-1, -1];
  ANCHOR.lastIndex = 0;
  let last = -1;
  let previous = -1;
  for (let match = ANCHOR.exec(text); match !== null; match = ANCHOR.exec(text)) {
    const end = match.index + match[0].length;
    if (end > limit) break;
    previous = last;
    last = end;
  }
  return [last, previous];
}

/** A numeric segment with its place in the answer, so graders can read what surrounds it. */
export interface LocatedSegment extends AnswerSegment {
  /** The answer without calculator notes; `text` is `full.slice(start, end)`. */
  full: string;
  start: number;
  end: number;
  /**
   * Start of an earlier segment that may offer a rival answer, or -1: the previous `####`; for a box, the
   * previous box or the last anchor before it; for an anchor, the previous anchor.
   */
  priorStart: number;
}

/**
 * Like `numericSegment`, with the segment's bounds and the start of the segment before it.
 * @example locateNumericSegment("\\boxed{18} or \\boxed{20}") // { text: "20", source: "boxed", start: 21, end: 23, priorStart: 7, ... }
 */
export function locateNumericSegment(answer: string): LocatedSegment {
  const full = stripCalculatorNotes(answer);
  const hash = full.lastIndexOf("####");
  if (hash >= 0) {
    const previous = hash >= 4 ? full.lastIndexOf("####", hash - 4) : -1;
    const priorStart = previous < 0 ? -1 : previous + 4;
    return {
      text: full.slice(hash + 4),
      source: "hash",
      full,
      start: hash + 4,
      end: full.length,
      priorStart,
    };
  }
  const box = lastBoxSpan(full, full.length);
  if (box !== null) {
    const previous = lastBoxSpan(full, box.at - 1);
    const priorStart = Math.max(previous === null ? -1 : previous.start, anchorEnds(full, box.at)[0]);
    const { start, end } = box;
    return { text: full.slice(start, end), source: "boxed", full, start, end, priorStart };
  }
  const [last, previous] = anchorEnds(full, full.length);
  if (last >= 0) {
    return {
      text: full.slice(last),
      source: "anchor",
      full,
      start: last,
      end: full.length,
      priorStart: previous,
    };
  }
  return { text: full, source: "whole", full, start: 0, end: full.length, priorStart: -1 };
}

/**
 * The segment a numeric answer is read from: the last `####`, else the last `\boxed{}`, else the text after the
 * last anchor phrase, else the whole answer. Calculator notes are stripped first.
 * @example numericSegment("3*6 = <<3*6=18>>18\n#### 18") // { text: " 18", source: "hash" }
 */
export function numericSegment(answer: string): AnswerSegment {
  const { text, source } = locateNumericSegment(answer);
  return { text, source };
}

// Markers that open or close a segment; between two rival answers they say nothing about hedging.
const SEGMENT_MARKUP = /\\boxed\s*\{?|####|[{}]/g;

/**
 * Text with segment markers (`\boxed{`, `}`, `####`, "the answer is") turned into spaces.
 * @example stripSegmentMarkup("} or \\boxed{") // "  or  "
 */
export function stripSegmentMarkup(text: string): string {
  const plain = text.replace(SEGMENT_MARKUP, " ");
  return HAS_ANSWER_WORD.test(plain) ? plain.replace(ANCHOR, " ") : plain;
}
