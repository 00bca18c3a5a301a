import { describe, expect, it } from "vitest";
import type { Difficulty } from "../../../../src/core/taxonomy.js";
import { createBucketSelector } from "../../../../src/tasks/sources/hub/select-tasks.js";
import type { Task } from "../../../../src/tasks/task.js";

const task = (index: number, difficulty: Difficulty): Task => ({
  id: `demo/train/${index}`,
  domain: "math",
  difficulty,
  question: `q${index}`,
  choices: null,
  answer: "1",
  answer_index: null,
  aliases: [],
  grader: "numeric",
  adversarial: false,
  answerable: true,
  unanswerable: null,
  source: {
    kind: "hub",
    dataset: "o/n",
    config: null,
    split: "train",
    index,
    revision: null,
    license: "MIT",
  },
});
const difficultyOf = (i: number): Difficulty => (["easy", "medium", "hard"] as const)[i % 3] as Difficulty;
const rows = (n: number) => Array.from({ length: n }, (_, i) => task(i, difficultyOf(i)));

describe("createBucketSelector", () => {
  it("selects nothing from nothing", () => {
    expect(createBucketSelector("s", 5).result()).toEqual({
      tasks: [],
      eligible: { easy: 0, medium: 0, hard: 0 },
      selected: { easy: 0, medium: 0, hard: 0 },
    });
  });

  it("keeps everything when a bucket is smaller than the target", () => {
    const selector = createBucketSelector("s", 10);
    for (const t of rows(9)) selector.add(t);
    const result = selector.result();
    expect(result.tasks.map((t) => t.source.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(result.selected).toEqual({ easy: 3, medium: 3, hard: 3 });
  });

  it("caps every bucket, counts eligible rows, and orders the result by row index", () => {
    const selector = createBucketSelector("s", 50);
    for (const t of rows(3000)) selector.add(t);
    const result = selector.result();
    expect(result.eligible).toEqual({ easy: 1000, medium: 1000, hard: 1000 });
    expect(result.selected).toEqual({ easy: 50, medium: 50, hard: 50 });
    const indexes = result.tasks.map((t) => t.source.index);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    // a sample, not the first rows
    expect(Math.max(...indexes)).toBeGreaterThan(1500);
  });

  it("is deterministic, independent of arrival order, and changes with the seed", () => {
    const pick = (seed: string, order: Task[]) => {
      const selector = createBucketSelector(seed, 20);
      for (const t of order) selector.add(t);
      return selector.result().tasks.map((t) => t.id);
    };
    const all = rows(600);
    const forward = pick("seed-a", all);
    expect(pick("seed-a", [...all].reverse())).toEqual(forward);
    expect(pick("seed-b", all)).not.toEqual(forward);
  });
});
