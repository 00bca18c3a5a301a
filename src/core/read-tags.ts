// Reads the <confidence> and <answer> tags of a response (the `tags` format) into its raw parts.
import type { ParseIssue } from "./parse-issue.js";
import type { ResponseParts } from "./response-parts.js";
import { scanTags, spans, stripThinking, TAG_ANSWER, TAG_CONFIDENCE } from "./tag-scanner.js";

/**
 * The last complete tag of each kind wins; thinking (`<think>..</think>`, or all before a lone `</think>`) is
 * ignored, but complete tags after a never-closed `<think>` are read (and flagged); an unclosed tag is read up
 * to the next tag or the end and flagged. Without an answer tag the answer is "" (the bare text is never taken
 * as the answer, so skipping the format never pays). Pushes what it noticed onto `issues`.
 * @example readTags("<confidence>85</confidence><answer>Paris</answer>", []).answer // "Paris"
 */
export function readTags(input: string, issues: ParseIssue[]): ResponseParts {
  let text = input;
  let fixed = false;
  if (!scanTags(text, false)) {
    const stripped = stripThinking(text)!;
    text = stripped.visible;
    if (stripped.recovered) {
      issues.push({
        code: "unclosed_think_repaired",
        message: "read the complete tags after an unclosed <think>; the text after the last one was ignored",
      });
      fixed = true;
    } else if (stripped.unclosed) {
      issues.push({ code: "unclosed_think", message: "text after an unclosed <think> was ignored" });
    }
    scanTags(text, true);
  }

  let answer = "";
  if (spans.completeStart[TAG_ANSWER]! >= 0) {
    answer = text.slice(spans.completeStart[TAG_ANSWER], spans.completeEnd[TAG_ANSWER]).trim();
    if (spans.completeCount[TAG_ANSWER]! > 1) {
      issues.push({
        code: "multiple_tags",
        message: `${spans.completeCount[TAG_ANSWER]} <answer> tags; the last won`,
      });
    }
  } else if (spans.unclosedStart[TAG_ANSWER]! >= 0) {
    answer = text.slice(spans.unclosedStart[TAG_ANSWER], spans.unclosedEnd[TAG_ANSWER]).trim();
    if (answer !== "") {
      issues.push({
        code: "unclosed_answer_repaired",
        message: "read an unclosed <answer> to the next tag or end",
      });
      fixed = true;
    }
  } else {
    issues.push({ code: "missing_answer_tag", message: "no <answer> tag" });
  }
  const hasAnswerTag = spans.completeStart[TAG_ANSWER]! >= 0 || spans.unclosedStart[TAG_ANSWER]! >= 0;
  if (hasAnswerTag && answer === "")
    issues.push({ code: "empty_answer", message: "the <answer> tag is empty" });

  let confidence: string | null = null;
  const confidenceUnclosed =
    spans.completeStart[TAG_CONFIDENCE]! < 0 && spans.unclosedStart[TAG_CONFIDENCE]! >= 0;
  if (spans.completeStart[TAG_CONFIDENCE]! >= 0) {
    confidence = text.slice(spans.completeStart[TAG_CONFIDENCE], spans.completeEnd[TAG_CONFIDENCE]);
    if (spans.completeCount[TAG_CONFIDENCE]! > 1) {
      const n = spans.completeCount[TAG_CONFIDENCE];
      issues.push({ code: "multiple_tags", message: `${n} <confidence> tags; the last won` });
    }
  } else if (confidenceUnclosed) {
    confidence = text.slice(spans.unclosedStart[TAG_CONFIDENCE], spans.unclosedEnd[TAG_CONFIDENCE]);
  } else {
    issues.push({ code: "missing_confidence_tag", message: "no <confidence> tag" });
  }
  return { answer, confidence, confidenceUnclosed, fixed, confidenceWhere: "the <confidence> tag" };
}
