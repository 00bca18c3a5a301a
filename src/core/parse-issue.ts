// The table of things the response parser noticed or fixed, each with a stable code.
import { z } from "zod";

export const PARSE_ISSUE_CODES = [
  "input_not_string",
  "input_empty",
  "input_truncated",
  "unclosed_think",
  "unclosed_think_repaired",
  "missing_confidence_tag",
  "missing_answer_tag",
  "empty_answer",
  "unclosed_answer_repaired",
  "unclosed_confidence_repaired",
  "multiple_tags",
  "confidence_unreadable",
  "confidence_clipped",
  "confidence_verbal",
  "confidence_default",
  "abstention_capped",
] as const;

export const ParseIssueCode = z
  .enum(PARSE_ISSUE_CODES)
  .describe(
    "input_not_string / input_empty: nothing to parse; input_truncated: cut at the length limit; unclosed_think: " +
      "text after an unclosed <think> was ignored; unclosed_think_repaired: complete tags after a <think> " +
      "that was never closed were read, and the text after the last of them ignored (answer_line: an answer line inside it); " +
      "missing_confidence_tag / missing_answer_tag: no such tag (answer_line: no answer line, or a line stating no confidence); " +
      "empty_answer: the answer tag (or answer line) held no answer; unclosed_answer_repaired / unclosed_confidence_repaired: " +
      "an unclosed tag was read up to the next tag or the end; multiple_tags: the last complete tag of a kind (or the last answer line) won; " +
      "confidence_unreadable: the tag (or the answer line's confidence clause) held no number and no known phrase; confidence_clipped: the number was " +
      "outside 0..100; confidence_verbal: read from a phrase; confidence_default: the default was used; " +
      "abstention_capped: an 'I don't know' answer had its confidence lowered to the cap",
  );
export type ParseIssueCode = z.infer<typeof ParseIssueCode>;

export const ParseIssue = z
  .object({
    code: ParseIssueCode,
    message: z.string().describe("A human-readable explanation of this issue, for logs and debugging"),
  })
  .meta({ id: "ParseIssue" })
  .describe("Something the parser noticed or fixed while reading a response");
export type ParseIssue = z.infer<typeof ParseIssue>;
