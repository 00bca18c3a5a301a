import { describe, expect, it } from "vitest";
import { buildEvalSet, evalCells } from "../../src/eval/eval-set.js";
import { TaskBank } from "../../src/tasks/bank.js";
import { loadBank } from "../../src/tasks/load-bank.js";
import { fakeTask, toyGenerator } from "../helpers/fake-tasks.js";

describe("buildEvalSet", () => {
  const { bank } = loadBank("/nonexistent-echo");

  it("rejects a size that is not a positive integer, and an empty bank", () => {
    for (const n of [0, -1, 1.5, Number.NaN])
      expect(() => buildEvalSet(bank, { n, seed: 1 })).toThrow(RangeError);
    const empty = new TaskBank({ generators: [], curated: [], hub: [] });
    expect(() => buildEvalSet(empty, { n: 5, seed: 1 })).toThrow(/no tasks/);
  });

  it("spreads tasks evenly over every domain x difficulty cell", () => {
    expect(evalCells(bank)).toHaveLength(21);
    const set = buildEvalSet(bank, { n: 215, seed: 1 });
    const counts = new Map<string, number>();
    for (const t of set)
      counts.set(`${t.domain}/${t.difficulty}`, (counts.get(`${t.domain}/${t.difficulty}`) ?? 0) + 1);
    expect(counts.size).toBe(21);
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
  });

  it("is the same list for the same seed and another for another seed", () => {
    const ids = (seed: number) => buildEvalSet(bank, { n: 100, seed }).map((t) => t.id);
    expect(ids(3)).toEqual(ids(3));
    expect(ids(3)).not.toEqual(ids(4));
  });

  it("does not repeat a task inside a cell until the cell is used up", () => {
    const small = new TaskBank({
      generators: [toyGenerator],
      curated: [1, 2, 3].map((i) => fakeTask("factual", "easy", i)),
      hub: [],
      options: { domains: ["factual"] },
    });
    const ids = buildEvalSet(small, { n: 3, seed: 1 }).map((t) => t.id);
    expect(new Set(ids).size).toBe(3);
    expect(buildEvalSet(small, { n: 7, seed: 1 })).toHaveLength(7);
  });
});
