import { describe, expect, it } from "vitest";
import {
  afterLastAnchor,
  lastBoxedContent,
  numericSegment,
  stripCalculatorNotes,
} from "../../../src/core/grading/answer-segment.js";

describe("stripCalculatorNotes", () => {
  it("removes <<...>> notes and leaves lone angle brackets", () => {
    expect(stripCalculatorNotes("6*3=<<6*3=18>>18")).toBe("6*3=18");
    expect(stripCalculatorNotes("a << b")).toBe("a << b");
    expect(stripCalculatorNotes("")).toBe("");
  });
});

describe("afterLastAnchor", () => {
  it.each([
    ["", null],
    ["18", null],
    ["The answer is 18.", "18."],
    ["the answer is: 18", " 18"],
    ["Answer: 18", "18"],
    ["answer : 18", "18"],
    ["Final answer 18", "18"],
    ["The final answer is 18", "18"],
    ["The correct answer is B", "B"],
    ["The answer is 20. Wait, the answer is 18", "18"],
    ["answers vary: 18", null],
    ["The answer to life is 42", null],
  ])("%j -> %j", (text, expected) => {
    expect(afterLastAnchor(text)).toBe(expected);
  });
});

describe("lastBoxedContent", () => {
  it.each([
    ["no box", null],
    ["\\boxed{18}", "18"],
    ["\\boxed {18}", "18"],
    ["\\boxed{1} and \\boxed{2}", "2"],
    ["\\boxed{\\frac{3}{4}}", "\\frac{3}{4}"],
    ["\\boxed{18", "18"],
    ["\\boxed{} then \\boxed", ""],
    ["\\boxed 18", null],
  ])("%j -> %j", (text, expected) => {
    expect(lastBoxedContent(text)).toBe(expected);
  });
});

describe("numericSegment", () => {
  it("prefers ####, then \\boxed{}, then an anchor, then the whole answer", () => {
    expect(numericSegment("\\boxed{1}\n#### 2")).toEqual({ text: " 2", source: "hash" });
    expect(numericSegment("The answer is 1. \\boxed{2}")).toEqual({ text: "2", source: "boxed" });
    expect(numericSegment("The answer is 1")).toEqual({ text: "1", source: "anchor" });
    expect(numericSegment("1 and 2")).toEqual({ text: "1 and 2", source: "whole" });
  });

  it("strips calculator notes before looking for ####", () => {
    expect(numericSegment("<<#### 9>>#### 18")).toEqual({ text: " 18", source: "hash" });
    expect(numericSegment("x <<1+1=2>>")).toEqual({ text: "x ", source: "whole" });
  });
});
