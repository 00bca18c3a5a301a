import { describe, expect, it } from "vitest";
import { gradeAnswer } from "../../../../src/core/grading/index.js";
import { readManifest } from "../../../../src/tasks/sources/hub/hub-cache.js";
import { loadCachedHubTasks } from "../../../../src/tasks/sources/hub/load-cached.js";
import {
  math500Difficulty,
  math500GoldValid,
  normaliseMath500,
} from "../../../../src/tasks/sources/hub/normalise-math500.js";
import { checkTask } from "../../../../src/tasks/validate-tasks.js";
import { contextFor, SHA } from "./helpers/context.js";
import { withFixtureDownload } from "./helpers/fixture-download.js";
import { ROWS, SHAS } from "./helpers/hub-repos.js";
import { math500Rows } from "./helpers/sample-rows.js";

const context = contextFor({
  key: "math500",
  repo: "HuggingFaceH4/MATH-500",
  config: "default",
  split: "test",
  domain: "math",
});
const row = {
  problem: "If $f(x) = \\frac{3x-2}{x-2}$, what is $f(-2) + f(-1) + f(0)$?",
  solution: "Adding, $f(-2)+f(-1)+f(0) = \\boxed{\\dfrac{14}{3}}$.",
  answer: "\\frac{14}{3}",
  subject: "Algebra",
  level: 3n,
  unique_id: "test/algebra/2584.json",
};

describe("math500Difficulty", () => {
  it.each([
    [undefined, null],
    ["3", null],
    [0n, null],
    [6n, null],
    [2.5, null],
    [1n, "easy"],
    [2, "easy"],
    [3n, "medium"],
    [4n, "hard"],
    [5, "hard"],
  ])("%s -> %s", (level, expected) => {
    expect(math500Difficulty(level)).toBe(expected);
  });
});

describe("math500GoldValid", () => {
  it.each([
    ["\\frac{14}{3}", "so $\\boxed{\\dfrac{14}{3}}$.", true],
    ["\\left( 3, \\frac{\\pi}{2} \\right)", "\\boxed{\\left( 3, \\dfrac{\\pi}{2} \\right)}", true],
    ["4210_{5}", "\\boxed{4210_5}", true],
    ["\\text{Evelyn}", "\\boxed{\\text{Evelyn}}", true],
    ["\\frac{14}{3}", "no boxed answer", false],
    ["\\frac{14}{3}", "\\boxed{\\frac{3}{14}}", false],
    ["\\frac{14}{", "\\boxed{\\frac{14}{}", false],
  ])("%s against %s -> %s", (gold, solution, expected) => {
    expect(math500GoldValid(gold, solution)).toBe(expected);
  });
});

describe("normaliseMath500", () => {
  it("builds a math task with difficulty from level, a stable id and full provenance", () => {
    expect(normaliseMath500(row, 7, context)).toEqual({
      id: "math500/test/7",
      domain: "math",
      difficulty: "medium",
      question: row.problem,
      choices: null,
      answer: "\\frac{14}{3}",
      answer_index: null,
      aliases: [],
      grader: "math",
      adversarial: false,
      answerable: true,
      unanswerable: null,
      source: {
        kind: "hub",
        dataset: "HuggingFaceH4/MATH-500",
        config: "default",
        split: "test",
        index: 7,
        revision: SHA,
        license: context.license,
      },
    });
  });

  it("drops rows without a problem, a level in 1-5 or a gold that grades its own boxed answer", () => {
    expect(normaliseMath500({ ...row, problem: " " }, 0, context)).toBeNull();
    expect(normaliseMath500({ ...row, level: 9n }, 0, context)).toBeNull();
    expect(normaliseMath500({ ...row, answer: "\\frac{3}{14}" }, 0, context)).toBeNull();
    expect(normaliseMath500({ ...row, solution: "It is 14/3." }, 0, context)).toBeNull();
  });
});

describe("MATH-500 from a local Parquet file", () => {
  it("downloads the test split from the convert branch; every gold grades correct through the math grader", async () => {
    await withFixtureDownload("math500", "test", 10, ({ dataDir, summary }) => {
      expect(summary.outcomes.map((o) => [o.key, o.status])).toEqual([["math500", "downloaded"]]);
      expect(readManifest(dataDir).manifest.entries["math500/test"]).toMatchObject({
        repo: "HuggingFaceH4/MATH-500",
        requested_revision: "refs/convert/parquet",
        commit_sha: SHAS.math500Convert,
        row_count: ROWS.math500,
        skipped_rows: 0,
      });
      const { tasks } = loadCachedHubTasks(dataDir);
      expect(tasks).toHaveLength(ROWS.math500);
      const levels = math500Rows(ROWS.math500).map((r) => math500Difficulty(r.level));
      for (const task of tasks) {
        expect(task.grader).toBe("math");
        expect(task.difficulty).toBe(levels[task.source.kind === "hub" ? task.source.index : -1]);
        expect(gradeAnswer(task, task.answer), task.answer).toMatchObject({ correct: true });
        expect(gradeAnswer(task, `The answer is $${task.answer}$.`), task.answer).toMatchObject({
          correct: true,
        });
        expect(checkTask(task), task.answer).toEqual([]);
      }
    });
  });
});
