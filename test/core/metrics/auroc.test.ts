import { describe, expect, it } from "vitest";
import { aurocFromLevels, aurocFromScores } from "../../../src/core/metrics/auroc.js";

const levels = (entries: Record<number, number>) => {
  const xs = new Array<number>(101).fill(0);
  for (const [k, n] of Object.entries(entries)) xs[Number(k)] = n;
  return xs;
};

describe("aurocFromLevels", () => {
  it("is null without both right and wrong answers", () => {
    expect(aurocFromLevels(levels({}), levels({}))).toBeNull();
    expect(aurocFromLevels(levels({ 50: 3 }), levels({}))).toBeNull();
    expect(aurocFromLevels(levels({}), levels({ 50: 3 }))).toBeNull();
  });

  it("is 1 for perfect separation, 0 for reversed, 1/2 for all ties", () => {
    expect(aurocFromLevels(levels({ 90: 2 }), levels({ 10: 3 }))).toBe(1);
    expect(aurocFromLevels(levels({ 10: 2 }), levels({ 90: 3 }))).toBe(0);
    expect(aurocFromLevels(levels({ 50: 2 }), levels({ 50: 3 }))).toBe(0.5);
  });

  it("matches a hand count with ties", () => {
    // right {80, 40}, wrong {40, 20, 20}: 80 beats all 3; 40 ties 1 and beats 2 -> 5.5 / 6
    expect(aurocFromLevels(levels({ 80: 1, 40: 1 }), levels({ 40: 1, 20: 2 }))).toBeCloseTo(5.5 / 6, 12);
  });
});

describe("aurocFromScores", () => {
  const item = (score: number, correct: boolean) => ({ score, correct });

  it("is null without both right and wrong items", () => {
    expect(aurocFromScores([])).toBeNull();
    expect(aurocFromScores([item(0.5, true), item(0.9, true)])).toBeNull();
  });

  it("counts pairs: ranked right, reversed, and ties as one half", () => {
    expect(aurocFromScores([item(0.9, true), item(0.2, false)])).toBe(1);
    expect(aurocFromScores([item(0.2, true), item(0.9, false)])).toBe(0);
    expect(aurocFromScores([item(0.5, true), item(0.5, false)])).toBe(0.5);
    // Right {1, 2/3, 1/3} against wrong {2/3, 1/3}: 1 beats both (2), 2/3 beats 1/3 and ties 2/3 (1.5),
    // 1/3 ties 1/3 (0.5): 4 of 6 pairs.
    expect(
      aurocFromScores([
        item(1, true),
        item(2 / 3, true),
        item(1 / 3, true),
        item(2 / 3, false),
        item(1 / 3, false),
      ]),
    ).toBeCloseTo(4 / 6, 12);
  });
});
