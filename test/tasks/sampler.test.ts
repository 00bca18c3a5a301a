import { describe, expect, it } from "vitest";
import { TaskBank } from "../../src/tasks/bank.js";
import { SampleError, sampleTask, TaskSampler } from "../../src/tasks/sampler.js";
import { fakeTask, toyGenerator } from "../helpers/fake-tasks.js";

const curated = [
  ...Array.from({ length: 6 }, (_, i) => fakeTask("factual", "easy", i)),
  ...Array.from({ length: 4 }, (_, i) => fakeTask("factual", "hard", 100 + i, { adversarial: i === 0 })),
  ...Array.from({ length: 5 }, (_, i) => fakeTask("science", "medium", 200 + i)),
];
const bank = new TaskBank({
  generators: [toyGenerator],
  curated,
  hub: [],
  options: { generated_pool_size: 8 },
});

describe("sampleTask", () => {
  it("is a pure function of the seed and request", () => {
    for (let seed = 0; seed < 50; seed++) {
      expect(sampleTask(bank, seed, { phase: 3 })).toEqual(sampleTask(bank, seed, { phase: 3 }));
    }
    const ids = new Set(Array.from({ length: 50 }, (_, seed) => sampleTask(bank, seed).id));
    expect(ids.size).toBeGreaterThan(5);
  });

  it("honours domain and difficulty filters", () => {
    for (let seed = 0; seed < 30; seed++) {
      const task = sampleTask(bank, seed, { domain: "factual", difficulty: "hard" });
      expect([task.domain, task.difficulty]).toEqual(["factual", "hard"]);
    }
  });

  it("draws only easy tasks in phase 1 and only easy or medium in phase 2", () => {
    for (let seed = 0; seed < 100; seed++) {
      expect(sampleTask(bank, seed, { phase: 1 }).difficulty).toBe("easy");
      expect(sampleTask(bank, seed, { phase: 2 }).difficulty).not.toBe("hard");
    }
  });

  it("serves adversarial items on request", () => {
    const task = sampleTask(bank, 3, { domain: "factual", difficulty: "hard", adversarial: true });
    expect(task.adversarial).toBe(true);
    expect(() => sampleTask(bank, 3, { domain: "science", difficulty: "medium", adversarial: true })).toThrow(
      SampleError,
    );
  });

  it("says what is missing when nothing matches", () => {
    expect(() => sampleTask(bank, 1, { domain: "medical", difficulty: "easy" })).toThrow(
      /no tasks for medical/,
    );
    const narrow = new TaskBank({ generators: [], curated, hub: [], options: { domains: ["factual"] } });
    expect(() => sampleTask(narrow, 1, { domain: "math" })).toThrow(/not served.*factual/);
  });
});

describe("TaskSampler", () => {
  it("gives the same sequence for the same seed and another for another seed", () => {
    const draw = (seed: number) => {
      const s = new TaskSampler(bank, seed);
      return Array.from({ length: 40 }, () => s.next({ phase: 3 }).id);
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(8)).not.toEqual(draw(7));
  });

  it("does not repeat within a bucket until it is exhausted, then starts a fresh order", () => {
    const s = new TaskSampler(bank, 11);
    const first = Array.from({ length: 6 }, () => s.next({ domain: "factual", difficulty: "easy" }).id);
    expect(new Set(first).size).toBe(6);
    const second = Array.from({ length: 6 }, () => s.next({ domain: "factual", difficulty: "easy" }).id);
    expect(new Set(second).size).toBe(6);
    expect([...second].sort()).toEqual([...first].sort());
  });

  it("covers a generated pool without repeats", () => {
    const s = new TaskSampler(bank, 5);
    const ids = Array.from({ length: 8 }, () => s.next({ domain: "math", difficulty: "medium" }).id);
    expect(new Set(ids).size).toBe(8);
    expect(ids.every((id) => /^gen\/toy-sum\/v1\/medium\/[0-7]$/.test(id))).toBe(true);
  });
});

describe("source weights", () => {
  it("shares a source's weight among its buckets and honours configured weights", () => {
    const second = { ...toyGenerator, name: "toy-two" } as typeof toyGenerator;
    const mixed = new TaskBank({
      generators: [toyGenerator, second],
      curated: Array.from({ length: 5 }, (_, i) => fakeTask("math", "easy", i)),
      hub: [],
      options: { generated_pool_size: 5 },
    });
    const count = (b: TaskBank) => {
      let curated = 0;
      for (let seed = 0; seed < 2000; seed++) {
        if (sampleTask(b, seed, { domain: "math", difficulty: "easy" }).source.kind === "curated") curated++;
      }
      return curated / 2000;
    };
    // Two generators share "generated": curated still gets about half the draws, not a third.
    expect(count(mixed)).toBeGreaterThan(0.44);
    expect(count(mixed)).toBeLessThan(0.56);
    const weighted = new TaskBank({
      generators: [toyGenerator],
      curated: Array.from({ length: 5 }, (_, i) => fakeTask("math", "easy", i)),
      hub: [],
      options: { source_weights: { curated: 3, generated: 1 } },
    });
    expect(count(weighted)).toBeGreaterThan(0.7);
    expect(count(weighted)).toBeLessThan(0.8);
  });
});
