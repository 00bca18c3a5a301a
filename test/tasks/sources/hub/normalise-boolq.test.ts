import { describe, expect, it } from "vitest";
import { gradeAnswer } from "../../../../src/core/grading/index.js";
import { buildPrompt } from "../../../../src/tasks/prompt.js";
import { readManifest } from "../../../../src/tasks/sources/hub/hub-cache.js";
import { loadCachedHubTasks } from "../../../../src/tasks/sources/hub/load-cached.js";
import {
  boolqDifficulty,
  boolqQuestion,
  normaliseBoolq,
  questionOverlap,
} from "../../../../src/tasks/sources/hub/normalise-boolq.js";
import { MAX_PASSAGE_CHARS } from "../../../../src/tasks/task.js";
import { checkTask } from "../../../../src/tasks/validate-tasks.js";
import { contextFor, SHA } from "./helpers/context.js";
import { withFixtureDownload } from "./helpers/fixture-download.js";
import { ROWS, SHAS } from "./helpers/hub-repos.js";
import { boolqRows } from "./helpers/sample-rows.js";

const context = contextFor({
  key: "boolq",
  repo: "google/boolq",
  config: "default",
  split: "validation",
  domain: "factual",
  license: "CC-BY-SA-3.0",
});
const row = {
  question: "does ethanol take more energy make that produces",
  answer: false,
  passage:
    "Ethanol fuel -- All biomass goes through at least some of these steps: it needs to be grown, collected, " +
    "dried, fermented, distilled, and burned. All of these steps require resources and an infrastructure.",
};
const filler = (n: number) => Array.from({ length: n }, (_, i) => `filler${i}`).join(" ");

describe("questionOverlap", () => {
  it.each([
    ["is the moon made of cheese", "The Moon -- The Moon is made of rock.", 2 / 3],
    ["is the moon made of rock", "The Moon -- the MOON is made of rock!", 1],
    ["is it the same", "Anything.", 1],
    ["do cats purr", "Dogs -- Dogs bark.", 0],
  ])("%s in %s -> %d", (question, passage, expected) => {
    expect(questionOverlap(question, passage)).toBeCloseTo(expected, 12);
  });
});

describe("boolqDifficulty", () => {
  it.each([
    ["is the moon made of rock", "The Moon -- The Moon is made of rock.", "easy"],
    ["is the moon made of rock", `The Moon -- The Moon is made of rock. ${filler(95)}`, "medium"],
    ["is the moon made of cheese", "The Moon -- The Moon is made of rock.", "medium"],
    ["is the moon made of rock", `The Moon -- The Moon is made of rock. ${filler(150)}`, "hard"],
    ["does the satellite consist of basalt", "The Moon -- The Moon is made of rock.", "hard"],
    ["is the moon made of green cheese", "The Moon -- The Moon is made of rock.", "hard"],
  ])("%s / %s -> %s", (question, passage, expected) => {
    expect(boolqDifficulty(question, passage)).toBe(expected);
  });
});

describe("boolqQuestion", () => {
  it("capitalises and adds the question mark once", () => {
    expect(boolqQuestion("is the sky blue")).toBe("Is the sky blue?");
    expect(boolqQuestion("is the sky blue?")).toBe("Is the sky blue?");
  });
});

describe("normaliseBoolq", () => {
  it("builds a yes/no task carrying its passage, with a stable id and full provenance", () => {
    expect(normaliseBoolq(row, 7, context)).toEqual({
      id: "boolq/validation/7",
      domain: "factual",
      difficulty: "hard",
      question: "Does ethanol take more energy make that produces?",
      passage: row.passage,
      choices: null,
      answer: "no",
      answer_index: null,
      aliases: [],
      grader: "yes_no",
      adversarial: false,
      source: {
        kind: "hub",
        dataset: "google/boolq",
        config: "default",
        split: "validation",
        index: 7,
        revision: SHA,
        license: "CC-BY-SA-3.0",
      },
      answerable: true,
      unanswerable: null,
    });
    expect(normaliseBoolq({ ...row, answer: true }, 7, context)?.answer).toBe("yes");
  });

  it("drops rows without a question, a passage or a boolean answer, and passages too long for a prompt", () => {
    expect(normaliseBoolq({ ...row, question: " " }, 0, context)).toBeNull();
    expect(normaliseBoolq({ ...row, passage: null }, 0, context)).toBeNull();
    expect(normaliseBoolq({ ...row, answer: "False" }, 0, context)).toBeNull();
    expect(normaliseBoolq({ ...row, answer: 0 }, 0, context)).toBeNull();
    expect(normaliseBoolq({ ...row, passage: "x".repeat(MAX_PASSAGE_CHARS + 1) }, 0, context)).toBeNull();
  });

  it("puts the passage before the question in the prompt", () => {
    const task = normaliseBoolq(row, 0, context);
    if (!task) throw new Error("the row should normalise");
    const user = buildPrompt(task, { showDifficulty: false }).messages[1]?.content ?? "";
    expect(user).toBe(
      `Domain: factual\n\nPassage: ${row.passage}\n\nQuestion: Does ethanol take more energy make that produces?`,
    );
  });
});

describe("BoolQ from a local Parquet file", () => {
  it("downloads train from the convert branch; every gold grades through the yes/no grader", async () => {
    await withFixtureDownload("boolq", "train", 7, ({ dataDir, summary }) => {
      expect(summary.outcomes.map((o) => [o.key, o.status])).toEqual([["boolq", "downloaded"]]);
      expect(readManifest(dataDir).manifest.entries["boolq/train"]).toMatchObject({
        repo: "google/boolq",
        requested_revision: "refs/convert/parquet",
        commit_sha: SHAS.boolqConvert,
        license: "CC-BY-SA-3.0",
        domain: "factual",
        row_count: ROWS.boolq,
        skipped_rows: 0,
      });
      const { tasks } = loadCachedHubTasks(dataDir);
      expect(tasks).toHaveLength(ROWS.boolq);
      const rows = boolqRows(ROWS.boolq);
      const buckets = { easy: 0, medium: 0, hard: 0 };
      for (const task of tasks) {
        const index = task.source.kind === "hub" ? task.source.index : -1;
        const source = rows[index]!;
        buckets[task.difficulty] += 1;
        expect(task.passage).toBe(source.passage);
        expect(task.answer).toBe(source.answer ? "yes" : "no");
        expect(task.difficulty).toBe(["easy", "medium", "hard"][index % 3]);
        expect(gradeAnswer(task, task.answer === "yes" ? "Yes." : "No.")).toMatchObject({ correct: true });
        expect(checkTask(task)).toEqual([]);
      }
      expect(buckets).toEqual({ easy: 10, medium: 10, hard: 10 });
    });
  });
});
