import { describe, expect, it } from "vitest";
import { createRng } from "../../src/core/rng.js";
import { BucketCycle, LazyPermutation } from "../../src/tasks/bucket-cycle.js";

const drain = (p: LazyPermutation) => {
  const out: number[] = [];
  for (let v = p.next(); v !== undefined; v = p.next()) out.push(v);
  return out;
};

describe("LazyPermutation", () => {
  it("hands out every index once, then undefined", () => {
    for (let size = 0; size <= 40; size++) {
      const out = drain(new LazyPermutation(size, size * 7));
      expect([...out].sort((a, b) => a - b)).toEqual(Array.from({ length: size }, (_, i) => i));
    }
  });

  it("is a function of its seed", () => {
    expect(drain(new LazyPermutation(30, 1))).toEqual(drain(new LazyPermutation(30, 1)));
    expect(drain(new LazyPermutation(30, 2))).not.toEqual(drain(new LazyPermutation(30, 1)));
  });

  it("costs only what is drawn, even for a huge range", () => {
    // An eager array of a billion indices would not fit; the lazy order hands out a few at once.
    const p = new LazyPermutation(1_000_000_000, 3);
    const out = Array.from({ length: 1000 }, () => p.next() as number);
    expect(new Set(out).size).toBe(1000);
    expect(out.every((v) => Number.isInteger(v) && v >= 0 && v < 1_000_000_000)).toBe(true);
  });
});

describe("BucketCycle", () => {
  const pool = [1, 4, 7, 8, 11];

  it("gives every index once per pass whatever mix of adversarial and normal draws takes them", () => {
    const cycle = new BucketCycle(12, 99);
    const rng = createRng(5);
    const passes: number[][] = [];
    for (let pass = 0; pass < 6; pass++) {
      const drawn: number[] = [];
      while (drawn.length < 12) {
        const index = rng.chance(0.5) ? cycle.drawAdversarial(pool) : undefined;
        drawn.push(index ?? cycle.draw());
      }
      expect([...drawn].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i));
      passes.push(drawn);
    }
    expect(new Set(passes.map((p) => p.join(","))).size).toBeGreaterThan(1);
  });

  it("has no unused adversarial item left once the pool is drawn, until the next pass", () => {
    const cycle = new BucketCycle(12, 1);
    const taken = Array.from({ length: pool.length }, () => cycle.drawAdversarial(pool));
    expect([...taken].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(pool);
    expect(cycle.drawAdversarial(pool)).toBeUndefined();
    const rest = Array.from({ length: 12 - pool.length }, () => cycle.draw());
    expect(rest.some((i) => pool.includes(i))).toBe(false);
    expect(pool).toContain(cycle.drawAdversarial(pool)); // a new pass
  });

  it("repeats adversarial items only for a caller that asks, never for a mixed-in draw", () => {
    const cycle = new BucketCycle(12, 2);
    for (let i = 0; i < pool.length; i++) cycle.drawAdversarial(pool, true);
    const repeats = Array.from({ length: 8 }, () => cycle.drawAdversarial(pool, true));
    expect(repeats.every((i) => i !== undefined && pool.includes(i))).toBe(true);
    expect(cycle.drawAdversarial(pool)).toBeUndefined();
    const rest = Array.from({ length: 12 - pool.length }, () => cycle.draw());
    expect(new Set([...rest, ...pool]).size).toBe(12);
  });

  it("is a function of its seed and the calls made", () => {
    const run = (seed: number) => {
      const cycle = new BucketCycle(50, seed);
      return Array.from(
        { length: 120 },
        (_, i) => (i % 3 === 0 ? cycle.drawAdversarial(pool) : undefined) ?? cycle.draw(),
      );
    };
    expect(run(4)).toEqual(run(4));
    expect(run(5)).not.toEqual(run(4));
  });

  it("refuses an empty bucket", () => {
    expect(() => new BucketCycle(0, 1)).toThrow(RangeError);
  });
});
