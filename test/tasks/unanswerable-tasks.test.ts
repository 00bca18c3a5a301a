// Unanswerable tasks: the schema's rules, self-validation, and every one the bank loads scores as it should.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isAbstention } from "../../src/core/abstention.js";
import { BUILT_IN_PRESETS, PRESET_NAMES } from "../../src/core/reward/presets.js";
import { scoreResponse } from "../../src/core/score-response.js";
import { loadCuratedTasks, parseTaskLines } from "../../src/tasks/sources/curated.js";
import { Task, UNANSWERABLE_KINDS } from "../../src/tasks/task.js";
import { checkTask } from "../../src/tasks/validate-tasks.js";
import { fakeTask } from "../helpers/fake-tasks.js";

const FIXTURE = fileURLToPath(new URL("../fixtures/tasks/unanswerable.jsonl", import.meta.url));
const fixture = parseTaskLines(readFileSync(FIXTURE, "utf8"), "unanswerable.jsonl");
const shipped = loadCuratedTasks().filter((task) => !task.answerable);
const reply = (confidence: number, answer: string) =>
  `<confidence>${confidence}</confidence><answer>${answer}</answer>`;

describe("the Task schema's answerable and unanswerable fields", () => {
  const base = fixture[0]!;

  it("reads the curated unanswerable line format, one fixture line per kind", () => {
    expect(fixture.map((t) => t.unanswerable?.kind)).toEqual([...UNANSWERABLE_KINDS]);
    for (const task of fixture) expect(task).toMatchObject({ answerable: false, grader: "unanswerable" });
  });

  it("defaults an old line to answerable with no reason", () => {
    const { answerable: _a, unanswerable: _u, ...old } = fakeTask("factual", "easy", 1);
    expect(Task.parse(old)).toMatchObject({ answerable: true, unanswerable: null });
  });

  it.each([
    [{ answerable: true }, /answerable task cannot use the "unanswerable" grader/],
    [{ grader: "free_text" }, /answerable false must use the "unanswerable" grader/],
    [{ unanswerable: null }, /needs unanswerable: \{kind, reason\}/],
    [{ unanswerable: { kind: "future", reason: " " } }, /unanswerable\.reason/],
    [{ unanswerable: { kind: "someday", reason: "x" } }, /unanswerable\.kind/],
  ])("refuses %j with a message saying what is expected", (change, message) => {
    const parsed = Task.safeParse({ ...base, ...change });
    expect(parsed.success).toBe(false);
    expect(() => parseTaskLines(JSON.stringify({ ...base, ...change }), "u.jsonl")).toThrow(message);
  });

  it("refuses a reason on an answerable task", () => {
    const task = { ...fakeTask("factual", "easy", 1), unanswerable: { kind: "future", reason: "x" } };
    expect(() => parseTaskLines(JSON.stringify(task), "a.jsonl")).toThrow(/must be null when answerable/);
  });

  it("self-validates: declines grade correct, substantive answers wrong", () => {
    for (const task of fixture) expect(checkTask(task), task.id).toEqual([]);
    const broken = { ...fixture[0]!, grader: "free_text" as const };
    expect(checkTask(broken).join("\n")).toMatch(/decline: "I don't know" graded wrong/);
  });
});

describe("answerable curated tasks", () => {
  it("have no gold, alias or option that reads as a decline", () => {
    const answerable = loadCuratedTasks().filter((task) => task.answerable);
    expect(answerable.length).toBeGreaterThan(300);
    for (const task of answerable) {
      for (const text of [task.answer, ...task.aliases, ...(task.choices ?? [])])
        expect(isAbstention(text), `${task.id}: ${text}`).toBe(false);
    }
  });
});

// Whatever unanswerable tasks the shipped bank holds (tasks/unanswerable.jsonl), plus the fixture.
describe.each(PRESET_NAMES)("every unanswerable task under %s", (name) => {
  const preset = BUILT_IN_PRESETS[name];
  const tasks = [...fixture, ...shipped];

  it("grades a decline correct and a confident answer wrong, and pays the decline more", () => {
    expect(tasks.length).toBeGreaterThanOrEqual(fixture.length);
    for (const task of tasks) {
      expect(task.unanswerable?.reason.trim(), task.id).not.toBe("");
      const gold = scoreResponse(task, reply(95, task.answer), preset);
      const decline = scoreResponse(task, reply(95, "I don't know"), preset);
      const fabrication = scoreResponse(task, reply(95, "Paris"), preset);
      expect(gold.grade.correct, task.id).toBe(true);
      expect(decline.grade.correct, task.id).toBe(true);
      expect(fabrication.grade.correct, task.id).toBe(false);
      expect(decline.reward.total, task.id).toBeGreaterThan(fabrication.reward.total);
      expect(checkTask(task), task.id).toEqual([]);
    }
  });
});
