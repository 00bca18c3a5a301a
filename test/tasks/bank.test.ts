import { describe, expect, it } from "vitest";
import { TaskBank } from "../../src/tasks/bank.js";
import { fakeTask, toyGenerator } from "../helpers/fake-tasks.js";

const curated = [
  fakeTask("factual", "easy", 1),
  fakeTask("factual", "easy", 2),
  fakeTask("factual", "hard", 3, { adversarial: true }),
  fakeTask("science", "medium", 4),
];
const hub = [fakeTask("factual", "easy", 5, {}, "hub")];

describe("TaskBank", () => {
  it("finds curated, hub and generated tasks by id, regenerating generated ones", () => {
    const bank = new TaskBank({ generators: [toyGenerator], curated, hub });
    expect(bank.get("curated/factual/easy/1")?.answer).toBe("answer 1");
    expect(bank.get("hub/factual/easy/5")?.source.kind).toBe("hub");
    const generated = bank.get("gen/toy-sum/v1/hard/123456");
    expect(generated).toEqual(toyGenerator.generate("hard", 123456));
    expect(bank.get("gen/toy-sum/v2/hard/1")).toBeUndefined();
    expect(bank.get("gen/unknown/v1/easy/1")).toBeUndefined();
    expect(bank.get("nope")).toBeUndefined();
  });

  it("summarises counts per domain x difficulty x source, leaving empty ones out", () => {
    const bank = new TaskBank({
      generators: [toyGenerator],
      curated,
      hub,
      options: { generated_pool_size: 10 },
    });
    const summary = bank.summary();
    expect(summary.counts).toContainEqual({
      domain: "factual",
      difficulty: "easy",
      source: "curated",
      count: 2,
    });
    expect(summary.counts).toContainEqual({ domain: "factual", difficulty: "easy", source: "hub", count: 1 });
    expect(summary.counts).toContainEqual({
      domain: "math",
      difficulty: "hard",
      source: "generated",
      count: 10,
    });
    expect(summary.counts.find((c) => c.domain === "medical")).toBeUndefined();
    expect(summary.total).toBe(2 + 1 + 1 + 1 + 30);
  });

  it("restricts domains and sources by configuration", () => {
    const bank = new TaskBank({
      generators: [toyGenerator],
      curated,
      hub,
      options: { domains: ["factual"], sources: ["hub"] },
    });
    expect(bank.summary().counts).toEqual([
      { domain: "factual", difficulty: "easy", source: "hub", count: 1 },
    ]);
    expect(bank.buckets("math", "easy")).toEqual([]);
    // Lookup by id still works for tasks outside the sampling configuration.
    expect(bank.get("curated/factual/easy/1")).toBeDefined();
  });

  it("refuses duplicate ids and invalid options with clear messages", () => {
    expect(() => new TaskBank({ generators: [], curated: [curated[0]!, curated[0]!], hub: [] })).toThrow(
      /duplicate task id curated\/factual\/easy\/1/,
    );
    expect(
      () => new TaskBank({ generators: [], curated, hub, options: { domains: ["astrology" as "math"] } }),
    ).toThrow(/domains/);
  });
});

describe("TaskBank.list", () => {
  const bank = new TaskBank({
    generators: [toyGenerator],
    curated,
    hub,
    options: { generated_pool_size: 10 },
  });
  const ids = (list: ReturnType<TaskBank["list"]>) =>
    Array.from({ length: list.size }, (_, i) => list.at(i).id);

  it("lists nothing for a filter nothing matches, and refuses positions outside the listing", () => {
    const empty = bank.list({ domain: "medical" });
    expect(empty.size).toBe(0);
    expect(() => empty.at(0)).toThrow(RangeError);
    expect(() => bank.list().at(-1)).toThrow(RangeError);
    expect(() => bank.list().at(1.5)).toThrow(RangeError);
    expect(() => bank.list().at(bank.list().size)).toThrow(RangeError);
  });

  it("walks domains, difficulties, then buckets in bank order (generated before curated before hub)", () => {
    const all = bank.list();
    expect(all.size).toBe(bank.summary().total);
    expect(ids(all).slice(0, 3)).toEqual([
      "gen/toy-sum/v1/easy/0",
      "gen/toy-sum/v1/easy/1",
      "gen/toy-sum/v1/easy/2",
    ]);
    expect(ids(bank.list({ domain: "factual" }))).toEqual([
      "curated/factual/easy/1",
      "curated/factual/easy/2",
      "hub/factual/easy/5",
      "curated/factual/hard/3",
    ]);
  });

  it("filters by domain, difficulties and source together", () => {
    expect(ids(bank.list({ domain: "factual", source: "hub" }))).toEqual(["hub/factual/easy/5"]);
    expect(ids(bank.list({ difficulties: ["medium"], source: "curated" }))).toEqual([
      "curated/science/medium/4",
    ]);
    expect(bank.list({ domain: "math", difficulties: ["easy", "hard"] }).size).toBe(20);
    expect(bank.list({ source: "generated" }).size).toBe(30);
  });

  it("orders by seed: the same tasks, a stable permutation per seed, different across seeds", () => {
    const plain = ids(bank.list());
    const seeded = ids(bank.list({}, 7));
    expect(seeded).toEqual(ids(bank.list({}, 7)));
    expect(seeded).not.toEqual(plain);
    expect([...seeded].sort()).toEqual([...plain].sort());
    expect(ids(bank.list({}, 8))).not.toEqual(seeded);
    expect(ids(bank.list({ domain: "science" }, 3))).toEqual(["curated/science/medium/4"]);
  });
});

describe("TaskBank.get for generated ids", () => {
  it("answers only canonical ids and returns the same task on repeated lookups", () => {
    const bank = new TaskBank({ generators: [toyGenerator], curated: [], hub: [] });
    const first = bank.get("gen/toy-sum/v1/easy/7");
    expect(first?.id).toBe("gen/toy-sum/v1/easy/7");
    expect(bank.get("gen/toy-sum/v1/easy/7")).toBe(first);
    expect(bank.get("gen/toy-sum/v1/easy/007")).toBeUndefined();
    expect(bank.get("gen/toy-sum/v1/extreme/7")).toBeUndefined();
  });

  it("keeps a bounded cache: lookups beyond its size still regenerate correctly", () => {
    const bank = new TaskBank({ generators: [toyGenerator], curated: [], hub: [] });
    for (let i = 0; i < 5000; i++)
      expect(bank.get(`gen/toy-sum/v1/hard/${i}`)?.id).toBe(`gen/toy-sum/v1/hard/${i}`);
    expect(bank.get("gen/toy-sum/v1/hard/0")).toEqual(toyGenerator.generate("hard", 0));
  });
});
