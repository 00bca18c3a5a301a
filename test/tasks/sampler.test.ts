import { describe, expect, it } from "vitest";
import { ADVERSARIAL_SHARE } from "../../src/core/curriculum.js";
import { DIFFICULTIES, type Difficulty, type Domain } from "../../src/core/taxonomy.js";
import { type BankOptionsInput, TaskBank } from "../../src/tasks/bank.js";
import { GENERATORS } from "../../src/tasks/generators/index.js";
import { SampleError, sampleTask, TaskSampler } from "../../src/tasks/sampler.js";
import { loadCuratedTasks } from "../../src/tasks/sources/curated.js";
import type { Task } from "../../src/tasks/task.js";
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

// The bank as shipped (generators + curated files), without a Hub cache so the test stays hermetic.
const CURATED = loadCuratedTasks();
const shipped = (options: BankOptionsInput = {}) =>
  new TaskBank({ generators: GENERATORS, curated: CURATED, hub: [], options });

const bucketOf = (task: Task) => `${task.source.kind}/${task.source.dataset}`;

/**
 * Splits the draws by bucket and checks each bucket's draws pass by pass: no id twice within a pass, and every id
 * from the bucket. Returns how many passes were completed (so a test can show a bucket really ran out).
 */
function expectNoRepeatsUntilExhausted(
  bank: TaskBank,
  domain: Domain,
  difficulty: Difficulty,
  draws: readonly Task[],
): number {
  const buckets = new Map(bank.buckets(domain, difficulty).map((b) => [bucketOf(b.get(0)), b]));
  const byBucket = new Map<string, string[]>();
  for (const task of draws) byBucket.set(bucketOf(task), [...(byBucket.get(bucketOf(task)) ?? []), task.id]);
  let completed = 0;
  for (const [key, ids] of byBucket) {
    const bucket = buckets.get(key);
    expect(bucket, key).toBeDefined();
    const size = bucket?.size ?? 0;
    const members = new Set(Array.from({ length: size }, (_, i) => bucket?.get(i).id));
    for (let start = 0; start < ids.length; start += size) {
      const pass = ids.slice(start, start + size);
      const where = `${domain}/${difficulty} ${key} pass ${start / size}`;
      expect(new Set(pass).size, where).toBe(pass.length);
      expect(
        pass.every((id) => members.has(id)),
        where,
      ).toBe(true);
      if (pass.length === size) completed++;
    }
  }
  return completed;
}

// Phase-3 draws here ask for answerable tasks: these tests are about the bucket cycles, not the unanswerable mix.
describe("TaskSampler on the shipped bank", () => {
  it("repeats nothing within a bucket until it is exhausted in phase 3, for every domain x difficulty", () => {
    // A small generated pool, so generated buckets run out as well as the curated ones.
    const bank = shipped({ generated_pool_size: 40 });
    for (const domain of bank.domains) {
      for (const difficulty of DIFFICULTIES) {
        const total = bank.buckets(domain, difficulty).reduce((sum, b) => sum + b.size, 0);
        const sampler = new TaskSampler(bank, 3);
        const draws = Array.from({ length: 3 * total + 7 }, () =>
          sampler.next({ domain, difficulty, phase: 3, answerable: true }),
        );
        expect(
          expectNoRepeatsUntilExhausted(bank, domain, difficulty, draws),
          `${domain}/${difficulty}`,
        ).toBeGreaterThanOrEqual(2);
        if (difficulty === "hard") expect(draws.some((t) => t.adversarial)).toBe(true);
      }
    }
  });

  it("keeps the issue's repro free of repeats: 37 factual hard draws are the 37 factual hard tasks", () => {
    const bank = shipped();
    const sampler = new TaskSampler(bank, 3);
    const ids = Array.from(
      { length: 37 },
      () => sampler.next({ domain: "factual", difficulty: "hard", phase: 3, answerable: true }).id,
    );
    expect(new Set(ids).size).toBe(37);
    expect(new Set(ids)).toEqual(
      new Set(CURATED.filter((t) => t.id.startsWith("curated/factual/hard/")).map((t) => t.id)),
    );
  });

  it("crosses a pass of a full-size generated bucket without repeats", () => {
    const bank = shipped();
    const sampler = new TaskSampler(bank, 9);
    const draws = Array.from({ length: 1200 }, () =>
      sampler.next({ domain: "coding", difficulty: "hard", phase: 3, answerable: true }),
    );
    expect(expectNoRepeatsUntilExhausted(bank, "coding", "hard", draws)).toBe(1);
  });

  it("mixes adversarial items into phase-3 hard draws at the configured share", () => {
    const bank = shipped();
    for (const domain of bank.domains) {
      // A mixed-in draw is adversarial with ADVERSARIAL_SHARE; otherwise a normal draw may still land on one.
      const share = (request: { adversarial?: boolean }) => {
        let adversarial = 0;
        let expected = 0;
        const runs = 2000;
        for (let seed = 0; seed < runs; seed++) {
          const task = new TaskSampler(bank, seed).next({
            domain,
            difficulty: "hard",
            phase: 3,
            answerable: true,
            ...request,
          });
          const bucket = bank.buckets(domain, "hard").find((b) => bucketOf(b.get(0)) === bucketOf(task));
          const p = (bucket?.adversarialIndices().length ?? 0) / (bucket?.size ?? 1);
          expected += request.adversarial === false ? p : ADVERSARIAL_SHARE + (1 - ADVERSARIAL_SHARE) * p;
          if (task.adversarial) adversarial++;
        }
        return { actual: adversarial / runs, expected: expected / runs };
      };
      const mixed = share({});
      expect(Math.abs(mixed.actual - mixed.expected), domain).toBeLessThan(0.04);
      expect(mixed.actual, domain).toBeGreaterThanOrEqual(ADVERSARIAL_SHARE - 0.04);
      const plain = share({ adversarial: false });
      expect(Math.abs(plain.actual - plain.expected), domain).toBeLessThan(0.04);
      expect(mixed.actual - plain.actual, domain).toBeGreaterThan(0.25);
    }
  });

  it("gives the same phase-3 sequence for the same seed and another for another seed", () => {
    const bank = shipped();
    const draw = (seed: number) => {
      const sampler = new TaskSampler(bank, seed);
      return Array.from({ length: 500 }, () => sampler.next({ phase: 3 }).id);
    };
    const first = draw(42);
    expect(draw(42)).toEqual(first);
    expect(draw(43)).not.toEqual(first);
  });

  it("never lets normal draws repeat what explicit adversarial requests took, and vice versa", () => {
    const bank = shipped();
    const sampler = new TaskSampler(bank, 5);
    const bucket = CURATED.filter((t) => t.id.startsWith("curated/factual/hard/"));
    const adversarialIds = new Set(bucket.filter((t) => t.adversarial).map((t) => t.id));
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const explicit = i % 2 === 0;
      const task = sampler.next({
        domain: "factual",
        difficulty: "hard",
        phase: 3,
        answerable: true,
        adversarial: explicit || undefined,
      });
      if (explicit) {
        expect(task.adversarial).toBe(true);
        // Once every adversarial item was used, an explicit request may repeat one (it asked for nothing else).
        if ([...adversarialIds].some((id) => !seen.has(id)))
          expect(seen.has(task.id), `draw ${i}`).toBe(false);
      } else if (seen.size < bucket.length) {
        expect(seen.has(task.id), `draw ${i}`).toBe(false);
      }
      seen.add(task.id);
      if (seen.size === bucket.length) seen.clear(); // a new pass
    }
  });
});
