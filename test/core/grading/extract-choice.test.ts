import { describe, expect, it } from "vitest";
import { extractChoice, normalizeChoiceText } from "../../../src/core/grading/extract-choice.js";

const OPTIONS = [["water"], ["food", "sources"], ["predators"], ["climate"]].map((tokens) => ({
  plain: tokens,
  lenient: tokens,
}));

describe("normalizeChoiceText", () => {
  it.each([
    ["", ""],
    ["**B**", "B"],
    ["`B`", "B"],
    ["\\boxed{B}", "B"],
    ["\\boxed{\\textbf{B}}", "B"],
    ["（Ｂ）", "(B)"],
  ])("%j -> %j", (text, expected) => {
    expect(normalizeChoiceText(text)).toBe(expected);
  });
});

describe("extractChoice", () => {
  it("finds nothing in text that names no option", () => {
    expect(extractChoice("", 4, OPTIONS)).toEqual({ ok: false, reason: "no-choice" });
    expect(extractChoice("Bacteria", 4, OPTIONS)).toEqual({ ok: false, reason: "no-choice" });
    expect(extractChoice("A or B", 4, OPTIONS)).toEqual({ ok: false, reason: "no-choice" });
  });

  it("rejects letters beyond the option count at any stage", () => {
    expect(extractChoice("E", 4, OPTIONS)).toMatchObject({ ok: false, reason: "out-of-range", letter: "E" });
    expect(extractChoice("Answer: e", 4, OPTIONS)).toMatchObject({ ok: false, reason: "out-of-range" });
  });

  it("uses option text only when exactly one option appears", () => {
    expect(extractChoice("the predators, clearly", 4, OPTIONS)).toMatchObject({
      ok: true,
      index: 2,
      stage: "text",
    });
    expect(extractChoice("water or climate", 4, OPTIONS)).toEqual({ ok: false, reason: "no-choice" });
    expect(extractChoice("sources of food", 4, OPTIONS)).toEqual({ ok: false, reason: "no-choice" });
  });

  it("lets an earlier stage win over a later one", () => {
    expect(extractChoice("(A) looks right but the answer is D", 4, OPTIONS)).toMatchObject({ index: 3 });
    expect(extractChoice("water, so option C", 4, OPTIONS)).toMatchObject({ index: 2, stage: "option" });
  });
});
