import { describe, expect, it } from "vitest";
import { DIFFICULTIES } from "../../src/core/taxonomy.js";
import { GENERATORS } from "../../src/tasks/generators/index.js";
import { loadCuratedTasks } from "../../src/tasks/sources/curated.js";
import { checkTask, validateTasks } from "../../src/tasks/validate-tasks.js";
import { fakeTask } from "../helpers/fake-tasks.js";

const PER_DIFFICULTY = 1000;

describe("checkTask", () => {
  it("accepts a sound task and names what is wrong with a broken one", () => {
    expect(
      checkTask(fakeTask("factual", "easy", 1, { answer: "Canberra", aliases: ["Canberra ACT"] })),
    ).toEqual([]);
    // An alias no grader can accept (empty, or a lone letter for free text) is reported.
    const badAliases = checkTask(fakeTask("factual", "easy", 1, { answer: "Canberra", aliases: ["", "C"] }));
    expect(badAliases).toEqual([
      'alias: "" graded wrong (text/invalid)',
      expect.stringMatching(/^alias: "C" graded wrong/),
    ]);
    const badMc = fakeTask("science", "easy", 2, {
      grader: "multiple_choice",
      choices: ["Mars", "Venus"],
      answer: "A",
      answer_index: 0,
    });
    expect(checkTask(badMc)).toEqual([]);
    // A gold letter that does not match answer_index is caught (the schema normally refuses it too).
    expect(checkTask({ ...badMc, answer_index: 1 }).join("\n")).toMatch(/gold: "A" graded wrong/);
    const numeric = fakeTask("math", "easy", 3, { grader: "numeric", answer: "abc" });
    expect(checkTask(numeric).join("\n")).toMatch(/gold/);
  });
});

describe("self-validation of the shipped and generated tasks", () => {
  it("grades every curated task's own gold correct and obvious wrong answers wrong", () => {
    const tasks = loadCuratedTasks();
    const { checked, problems } = validateTasks(tasks);
    expect(checked).toBeGreaterThanOrEqual(300);
    expect(problems).toEqual([]);
  });

  for (const generator of GENERATORS) {
    it(`grades ${PER_DIFFICULTY} x 3 tasks of generator ${generator.name} correctly`, () => {
      const tasks = DIFFICULTIES.flatMap((d) =>
        Array.from({ length: PER_DIFFICULTY }, (_, i) => generator.generate(d, i)),
      );
      const { checked, problems } = validateTasks(tasks);
      expect(checked).toBe(PER_DIFFICULTY * 3);
      expect(problems.slice(0, 5)).toEqual([]);
    });
  }
});
