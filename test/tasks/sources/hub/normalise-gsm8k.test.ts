import { describe, expect, it } from "vitest";
import {
  gsm8kDifficulty,
  gsm8kGold,
  gsm8kSteps,
  normaliseGsm8k,
} from "../../../../src/tasks/sources/hub/normalise-gsm8k.js";
import { contextFor, SHA } from "./helpers/context.js";

const context = contextFor({ key: "gsm8k", repo: "openai/gsm8k", config: "main", split: "train" });

describe("gsm8kGold", () => {
  it.each([
    ["", null],
    ["no marker 18", null],
    ["#### ", null],
    ["#### eighteen", null],
    ["work\n#### 18", "18"],
    ["work\n#### 1,080", "1080"],
    ["work\n#### -3", "-3"],
    ["a #### 1\nb\n#### 2", "2"],
    ["x\n####  12.5 ", "12.5"],
  ])("%j -> %j", (answer, expected) => {
    expect(gsm8kGold(answer)).toBe(expected);
  });
});

describe("gsm8kSteps and gsm8kDifficulty", () => {
  it("counts non-empty rationale lines, with or without calculator notes", () => {
    expect(gsm8kSteps("#### 1")).toBe(0);
    expect(gsm8kSteps("a <<1+1=2>>2\n\nb = 3\n#### 3")).toBe(2);
    expect(gsm8kSteps("1\n2\n3\n4\n5\n#### 9")).toBe(5);
  });

  it.each([
    [0, "easy"],
    [2, "easy"],
    [3, "medium"],
    [4, "medium"],
    [5, "hard"],
    [9, "hard"],
  ] as const)("%i steps -> %s", (steps, expected) => {
    expect(gsm8kDifficulty(steps)).toBe(expected);
  });
});

describe("normaliseGsm8k", () => {
  it("builds a numeric task with a stable id and full provenance", () => {
    const row = {
      question: " Natalia sold clips. How many? ",
      answer: "48/2 = <<48/2=24>>24\n48+24 = <<48+24=72>>72\n#### 72",
    };
    expect(normaliseGsm8k(row, 1234, context)).toEqual({
      id: "gsm8k/train/1234",
      domain: "math",
      difficulty: "easy",
      question: "Natalia sold clips. How many?",
      choices: null,
      answer: "72",
      answer_index: null,
      aliases: [],
      grader: "numeric",
      adversarial: false,
      answerable: true,
      unanswerable: null,
      source: {
        kind: "hub",
        dataset: "openai/gsm8k",
        config: "main",
        split: "train",
        index: 1234,
        revision: SHA,
        license: "MIT",
      },
    });
  });

  it("refuses rows without a question or a numeric gold", () => {
    expect(normaliseGsm8k({}, 0, context)).toBeNull();
    expect(normaliseGsm8k({ question: "", answer: "#### 3" }, 0, context)).toBeNull();
    expect(normaliseGsm8k({ question: "q", answer: "no gold" }, 0, context)).toBeNull();
    expect(normaliseGsm8k({ question: "q", answer: 3 }, 0, context)).toBeNull();
  });
});
