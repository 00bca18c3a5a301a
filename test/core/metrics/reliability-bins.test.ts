import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MetricsAccumulator } from "../../../src/core/metrics/metrics-accumulator.js";
import { binIndex, binnedCalibration, eceOf } from "../../../src/core/metrics/reliability-bins.js";
import { RollingMetrics } from "../../../src/core/metrics/rolling-metrics.js";
import { outcomeArb } from "./outcome-fixtures.js";

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

describe("eceOf (the curriculum's cheap ECE)", () => {
  it("is null for no records and matches the worked example", () => {
    expect(eceOf(levels({}), levels({}))).toBeNull();
    expect(eceOf(levels({ 1: 1 }), levels({ 0: 1 }))).toBe(0.495);
    expect(eceOf(levels({ 100: 3 }), levels({}))).toBe(0);
  });

  it("equals binnedCalibration's ECE exactly, and so do the accumulator's and the window's ece()", () => {
    fc.assert(
      fc.property(
        fc.array(outcomeArb, { maxLength: 300 }),
        fc.integer({ min: 1, max: 50 }),
        (outcomes, n) => {
          const all = new MetricsAccumulator();
          const window = new RollingMetrics(n);
          for (const o of outcomes) {
            all.add(o);
            window.add(o);
          }
          expect(all.ece()).toBe(all.report().ece);
          expect(window.ece()).toBe(window.report().ece);
        },
      ),
    );
    const right = Array.from({ length: 101 }, (_, k) => (k * 7919) % 13);
    const wrong = Array.from({ length: 101 }, (_, k) => (k * 104729) % 11);
    expect(eceOf(right, wrong)).toBe(binnedCalibration(right, wrong).ece);
  });
});
