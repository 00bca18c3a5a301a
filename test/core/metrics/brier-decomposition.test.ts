import { describe, expect, it } from "vitest";
import { brierDecomposition } from "../../../src/core/metrics/brier-decomposition.js";

const levels = (entries: Record<number, number>) => {
  const xs = new Array<number>(101).fill(0);
  for (const [k, n] of Object.entries(entries)) xs[Number(k)] = n;
  return xs;
};

describe("brierDecomposition", () => {
  it("is null without records", () => {
    expect(brierDecomposition(levels({}), levels({}))).toBeNull();
  });

  it("scores a confident miss as 1 and a confident hit as 0", () => {
    expect(brierDecomposition(levels({}), levels({ 100: 1 }))?.brier).toBe(1);
    expect(brierDecomposition(levels({ 100: 1 }), levels({}))?.brier).toBe(0);
  });

  it("splits a hand-worked case into reliability, resolution and uncertainty", () => {
    // 4 at 80% with 2 right, 4 at 20% with 2 right: no resolution, reliability 0.09, uncertainty 0.25
    const d = brierDecomposition(levels({ 80: 2, 20: 2 }), levels({ 80: 2, 20: 2 }))!;
    expect(d.reliability).toBeCloseTo(0.09, 12);
    expect(d.resolution).toBeCloseTo(0, 12);
    expect(d.uncertainty).toBe(0.25);
    expect(d.brier).toBeCloseTo(0.34, 12);
    expect(d.sharpness).toBeCloseTo(0.09, 12);
  });
});
