// Normal form of a generated answer such as a program's printed output: wrappers, line endings, spacing.

const LINE_BREAKS = /\r\n?/g;
const SPACE_RUNS = /[ \t]+/g;
const QUOTES = ['"', "'", "`"];
// "The answer is", "Answer:", "Output:" at the very start of an answer.
const ANSWER_PREFIX = /^(?:(?:the\s+)?(?:final\s+)?answer\s+is\b\s*:?|(?:final\s+)?answer\s*:|output\s*:)/i;

// One pair of surrounding code fence (with optional language tag), backticks or quotes.
function unwrap(text: string): string {
  if (text.length >= 6 && text.startsWith("```") && text.endsWith("```")) {
    const newline = text.indexOf("\n");
    const start = newline >= 0 && newline < text.length - 3 ? newline + 1 : 3;
    return text.slice(start, -3);
  }
  const first = text[0];
  if (text.length >= 2 && first !== undefined && QUOTES.includes(first) && text.endsWith(first)) {
    return text.slice(1, -1);
  }
  return text;
}

/**
 * Trims, strips one pair of code fences/backticks/quotes, normalises line endings, collapses runs of spaces and
 * tabs within lines and drops trailing whitespace per line. Case is kept.
 * @example normalizeOutput("```python\nTrue  \r\n```") // "True"
 */
export function normalizeOutput(text: string): string {
  const unwrapped = unwrap(text.replace(LINE_BREAKS, "\n").trim());
  return unwrapped
    .split("\n")
    .map((line) => line.replace(SPACE_RUNS, " ").trimEnd())
    .join("\n")
    .trim();
}

/**
 * The forms an answer may be read as: the whole of it, and, when it starts with "The answer is", "Answer:" or
 * "Output:", the rest (also without one sentence-final period).
 * @example outputCandidates("Answer: `42`.") // ["Answer: `42`.", "`42`.", "`42`"]
 */
export function outputCandidates(answer: string): string[] {
  const trimmed = answer.trim();
  const prefix = ANSWER_PREFIX.exec(trimmed);
  if (prefix === null) return [trimmed];
  const rest = trimmed.slice(prefix[0].length).trim();
  return rest.endsWith(".") ? [trimmed, rest, rest.slice(0, -1)] : [trimmed, rest];
}
