// Parses a model's response (tags, or a final answer line) into a confidence, an answer and a verdict; never throws.
import { z } from "zod";
import { isAbstention } from "./abstention.js";
import { FormatVerdict } from "./format-verdict.js";
import { ParseIssue, type ParseIssueCode } from "./parse-issue.js";
import { readAnswerLine } from "./read-answer-line.js";
import { readTags } from "./read-tags.js";
import type { ResponseFormat } from "./response-format.js";
import { parseConfidenceValue } from "./verbal-confidence.js";

export { PARSE_ISSUE_CODES, ParseIssue, ParseIssueCode } from "./parse-issue.js";

export const ParsedResponse = z
  .object({
    confidence: z
      .number()
      .int()
      .min(0)
      .max(100)
      .describe("Stated confidence in percent, after clipping, defaulting and the abstention cap"),
    answer: z.string().describe('The answer tag\'s text, trimmed; "" when there is no usable answer tag'),
    abstained: z
      .boolean()
      .describe('True when the answer is a bare "I don\'t know" (confidence then capped)'),
    format: FormatVerdict,
    confidence_source: z
      .enum(["numeric", "verbal", "default"])
      .describe("numeric: a number in the tag; verbal: a hedging phrase; default: nothing readable"),
    issues: z.array(ParseIssue).describe("What the parser noticed or fixed, in the order it met them"),
  })
  .meta({ id: "ParsedResponse" })
  .describe("A model response read as a confidence, an answer and a format verdict");
export type ParsedResponse = z.infer<typeof ParsedResponse>;

/** Tuning for `parseResponse`; every field is optional and out-of-range values fall back to the default. */
export interface ParseOptions {
  /** Confidence used when none can be read (percent, default 50). */
  defaultConfidence?: number;
  /** Highest confidence an abstaining answer may keep (percent, default 10). */
  abstentionCap?: number;
  /** Input beyond this many characters is cut off and flagged (default 100,000). */
  maxInputChars?: number;
  /** Which format to read: "tags" (default) or "answer_line"; anything else reads tags. */
  responseFormat?: ResponseFormat;
}

export const DEFAULT_PARSE_OPTIONS = Object.freeze({
  defaultConfidence: 50,
  abstentionCap: 10,
  maxInputChars: 100_000,
});

function percentOption(value: unknown, fallback: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) return fallback;
  return Math.min(100, Math.max(0, Math.round(value)));
}

const NON_SPACE_RE = /\S/;

function emptyResult(confidence: number, code: ParseIssueCode, message: string): ParsedResponse {
  return {
    confidence,
    answer: "",
    abstained: false,
    format: "empty",
    confidence_source: "default",
    issues: [{ code, message }],
  };
}

/**
 * Reads a response of the form `<confidence>72</confidence><answer>Canberra</answer>` (`readTags`: any order
 * and case, last complete tag wins, thinking ignored, unclosed tags repaired), or with `responseFormat:
 * "answer_line"` a final line `ANSWER: Canberra with 72% probability` (`readAnswerLine`). Without an answer the
 * answer is "" (the bare text is never taken as the answer, so skipping the format never pays). Confidence values are read by `parseConfidenceValue`; a bare "I don't know" answer (`isAbstention`) sets
 * `abstained` and caps the confidence. Never throws; linear in the input length.
 *
 * @example
 * parseResponse("<confidence>85</confidence><answer>Paris</answer>");
 * // { confidence: 85, answer: "Paris", abstained: false, format: "clean", confidence_source: "numeric", issues: [] }
 * parseResponse("<confidence>80</confidence><answer>Paris").format; // "repaired"
 * parseResponse("ANSWER: Paris with 85% probability", { responseFormat: "answer_line" }).confidence; // 85
 * parseResponse(undefined).format; // "empty"
 */
export function parseResponse(input: unknown, options?: ParseOptions): ParsedResponse {
  const defaultConfidence = percentOption(
    options?.defaultConfidence,
    DEFAULT_PARSE_OPTIONS.defaultConfidence,
  );
  if (typeof input !== "string") {
    const got = input === null ? "null" : typeof input;
    return emptyResult(defaultConfidence, "input_not_string", `expected a string, got ${got}`);
  }
  if (!NON_SPACE_RE.test(input))
    return emptyResult(defaultConfidence, "input_empty", "the response is blank");

  const issues: ParseIssue[] = [];
  let fixed = false; // a fix-up that turns "clean" into "repaired"
  let text = input;
  const max = options?.maxInputChars;
  const maxChars =
    typeof max === "number" && max >= 1 ? Math.floor(max) : DEFAULT_PARSE_OPTIONS.maxInputChars;
  if (text.length > maxChars) {
    let end = maxChars;
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end--; // do not split a surrogate pair
    text = text.slice(0, end);
    issues.push({ code: "input_truncated", message: `input cut from ${input.length} to ${end} characters` });
    fixed = true;
  }
  const parts =
    options?.responseFormat === "answer_line" ? readAnswerLine(text, issues) : readTags(text, issues);
  if (parts.fixed) fixed = true;
  const answer = parts.answer;

  let confidence = defaultConfidence;
  let source: ParsedResponse["confidence_source"] = "default";
  if (parts.confidence !== null) {
    const read = parseConfidenceValue(parts.confidence);
    if (read === null) {
      issues.push({
        code: "confidence_unreadable",
        message: `${parts.confidenceWhere} has no number or known phrase`,
      });
    } else {
      confidence = read.value;
      source = read.source;
      if (parts.confidenceUnclosed) {
        issues.push({ code: "unclosed_confidence_repaired", message: "read an unclosed <confidence>" });
        fixed = true;
      }
      if (read.clipped) {
        issues.push({ code: "confidence_clipped", message: `confidence clipped to ${read.value}` });
        fixed = true;
      }
      if (read.source === "verbal") {
        issues.push({ code: "confidence_verbal", message: `read the phrase as ${read.value}` });
      }
    }
  }
  if (source === "default") {
    issues.push({ code: "confidence_default", message: `confidence defaulted to ${defaultConfidence}` });
  }

  const abstained = answer !== "" && isAbstention(answer);
  if (abstained) {
    const cap = percentOption(options?.abstentionCap, DEFAULT_PARSE_OPTIONS.abstentionCap);
    if (confidence > cap) {
      issues.push({
        code: "abstention_capped",
        message: `abstention: confidence ${confidence} capped to ${cap}`,
      });
      confidence = cap;
    }
  }

  const format: FormatVerdict =
    answer === ""
      ? "missing_answer"
      : source === "default"
        ? "missing_confidence"
        : fixed
          ? "repaired"
          : "clean";
  return { confidence, answer, abstained, format, confidence_source: source, issues };
}
