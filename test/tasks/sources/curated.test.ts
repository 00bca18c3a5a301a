import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCuratedTasks, parseTaskLines } from "../../../src/tasks/sources/curated.js";
import { fakeTask } from "../../helpers/fake-tasks.js";

describe("curated task files", () => {
  it("reads every JSONL file in a folder, skipping blank lines", () => {
    const dir = mkdtempSync(join(tmpdir(), "echo-curated-"));
    const a = fakeTask("factual", "easy", 1);
    const b = fakeTask("creative", "hard", 2);
    writeFileSync(join(dir, "b.jsonl"), `${JSON.stringify(b)}\n\n`);
    writeFileSync(join(dir, "a.jsonl"), `${JSON.stringify(a)}\r\n`);
    writeFileSync(join(dir, "notes.txt"), "ignored");
    expect(loadCuratedTasks(dir)).toEqual([a, b]);
  });

  it("names the file and line of a bad task and says what is wrong", () => {
    const good = JSON.stringify(fakeTask("factual", "easy", 1));
    expect(() => parseTaskLines(`${good}\n{not json`, "x.jsonl")).toThrow(/^x\.jsonl:2: not valid JSON/);
    const bad = JSON.stringify({ ...fakeTask("factual", "easy", 1), domain: "astrology" });
    expect(() => parseTaskLines(bad, "y.jsonl")).toThrow(/^y\.jsonl:1: not a valid task: domain: /);
    const mc = JSON.stringify({ ...fakeTask("science", "easy", 1), grader: "multiple_choice" });
    expect(() => parseTaskLines(mc, "z.jsonl")).toThrow(/needs choices and an answer_index/);
  });
});
