// Picks the final mathematical expression out of an answer: the last \boxed{}, else the last $…$ / \(…\) /
// \[…\] segment, else the text after the last "the answer is" / "Answer:", else the whole answer.

/** The brace-matched argument of the last `\boxed{…}` or `\fbox{…}`, or null. */
export function lastBoxed(text: string): string | null {
  const at = Math.max(text.lastIndexOf("\\boxed"), text.lastIndexOf("\\fbox"));
  if (at < 0) return null;
  const open = text.indexOf("{", at);
  if (
    open < 0 ||
    text
      .slice(at, open)
      .replace(/^\\(boxed|fbox)/, "")
      .trim() !== ""
  )
    return null;
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    const ch = text[k];
    if (ch === "\\") {
      k++; // an escaped brace (\{) does not count
    } else if (ch === "{") {
      depth++;
    } else if (ch === "}" && --depth === 0) {
      return text.slice(open + 1, k);
    }
  }
  return null;
}

// $$…$$, \[…\], \(…\) and $…$ (not an escaped \$ price sign).
const MATH_SEGMENT =
  /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)|(?<!\\)\$((?:\\\$|[^$])+?)(?<!\\)\$/g;

/** The content of the last math-delimited segment, or null when there is none. */
export function lastMathSegment(text: string): string | null {
  let last: string | null = null;
  for (const match of text.matchAll(MATH_SEGMENT)) {
    last = match[1] ?? match[2] ?? match[3] ?? match[4] ?? null;
  }
  return last;
}

const ANCHOR = /(?:final answer|the answer|answer)\s*(?:is|:|=)\s*:?/gi;

/** The text after the last answer anchor, or the whole text. */
function afterAnchor(text: string): string {
  let cut = -1;
  for (const match of text.matchAll(ANCHOR)) cut = match.index + match[0].length;
  return cut < 0 ? text : text.slice(cut);
}

// A short lead-in before a bare expression: "The value is 7/2", "So x = 3", "Thus: (1, 2)".
const LEAD_IN =
  /^(?:[A-Za-z][A-Za-z ,']{0,60}?\s(?:is|are|equals|gives|be)\s+|(?:so|thus|hence|therefore)[,:]?\s+)/i;

/**
 * The final expression of an answer, before LaTeX clean-up.
 * @example extractMathAnswer("The value is $\\frac{7}{2}$.") // "\\frac{7}{2}"
 * @example extractMathAnswer("Final answer: \\boxed{(3, -4)}") // "(3, -4)"
 */
export function extractMathAnswer(answer: string): string {
  const boxed = lastBoxed(answer);
  if (boxed !== null) return boxed;
  const anchored = afterAnchor(answer);
  const segment = lastMathSegment(anchored);
  if (segment !== null) return segment;
  return anchored.trim().replace(LEAD_IN, "");
}
