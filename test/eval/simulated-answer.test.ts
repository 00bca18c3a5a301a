import { describe, expect, it } from "vitest";
import { gradeAnswer } from "../../src/core/grading/index.js";
import { DIFFICULTIES } from "../../src/core/taxonomy.js";
import {
  ABSTAIN_ANSWER,
  abstentionDraw,
  knowledgeDraw,
  knownAnswer,
  wrongAnswer,
} from "../../src/eval/simulated-answer.js";
import { GENERATORS } from "../../src/tasks/generators/index.js";
import { loadCuratedTasks } from "../../src/tasks/sources/curated.js";
import type { Task } from "../../src/tasks/task.js";
import { fakeTask } from "../helpers/fake-tasks.js";

const mc = fakeTask("science", "easy", 1, {
  grader: "multiple_choice",
  choices: ["Mercury", "Venus", "Mars", "Earth"],
  answer: "C",
  answer_index: 2,
});

describe("knowledge and abstention draws", () => {
  it("are fixed by seed and task id, in [0, 1), and independent of each other", () => {
    expect(knowledgeDraw(1, "a")).toBe(knowledgeDraw(1, "a"));
    expect(knowledgeDraw(1, "a")).not.toBe(knowledgeDraw(2, "a"));
    expect(knowledgeDraw(1, "a")).not.toBe(knowledgeDraw(1, "b"));
    expect(knowledgeDraw(1, "a")).not.toBe(abstentionDraw(1, "a"));
    const draws = Array.from({ length: 4000 }, (_, i) => knowledgeDraw(7, `task-${i}`));
    expect(draws.every((d) => d >= 0 && d < 1)).toBe(true);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02); // sd of the mean ~0.0046
    expect(draws.filter((d) => d < 0.3).length / draws.length).toBeCloseTo(0.3, 1);
  });
});

describe("wrongAnswer", () => {
  it("gives another option letter for multiple choice", () => {
    const letters = new Set(Array.from({ length: 40 }, (_, seed) => wrongAnswer(mc, seed, [])));
    expect([...letters].sort()).toEqual(["A", "B", "D"]);
  });

  it("flips yes/no and perturbs numbers in the gold's format", () => {
    expect(wrongAnswer(fakeTask("logic", "easy", 1, { grader: "yes_no", answer: "yes" }), 1, [])).toBe("no");
    expect(wrongAnswer(fakeTask("logic", "easy", 2, { grader: "yes_no", answer: "no" }), 1, [])).toBe("yes");
    const kelvin = fakeTask("science", "hard", 3, { grader: "numeric", answer: "-273.15" });
    expect(wrongAnswer(kelvin, 1, [])).toMatch(/^-?\d+\.\d\d$/);
    const light = fakeTask("science", "hard", 4, { grader: "numeric", answer: "299792458" });
    expect(Number(wrongAnswer(light, 1, []))).not.toBe(299792458);
  });

  it("offers another task's answer for free text, never one the grader accepts", () => {
    const paris = fakeTask("factual", "easy", 5, { answer: "Paris", aliases: ["Paree"] });
    for (let seed = 0; seed < 20; seed++) {
      expect(["Tokyo", "Rome"]).toContain(
        wrongAnswer(paris, seed, ["Paris", "paris", "Paree", "Tokyo", "Rome"]),
      );
    }
    expect(gradeAnswer(paris, wrongAnswer(paris, 1, [])).correct).toBe(false);
  });

  it("abstains when no candidate grades wrong", () => {
    const broken = fakeTask("math", "easy", 6, { grader: "numeric", answer: "not a number" });
    expect(wrongAnswer(broken, 1, [])).toBe(ABSTAIN_ANSWER);
  });

  it("grades wrong on every curated task and on generated tasks of every generator", () => {
    const tasks: Task[] = [
      ...loadCuratedTasks(),
      ...GENERATORS.flatMap((g) =>
        DIFFICULTIES.flatMap((d) => Array.from({ length: 30 }, (_, i) => g.generate(d, i))),
      ),
    ];
    const decoys = tasks.slice(0, 200).map((t) => t.answer);
    for (const task of tasks) {
      const guess = wrongAnswer(task, 3, decoys);
      expect(guess, task.id).not.toBe("");
      expect(gradeAnswer(task, guess).correct, `${task.id}: ${guess}`).toBe(false);
      expect(gradeAnswer(task, knownAnswer(task)).correct, task.id).toBe(true);
    }
  });
});
