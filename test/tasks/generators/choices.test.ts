import { describe, expect, it } from "vitest";
import { createRng } from "../../../src/core/rng.js";
import { fixedChoices, pickDistractors, shuffledChoices } from "../../../src/tasks/generators/choices.js";

describe("shuffledChoices", () => {
  it("keeps the answer index and letter pointing at the correct option", () => {
    for (let seed = 0; seed < 50; seed++) {
      const set = shuffledChoices(createRng(seed), "right", ["w1", "w2", "w3"]);
      expect(set.choices[set.answer_index]).toBe("right");
      expect(set.answer).toBe(String.fromCharCode(65 + set.answer_index));
      expect([...set.choices].sort()).toEqual(["right", "w1", "w2", "w3"]);
    }
  });

  it("spreads the correct option over every position", () => {
    const positions = new Set(
      Array.from({ length: 200 }, (_, s) => shuffledChoices(createRng(s), "x", ["a", "b", "c"]).answer_index),
    );
    expect(positions).toEqual(new Set([0, 1, 2, 3]));
  });

  it("refuses duplicate options, which would make two letters correct", () => {
    expect(() => shuffledChoices(createRng(1), "a", ["a", "b"])).toThrow();
    expect(() => shuffledChoices(createRng(1), "a", ["b", "b"])).toThrow();
  });
});

describe("fixedChoices", () => {
  it("keeps the given order", () => {
    expect(fixedChoices(["Mon", "Tue", "Wed"], "Wed")).toEqual({
      choices: ["Mon", "Tue", "Wed"],
      answer_index: 2,
      answer: "C",
    });
  });

  it("refuses a missing answer or repeated options", () => {
    expect(() => fixedChoices(["a", "b"], "c")).toThrow();
    expect(() => fixedChoices(["a", "a", "b"], "b")).toThrow();
  });
});

describe("pickDistractors", () => {
  it("skips the correct value and repeats", () => {
    const out = pickDistractors(createRng(3), "5", ["5", "6", "6", "7", "8"], 3);
    expect(out?.sort()).toEqual(["6", "7", "8"]);
  });

  it("returns null when there are not enough candidates", () => {
    expect(pickDistractors(createRng(3), "5", ["5", "6", "6"], 2)).toBeNull();
    expect(pickDistractors(createRng(3), "5", [], 1)).toBeNull();
  });
});
