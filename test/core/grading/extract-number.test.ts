import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closeEnough, extractNumber, extractNumberFully } from "../../../src/core/grading/extract-number.js";

describe("closeEnough", () => {
  it("compares integers exactly and other values within 1e-6 * max(1, |a|, |b|)", () => {
    expect(closeEnough(1_000_000, 1_000_001)).toBe(false);
    expect(closeEnough(18, 18)).toBe(true);
    expect(closeEnough(0.1 + 0.2, 0.3)).toBe(true);
    expect(closeEnough(1_000_000.5, 1_000_001)).toBe(true);
    expect(closeEnough(0.0000005, 0)).toBe(true);
    expect(closeEnough(0.000002, 0)).toBe(false);
    expect(closeEnough(Number.NaN, Number.NaN)).toBe(false);
  });
});

describe("extractNumber", () => {
  it("reports a missing number with its segment source", () => {
    expect(extractNumber("")).toEqual({ ok: false, reason: "no-number", source: "whole" });
    expect(extractNumber("#### ")).toEqual({ ok: false, reason: "no-number", source: "hash" });
    expect(extractNumber("The answer is unknown.")).toEqual({
      ok: false,
      reason: "no-number",
      source: "anchor",
    });
    expect(extractNumber("The answer is unknown; I computed 18")).toMatchObject({ ok: true, value: 18 });
  });

  it("takes the first token of an anchored segment and the last of a whole answer", () => {
    expect(extractNumber("The answer is 18 (3 steps)")).toMatchObject({
      ok: true,
      value: 18,
      source: "anchor",
    });
    expect(extractNumber("3 bags of 6 is 18")).toMatchObject({ ok: true, value: 18, source: "whole" });
  });

  it("calls a neighbouring alternative ambiguous, wherever it sits", () => {
    expect(extractNumber("18 or 20")).toMatchObject({ ok: false, reason: "ambiguous" });
    expect(extractNumber("The answer is 18 or 20")).toMatchObject({ ok: false, reason: "ambiguous" });
    expect(extractNumber("18; 20")).toMatchObject({ ok: false, reason: "ambiguous" });
    expect(extractNumber("18 (or 20)")).toMatchObject({ ok: false, reason: "ambiguous" });
    expect(extractNumber("The answer is 18 (20 with tax)")).toMatchObject({ ok: true, value: 18 });
    expect(extractNumber("18 (or 20)")).toMatchObject({ ok: false, reason: "ambiguous" });
    expect(extractNumber("The answer is 18 (20 with tax)")).toMatchObject({ ok: true, value: 18 });
    expect(extractNumber("18 or 20 then 3 * 6 = 18")).toMatchObject({ ok: true, value: 18 });
    expect(extractNumber("75% or 0.75")).toMatchObject({ ok: false, reason: "ambiguous" });
  });

  it("keeps the percent flag", () => {
    expect(extractNumber("\\boxed{75\\%}")).toMatchObject({
      ok: true,
      value: 75,
      percent: true,
      source: "boxed",
    });
  });
});

describe("extractNumber: negated numbers", () => {
  it.each([
    ["not 18", "whole"],
    ["It is not 18.", "whole"],
    ["The answer is not 18", "anchor"],
    ["The answer isn't 18", "whole"],
    ["18 is wrong", "whole"],
    ["18 apples is wrong", "whole"],
    ["anything except 18", "whole"],
    ["anything but 18", "whole"],
    ["other than 18", "whole"],
    ["not \\boxed{18}", "boxed"],
    ["\\boxed{18} is wrong", "boxed"],
    ["#### not 18", "hash"],
  ])("%j -> negated (%s)", (answer, source) => {
    expect(extractNumber(answer)).toMatchObject({ ok: false, reason: "negated", source, text: "18" });
  });

  it("reads the number beside a negation that denies another one", () => {
    expect(extractNumber("The answer is 18, not 20")).toMatchObject({ ok: true, value: 18 });
    expect(extractNumber("Not 18 but 20")).toMatchObject({ ok: true, value: 20 });
    expect(extractNumber("Not sure, but the answer is 18")).toMatchObject({ ok: true, value: 18 });
    expect(extractNumber("The answer is 18, which is not prime")).toMatchObject({ ok: true, value: 18 });
  });
});

describe("extractNumber: candidate lists hidden by units, clauses and segments", () => {
  it.each([
    "18 dollars, maybe 20 dollars",
    "18 apples, perhaps 20 apples",
    "18, though it could be 20",
    "18 if rounded, 20 otherwise",
    "18. Maybe 20.",
    "\\boxed{18} or \\boxed{20}",
    "\\boxed{18 \\text{ apples}} or \\boxed{20}",
    "The answer is 18, or maybe \\boxed{20}",
    "The answer is 18, or maybe the answer is 20",
    "#### 18 or #### 20",
  ])("%j -> ambiguous", (answer) => {
    expect(extractNumber(answer)).toMatchObject({ ok: false, reason: "ambiguous" });
  });

  it.each([
    ["3 + 4 = 7, so the answer is 7", 7],
    ["The answer is 20 (18 + 2)", 20],
    ["\\boxed{20} (18 + 2)", 20],
    ["The answer is 20 because 18 + 2 = 20", 20],
    ["The answer is 20. 18 was my first guess", 20],
    ["Earlier I wrote the answer is 18, but the answer is 20", 20],
    ["\\boxed{18} is wrong; \\boxed{20}", 20],
    ["She had 18 apples and bought 2 more, so 20", 20],
    ["She has 20 apples, eats 2 apples, so 18", 18],
    ["It takes 2 hours at 10 km/h, so 20 km", 20],
    ["The answer is 20 of 30", 20],
    ["20 km/h", 20],
    ["1 1/2", 1.5],
  ])("%j -> %d", (answer, value) => {
    expect(extractNumber(answer)).toMatchObject({ ok: true, value });
  });
});

describe("extractNumber: written-out numbers", () => {
  it("reads words only when the segment has no digit", () => {
    expect(extractNumber("The heart has four chambers.")).toMatchObject({ ok: true, value: 4, text: "four" });
    expect(extractNumber("The answer is four (three before)")).toMatchObject({ ok: true, value: 4 });
    expect(extractNumber("The answer is four (step 3)")).toMatchObject({ ok: true, value: 3 });
    expect(extractNumber("x^2 is four")).toEqual({ ok: false, reason: "no-number", source: "whole" });
  });

  it("can be told to read digits only", () => {
    expect(extractNumber("four", { numberWords: false })).toEqual({
      ok: false,
      reason: "no-number",
      source: "whole",
    });
    expect(extractNumber("18", { numberWords: false })).toMatchObject({ ok: true, value: 18 });
  });

  it("applies the anchor, negation and candidate-list rules to words", () => {
    expect(extractNumber("The answer is four, not five")).toMatchObject({ ok: true, value: 4 });
    expect(extractNumber("Not four but five")).toMatchObject({ ok: true, value: 5 });
    expect(extractNumber("not four")).toMatchObject({ ok: false, reason: "negated", text: "four" });
    expect(extractNumber("three, perhaps four")).toMatchObject({ ok: false, reason: "ambiguous" });
    expect(extractNumber("\\boxed{four} or \\boxed{five}")).toMatchObject({ ok: false, reason: "ambiguous" });
    expect(extractNumber("the answer is 18, or maybe the answer is twenty")).toMatchObject({
      ok: false,
      reason: "ambiguous",
    });
  });

  it("lets a pronoun 'one' rival the answer without being one", () => {
    expect(extractNumber("one or two")).toMatchObject({ ok: false, reason: "ambiguous" });
    expect(extractNumber("two, or maybe one")).toMatchObject({ ok: false, reason: "ambiguous" });
    expect(extractNumber("The one on the left has four chambers")).toMatchObject({ ok: true, value: 4 });
    expect(extractNumber("Four chambers, not one")).toMatchObject({ ok: true, value: 4 });
    expect(extractNumber("the one on the left")).toMatchObject({ ok: false, reason: "no-number" });
  });
});

describe("extractNumber's plain-number shortcut", () => {
  it("gives what the full rules give, on plain numbers and near misses", () => {
    for (const text of [
      "788",
      " 42 ",
      "-3.5.",
      "+7",
      "007",
      ".5",
      "3.",
      "1e5",
      "1,000",
      "42 apples",
      "not 4",
    ]) {
      expect(extractNumber(text), text).toEqual(extractNumberFully(text));
    }
    const text = fc
      .array(fc.constantFrom("0", "1", "9", ".", "-", "+", " ", "\t", ",", "e"), { maxLength: 8 })
      .map((chars) => chars.join(""));
    fc.assert(
      fc.property(text, (t) => {
        expect(extractNumber(t)).toEqual(extractNumberFully(t));
      }),
      { numRuns: 3000 },
    );
  });
});
