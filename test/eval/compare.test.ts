import { describe, expect, it } from "vitest";
import { Comparison, compareRuns, differenceVerdict } from "../../src/eval/compare.js";
import { summarizeRun } from "../../src/eval/evaluate.js";
import type { GradedRecord } from "../../src/eval/graded-record.js";
import { halfRight } from "./records.js";

const runOf = (records: GradedRecord[], label: string) => ({
  records,
  report: summarizeRun(records, { label, preset: "calibrated", problems: [] }),
});

describe("compareRuns", () => {
  const before = runOf(halfRight(200, 90), "before");
  const after = runOf(halfRight(200, 55), "after");

  it("lists every headline metric with its difference and direction", () => {
    const c = compareRuns(before, after, ["before", "after"], { replicates: 0, seed: 1 });
    expect(c.bootstrap).toBeNull();
    const ece = c.deltas.find((d) => d.metric === "ece")!;
    expect(ece).toMatchObject({ a: expect.closeTo(0.4, 10), b: expect.closeTo(0.05, 10), better: "lower" });
    expect(ece.difference).toBeCloseTo(-0.35, 10);
    expect(c.deltas.find((d) => d.metric === "mean_confidence")?.better).toBeNull();
    expect(c.deltas.find((d) => d.metric === "auroc")).toMatchObject({ a: 0.5, b: 0.5, difference: 0 });
    expect(c.deltas.find((d) => d.metric === "hallucination_rate")?.difference).toBe(0);
    expect(c.deltas.map((d) => d.metric)).toContain("mean_reward");
  });

  it("adds intervals for each run and the paired difference, validating against its schema", () => {
    const c = compareRuns(before, after, ["before", "after"], { replicates: 300, seed: 1 });
    expect(Comparison.parse(JSON.parse(JSON.stringify(c)))).toEqual(c);
    expect(c.bootstrap?.pairing.method).toBe("paired");
    expect(c.bootstrap?.difference.ece?.upper).toBeLessThan(0);
    expect(c.bootstrap?.a.ece?.estimate).toBeCloseTo(0.4, 10);
    expect(differenceVerdict(c.bootstrap?.difference.ece ?? null)).toBe("lower in b");
  });

  it("handles a run without any record", () => {
    const empty = runOf([], "empty");
    const c = compareRuns(empty, after, ["empty", "after"], { replicates: 100, seed: 1 });
    expect(c.deltas.find((d) => d.metric === "ece")?.difference).toBeNull();
    expect(c.bootstrap?.a.ece).toBeNull();
    expect(c.bootstrap?.difference.ece).toBeNull();
  });
});

describe("differenceVerdict", () => {
  it.each([
    [null, "not enough data"],
    [{ lower: -0.2, upper: -0.01 }, "lower in b"],
    [{ lower: 0.01, upper: 0.2 }, "higher in b"],
    [{ lower: -0.1, upper: 0.1 }, "no clear difference"],
    [{ lower: 0, upper: 0 }, "no clear difference"],
  ])("reads %j as %s", (interval, verdict) => {
    expect(differenceVerdict(interval)).toBe(verdict);
  });
});
