import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  parseConfidenceValue,
  VERBAL_CONFIDENCE,
  verbalConfidence,
} from "../../src/core/verbal-confidence.js";

const table = new Map(VERBAL_CONFIDENCE.map(({ phrase, confidence }) => [phrase, confidence]));
const tableValue = (phrase: string): number => {
  const value = table.get(phrase);
  if (value === undefined) throw new Error(`"${phrase}" is not in the table`);
  return value;
};

describe("VERBAL_CONFIDENCE", () => {
  it("has at least 25 distinct phrases with integer values in 0..100", () => {
    expect(VERBAL_CONFIDENCE.length).toBeGreaterThanOrEqual(25);
    expect(table.size).toBe(VERBAL_CONFIDENCE.length);
    for (const { confidence } of VERBAL_CONFIDENCE) {
      expect(Number.isInteger(confidence) && confidence >= 0 && confidence <= 100).toBe(true);
    }
  });

  it("keeps the original ECHO value for 'very sure'", () => {
    expect(tableValue("very sure")).toBe(90);
  });

  it("contains the phrases named in the issue", () => {
    const named = [
      "very sure",
      "almost certain",
      "certain",
      "fairly confident",
      "somewhat confident",
      "not sure",
    ];
    named.push(
      "unsure",
      "unlikely",
      "very unlikely",
      "no idea",
      "highly likely",
      "likely",
      "probably",
      "maybe",
    );
    named.push("possibly", "doubtful", "guessing", "50/50", "toss-up", "confident", "not confident");
    named.push("absolutely certain");
    for (const phrase of named) expect(table.has(phrase), phrase).toBe(true);
  });

  it.each([
    [
      "very unlikely",
      "unlikely",
      "maybe",
      "likely",
      "very likely",
      "almost certain",
      "certain",
      "absolutely certain",
    ],
    ["no idea", "guessing", "not sure", "fairly confident", "very sure", "absolutely sure"],
    ["not confident", "somewhat confident", "fairly confident", "confident", "very confident"],
    ["very low", "low", "medium", "high", "very high"],
    ["very doubtful", "doubtful", "possibly", "probably"],
  ])("is monotone along a ladder starting at '%s'", (...ladder) => {
    const values = ladder.map(tableValue);
    for (let i = 1; i < values.length; i++)
      expect(values[i]!, ladder[i]).toBeGreaterThanOrEqual(values[i - 1]!);
    expect(values.at(-1)!).toBeGreaterThan(values[0]!);
  });

  it("never lets a negation or 'un-' raise a phrase", () => {
    expect(tableValue("not sure")).toBeLessThan(tableValue("sure"));
    expect(tableValue("not confident")).toBeLessThan(tableValue("confident"));
    expect(tableValue("unlikely")).toBeLessThan(tableValue("likely"));
    expect(tableValue("not likely")).toBeLessThan(tableValue("likely"));
    expect(tableValue("not certain")).toBeLessThan(tableValue("certain"));
  });
});

describe("verbalConfidence", () => {
  it.each([
    ["", null],
    ["   ", null],
    ["Paris", null],
    ["insured", null], // "sure" inside a word is not the phrase
    ["likelihood", null],
  ])("finds no phrase in %j", (text, expected) => {
    expect(verbalConfidence(text)).toBe(expected);
  });

  it.each([
    ["very sure", 90],
    ["VERY SURE", 90],
    ["  Very   sure. ", 90],
    ["sure", 80],
    ["not sure", 30],
    ["I'm not sure", 30],
    ["unsure", 30],
    ["likely", 70],
    ["unlikely", 20],
    ["very unlikely", 10],
    ["highly unlikely", 10],
    ["It is highly likely", 90],
    ["almost certain", 95],
    ["certain", 97],
    ["toss-up", 50],
    ["toss up", 50],
    ["a coin flip", 50],
    ["fifty-fifty", 50],
    ["50/50", 50],
    ["I don't know", 5],
    ["I don\u2019t know", 5],
    ["dont know", 5],
    ["no idea", 5],
  ])("reads %j as %i", (text, expected) => {
    expect(verbalConfidence(text)).toBe(expected);
  });

  it("prefers the longest phrase at a position and the leftmost phrase overall", () => {
    expect(verbalConfidence("not at all sure")).toBe(15);
    expect(verbalConfidence("more likely than not")).toBe(60);
    expect(verbalConfidence("probably, but not certain")).toBe(70);
    expect(verbalConfidence("not certain, probably")).toBe(50);
  });

  it("reads a phrase negated by a nearby word it does not list as low (or a negated doubt as 60)", () => {
    expect(verbalConfidence("not really sure")).toBe(30);
    expect(verbalConfidence("I was never confident")).toBe(30);
    expect(verbalConfidence("I don't think it's likely")).toBe(30);
    expect(verbalConfidence("not unlikely")).toBe(60);
    expect(verbalConfidence("not that, but I am sure")).toBe(80); // the negation is over three words away
  });

  it.each([
    ["I can't be certain", 30],
    ["I can\u2019t be certain", 30],
    ["I cant be certain", 30],
    ["cannot be sure", 30],
    ["can not be sure", 30],
    ["I couldn't be sure", 30],
    ["I wouldn't be confident", 30],
    ["I won't be sure until I check", 30],
    ["doesn't seem likely", 30],
    ["it didn't look likely", 30],
    ["there is no way I'm sure", 30],
    ["far from certain", 30],
    ["far from being very sure", 30],
    ["I can't say it's unlikely", 60], // a negated doubt
    ["far from unlikely", 60],
  ])("reads the negated %j as %i, like any other negated phrase", (text, expected) => {
    expect(verbalConfidence(text)).toBe(expected);
  });

  it("keeps a negation inside its clause", () => {
    expect(verbalConfidence("No, I'm sure")).toBe(80);
    expect(verbalConfidence("I can't say; very sure")).toBe(90);
    expect(verbalConfidence("Far from it. Certain")).toBe(97);
    expect(verbalConfidence("from far, certain")).toBe(97); // "far from" only in that order
  });

  it("leaves a phrase after a lone 'no' or after 'but' as it is", () => {
    expect(verbalConfidence("I'm no expert but pretty sure")).toBe(80);
    expect(verbalConfidence("no doubt I'm sure")).toBe(95);
    expect(verbalConfidence("I have no doubt")).toBe(95);
    expect(verbalConfidence("without a doubt")).toBe(95);
    expect(verbalConfidence("not an expert, but very sure")).toBe(90);
    expect(verbalConfidence("not my field but likely")).toBe(70);
  });

  it("does not flip a table phrase that starts with a negator", () => {
    expect(verbalConfidence("I have no idea")).toBe(5);
    expect(verbalConfidence("no clue")).toBe(5);
    expect(verbalConfidence("I can't say I'm not sure")).toBe(30);
  });

  it("returns null for a non-string", () => {
    expect(verbalConfidence(undefined as unknown as string)).toBeNull();
  });
});

// The README's "| % | phrases |" table, as [percent, "phrase, phrase, ..."] rows; notes in parentheses dropped.
function readmeTable(): Array<[number, string]> {
  const lines = readFileSync(new URL("../../README.md", import.meta.url), "utf8").split("\n");
  const header = lines.findIndex((line) => /^\|\s*%\s*\|\s*phrases\s*\|$/.test(line.trim()));
  if (header < 0) throw new Error('README.md has no "| % | phrases |" table');
  const rows: Array<[number, string]> = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.trim().startsWith("|")) break;
    const [, percent, phrases] = line.split("|").map((cell) => cell.trim());
    rows.push([Number(percent), phrases!.replace(/\s*\([^)]*\)/g, "")]);
  }
  return rows;
}

describe("the README's verbal-confidence table", () => {
  it("lists exactly the code's phrases and values, in the code's order", () => {
    const grouped: Array<[number, string[]]> = [];
    for (const { phrase, confidence } of VERBAL_CONFIDENCE) {
      const last = grouped.at(-1);
      if (last?.[0] === confidence) last[1].push(phrase);
      else grouped.push([confidence, [phrase]]);
    }
    const code = grouped.map(([confidence, phrases]): [number, string] => [confidence, phrases.join(", ")]);
    expect(readmeTable()).toEqual(code);
  });

  it("documents the value a negated confident phrase reads as", () => {
    const row = readmeTable().find(([, phrases]) => phrases.split(", ").includes("not sure"));
    expect(row?.[0]).toBe(verbalConfidence("not really sure"));
  });
});

describe("parseConfidenceValue", () => {
  it.each(["", "   ", "abc", "%", "/", "-", ".", "n/a"])("returns null for %j", (text) => {
    expect(parseConfidenceValue(text)).toBeNull();
  });

  it.each([
    ["75", 75],
    [" 75 ", 75],
    ["\n75\n", 75],
    ["0", 0],
    ["1", 1], // an integer is a percent, even 1
    ["100", 100],
    ["73.6", 74],
    ["73.5", 74], // half up
    ["73.4", 73],
    ["72%", 72],
    ["72 %", 72],
    ["72 percent", 72],
    ["72.5%", 73],
    ["100%", 100],
    ["0.72%", 1], // an explicit percent sign wins over the probability reading
    ["0.72", 72],
    [".72", 72],
    ["0.725", 73], // 0.725 * 100 is 72.4999... in binary
    ["0.5", 50],
    ["0.0", 0],
    ["1.0", 100], // a decimal point in [0, 1] marks a probability
    ["1.00", 100],
    ["1.5", 2], // a decimal above 1 is a percent
    ["7/10", 70],
    ["7 / 10", 70],
    ["7 out of 10", 70],
    ["7 OUT OF 10", 70],
    ["9.5/10", 95],
    ["3/4", 75],
    ["1 in 4", 25],
    ["10/10", 100],
    ["2/3", 67],
    ["50/50", 50], // a split of 100, not a ratio
    ["60/40", 60],
    ["0/100", 0],
    ["85/100", 85],
    ["Confidence: 85", 85],
    ["about 80, maybe 90", 80],
    ["70-80", 70],
    ["90 (very sure)", 90],
  ])("reads %j as %i", (text, expected) => {
    expect(parseConfidenceValue(text)).toEqual({ value: expected, source: "numeric", clipped: false });
  });

  it.each([
    ["150", 100],
    ["101", 100],
    ["1000000", 100],
    ["9".repeat(400), 100], // parses to Infinity
    ["-5", 0],
    ["\u22125", 0], // Unicode minus
    ["150%", 100],
    ["12/10", 100],
    ["-3/10", 0],
  ])("clips %j to %i", (text, expected) => {
    expect(parseConfidenceValue(text)).toEqual({ value: expected, source: "numeric", clipped: true });
  });

  it("does not clip a value that rounds into range", () => {
    expect(parseConfidenceValue("100.4")).toEqual({ value: 100, source: "numeric", clipped: false });
    expect(parseConfidenceValue("-0.5")).toEqual({ value: 0, source: "numeric", clipped: false });
    expect(parseConfidenceValue("-0")).toEqual({ value: 0, source: "numeric", clipped: false });
  });

  it("reads a zero denominator as no fraction at all", () => {
    expect(parseConfidenceValue("7/0")).toEqual({ value: 7, source: "numeric", clipped: false });
  });

  it.each([
    ["1e2", 100],
    ["1E2", 100],
    ["7.5e1", 75],
    ["1e2%", 100],
    ["7e-1", 70], // a fraction in [0, 1] is a probability, whatever the notation
    ["1e0", 1], // an integer is a percent, even 1
    ["1.0e0", 100],
    ["7e0/1e1", 70],
  ])("reads the scientific notation %j as %i", (text, expected) => {
    expect(parseConfidenceValue(text)).toEqual({ value: expected, source: "numeric", clipped: false });
  });

  it("clips scientific notation out of range", () => {
    expect(parseConfidenceValue("1e3")).toEqual({ value: 100, source: "numeric", clipped: true });
    expect(parseConfidenceValue("1e400")).toEqual({ value: 100, source: "numeric", clipped: true });
    expect(parseConfidenceValue("-1e2")).toEqual({ value: 0, source: "numeric", clipped: true });
  });

  it.each(["0/0", " 0 / 0 ", "0 out of 0", "0 in 0", "0.0/0", "-0/0"])(
    "reads the meaningless %j as no number",
    (text) => {
      expect(parseConfidenceValue(text)).toBeNull();
    },
  );

  it("falls back to the phrase table for 0/0, as for no number", () => {
    expect(parseConfidenceValue("0/0, very sure")).toEqual({ value: 90, source: "verbal", clipped: false });
  });

  it("falls back to the phrase table only when there is no number", () => {
    expect(parseConfidenceValue("very sure")).toEqual({ value: 90, source: "verbal", clipped: false });
    expect(parseConfidenceValue("very sure, 60")).toEqual({ value: 60, source: "numeric", clipped: false });
  });

  it("is linear on long adversarial content", () => {
    expect(parseConfidenceValue("1".repeat(200_000))?.value).toBe(100);
    expect(parseConfidenceValue(`1 out of${" ".repeat(200_000)}x`)?.value).toBe(1);
    expect(parseConfidenceValue("not very ".repeat(50_000))).toBeNull();
    expect(parseConfidenceValue(". ".repeat(100_000))).toBeNull();
  });
});
