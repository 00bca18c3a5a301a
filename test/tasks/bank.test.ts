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
