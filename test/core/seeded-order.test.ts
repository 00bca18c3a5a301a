import { describe, expect, it } from "vitest";
import { seededOrder } from "../../src/core/seeded-order.js";

describe("seededOrder", () => {
  it.each([1, 2, 3, 17, 1000, 4097])("is a permutation of [0, %i)", (size) => {
    const at = seededOrder(size, 9);
    const seen = Array.from({ length: size }, (_, i) => at(i));
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: size }, (_, i) => i));
  });

  it("depends on the seed and repeats for the same seed", () => {
    const a = Array.from({ length: 50 }, (_, i) => seededOrder(1000, 1)(i));
    expect(Array.from({ length: 50 }, (_, i) => seededOrder(1000, 1)(i))).toEqual(a);
    expect(Array.from({ length: 50 }, (_, i) => seededOrder(1000, 2)(i))).not.toEqual(a);
  });

  it("refuses pools beyond 2^32", () => {
    expect(() => seededOrder(2 ** 32 + 1, 1)).toThrow(/at most 2\^32/);
  });
});
