import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeMetrics } from "../../../src/core/metrics/compute-metrics.js";
import { RollingMetrics } from "../../../src/core/metrics/rolling-metrics.js";
import { expectReportsClose, outcome, outcomeArb } from "./outcome-fixtures.js";

describe("RollingMetrics", () => {
  it("rejects a capacity that is not a positive integer", () => {
    for (const bad of [0, -1, 2.5, Number.NaN]) expect(() => new RollingMetrics(bad)).toThrow(RangeError);
  });

  it("evicts the oldest outcome once full and returns it", () => {
    const window = new RollingMetrics(2);
    expect(window.add(outcome(10, true))).toBeUndefined();
    expect(window.add(outcome(20, true))).toBeUndefined();
    expect(window.add(outcome(30, true))?.confidence).toBe(10);
    expect(window.add(outcome(40, true))?.confidence).toBe(20);
    expect(window.count).toBe(2);
    expect(window.report().mean_confidence).toBeCloseTo(0.35, 12);
  });

  it("is not confused by the caller editing an outcome after adding it", () => {
    const window = new RollingMetrics(1);
    const first = outcome(90, false);
    window.add(first);
    first.correct = true;
    window.add(outcome(50, true));
    expect(window.report()).toEqual(computeMetrics([outcome(50, true)]));
  });

  it("reports exactly the last N outcomes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.array(outcomeArb, { maxLength: 80 }),
        (capacity, records) => {
          const window = new RollingMetrics(capacity);
          for (const r of records) window.add(r);
          expect(window.count).toBe(Math.min(capacity, records.length));
          expectReportsClose(window.report(), computeMetrics(records.slice(-capacity)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
