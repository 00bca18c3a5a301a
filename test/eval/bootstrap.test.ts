import { describe, expect, it } from "vitest";
import { createRng } from "../../src/core/rng.js";
import { bootstrapIntervals, bootstrapRng, quantile, resample } from "../../src/eval/bootstrap.js";

const mean = (xs: readonly number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

describe("quantile", () => {
  it("refuses no values and interpolates between order statistics", () => {
    expect(() => quantile([], 0.5)).toThrow(RangeError);
    expect(quantile([7], 0.975)).toBe(7);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
    expect(quantile([0, 10], 0.25)).toBe(2.5);
    expect(quantile([1, 2], -1)).toBe(1);
  });
});

describe("resample", () => {
  it("draws as many items as given, with replacement, from the input only", () => {
    expect(resample([], createRng(1))).toEqual([]);
    const draw = resample([1, 2, 3], createRng(1));
    expect(draw).toHaveLength(3);
    for (const x of draw) expect([1, 2, 3]).toContain(x);
    const many = resample(
      Array.from({ length: 1000 }, (_, i) => i),
      createRng(2),
    );
    expect(new Set(many).size).toBeLessThan(700); // ~632 distinct expected
  });
});

describe("bootstrapIntervals", () => {
  const data = Array.from({ length: 1000 }, (_, i) => (i % 10 < 3 ? 1 : 0)); // mean 0.3
  const run = (replicates: number, seed = 1, extra: { range?: [number, number]; level?: number } = {}) =>
    bootstrapIntervals(
      data,
      (rng) => resample(data, rng),
      { mean },
      { replicates, ...extra },
      bootstrapRng(seed, "t"),
    ).mean;

  it("rejects bad settings", () => {
    expect(() => run(-1)).toThrow(RangeError);
    expect(() => run(1.5)).toThrow(RangeError);
    expect(() => run(10, 1, { level: 1 })).toThrow(RangeError);
    expect(() => run(10, 1, { level: 0 })).toThrow(RangeError);
  });

  it("gives no interval without replicates or without an estimate", () => {
    expect(run(0)).toBeNull();
    const none = bootstrapIntervals([] as number[], () => [], { mean }, { replicates: 50 }, bootstrapRng(1));
    expect(none.mean).toBeNull();
  });

  it("matches the normal approximation for a mean (0.3 +- 1.96 * sqrt(0.21 / 1000))", () => {
    const ci = run(2000)!;
    expect(ci.estimate).toBeCloseTo(0.3, 10);
    expect(ci.lower).toBeCloseTo(0.3 - 0.0284, 2);
    expect(ci.upper).toBeCloseTo(0.3 + 0.0284, 2);
    expect(Math.abs(ci.bias)).toBeLessThan(0.003);
    expect(ci).toMatchObject({ level: 0.95, replicates: 2000, method: "basic" });
  });

  it("is deterministic for a seed and differs between seeds and streams", () => {
    expect(run(300, 5)).toEqual(run(300, 5));
    expect(run(300, 5)).not.toEqual(run(300, 6));
    expect(bootstrapRng(1, "a").next()).not.toBe(bootstrapRng(1, "b").next());
  });

  it("reflects bias and clips to the statistic's range", () => {
    // max() is biased downward under resampling; the basic interval reaches above the sample maximum, clipped.
    const xs = Array.from({ length: 30 }, (_, i) => i / 30);
    const max = (s: readonly number[]) => Math.max(...s);
    const ci = bootstrapIntervals(
      xs,
      (rng) => resample(xs, rng),
      { max },
      { replicates: 500, range: [0, 0.98] },
      bootstrapRng(1),
    ).max!;
    expect(ci.bias).toBeLessThan(0);
    expect(ci.upper).toBe(0.98);
    expect(ci.lower).toBeLessThanOrEqual(ci.estimate);
  });

  it("skips replicates where a statistic is undefined, and drops it when most are", () => {
    const xs = [1, null, null, null] as (number | null)[];
    const firstDefined = (s: readonly (number | null)[]) => s.find((x) => x !== null) ?? null;
    const ci = bootstrapIntervals(
      xs,
      (rng) => resample(xs, rng),
      { firstDefined },
      { replicates: 400 },
      bootstrapRng(1),
    );
    // P(no 1 among 4 draws) = (3/4)^4 ~ 0.32, so about 68% of replicates count.
    expect(ci.firstDefined?.replicates).toBeGreaterThan(200);
    expect(ci.firstDefined?.replicates).toBeLessThan(400);
    // Defined on the data (all distinct) but almost never on a resample (which repeats items).
    const distinct = Array.from({ length: 20 }, (_, i) => i);
    const allDistinct = (s: readonly number[]) => (new Set(s).size === s.length ? 1 : null);
    const dropped = bootstrapIntervals(
      distinct,
      (rng) => resample(distinct, rng),
      { allDistinct },
      { replicates: 400 },
      bootstrapRng(1),
    );
    expect(dropped.allDistinct).toBeNull();
  });
});
