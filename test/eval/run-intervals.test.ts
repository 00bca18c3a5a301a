import { describe, expect, it } from "vitest";
import { choosePairing, differenceIntervals, runIntervals } from "../../src/eval/run-intervals.js";
import { halfRight, record } from "./records.js";

const options = { replicates: 500, seed: 1 };

describe("runIntervals", () => {
  it("is null without records", () => {
    expect(runIntervals([], options, "x")).toEqual({ ece: null, brier: null });
  });

  it("puts always-90 at 50% accuracy around ECE 0.4 and Brier 0.41", () => {
    const { ece, brier } = runIntervals(halfRight(400, 90), options, "x");
    expect(ece!.estimate).toBeCloseTo(0.4, 10);
    expect(ece!.lower).toBeLessThan(0.4);
    expect(ece!.upper).toBeGreaterThan(0.4);
    expect(brier!.estimate).toBeCloseTo(0.41, 10); // (0.1^2 + 0.9^2) / 2
  });
});

describe("choosePairing", () => {
  it("pairs runs over the same tasks", () => {
    const { pairing, shared } = choosePairing(halfRight(10, 50), halfRight(10, 70));
    expect(pairing).toEqual({
      method: "paired",
      shared_tasks: 10,
      reason: "both runs answer the same tasks",
    });
    expect(shared).toHaveLength(10);
  });

  it("pairs on the shared tasks when they cover at least half of the smaller run", () => {
    const { pairing } = choosePairing(halfRight(10, 50), halfRight(6, 70).concat(halfRight(10, 70, "u")));
    expect(pairing.method).toBe("paired");
    expect(pairing.shared_tasks).toBe(6);
    expect(pairing.reason).toMatch(/share 6 of their tasks/);
  });

  it("resamples independently when the runs share too little", () => {
    expect(choosePairing(halfRight(10, 50), halfRight(10, 50, "u")).pairing.method).toBe("independent");
    expect(choosePairing([record("a", 50, true)], [record("a", 50, true)]).pairing.method).toBe(
      "independent",
    );
    expect(choosePairing([], []).pairing).toMatchObject({ method: "independent", shared_tasks: 0 });
    expect(choosePairing(halfRight(10, 50), halfRight(4, 50)).pairing.method).toBe("paired");
    expect(
      choosePairing(halfRight(10, 50), halfRight(3, 50).concat(halfRight(7, 50, "u"))).pairing.method,
    ).toBe("independent");
  });
});

describe("differenceIntervals", () => {
  it("gives exactly 0 for a run compared with itself when paired", () => {
    const run = halfRight(200, 70);
    const d = differenceIntervals(run, run, options);
    expect(d.pairing.method).toBe("paired");
    expect(d.ece).toMatchObject({ estimate: 0, lower: 0, upper: 0 });
  });

  it("moves all of a task's records together (repeated samples of one task)", () => {
    const run = [...halfRight(100, 70), ...halfRight(100, 70)];
    const d = differenceIntervals(run, run, options);
    expect(d.pairing.shared_tasks).toBe(100);
    expect(d.brier).toMatchObject({ estimate: 0, lower: 0, upper: 0 });
  });

  it("straddles 0 for two equally calibrated runs resampled independently", () => {
    const d = differenceIntervals(halfRight(300, 50), halfRight(300, 50, "u"), options);
    expect(d.pairing.method).toBe("independent");
    expect(d.ece!.lower).toBeLessThan(0);
    expect(d.ece!.upper).toBeGreaterThan(0);
  });

  it("shows a real improvement as an interval below 0", () => {
    const before = halfRight(300, 90);
    const after = halfRight(300, 50);
    const d = differenceIntervals(before, after, options);
    expect(d.ece!.estimate).toBeCloseTo(-0.4, 10);
    expect(d.ece!.upper).toBeLessThan(-0.3);
    expect(d.brier!.estimate).toBeCloseTo(0.25 - 0.41, 10);
    expect(d.brier!.upper).toBeLessThan(0);
  });

  it("is deterministic for a seed", () => {
    const a = halfRight(100, 80);
    const b = halfRight(100, 60);
    expect(differenceIntervals(a, b, options)).toEqual(differenceIntervals(a, b, options));
    expect(differenceIntervals(a, b, options)).not.toEqual(
      differenceIntervals(a, b, { ...options, seed: 2 }),
    );
  });
});
