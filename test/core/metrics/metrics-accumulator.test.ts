import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeMetrics } from "../../../src/core/metrics/compute-metrics.js";
import { MetricsAccumulator } from "../../../src/core/metrics/metrics-accumulator.js";
import { expectReportsClose, outcome, outcomeArb } from "./outcome-fixtures.js";

describe("MetricsAccumulator: edge cases", () => {
  it("reports like an empty batch when nothing was added", () => {
    const live = new MetricsAccumulator();
    expect(live.count).toBe(0);
    expect(live.report()).toEqual(computeMetrics([]));
  });

  it("refuses to remove what was never added and stays unchanged", () => {
    const live = new MetricsAccumulator().add(outcome(70, true));
    const before = live.report();
    expect(() => live.remove(outcome(70, false))).toThrow(RangeError);
    expect(() => live.remove(outcome(60, true))).toThrow(RangeError);
    expect(() => live.remove(outcome(70, true, { abstained: true }))).toThrow(RangeError);
    expect(() => live.remove(outcome(70, true, { format: "empty" }))).toThrow(RangeError);
    expect(() =>
      new MetricsAccumulator().remove(outcome(50, false, { format: "missing_confidence" })),
    ).toThrow(RangeError);
    expect(live.report()).toEqual(before);
  });

  it("rejects out-of-range input without changing state", () => {
    const live = new MetricsAccumulator();
    expect(() => live.add(outcome(100.5, true))).toThrow(RangeError);
    expect(() => live.add(outcome(50, true, { reward: Number.POSITIVE_INFINITY }))).toThrow(RangeError);
    expect(live.count).toBe(0);
  });

  it("does not drift when many rewards are added and removed", () => {
    const live = new MetricsAccumulator();
    const noisy = Array.from({ length: 20_000 }, (_, i) =>
      outcome(i % 101, i % 3 === 0, { reward: 0.1 + i * 1e-7 }),
    );
    const kept = outcome(70, true, { reward: 0.1 });
    live.add(kept);
    for (const o of noisy) live.add(o);
    for (const o of noisy) live.remove(o);
    expect(live.report()).toEqual(computeMetrics([kept]));
    expect(live.report().mean_reward).toBe(0.1);
  });
});

describe("MetricsAccumulator: matches the batch computation", () => {
  it("after adds and removals in any order", () => {
    fc.assert(
      fc.property(
        fc
          .array(outcomeArb, { maxLength: 100 })
          .chain((records) => fc.tuple(fc.constant(records), fc.shuffledSubarray(records.map((_, i) => i)))),
        ([records, removed]) => {
          const live = new MetricsAccumulator();
          for (const r of records) live.add(r);
          for (const i of removed) live.remove(records[i]!);
          const gone = new Set(removed);
          const remaining = records.filter((_, i) => !gone.has(i));
          expect(live.count).toBe(remaining.length);
          expectReportsClose(live.report(), computeMetrics(remaining));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("after merging, leaving the merged-in accumulator unchanged", () => {
    fc.assert(
      fc.property(
        fc.array(outcomeArb, { maxLength: 60 }),
        fc.array(outcomeArb, { maxLength: 60 }),
        (a, b) => {
          const left = new MetricsAccumulator();
          const right = new MetricsAccumulator();
          for (const r of a) left.add(r);
          for (const r of b) right.add(r);
          left.merge(right);
          expectReportsClose(left.report(), computeMetrics([...a, ...b]));
          expectReportsClose(right.report(), computeMetrics(b));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("MetricsAccumulator.headline", () => {
  const headlineOf = (live: MetricsAccumulator) => {
    const r = live.report();
    return {
      count: r.count,
      accuracy: r.accuracy,
      mean_confidence: r.mean_confidence,
      ece: r.ece,
      brier: r.brier,
      mean_reward: r.mean_reward,
    };
  };

  it("is all nulls and a zero count when nothing was added, like the report", () => {
    const live = new MetricsAccumulator();
    expect(live.headline()).toEqual({
      count: 0,
      accuracy: null,
      mean_confidence: null,
      ece: null,
      brier: null,
      mean_reward: null,
    });
    expect(live.headline()).toEqual(headlineOf(live));
  });

  it("counts records without a stated confidence but computes no calibration from them", () => {
    const live = new MetricsAccumulator().add(
      outcome(50, false, { format: "missing_confidence", reward: -1 }),
    );
    expect(live.headline()).toEqual({
      count: 1,
      accuracy: null,
      mean_confidence: null,
      ece: null,
      brier: null,
      mean_reward: -1,
    });
  });

  it("puts 100 in the last bin and 90 beside it, as the report's bins do", () => {
    const live = new MetricsAccumulator()
      .add(outcome(100, false))
      .add(outcome(90, true))
      .add(outcome(89, true));
    expect(live.headline()).toEqual(headlineOf(live));
    // Bin [90,100]: stated 1.90, 1 right -> gap 0.90; bin [80,90): 0.89 vs 1 -> 0.11; ECE = 1.01 / 3.
    expect(live.headline().ece).toBeCloseTo(1.01 / 3, 12);
  });

  it("equals the full report's figures to the last bit", () => {
    fc.assert(
      fc.property(fc.array(outcomeArb, { maxLength: 300 }), (outcomes) => {
        const live = new MetricsAccumulator();
        for (const o of outcomes) live.add(o);
        expect(live.headline()).toStrictEqual(headlineOf(live));
      }),
    );
  });
});
