import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAbstention } from "../../src/core/abstention.js";
import { ParsedResponse, parseResponse } from "../../src/core/parse-response.js";
import { checkInvariants, fuzzInputs, soupOf } from "./parser-fuzz.js";

const codes = (r: ParsedResponse): string[] => r.issues.map((issue) => issue.code);
const both = (confidence: string, answer: string) =>
  `<confidence>${confidence}</confidence><answer>${answer}</answer>`;

describe("parseResponse: the original ECHO parser table", () => {
  const safe: Partial<ParsedResponse> = {
    confidence: 50,
    answer: "",
    format: "empty",
    abstained: false,
    confidence_source: "default",
  };
  it.each<[string, unknown, Partial<ParsedResponse>]>([
    ["empty input", "", safe],
    ["null", null, safe],
    ["undefined", undefined, safe],
    [
      "perfect extraction",
      both("85", "Paris"),
      { confidence: 85, answer: "Paris", format: "clean", issues: [] },
    ],
    [
      "reversed tags",
      "<answer>Paris</answer><confidence>85</confidence>",
      { confidence: 85, answer: "Paris", format: "clean" },
    ],
    [
      "verbal 'very sure'",
      both("very sure", "Paris"),
      { confidence: 90, confidence_source: "verbal", format: "clean" },
    ],
    ["over 100", both("150", "Paris"), { confidence: 100, format: "repaired" }],
    ["decimal", both("73.6", "Paris"), { confidence: 74, format: "clean" }],
    ["abstention", both("85", "I don't know"), { answer: "I don't know", abstained: true, confidence: 10 }],
  ])("%s", (_name, input, expected) => {
    expect(parseResponse(input)).toMatchObject(expected);
  });
});

describe("parseResponse: empty and non-string input", () => {
  it.each([
    undefined,
    null,
    0,
    42,
    Number.NaN,
    true,
    {},
    [],
    ["<answer>x</answer>"],
    Symbol("s"),
    10n,
    () => "x",
  ])("gives format empty for %s", (input) => {
    const r = parseResponse(input);
    expect(r).toEqual({
      confidence: 50,
      answer: "",
      abstained: false,
      format: "empty",
      confidence_source: "default",
      issues: [{ code: "input_not_string", message: expect.any(String) }],
    });
  });

  it.each(["", " ", "\n\t  \r\n", "\u00a0\u2003"])("gives format empty for the blank string %j", (input) => {
    const r = parseResponse(input);
    expect(r.format).toBe("empty");
    expect(codes(r)).toEqual(["input_empty"]);
  });

  it("uses the configured default confidence", () => {
    expect(parseResponse(null, { defaultConfidence: 30 }).confidence).toBe(30);
  });
});

describe("parseResponse: tags", () => {
  it.each([
    ["<Confidence>85</Confidence><ANSWER>Paris</ANSWER>"],
    ["<confidence >85</confidence ><answer >Paris</answer >"],
    ["< confidence >85< / confidence >< Answer\n>Paris</ answer>"],
    ["<confidence>\n  85  \n</confidence>\n<answer>\n  Paris \n</answer>"],
    ["Sure! Here it is.\n<answer>Paris</answer>\nand <confidence>85</confidence> trailing text"],
  ])("reads %j in any case, order and spacing", (input) => {
    expect(parseResponse(input)).toMatchObject({ confidence: 85, answer: "Paris", format: "clean" });
  });

  it("lets the last complete tag of each kind win, and says so", () => {
    const r = parseResponse(`${both("20", "Rome")}${both("85", "Paris")}`);
    expect(r).toMatchObject({ confidence: 85, answer: "Paris", format: "clean" });
    expect(codes(r)).toEqual(["multiple_tags", "multiple_tags"]);
  });

  it("keeps a complete answer over a later unclosed one", () => {
    expect(parseResponse(`${both("85", "Paris")}<answer>Ro`)).toMatchObject({
      answer: "Paris",
      format: "clean",
    });
  });

  it("keeps '<' and '>' that are not our tags inside the answer", () => {
    expect(parseResponse(both("60", "x < y and <b>bold</b>")).answer).toBe("x < y and <b>bold</b>");
    expect(parseResponse(both("60", "<conf>")).answer).toBe("<conf>");
  });

  it("does not read look-alike tags", () => {
    const r = parseResponse("<conf>85</conf><answers>Paris</answers>");
    expect(r).toMatchObject({ format: "missing_answer", answer: "", confidence: 50 });
  });
});

describe("parseResponse: thinking", () => {
  it("ignores tags inside <think>...</think>", () => {
    const input = `<think>maybe ${both("20", "Rome")}</think>${both("85", "Paris")}`;
    expect(parseResponse(input)).toMatchObject({
      confidence: 85,
      answer: "Paris",
      format: "clean",
      issues: [],
    });
  });

  it("treats everything before a lone </think> as thinking", () => {
    const input = `Let me see: ${both("20", "Rome")} no wait.</think>\n${both("85", "Paris")}`;
    expect(parseResponse(input)).toMatchObject({ confidence: 85, answer: "Paris", format: "clean" });
  });

  it("handles any case, several blocks and a block inside the answer", () => {
    const input =
      "<THINK>a</Think><confidence>85</confidence><think>b</think><answer><think>c</think>Paris</answer>";
    expect(parseResponse(input)).toMatchObject({ confidence: 85, answer: "Paris", format: "clean" });
  });

  it("ignores an unclosed <think> with no complete tag after it, and flags it", () => {
    const done = parseResponse(`${both("85", "Paris")}<think>second thoughts: <answer>Rome`);
    expect(done).toMatchObject({ confidence: 85, answer: "Paris", format: "clean" });
    expect(codes(done)).toEqual(["unclosed_think"]);
    const cut = parseResponse("<think>The capital of France is");
    expect(cut).toMatchObject({ format: "missing_answer", answer: "" });
    expect(codes(cut)).toContain("unclosed_think");
  });

  it("reads complete tags after a <think> that is never closed (real instruct-model output)", () => {
    const real =
      "<think> Let me analyze the options.\nA) Texas - not an island.\nC) Great Britain - an island country." +
      "\n\nThe most relevant option is C) Great Britain.\n\n<answer> Great Britain </answer>\n" +
      "<confidence> 0.95 </confidence>";
    const r = parseResponse(real);
    expect(r).toMatchObject({ answer: "Great Britain", confidence: 95, format: "repaired" });
    expect(codes(r)).toEqual(["unclosed_think_repaired"]);
  });

  it("keeps last-complete-tag-wins after an unclosed <think>, and drops the thinking after the last tag", () => {
    const later = parseResponse(`${both("85", "Paris")}<think>second thoughts: <answer>Rome</answer>`);
    expect(later).toMatchObject({ confidence: 85, answer: "Rome", format: "repaired" });
    const trailing = parseResponse(
      "<think>hmm <answer>Paris</answer><confidence>70</confidence> or maybe <answer>Rome",
    );
    expect(trailing).toMatchObject({ answer: "Paris", confidence: 70, format: "repaired" });
    expect(codes(trailing)).toEqual(["unclosed_think_repaired"]);
  });

  it("still abstains and reads verbal confidence after an unclosed <think>", () => {
    const r = parseResponse("<think>no idea<answer>I don't know</answer><confidence>very sure</confidence>");
    expect(r).toMatchObject({ abstained: true, format: "repaired" });
    expect(r.confidence).toBeLessThanOrEqual(10);
  });

  it("gives missing_answer when only thinking is left", () => {
    expect(parseResponse("<think>hmm</think>").format).toBe("missing_answer");
  });
});

describe("parseResponse: repairs", () => {
  it("repairs an unclosed final answer (truncated generation)", () => {
    const r = parseResponse("<confidence>80</confidence><answer>Paris");
    expect(r).toMatchObject({ confidence: 80, answer: "Paris", format: "repaired" });
    expect(codes(r)).toEqual(["unclosed_answer_repaired"]);
  });

  it("ends an unclosed answer at the next tag", () => {
    const r = parseResponse("<answer>Paris\n<confidence>80</confidence>");
    expect(r).toMatchObject({ confidence: 80, answer: "Paris", format: "repaired" });
  });

  it("repairs an unclosed confidence", () => {
    expect(parseResponse("<answer>Paris</answer><confidence>80")).toMatchObject({
      confidence: 80,
      format: "repaired",
    });
    const r = parseResponse("<confidence>80<answer>Paris</answer>");
    expect(r).toMatchObject({ confidence: 80, answer: "Paris", format: "repaired" });
    expect(codes(r)).toEqual(["unclosed_confidence_repaired"]);
  });

  it.each([
    ["150", 100],
    ["-5", 0],
    ["250%", 100],
  ])("clips %j to %i and calls it repaired", (value, expected) => {
    const r = parseResponse(both(value, "Paris"));
    expect(r).toMatchObject({ confidence: expected, format: "repaired", confidence_source: "numeric" });
    expect(codes(r)).toEqual(["confidence_clipped"]);
  });

  it.each([
    ["0.72", 72],
    ["72%", 72],
    ["7/10", 70],
    ["7 out of 10", 70],
    ["1", 1],
    ["0", 0],
    ["1.0", 100],
  ])("reads the confidence %j as %i, clean", (value, expected) => {
    expect(parseResponse(both(value, "Paris"))).toMatchObject({
      confidence: expected,
      format: "clean",
      issues: [],
    });
  });

  it("reads scientific notation as a number", () => {
    expect(parseResponse(both("1e2", "Paris"))).toMatchObject({
      confidence: 100,
      confidence_source: "numeric",
      format: "clean",
      issues: [],
    });
  });

  it.each([
    ["I can't be certain", 30],
    ["cannot be sure", 30],
    ["I couldn't be sure", 30],
    ["doesn't seem likely", 30],
    ["far from certain", 30],
  ])("reads the negated phrase %j as %i", (value, expected) => {
    const r = parseResponse(both(value, "Paris"));
    expect(r).toMatchObject({ confidence: expected, confidence_source: "verbal", format: "clean" });
    expect(codes(r)).toEqual(["confidence_verbal"]);
  });

  it("reads a verbal confidence as clean and notes it", () => {
    const r = parseResponse(both("I'm not sure", "Paris"));
    expect(r).toMatchObject({ confidence: 30, confidence_source: "verbal", format: "clean" });
    expect(codes(r)).toEqual(["confidence_verbal"]);
  });
});

describe("parseResponse: missing parts", () => {
  it("defaults a missing confidence tag to 50", () => {
    const r = parseResponse("<answer>Paris</answer>");
    expect(r).toMatchObject({
      confidence: 50,
      answer: "Paris",
      format: "missing_confidence",
      confidence_source: "default",
    });
    expect(codes(r)).toEqual(["missing_confidence_tag", "confidence_default"]);
  });

  it.each(["", "  ", "hmm", "n/a"])("defaults an unreadable confidence %j", (value) => {
    const r = parseResponse(both(value, "Paris"));
    expect(r).toMatchObject({ confidence: 50, format: "missing_confidence", confidence_source: "default" });
    expect(codes(r)).toEqual(["confidence_unreadable", "confidence_default"]);
  });

  it.each(["0/0", "0 out of 0"])("defaults the meaningless confidence %j as if it had no number", (value) => {
    const r = parseResponse(both(value, "Paris"));
    expect(r).toMatchObject({ confidence: 50, format: "missing_confidence", confidence_source: "default" });
    expect(codes(r)).toEqual(["confidence_unreadable", "confidence_default"]);
  });

  it("leaves the answer empty without an answer tag, even when there is text", () => {
    const tagOnly = parseResponse("<confidence>80</confidence> Paris");
    expect(tagOnly).toMatchObject({ confidence: 80, answer: "", format: "missing_answer" });
    expect(codes(tagOnly)).toEqual(["missing_answer_tag"]);
    const bare = parseResponse("Paris");
    expect(bare).toMatchObject({ confidence: 50, answer: "", format: "missing_answer" });
    expect(codes(bare)).toEqual(["missing_answer_tag", "missing_confidence_tag", "confidence_default"]);
  });

  it.each([both("80", ""), both("80", " \n "), "<confidence>80</confidence><answer>  "])(
    "treats the empty answer in %j as missing",
    (input) => {
      const r = parseResponse(input);
      expect(r).toMatchObject({ answer: "", format: "missing_answer", abstained: false });
      expect(codes(r)).toEqual(["empty_answer"]);
    },
  );
});

describe("parseResponse: abstention", () => {
  it("caps the confidence of an abstention and says so only when it lowered it", () => {
    const high = parseResponse(both("95", "I don\u2019t know."));
    expect(high).toMatchObject({ abstained: true, confidence: 10, format: "clean" });
    expect(codes(high)).toEqual(["abstention_capped"]);
    const low = parseResponse(both("5", "no idea"));
    expect(low).toMatchObject({ abstained: true, confidence: 5, issues: [] });
  });

  it("caps a defaulted confidence too, and honours a custom cap", () => {
    expect(parseResponse("<answer>idk</answer>")).toMatchObject({ abstained: true, confidence: 10 });
    expect(parseResponse(both("95", "idk"), { abstentionCap: 0 }).confidence).toBe(0);
  });

  it("abstains on a whole 'I don't know' statement, not on one that goes on to answer", () => {
    for (const answer of [
      "I don't know the answer to this question.",
      "I do not know the answer",
      "I cannot know",
    ]) {
      expect(parseResponse(both("80", answer))).toMatchObject({ answer, abstained: true, confidence: 10 });
    }
    expect(parseResponse(both("80", "I don't know the capital but it's Paris"))).toMatchObject({
      abstained: false,
      confidence: 80,
    });
  });

  it("looks only at the answer", () => {
    expect(parseResponse(both("I don't know", "Paris"))).toMatchObject({ abstained: false, confidence: 5 });
    expect(parseResponse(both("90", "I don't know, but I think Paris"))).toMatchObject({
      abstained: false,
      confidence: 90,
    });
  });
});

describe("parseResponse: options and limits", () => {
  it("cuts input beyond maxInputChars and flags it", () => {
    const r = parseResponse(`${both("85", "Paris")}${"x".repeat(100)}`, { maxInputChars: 60 });
    expect(r).toMatchObject({ confidence: 85, answer: "Paris", format: "repaired" });
    expect(codes(r)).toEqual(["input_truncated"]);
    expect(parseResponse(both("85", "Paris"), { maxInputChars: 30 })).toMatchObject({
      answer: "",
      format: "missing_answer",
    });
  });

  it("never splits a surrogate pair when cutting", () => {
    const r = parseResponse("<confidence>85</confidence><answer>\u{1F600}\u{1F600}", { maxInputChars: 38 });
    expect(r.answer).toBe("\u{1F600}");
  });

  it.each([
    { maxInputChars: Number.NaN },
    { maxInputChars: -1 },
    { defaultConfidence: Number.NaN },
    { abstentionCap: 1e9 },
  ])("falls back to defaults for the bad options %j", (options) => {
    expect(parseResponse("<answer>Paris</answer>", options)).toMatchObject({
      answer: "Paris",
      confidence: 50,
    });
  });

  it.each<[string, string]>([
    ["repeated openings", "<confidence>".repeat(100_000)],
    ["repeated answers", "<answer>".repeat(125_000)],
    ["a bracket before spaces", `<${" ".repeat(1_000_000)}`],
    ["nested thinking", `${"<think>".repeat(70_000)}${"</think>".repeat(70_000)}`],
    ["a huge number", `<confidence>${"9".repeat(1_000_000)}</confidence><answer>a</answer>`],
    ["a long phrase", `<confidence>${"not very ".repeat(110_000)}</confidence><answer>a</answer>`],
  ])("finishes on 1 MB of %s, cut or not", (_name, input) => {
    expect(input.length).toBeGreaterThanOrEqual(990_000);
    for (const maxInputChars of [undefined, Number.POSITIVE_INFINITY]) {
      const r = parseResponse(input, { maxInputChars });
      expect(ParsedResponse.safeParse(r).success).toBe(true);
    }
  });
});

const FRAGMENTS = [
  "<confidence>",
  "</confidence>",
  "<answer>",
  "</answer>",
  "<think>",
  "</think>",
  "< Answer >",
];
FRAGMENTS.push(
  "</ CONFIDENCE>",
  "<",
  ">",
  "/",
  " ",
  "\n",
  "85",
  "0.7",
  "150",
  "-5",
  "7/10",
  "%",
  "very sure",
);
FRAGMENTS.push("not sure", "I don't know", "Paris", "\uD800", "\u{1F600}");
describe("parseResponse: properties", () => {
  it.each(fuzzInputs("tag soup", soupOf(FRAGMENTS)))(
    "never throws and returns a valid ParsedResponse for %s",
    (_name, arbitrary) => {
      fc.assert(
        fc.property(arbitrary, (input) => checkInvariants(input)),
        { numRuns: 500 },
      );
    },
  );

  it("round-trips any confidence and plain answer", () => {
    const answer = fc
      .string({ unit: "binary" })
      .filter((a) => !a.includes("<") && !a.includes(">") && a.trim() !== "" && !isAbstention(a.trim()));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), answer, (c, a) => {
        const r = parseResponse(both(String(c), a));
        expect(r).toMatchObject({ confidence: c, answer: a.trim(), format: "clean", abstained: false });
      }),
      { numRuns: 1000 },
    );
  });
});
