import { describe, expect, it } from "vitest";
import { closeEnough, extractNumber } from "../../../src/core/grading/extract-number.js";

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
