import { describe, expect, it } from "vitest";
import { UNANSWERABLE_SHARE } from "../../src/core/curriculum.js";
import { TaskBank } from "../../src/tasks/bank.js";
import { SampleError, sampleTask, TaskSampler } from "../../src/tasks/sampler.js";
import type { Task } from "../../src/tasks/task.js";
import { fakeTask, toyGenerator } from "../helpers/fake-tasks.js";

const unanswerable = (n: number, overrides: Partial<Task>): Task =>
  fakeTask(overrides.domain ?? "factual", overrides.difficulty ?? "easy", 900 + n, {
    id: `curated/unanswerable/test/${n}`,
    answerable: false,
    ...overrides,
  });

const answerable = [
  ...Array.from({ length: 6 }, (_, i) => fakeTask("factual", "easy", i)),
  ...Array.from({ length: 4 }, (_, i) => fakeTask("factual", "hard", 100 + i, { adversarial: i === 0 })),
  ...Array.from({ length: 5 }, (_, i) => fakeTask("science", "medium", 200 + i)),
];
const declines = [
  unanswerable(1, { domain: "factual", difficulty: "easy" }),
  unanswerable(2, { domain: "factual", difficulty: "hard", adversarial: true }),
  unanswerable(3, { domain: "science", difficulty: "medium" }),
  unanswerable(4, { domain: "science", difficulty: "easy" }),
];
const options = { generated_pool_size: 8 };
const bank = new TaskBank({
  generators: [toyGenerator],
  curated: [...answerable, ...declines],
  hub: [],
  options,
});
const before = new TaskBank({ generators: [toyGenerator], curated: answerable, hub: [], options });

describe("drawing unanswerable questions", () => {
  it("leaves every answerable draw of phases 1-2 as it was before they existed", () => {
    for (const phase of [1, 2] as const) {
      for (let seed = 0; seed < 200; seed++) {
        expect(sampleTask(bank, seed, { phase }).id).toBe(sampleTask(before, seed, { phase }).id);
      }
      const a = new TaskSampler(bank, 5);
      const b = new TaskSampler(before, 5);
      for (let i = 0; i < 200; i++) expect(a.next({ phase }).id).toBe(b.next({ phase }).id);
    }
  });

  it("draws only unanswerable questions with answerable: false, honouring domain, difficulty, adversarial", () => {
    for (let seed = 0; seed < 100; seed++) {
      expect(sampleTask(bank, seed, { answerable: false }).answerable).toBe(false);
      expect(sampleTask(bank, seed, { answerable: false, domain: "science" }).domain).toBe("science");
      const hard = sampleTask(bank, seed, { answerable: false, adversarial: true });
      expect(hard.id).toBe("curated/unanswerable/test/2");
    }
    const ids = new Set(
      Array.from({ length: 100 }, (_, seed) => sampleTask(bank, seed, { answerable: false }).id),
    );
    expect(ids.size).toBe(4);
  });

  it("cycles through the unanswerable pool without repeats before it is exhausted", () => {
    const sampler = new TaskSampler(bank, 11);
    const first = Array.from({ length: 4 }, () => sampler.next({ answerable: false }).id);
    expect(new Set(first).size).toBe(4);
    const science = Array.from(
      { length: 2 },
      () => sampler.next({ answerable: false, domain: "science" }).id,
    );
    expect(new Set(science)).toEqual(new Set(["curated/unanswerable/test/3", "curated/unanswerable/test/4"]));
  });

  it("says what was asked when no unanswerable question matches", () => {
    expect(() => sampleTask(bank, 1, { answerable: false, domain: "math" })).toThrow(SampleError);
    expect(() => sampleTask(bank, 1, { answerable: false, domain: "science", difficulty: "hard" })).toThrow(
      /no unanswerable tasks for science, hard/,
    );
    expect(() => sampleTask(before, 1, { answerable: false })).toThrow(/no unanswerable tasks/);
  });

  it("never draws them with answerable: true, even in phase 3", () => {
    const sampler = new TaskSampler(bank, 3);
    for (let seed = 0; seed < 300; seed++) {
      expect(sampleTask(bank, seed, { phase: 3, answerable: true }).answerable).not.toBe(false);
      expect(sampler.next({ phase: 3, answerable: true }).answerable).not.toBe(false);
    }
  });

  it("mixes them into phase 3 at UNANSWERABLE_SHARE, deterministically", () => {
    const n = 4000;
    const sampler = new TaskSampler(bank, 7);
    let drawn = 0;
    for (let i = 0; i < n; i++) if (sampler.next({ phase: 3 }).answerable === false) drawn++;
    expect(Math.abs(drawn / n - UNANSWERABLE_SHARE)).toBeLessThan(0.02);
    let seeded = 0;
    for (let seed = 0; seed < n; seed++)
      if (sampleTask(bank, seed, { phase: 3 }).answerable === false) seeded++;
    expect(Math.abs(seeded / n - UNANSWERABLE_SHARE)).toBeLessThan(0.02);
    const again = new TaskSampler(bank, 7);
    const replay = new TaskSampler(bank, 7);
    for (let i = 0; i < 200; i++) expect(again.next({ phase: 3 }).id).toBe(replay.next({ phase: 3 }).id);
  });

  it("falls back to an ordinary draw when the phase-3 mix finds none for the request", () => {
    for (let seed = 0; seed < 300; seed++) {
      const task = sampleTask(bank, seed, { phase: 3, domain: "factual", difficulty: "easy" });
      expect([task.domain, task.difficulty]).toEqual(["factual", "easy"]);
      const other = sampleTask(before, seed, { phase: 3 });
      expect(other.answerable).not.toBe(false);
    }
  });
});

describe("listing and counting unanswerable questions", () => {
  it("lists answerable tasks as before, then the unanswerable ones, and filters by answerable", () => {
    const all = bank.list();
    const old = before.list();
    expect(all.size).toBe(old.size + 4);
    for (let i = 0; i < old.size; i++) expect(all.at(i).id).toBe(old.at(i).id);
    const tail = Array.from({ length: 4 }, (_, i) => all.at(old.size + i).id);
    // Domain order (factual before science), then difficulty, then file order.
    expect(tail).toEqual([
      "curated/unanswerable/test/1",
      "curated/unanswerable/test/2",
      "curated/unanswerable/test/4",
      "curated/unanswerable/test/3",
    ]);
    expect(bank.list({ answerable: true }).size).toBe(old.size);
    const only = bank.list({ answerable: false, domain: "science" });
    expect(Array.from({ length: only.size }, (_, i) => only.at(i).id)).toEqual([
      "curated/unanswerable/test/4",
      "curated/unanswerable/test/3",
    ]);
    expect(bank.list({ answerable: false, difficulties: ["hard"] }).size).toBe(1);
    expect(bank.list({ answerable: false, source: "hub" }).size).toBe(0);
  });

  it("finds them by id and counts them apart from the sampleable total", () => {
    expect(bank.get("curated/unanswerable/test/3")?.answerable).toBe(false);
    expect(bank.summary().unanswerable).toBe(4);
    expect(bank.summary().total).toBe(before.summary().total);
    expect(bank.buckets("factual", "easy").every((b) => b.get(0).answerable !== false)).toBe(true);
  });
});
