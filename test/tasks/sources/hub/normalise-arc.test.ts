import { describe, expect, it } from "vitest";
import { arcDifficulty, normaliseArc } from "../../../../src/tasks/sources/hub/normalise-arc.js";
import { contextFor } from "./helpers/context.js";

const challenge = contextFor({
  key: "arc-challenge",
  repo: "allenai/ai2_arc",
  config: "ARC-Challenge",
  split: "test",
  domain: "logic",
});
const easy = contextFor({ key: "arc-easy", repo: "allenai/ai2_arc", config: "ARC-Easy", domain: "logic" });
const row = (label: string[], answerKey: string, text = label.map((l) => `option ${l}`)) => ({
  id: "Mercury_1",
  question: "Which gas do plants take in?",
  choices: { text, label },
  answerKey,
});

describe("normaliseArc", () => {
  it("maps numeric labels by index and re-letters from A", () => {
    const task = normaliseArc(row(["1", "2", "3", "4"], "3"), 17, challenge);
    expect(task).toMatchObject({
      id: "arc-challenge/test/17",
      choices: ["option 1", "option 2", "option 3", "option 4"],
      answer: "C",
      answer_index: 2,
      grader: "multiple_choice",
      source: { dataset: "allenai/ai2_arc", config: "ARC-Challenge", split: "test", index: 17 },
    });
  });

  it("keeps 3- and 5-option questions", () => {
    expect(normaliseArc(row(["A", "B", "C"], "A"), 0, easy)).toMatchObject({ answer: "A", answer_index: 0 });
    const five = normaliseArc(row(["1", "2", "3", "4", "5"], "5"), 0, easy);
    expect(five?.choices).toHaveLength(5);
    expect(five).toMatchObject({ answer: "E", answer_index: 4 });
  });

  it("accepts a numeric answerKey value", () => {
    expect(normaliseArc({ ...row(["1", "2"], "x"), answerKey: 2 }, 0, easy)).toMatchObject({ answer: "B" });
  });

  it("refuses a key that is no label, mismatched lists, blank options and malformed rows", () => {
    expect(normaliseArc(row(["A", "B", "C", "D"], "E"), 0, easy)).toBeNull();
    expect(normaliseArc(row(["A", "B"], "A", ["only one"]), 0, easy)).toBeNull();
    expect(normaliseArc(row(["A", "B"], "A", ["x", " "]), 0, easy)).toBeNull();
    expect(normaliseArc(row(["A"], "A"), 0, easy)).toBeNull(); // one option is no choice
    expect(normaliseArc({ question: "q", answerKey: "A", choices: null }, 0, easy)).toBeNull();
    expect(
      normaliseArc({ question: "q", answerKey: "A", choices: { text: "x", label: "A" } }, 0, easy),
    ).toBeNull();
    expect(normaliseArc({}, 0, easy)).toBeNull();
  });
});

describe("arcDifficulty", () => {
  const words = (n: number) => Array.from({ length: n }, () => "w").join(" ");
  it("ARC-Easy is easy whatever the length; ARC-Challenge splits at 21 words", () => {
    expect(arcDifficulty("ARC-Easy", words(40))).toBe("easy");
    expect(arcDifficulty("ARC-Challenge", words(20))).toBe("medium");
    expect(arcDifficulty("ARC-Challenge", words(21))).toBe("hard");
  });
});
