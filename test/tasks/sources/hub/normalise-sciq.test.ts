import { describe, expect, it } from "vitest";
import {
  normaliseSciq,
  sciqDifficulty,
  sciqOptions,
} from "../../../../src/tasks/sources/hub/normalise-sciq.js";
import { contextFor } from "./helpers/context.js";

const context = contextFor({ key: "sciq", repo: "allenai/sciq", split: "train", domain: "science" });
const row = {
  question: "What type of organism is commonly used in preparation of foods such as cheese and yogurt?",
  distractor1: "viruses",
  distractor2: "protozoa",
  distractor3: "gymnosperms",
  correct_answer: "mesophilic organisms",
  support: "Mesophiles grow best in moderate temperature.",
};

describe("normaliseSciq", () => {
  it("shuffles the four options deterministically and the gold follows its option", () => {
    const first = normaliseSciq(row, 5, context);
    const again = normaliseSciq({ ...row }, 5, context);
    expect(first).not.toBeNull();
    expect(again).toEqual(first);
    expect(first?.id).toBe("sciq/train/5");
    expect([...(first?.choices ?? [])].sort()).toEqual([
      "gymnosperms",
      "mesophilic organisms",
      "protozoa",
      "viruses",
    ]);
    expect(first?.choices?.[first.answer_index ?? -1]).toBe("mesophilic organisms");
    expect(first?.answer).toBe(String.fromCharCode(65 + (first?.answer_index ?? 0)));
  });

  it("does not put the gold in one fixed place across rows", () => {
    const positions = new Set(
      Array.from({ length: 40 }, (_, index) => normaliseSciq(row, index, context)?.answer_index),
    );
    expect(positions.size).toBeGreaterThan(2);
  });

  it("depends on the split and the index, through hashSeed", () => {
    const orders = new Set(
      ["train", "validation", "test"].flatMap((split) =>
        [0, 1, 2, 3].map((index) => sciqOptions("a", ["b", "c", "d"], split, index).choices.join()),
      ),
    );
    expect(orders.size).toBeGreaterThan(3);
  });

  it("refuses a missing option or two options that read the same", () => {
    expect(normaliseSciq({ ...row, distractor2: "" }, 0, context)).toBeNull();
    expect(normaliseSciq({ ...row, distractor2: "Viruses" }, 0, context)).toBeNull();
    expect(normaliseSciq({ ...row, correct_answer: null }, 0, context)).toBeNull();
    expect(normaliseSciq({ ...row, question: " " }, 0, context)).toBeNull();
  });
});

describe("sciqOptions", () => {
  it("is pinned: the same exam across versions (a changed order would change every stored task)", () => {
    expect(sciqOptions("right", ["w1", "w2", "w3"], "train", 0)).toEqual({
      choices: ["w1", "w2", "right", "w3"],
      answerIndex: 2,
    });
    expect(sciqOptions("right", ["w1", "w2", "w3"], "train", 5)).toEqual({
      choices: ["w1", "w2", "w3", "right"],
      answerIndex: 3,
    });
  });

  it("records where the correct answer landed", () => {
    for (let index = 0; index < 20; index++) {
      const { choices, answerIndex } = sciqOptions("right", ["w1", "w2", "w3"], "test", index);
      expect(choices[answerIndex]).toBe("right");
      expect(choices).toHaveLength(4);
    }
  });
});

describe("sciqDifficulty", () => {
  const words = (n: number) => Array.from({ length: n }, () => "w").join(" ");
  it.each([
    [1, "easy"],
    [10, "easy"],
    [11, "medium"],
    [17, "medium"],
    [18, "hard"],
  ] as const)("%i words -> %s", (n, expected) => {
    expect(sciqDifficulty(words(n))).toBe(expected);
  });
});
