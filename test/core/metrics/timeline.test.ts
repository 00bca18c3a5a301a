// timelineOf: groups of episodes with their mean reward, and rolling calibration at the end of each group.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeMetrics } from "../../../src/core/metrics/compute-metrics.js";
import { timelineOf } from "../../../src/core/metrics/timeline.js";
import { outcome, outcomeArb } from "./outcome-fixtures.js";

describe("timelineOf", () => {
  it("has no points without outcomes", () => {
    expect(timelineOf([], 10, 5)).toEqual([]);
  });

  it("rejects a point count or window that is not a positive integer", () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expect(() => timelineOf([outcome(50, true)], bad, 5)).toThrow(RangeError);
      expect(() => timelineOf([outcome(50, true)], 5, bad)).toThrow(RangeError);
    }
  });

  it("gives one point per outcome when there are fewer outcomes than points", () => {
    const outcomes = [10, 20, 30].map((c, i) => outcome(c, true, { reward: i }));
    const points = timelineOf(outcomes, 10, 2);
    expect(points.map((p) => [p.episode, p.count, p.mean_reward])).toEqual([
      [1, 1, 0],
      [2, 1, 1],
      [3, 1, 2],
    ]);
    expect(points.map((p) => p.rolling_mean_reward)).toEqual([0, 0.5, 1.5]);
  });

  it("splits into near-equal consecutive groups with their mean reward", () => {
    const outcomes = Array.from({ length: 10 }, (_, i) => outcome(50, i % 2 === 0, { reward: i }));
    const points = timelineOf(outcomes, 3, 100);
    expect(points.map((p) => [p.episode, p.count])).toEqual([
      [3, 3],
      [6, 3],
      [10, 4],
    ]);
    expect(points.map((p) => p.mean_reward)).toEqual([1, 4, 7.5]);
  });

  it("reports the window's ECE, accuracy and confidence as computeMetrics does", () => {
    const outcomes = [
      outcome(90, false, { reward: -1 }),
      outcome(90, false, { reward: -1 }),
      outcome(60, true, { reward: 1 }),
      outcome(60, true, { reward: 1 }),
    ];
    const [first, last] = timelineOf(outcomes, 2, 2);
    expect(first?.rolling_ece).toBeCloseTo(0.9, 12);
    expect(first?.rolling_accuracy).toBe(0);
    expect(last?.rolling_ece).toBeCloseTo(0.4, 12);
    expect(last?.rolling_accuracy).toBe(1);
    expect(last?.rolling_mean_confidence).toBeCloseTo(0.6, 12);
    expect(last?.rolling_mean_reward).toBe(1);
  });

  it("has null calibration figures while no outcome in the window stated a confidence", () => {
    const [point] = timelineOf([outcome(50, false, { format: "missing_confidence", reward: -1 })], 1, 5);
    expect(point).toEqual({
      episode: 1,
      count: 1,
      mean_reward: -1,
      rolling_mean_reward: -1,
      rolling_ece: null,
      rolling_accuracy: null,
      rolling_mean_confidence: null,
    });
  });

  it("covers every outcome once, and each point's window matches computeMetrics", () => {
    fc.assert(
      fc.property(
        fc.array(outcomeArb, { maxLength: 60 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 30 }),
        (outcomes, points, rolling) => {
          const timeline = timelineOf(outcomes, points, rolling);
          expect(timeline.length).toBe(Math.min(points, outcomes.length));
          expect(timeline.reduce((n, p) => n + p.count, 0)).toBe(outcomes.length);
          for (const p of timeline) {
            const window = computeMetrics(outcomes.slice(Math.max(0, p.episode - rolling), p.episode));
            expect(p.rolling_ece === null).toBe(window.ece === null);
            if (window.ece !== null) expect(p.rolling_ece).toBeCloseTo(window.ece, 9);
          }
        },
      ),
    );
  });
});
