import { describe, expect, it } from "vitest";
import { canonicalAnswer, GOLD_KEY } from "../../../src/core/grading/canonical-answer.js";
import type { GradingSpec } from "../../../src/core/grading/grade-result.js";
import { gradeAnswer } from "../../../src/core/grading/index.js";

const numeric: GradingSpec = { grader: "numeric", answer: "18", aliases: [] };
const mc: GradingSpec = {
  grader: "multiple_choice",
  answer: "B",
  aliases: [],
  choices: ["red", "blue", "green", "yellow"],
  answer_index: 1,
};
const yesNo: GradingSpec = { grader: "yes_no", answer: "yes", aliases: [] };
const text: GradingSpec = { grader: "free_text", answer: "The Beatles", aliases: ["Beatles"] };
const fuzzy: GradingSpec = { grader: "fuzzy", answer: "hello world", aliases: [] };
const exact: GradingSpec = { grader: "exact", answer: "True", aliases: [] };
const math: GradingSpec = { grader: "math", answer: "\\frac{14}{3}", aliases: [] };

const keyOf = (spec: GradingSpec, answer: string, abstained = false) => {
  const read = canonicalAnswer(spec, gradeAnswer(spec, answer), abstained);
  return read.kind === "answer" ? read.key : read.kind;
};

describe("canonicalAnswer", () => {
  it.each([
    // Answers the grader reads the same way share a key; correct ones all share the gold's.
    [numeric, "18", GOLD_KEY],
    [numeric, "#### 18.0", GOLD_KEY],
    [numeric, "20", "numeric:20"],
    [numeric, "It is 20.00", "numeric:20"],
    [numeric, "20%", "numeric:20%"],
    [mc, "(b)", GOLD_KEY],
    [mc, "blue", GOLD_KEY],
    [mc, "The answer is C", "mc:C"],
    [mc, "green", "mc:C"],
    [yesNo, "Yes, it is.", GOLD_KEY],
    [yesNo, "No.", "yes_no:no"],
    [yesNo, "FALSE", "yes_no:no"],
    [text, "Beatles", GOLD_KEY],
    [text, "the beatles!", GOLD_KEY],
    [text, "The Rolling Stones", "text:rolling stones"],
    [text, "rolling stones.", "text:rolling stones"],
    [fuzzy, "Hello  World", GOLD_KEY],
    [fuzzy, "goodbye moon", "fuzzy:goodbye moon"],
    [exact, "True", GOLD_KEY],
    [exact, "False", "exact:False"],
    [math, "\\dfrac{14}{3}", GOLD_KEY],
    [math, "\\frac{3}{14}", "math:\\frac{3}{14}"],
  ])("%#: %s reads %j as %s", (spec, answer, key) => {
    expect(keyOf(spec, answer)).toBe(key);
  });

  it.each([
    [numeric, "18 or 20"],
    [numeric, ""],
    [mc, "A or B"],
    [mc, "A: green"],
    [yesNo, "maybe"],
    [yesNo, "yes or no"],
    [text, "b"],
  ])("%#: %j is unreadable: no vote", (spec, answer) => {
    expect(keyOf(spec, answer)).toBe("unreadable");
  });

  it("reads an abstention as an abstention whatever the grader says", () => {
    expect(keyOf(text, "I don't know", true)).toBe("abstained");
  });

  it("gives the gold as the text of a correct answer and the extracted form of a wrong one", () => {
    expect(canonicalAnswer(numeric, gradeAnswer(numeric, "18"), false)).toEqual({
      kind: "answer",
      key: GOLD_KEY,
      text: "18",
    });
    expect(canonicalAnswer(mc, gradeAnswer(mc, "d"), false)).toEqual({
      kind: "answer",
      key: "mc:D",
      text: "D",
    });
  });
});
