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

describe("extractChoice: negated picks", () => {
  it.each([
    ["not food sources", "text"],
    ["Anything but food sources", "text"],
    ["food sources is wrong", "text"],
    ["It isn't food sources", "text"],
    ["Not (B)", "paren"],
    ["Surely (B) is wrong", "paren"],
    ["not option B", "option"],
    ["B) is wrong", "line"],
  ])("%j -> negated at stage %s", (answer, stage) => {
    expect(extractChoice(answer, 4, OPTIONS)).toMatchObject({ ok: false, reason: "negated", stage });
  });

  it("keeps 'Not B' as no choice, as before", () => {
    expect(extractChoice("Not B", 4, OPTIONS)).toEqual({ ok: false, reason: "no-choice" });
  });

  it("picks the option left standing beside a negated one", () => {
    expect(extractChoice("not water; food sources", 4, OPTIONS)).toMatchObject({ ok: true, index: 1 });
    expect(extractChoice("food sources, not climate", 4, OPTIONS)).toMatchObject({ ok: true, index: 1 });
    expect(extractChoice("I'd say (B), not (A)", 4, OPTIONS)).toMatchObject({
      ok: true,
      index: 1,
      stage: "paren",
    });
    expect(extractChoice("option B, not option A", 4, OPTIONS)).toMatchObject({ ok: true, index: 1 });
    expect(extractChoice("I'm not sure, but food sources", 4, OPTIONS)).toMatchObject({ ok: true, index: 1 });
  });

  it("refuses an option that appears both plainly and negated", () => {
    expect(extractChoice("food sources? not food sources", 4, OPTIONS)).toMatchObject({
      ok: false,
      reason: "negated",
    });
  });

  it("reads an option whose own text starts with a negator", () => {
    const days = [["sunday"], ["not", "sunday"]].map((tokens) => ({ plain: tokens, lenient: tokens }));
    expect(extractChoice("Not Sunday", 2, days)).toMatchObject({ ok: true, index: 1, stage: "text" });
    expect(extractChoice("Sunday", 2, days)).toMatchObject({ ok: true, index: 0, stage: "text" });
  });
});
