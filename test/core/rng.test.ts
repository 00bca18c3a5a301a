import { describe, expect, it } from "vitest";
import { createRng, hashSeed } from "../../src/core/rng.js";

describe("hashSeed", () => {
  it("is stable and order-sensitive", () => {
    expect(hashSeed("a", 1)).toBe(hashSeed("a", 1));
    expect(hashSeed("a", 1)).not.toBe(hashSeed(1, "a"));
  });

  it("does not collide where seed + index would", () => {
    expect(hashSeed(42, 1)).not.toBe(hashSeed(43, 0));
    expect(hashSeed("ab", "c")).not.toBe(hashSeed("a", "bc"));
  });

  it("spreads consecutive indices across the 32-bit range", () => {
    const seeds = new Set(Array.from({ length: 10_000 }, (_, i) => hashSeed("spread", i)));
    expect(seeds.size).toBe(10_000);
  });
});

describe("createRng", () => {
  it("repeats the same sequence for the same seed", () => {
    const a = createRng(7);
    const b = createRng(7);
    const xs = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(xs);
    expect(createRng(8).next()).not.toBe(xs[0]);
  });

  it("keeps int() within bounds and reaches both ends", () => {
    const rng = createRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) {
      const v = rng.int(-2, 3);
      expect(v).toBeGreaterThanOrEqual(-2);
      expect(v).toBeLessThanOrEqual(3);
      seen.add(v);
    }
    expect([...seen].sort((x, y) => x - y)).toEqual([-2, -1, 0, 1, 2, 3]);
  });

  it("shuffles into a permutation without touching the input", () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = createRng(3).shuffle(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...out].sort((x, y) => x - y)).toEqual(input);
    expect(createRng(3).shuffle(input)).toEqual(out);
  });

  it("refuses impossible ranges and empty picks", () => {
    expect(() => createRng(1).int(3, 2)).toThrow(/min <= max/);
    expect(() => createRng(1).pick([])).toThrow(/non-empty/);
  });
});
