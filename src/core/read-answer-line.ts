// Reads the `answer_line` format, a final line such as "ANSWER: YES with 90% probability", into its raw parts.
import type { ParseIssue } from "./parse-issue.js";
import type { ResponseParts } from "./response-parts.js";
import { stripThinking } from "./tag-scanner.js";

const WHERE = "the answer line";
// Markdown a line may start with: quote marks, headings, emphasis, code ticks and a "- " bullet.
const LEAD_RE = /^[\s>#*_`]*(?:[-+\u2022]\s+)?[\s*_`]*/;
// "ANSWER:", "Final answer:", "**Answer:**", "**Answer**:", any case.
const PREFIX_RE = /^(?:final\s+)?answer[\s*_`]*:[\s*_`]*/i;
// Emphasis and a closing period or "!" at the end of a line (and spaces, always).
const LINE_END = "*_`.!";
// What makes a clause a confidence: a percent sign or a confidence word.
const KEYWORD_RE =
  /%|\bper\s?cent\b|\b(?:probability|probable|confidence|confident|certainty|certain|sure|likelihood|likely|chance)\b/gi;
// Where a confidence clause may start: "with", a comma, a semicolon, an opening bracket or a spaced dash.
const SEPARATOR_RE = /\bwith\b|[,;(]|\s[-\u2013\u2014]\s/gi;
// Emphasis before the answer, and punctuation or emphasis left between it and its clause ("**YES**, with ...").
const ANSWER_START_RE = /^[\s*_`]+/;
const ANSWER_END = "*_`,;:(\u2013\u2014-";

/**
 * `text` without the spaces and `chars` it ends with. A loop, not a regex: `[...]+$` retries from every start
 * of a long run that is not at the end, which is quadratic.
 */
function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0) {
    const c = text[end - 1]!;
    if (!chars.includes(c) && c.trim() !== "") break;
    end--;
  }
  return text.slice(0, end);
}

const cleanAnswer = (text: string): string => trimEnd(text, ANSWER_END).replace(ANSWER_START_RE, "");

/** One line split into its answer and its confidence clause (null when it states none). */
interface SplitLine {
  answer: string;
  confidence: string | null;
}

// A space before a number also starts a clause ("YES 90% confident"), when no other separator does.
const SPACE_NUMBER_RE = /\s(?=[-\u2212]?\.?\d)/g;

/** The last match of `re` (global) that ends at or before `limit`, as [start, end]; null when none does. */
function lastMatchBefore(re: RegExp, text: string, limit: number): [number, number] | null {
  let found: [number, number] | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (end > limit) break;
    found = [m.index, end];
    if (m[0] === "") re.lastIndex++;
  }
  return found;
}

/**
 * Splits the text after "ANSWER:" at the last separator before the last confidence word: "YES with 90%
 * probability" -> YES / "90% probability"; "B (70% confidence)" -> B / "70% confidence)". Linear in the line.
 */
function splitLine(content: string): SplitLine {
  let keyword = -1;
  KEYWORD_RE.lastIndex = 0;
  for (let m = KEYWORD_RE.exec(content); m !== null; m = KEYWORD_RE.exec(content)) keyword = m.index;
  const cut =
    keyword < 0
      ? null
      : (lastMatchBefore(SEPARATOR_RE, content, keyword) ??
        lastMatchBefore(SPACE_NUMBER_RE, content, keyword));
  if (cut === null) return { answer: cleanAnswer(content), confidence: null };
  return { answer: cleanAnswer(content.slice(0, cut[0])), confidence: content.slice(cut[1]) };
}

/**
 * The last answer line of `text` and how many there were; null when there is none. With `bareLastLine` and no
 * prefixed line at all, a last line without the "ANSWER:" prefix counts when it states a confidence.
 */
function lastAnswerLine(text: string, bareLastLine: boolean): { line: SplitLine; count: number } | null {
  let count = 0;
  let last: SplitLine | null = null;
  let lastNonEmpty = "";
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = trimEnd(text.slice(start, end).replace(LEAD_RE, ""), LINE_END);
    start = end + 1;
    if (line === "") continue;
    lastNonEmpty = line;
    const prefix = PREFIX_RE.exec(line);
    if (prefix === null) continue;
    count++;
    last = splitLine(line.slice(prefix[0].length));
  }
  // Without any prefixed line, the very last line counts, and only when it states a confidence.
  if (bareLastLine && count === 0 && lastNonEmpty !== "") {
    const bare = splitLine(lastNonEmpty);
    if (bare.confidence !== null) return { line: bare, count: 1 };
  }
  return last === null ? null : { line: last, count };
}

/**
 * Reads the last answer line: `ANSWER: <answer> with <confidence>` on a line of its own, in any case, with
 * optional markdown (`**ANSWER:** YES`), an optional "Final" and a closing period; when no line has the prefix,
 * the last line may leave it out if a confidence clause follows the answer. The clause starts at "with", a
 * comma, a semicolon, a bracket or a spaced dash and holds "%" or a confidence word ("with 90% probability",
 * "(70% confidence)", ", 90% confident", "with high confidence"). The answer is the text before it as written
 * (a letter, YES/NO, free text), for the task's grader. Thinking is skipped as in `readTags`; an answer line
 * inside a never-closed `<think>` is still read (and flagged). Pushes what it noticed onto `issues`.
 * @example readAnswerLine("Reasoning...\nANSWER: YES with 90% probability.", []) // answer "YES", confidence "90% probability"
 */
export function readAnswerLine(input: string, issues: ParseIssue[]): ResponseParts {
  let fixed = false;
  let found: { line: SplitLine; count: number } | null;
  const stripped = stripThinking(input);
  if (stripped === null) {
    found = lastAnswerLine(input, true);
  } else {
    const before = stripped.visible.slice(0, stripped.visible.length - stripped.thinkingKept);
    found = stripped.unclosed ? lastAnswerLine(input.slice(stripped.thinkingFrom), false) : null;
    if (found !== null) {
      issues.push({
        code: "unclosed_think_repaired",
        message: "read the answer line inside an unclosed <think>",
      });
      fixed = true;
    } else {
      found = lastAnswerLine(before, true);
      if (stripped.unclosed) {
        issues.push({ code: "unclosed_think", message: "text after an unclosed <think> was ignored" });
      }
    }
  }
  const parts = { confidenceUnclosed: false, fixed, confidenceWhere: WHERE };
  if (found === null) {
    issues.push({
      code: "missing_answer_tag",
      message: "no answer line (expected a final line 'ANSWER: <answer> with <N>% probability')",
    });
    issues.push({ code: "missing_confidence_tag", message: "no answer line, so no confidence" });
    return { answer: "", confidence: null, ...parts };
  }
  const { line, count } = found;
  if (count > 1) issues.push({ code: "multiple_tags", message: `${count} answer lines; the last won` });
  if (line.answer === "") issues.push({ code: "empty_answer", message: "the answer line has no answer" });
  if (line.confidence === null) {
    issues.push({ code: "missing_confidence_tag", message: "the answer line states no confidence" });
  }
  return { answer: line.answer, confidence: line.confidence, ...parts };
}
