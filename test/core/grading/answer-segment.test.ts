import { describe, expect, it } from "vitest";
import {
  afterLastAnchor,
  lastBoxedContent,
  locateNumericSegment,
  numericSegment,
  stripCalculatorNotes,
  stripSegmentMarkup,
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

describe("locateNumericSegment", () => {
  it("gives the segment's bounds in the answer without calculator notes", () => {
    const located = locateNumericSegment("so \\boxed{18}.");
    expect(located).toMatchObject({ text: "18", source: "boxed", start: 10, end: 12, priorStart: -1 });
    expect(located.full.slice(located.start, located.end)).toBe("18");
    expect(locateNumericSegment("<<1+1=2>>#### 2")).toMatchObject({ full: "#### 2", start: 4, end: 6 });
  });

  it.each([
    ["\\boxed{18} or \\boxed{20}", "boxed", "18} or \\boxed{"],
    ["The answer is 18 or \\boxed{20}", "boxed", "18 or \\boxed{"],
    ["#### 18 or #### 20", "hash", " 18 or ####"],
    ["The answer is 18, or the answer is 20", "anchor", "18, or the answer is "],
  ])("finds the segment before %j", (answer, source, prior) => {
    const located = locateNumericSegment(answer);
    expect(located.source).toBe(source);
    expect(located.full.slice(located.priorStart, located.start)).toBe(prior);
  });

  it("has no prior segment for a single segment or a box after `####`", () => {
    expect(locateNumericSegment("The answer is 18").priorStart).toBe(-1);
    expect(locateNumericSegment("\\boxed{20}\n#### 18").priorStart).toBe(-1);
    expect(locateNumericSegment("18 or 20").priorStart).toBe(-1);
  });
});

describe("stripSegmentMarkup", () => {
  it("blanks boxes, braces, #### and anchor phrases, and keeps the words between", () => {
    expect(stripSegmentMarkup("} or \\boxed{").trim()).toBe("or");
    expect(stripSegmentMarkup(", or maybe the answer is ").trim()).toBe(", or maybe");
    expect(stripSegmentMarkup(" or ####").trim()).toBe("or");
  });
});
