import { describe, expect, it } from "vitest";
import { hashSeed } from "../../../src/core/rng.js";
import {
  defineGenerator,
  drawUntil,
  generatedTaskId,
  generatorRng,
} from "../../../src/tasks/generators/generator.js";
import { Task } from "../../../src/tasks/task.js";

const toy = defineGenerator(
  { name: "toy", version: 3, domain: "math", description: "a toy generator for the tests" },
  (rng, difficulty) => {
    const a = rng.int(1, difficulty === "hard" ? 1000 : 10);
    return { question: `What is ${a} + 1?`, answer: String(a + 1), grader: "numeric", adversarial: false };
  },
);

describe("defineGenerator", () => {
  it("stamps id, provenance and the non-choice fields", () => {
    const task = Task.parse(toy.generate("hard", 42));
    expect(task.id).toBe("gen/toy/v3/hard/42");
    expect(task.choices).toBeNull();
    expect(task.answer_index).toBeNull();
    expect(task.aliases).toEqual([]);
    expect(task.source).toEqual({
      kind: "generated",
      dataset: "gen/toy",
      config: null,
      split: "generated",
      index: 42,
      revision: "v3",
      license: "MIT",
    });
  });

  it("seeds from a hash of every coordinate, so neighbouring coordinates do not share draws", () => {
    expect(generatorRng("toy", 3, "easy", 1).next()).toBe(generatorRng("toy", 3, "easy", 1).next());
    expect(generatorRng("toy", 3, "easy", 1).next()).not.toBe(generatorRng("toy", 3, "easy", 2).next());
    expect(generatorRng("toy", 3, "easy", 1).next()).not.toBe(generatorRng("toy", 4, "easy", 1).next());
    expect(generatorRng("toy", 3, "easy", 1).next()).not.toBe(generatorRng("toy", 3, "medium", 1).next());
    expect(hashSeed("gen", "toy", 3, "easy", 1)).not.toBe(hashSeed("gen", "toy", 3, "easy", 2));
  });

  it.each([-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])("rejects index %d", (index) => {
    expect(() => toy.generate("easy", index)).toThrow(RangeError);
  });

  it("builds canonical ids", () => {
    expect(generatedTaskId("arithmetic", 1, "hard", 981)).toBe("gen/arithmetic/v1/hard/981");
  });
});

describe("drawUntil", () => {
  it("retries until a draw is accepted, deterministically", () => {
    const draw = () =>
      drawUntil(generatorRng("toy", 1, "easy", 0), (rng) => {
        const v = rng.int(1, 100);
        return v > 90 ? v : null;
      });
    expect(draw()).toBeGreaterThan(90);
    expect(draw()).toBe(draw());
  });

  it("gives up with an error instead of looping forever", () => {
    expect(() => drawUntil(generatorRng("toy", 1, "easy", 0), () => null, 5)).toThrow(/5 tries/);
  });
});
