// The answer_line format, read through parseResponse: a table of realistic lines, then the tag parser's
// properties mirrored (never throws, invariants, round trips), then real completions rewritten as answer lines.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAbstention } from "../../src/core/abstention.js";
import { ParsedResponse, type ParseOptions, parseResponse } from "../../src/core/parse-response.js";
import { checkInvariants, fuzzInputs, soupOf } from "./parser-fuzz.js";

const LINE: ParseOptions = { responseFormat: "answer_line" };
const parse = (input: unknown, options: ParseOptions = {}) => parseResponse(input, { ...LINE, ...options });
const codes = (r: ParsedResponse): string[] => r.issues.map((issue) => issue.code);

describe("answer_line: the forms the issue names, and what real models write", () => {
  it.each<[string, Partial<ParsedResponse>]>([
    ["ANSWER: YES with 90% probability", { answer: "YES", confidence: 90, format: "clean", issues: [] }],
    ["YES with 90% probability", { answer: "YES", confidence: 90, format: "clean", issues: [] }],
    ["ANSWER: B with 70% confidence", { answer: "B", confidence: 70, format: "clean", issues: [] }],
    ["answer: no with 15% probability", { answer: "no", confidence: 15, format: "clean" }],
    ["Answer: NO with 90 % probability", { answer: "NO", confidence: 90, format: "clean" }],
    ["ANSWER: YES with 90% probability.", { answer: "YES", confidence: 90, format: "clean" }],
    ["**ANSWER: YES** with 80% probability", { answer: "YES", confidence: 80, format: "clean" }],
    ["**ANSWER: YES with 80% probability**", { answer: "YES", confidence: 80, format: "clean" }],
    ["**Answer:** NO, 85% confident", { answer: "NO", confidence: 85, format: "clean" }],
    ["ANSWER: YES 90% confident", { answer: "YES", confidence: 90, format: "clean" }],
    ["ANSWER: YES (0.9 probability)", { answer: "YES", confidence: 90, format: "clean" }],
    ["ANSWER: C) go slowly with 60% confidence", { answer: "C) go slowly", confidence: 60 }],
    ["Final Answer: -5 with 95% probability", { answer: "-5", confidence: 95, format: "clean" }],
    ["- ANSWER: YES with 90% probability", { answer: "YES", confidence: 90, format: "clean" }],
    ["> ANSWER: Paris with probability 0.8", { answer: "Paris", confidence: 80, format: "clean" }],
    ["ANSWER: coffee with milk with 80% confidence", { answer: "coffee with milk", confidence: 80 }],
    ["ANSWER: 150 with 150% probability", { answer: "150", confidence: 100, format: "repaired" }],
  ])("reads %j", (input, expected) => {
    expect(parse(input)).toMatchObject(expected);
  });

  it("reads the final line after reasoning, whatever the reasoning says", () => {
    const input =
      "The passage says the law was repealed in 1998.\nAnswer: it depends on the year.\n" +
      "So the statement is false.\n\n**ANSWER: NO** with 85% probability.\n";
    const r = parse(input);
    expect(r).toMatchObject({ answer: "NO", confidence: 85, format: "clean" });
    expect(codes(r)).toEqual(["multiple_tags"]);
  });

  it("reads a verbal confidence with the same table as the tags, and says so", () => {
    const r = parse("answer: YES with high confidence");
    expect(r).toMatchObject({ answer: "YES", confidence: 85, confidence_source: "verbal", format: "clean" });
    expect(codes(r)).toEqual(["confidence_verbal"]);
    expect(parse("ANSWER: NO, not very sure").confidence).toBe(35);
    expect(parse("ANSWER: NO with very high confidence").confidence).toBe(95);
  });

  it("lets the last answer line win and ignores a closing remark after it", () => {
    const r = parse("ANSWER: A with 30% probability\nANSWER: B with 60% probability\nHope this helps!");
    expect(r).toMatchObject({ answer: "B", confidence: 60, format: "clean" });
    expect(codes(r)).toEqual(["multiple_tags"]);
  });

  it("takes a last line without the prefix only when no line has it", () => {
    const r = parse("ANSWER: YES with 90% probability\nI am fairly sure, with 70% confidence");
    expect(r).toMatchObject({ answer: "YES", confidence: 90, format: "clean", issues: [] });
    expect(parse("Reasoning.\nI am fairly sure, with 70% confidence")).toMatchObject({
      answer: "I am fairly sure",
      confidence: 70,
    });
  });

  it("never takes a bare last line without a confidence clause as the answer", () => {
    const r = parse("The answer is yes.");
    expect(r).toMatchObject({ answer: "", format: "missing_answer", confidence: 50 });
    expect(codes(r)).toEqual(["missing_answer_tag", "missing_confidence_tag", "confidence_default"]);
    expect(parse("A triangle with 3 sides").format).toBe("missing_answer");
  });

  it("gives missing_confidence for an answer line that states none, or an unreadable one", () => {
    const none = parse("ANSWER: YES");
    expect(none).toMatchObject({ answer: "YES", format: "missing_confidence", confidence_source: "default" });
    expect(codes(none)).toEqual(["missing_confidence_tag", "confidence_default"]);
    expect(parse("ANSWER: a triangle with 3 sides")).toMatchObject({
      answer: "a triangle with 3 sides",
      format: "missing_confidence",
    });
    const unreadable = parse("ANSWER: YES with unknown confidence");
    expect(unreadable).toMatchObject({ answer: "YES", format: "missing_confidence" });
    expect(codes(unreadable)).toEqual(["confidence_unreadable", "confidence_default"]);
  });

  it("gives missing_answer for an answer line with no answer", () => {
    const r = parse("ANSWER: with 80% probability");
    expect(r).toMatchObject({ answer: "", format: "missing_answer", confidence: 80 });
    expect(codes(r)).toEqual(["empty_answer"]);
  });

  it("skips thinking, and reads an answer line left inside a never-closed <think>", () => {
    expect(
      parse("<think>ANSWER: NO with 20% probability</think>\nANSWER: YES with 70% probability"),
    ).toMatchObject({ answer: "YES", confidence: 70, format: "clean", issues: [] });
    const open = parse("<think>Let me check.\nANSWER: NO with 20% probability\nmore musing");
    expect(open).toMatchObject({ answer: "NO", confidence: 20, format: "repaired" });
    expect(codes(open)).toEqual(["unclosed_think_repaired"]);
    const lost = parse("ANSWER: YES with 60% probability\n<think>I'm fairly sure, with high confidence");
    expect(lost).toMatchObject({ answer: "YES", confidence: 60, format: "clean" });
    expect(codes(lost)).toEqual(["unclosed_think"]);
  });

  it("abstains and caps as the tags do", () => {
    const r = parse("ANSWER: I don't know with 80% probability");
    expect(r).toMatchObject({ answer: "I don't know", abstained: true, confidence: 10 });
    expect(codes(r)).toEqual(["abstention_capped"]);
  });

  it("reads tags as plain text (the format asked for is the one read), and tags mode ignores answer lines", () => {
    expect(parse("<confidence>80</confidence><answer>Paris</answer>").format).toBe("missing_answer");
    expect(parseResponse("ANSWER: Paris with 80% probability").format).toBe("missing_answer");
    expect(parseResponse("<answer>Paris</answer>", { responseFormat: "tags" }).answer).toBe("Paris");
  });

  it.each([undefined, null, 42, "", "  \n "])("gives format empty for %j", (input) => {
    expect(parse(input).format).toBe("empty");
  });
});

const FRAGMENTS = [
  "ANSWER:",
  "answer :",
  "Final answer:",
  "**",
  "`",
  "\n",
  "\r\n",
  " ",
  "with ",
  "probability",
];
FRAGMENTS.push(
  "confidence",
  "confident",
  "sure",
  "%",
  "90",
  "0.9",
  "150",
  "-5",
  "high",
  "not",
  ",",
  "(",
  ")",
);
FRAGMENTS.push(" - ", ".", "YES", "NO", "B", "I don't know", "<think>", "</think>", "\uD800", "\u{1F600}");

// A plain answer: starts and ends with a letter or digit, no line break, no markup, not an abstention.
const plainAnswer = fc
  .stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9 .,'?%()-]{0,30}[A-Za-z0-9])?$/)
  .filter((a) => !isAbstention(a));
const prefix = fc.constantFrom("ANSWER: ", "answer: ", "Answer:", "**ANSWER:** ", "Final answer: ", "");
const clause = fc.constantFrom(
  (c: number) => ` with ${c}% probability`,
  (c: number) => ` with ${c} % confidence`,
  (c: number) => ` (${c}% confidence)`,
  (c: number) => `, ${c}% confident`,
  (c: number) => ` with probability ${(c / 100).toFixed(2)}`,
);
const reasoning = fc.array(fc.constantFrom("Let me think.", "The passage says so.", "", "So, yes: 3 > 2."), {
  maxLength: 4,
});

describe("answer_line: properties (mirroring the tag parser's)", () => {
  it.each(fuzzInputs("line soup", soupOf(FRAGMENTS)))(
    "never throws and returns a valid ParsedResponse for %s",
    (_name, arbitrary) => {
      fc.assert(
        fc.property(arbitrary, (input) => {
          checkInvariants(input, LINE);
          expect(parse(input).answer).not.toContain("\n");
        }),
        { numRuns: 500 },
      );
    },
  );

  it("round-trips any confidence and plain answer, after any reasoning, in every accepted form", () => {
    fc.assert(
      fc.property(
        reasoning,
        prefix,
        plainAnswer,
        fc.integer({ min: 0, max: 100 }),
        clause,
        fc.constantFrom("", ".", "\n"),
        (lines, p, a, c, write, end) => {
          const input = [...lines, `${p}${a}${write(c)}${end}`].join("\n");
          expect(parse(input)).toMatchObject({ confidence: c, answer: a, format: "clean", abstained: false });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("reads a confidence exactly as the <confidence> tag would", () => {
    const value = fc.oneof(
      fc.integer({ min: 0, max: 100 }).map((c) => `${c}%`),
      fc.double({ min: 0, max: 1, noNaN: true }).map((p) => `${p.toFixed(3)}`),
      fc.constantFrom("high", "very high", "low", "moderate", "not very sure", "absolutely certain"),
    );
    fc.assert(
      fc.property(plainAnswer, value, (a, v) => {
        const tags = parseResponse(`<confidence>${v}</confidence><answer>${a}</answer>`);
        const line = parse(`ANSWER: ${a} with ${v} confidence`);
        expect(line).toMatchObject({
          answer: tags.answer,
          confidence: tags.confidence,
          confidence_source: tags.confidence_source,
          format: tags.format,
        });
      }),
      { numRuns: 500 },
    );
  });

  it("finishes on 1 MB of separators, keywords, lines and long runs", () => {
    for (const input of [
      `ANSWER: ${",".repeat(1_000_000)} 90% probability`,
      `ANSWER: ${"with ".repeat(200_000)}`,
      `ANSWER: x${" 9".repeat(500_000)}%`,
      "ANSWER: a\n".repeat(100_000),
      // Runs a trailing `[...]+$` or two adjacent `\s*` would retry from every start: quadratic.
      `answer${" ".repeat(1_000_000)}x`,
      `ANSWER: a${" ".repeat(1_000_000)}x`,
      `ANSWER: YES with 90% probability${"*".repeat(1_000_000)}x`,
      `x 9${" ".repeat(1_000_000)}x%`,
      `answer ${"*".repeat(1_000_000)}x`,
    ]) {
      expect(
        ParsedResponse.safeParse(parse(input, { maxInputChars: Number.POSITIVE_INFINITY })).success,
      ).toBe(true);
    }
  });
});

const FILE = fileURLToPath(
  new URL("../../../shared/data/real-outputs/commonsenseqa-qwen7b.jsonl.gz", import.meta.url),
);
const present = existsSync(FILE);

describe.skipIf(!present && process.env.CI === undefined)(
  "answer_line on real reasoning (Qwen2.5-7B)",
  () => {
    it("reads the real answers and confidences, rewritten as a final line after the real reasoning", () => {
      const rows = gunzipSync(readFileSync(FILE))
        .toString("utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { id: string; output: string });
      let compared = 0;
      for (const { id, output } of rows) {
        const tags = parseResponse(output);
        const think = /<think>([\s\S]*?)<\/think>/i.exec(output)?.[1] ?? "";
        const confidence = /<confidence>([^<]*)<\/confidence>/i.exec(output)?.[1]?.trim();
        if (tags.format !== "clean" || confidence === undefined || tags.answer.includes("\n")) continue;
        const r = parse(`${think.trim()}\n\nANSWER: ${tags.answer} with ${confidence} probability`);
        expect(r, id).toMatchObject({ answer: tags.answer, confidence: tags.confidence });
        compared++;
      }
      expect(compared).toBeGreaterThan(3000);
    });
  },
);
