import { describe, expect, it } from "vitest";
import { binIndex, binnedCalibration } from "../../../src/core/metrics/reliability-bins.js";

const levels = (entries: Record<number, number>) => {
  const xs = new Array<number>(101).fill(0);
  for (const [k, n] of Object.entries(entries)) xs[Number(k)] = n;
  return xs;
};

describe("binIndex", () => {
  it("maps percent to 10 equal-width bins, 100 joining the last", () => {
    expect([0, 9, 10, 19, 50, 89, 90, 99, 100].map(binIndex)).toEqual([0, 0, 1, 1, 5, 8, 9, 9, 9]);
  });
});

describe("binnedCalibration", () => {
  it("gives null ECE and MCE and 10 empty bins without data", () => {
    const { bins, ece, mce } = binnedCalibration(levels({}), levels({}));
    expect(ece).toBeNull();
    expect(mce).toBeNull();
    expect(bins.map((b) => [b.lower, b.upper])).toEqual(
      Array.from({ length: 10 }, (_, b) => [b / 10, (b + 1) / 10]),
    );
  });

  it("weights bin gaps by count for ECE and takes the largest for MCE", () => {
    // bin 1: 3 at 10% with 0 right (gap +0.1); bin 9: 1 at 100% wrong (gap +1)
    const { ece, mce, bins } = binnedCalibration(levels({}), levels({ 10: 3, 100: 1 }));
    expect(ece).toBeCloseTo((3 * 0.1 + 1) / 4, 12);
    expect(mce).toBe(1);
    expect(bins[1]).toMatchObject({ count: 3, accuracy: 0 });
    expect(bins[1]!.gap).toBeCloseTo(0.1, 12);
  });

  it("lets opposite gaps cancel within a bin but not across bins", () => {
    // 10% right once and 19% wrong once share bin 1: mean 0.145, accuracy 0.5
    const within = binnedCalibration(levels({ 10: 1 }), levels({ 19: 1 }));
    expect(within.ece).toBeCloseTo(0.355, 12);
    const across = binnedCalibration(levels({ 0: 1 }), levels({ 100: 1 }));
    expect(across.ece).toBe(1); // right at 0% and wrong at 100%: both gaps are 1
  });
});
