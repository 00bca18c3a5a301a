// A hand-written, allocation-free scanner for <confidence>, <answer> and <think> tags (linear time).

export const TAG_CONFIDENCE = 0;
export const TAG_ANSWER = 1;
export const TAG_THINK = 2;
const NAMES = ["confidence", "answer", "think"] as const;

/** The tag found by the last successful `nextTag` call (module state: the scanner never allocates). */
export const tag = { start: 0, end: 0, kind: 0, closing: false };

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

// Case-insensitive match of a lowercase ASCII name at i; `| 0x20` folds exactly the ASCII upper-case letters.
function matchesName(text: string, i: number, name: string): boolean {
  if (i + name.length > text.length) return false;
  for (let k = 0; k < name.length; k++) {
    if ((text.charCodeAt(i + k) | 0x20) !== name.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * Finds the next tag at or after `from`, accepting any case and whitespace inside the brackets
 * (`< / Answer >`). Sets `tag` and returns true, or returns false when there is none. Each `<` is examined
 * once and the whitespace runs it skips are disjoint, so a whole scan is linear in the text length.
 */
export function nextTag(text: string, from: number): boolean {
  let lt = text.indexOf("<", from);
  while (lt !== -1) {
    let i = skipSpaces(text, lt + 1);
    const closing = text.charCodeAt(i) === 47; // "/"
    if (closing) i = skipSpaces(text, i + 1);
    for (let kind = 0; kind < NAMES.length; kind++) {
      const name = NAMES[kind]!;
      if (!matchesName(text, i, name)) continue;
      const j = skipSpaces(text, i + name.length);
      if (text.charCodeAt(j) === 62) {
        tag.start = lt;
        tag.end = j + 1;
        tag.kind = kind;
        tag.closing = closing;
        return true;
      }
      break;
    }
    lt = text.indexOf("<", lt + 1);
  }
  return false;
}

/** What `stripThinking` leaves: the visible text, whether a <think> was left open, and whether tags were kept. */
export interface StrippedThinking {
  visible: string;
  /** A <think> was never closed. */
  unclosed: boolean;
  /** Complete <answer>/<confidence> tags after that unclosed <think> were kept as the model's answer. */
  recovered: boolean;
  /** Where the unclosed <think>'s content starts in the input (-1 when every <think> was closed). */
  thinkingFrom: number;
  /** How many characters at the end of `visible` are kept from that unclosed <think> (0 unless recovered). */
  thinkingKept: number;
}

/**
 * Removes thinking: text inside <think>...</think> and everything before a lone </think> (chat templates put
 * the opening tag in the prompt). After a <think> that is never closed, complete answer and confidence tags
 * are still the model's answer (instruct models often forget </think>), so the text up to the last complete
 * tag is kept and only what follows it is dropped as thinking. Returns null when the text has no think tag at
 * all (the common case: no copy is made).
 */
export function stripThinking(text: string): StrippedThinking | null {
  let visible = "";
  let segmentStart = 0;
  let inside = false;
  let seen = false;
  let openKind = -1; // the answer/confidence tag opened by the previous tag inside a think, if any
  let lastCompleteEnd = -1;
  for (let at = 0; nextTag(text, at); at = tag.end) {
    if (tag.kind !== TAG_THINK) {
      if (!inside) continue;
      if (tag.closing && tag.kind === openKind) lastCompleteEnd = tag.end;
      openKind = tag.closing ? -1 : tag.kind;
      continue;
    }
    seen = true;
    openKind = -1;
    if (tag.closing) {
      if (!inside) visible = ""; // a lone closing tag: all before it was thinking
      inside = false;
      segmentStart = tag.end;
    } else if (!inside) {
      visible += text.slice(segmentStart, tag.start);
      inside = true;
      segmentStart = tag.end;
      lastCompleteEnd = -1;
    }
  }
  if (!seen) return null;
  const closed = { unclosed: false, recovered: false, thinkingFrom: -1, thinkingKept: 0 };
  if (!inside) return { visible: visible + text.slice(segmentStart), ...closed };
  const open = { unclosed: true, thinkingFrom: segmentStart };
  if (lastCompleteEnd < 0) return { visible, recovered: false, ...open, thinkingKept: 0 };
  const kept = text.slice(segmentStart, lastCompleteEnd);
  return { visible: visible + kept, recovered: true, ...open, thinkingKept: kept.length };
}

/** Content spans (start, end) found by the last `scanTags`, indexed by TAG_CONFIDENCE / TAG_ANSWER; -1: none. */
export const spans = {
  completeStart: new Int32Array(2),
  completeEnd: new Int32Array(2),
  completeCount: new Int32Array(2),
  unclosedStart: new Int32Array(2),
  unclosedEnd: new Int32Array(2),
};

/**
 * A tag's content runs to the next tag of any kind: complete when that tag closes it, else unclosed.
 * Fills `spans`; returns false (and stops) on a think tag unless told to ignore them.
 */
export function scanTags(text: string, ignoreThink: boolean): boolean {
  // Two slots each: plain stores are cheaper than fill() calls on every response.
  spans.completeStart[0] = spans.completeStart[1] = -1;
  spans.completeCount[0] = spans.completeCount[1] = 0;
  spans.unclosedStart[0] = spans.unclosedStart[1] = -1;
  let open = -1;
  let openEnd = 0;
  for (let at = 0; nextTag(text, at); at = tag.end) {
    if (tag.kind === TAG_THINK) {
      if (ignoreThink) continue;
      return false;
    }
    if (open !== -1) {
      if (tag.closing && tag.kind === open) {
        spans.completeStart[open] = openEnd;
        spans.completeEnd[open] = tag.start;
        spans.completeCount[open]!++;
      } else {
        spans.unclosedStart[open] = openEnd;
        spans.unclosedEnd[open] = tag.start;
      }
    }
    open = tag.closing ? -1 : tag.kind;
    openEnd = tag.end;
  }
  if (open !== -1) {
    spans.unclosedStart[open] = openEnd;
    spans.unclosedEnd[open] = text.length;
  }
  return true;
}
