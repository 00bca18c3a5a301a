import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runTasksList, runTasksValidate } from "../../src/cli/commands/tasks-list.js";
import { captureIo } from "../helpers/capture-io.js";
import { gsm8kTasks, writeCache } from "../tasks/sources/hub/helpers/cache.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("echo-env tasks list / validate", () => {
  it("lists counts per domain x difficulty x source", () => {
    const io = captureIo({ ECHO_DATA_DIR: "/nonexistent-echo" });
    expect(runTasksList({ json: true }, io)).toBe(0);
    const summary = JSON.parse(io.out());
    expect(summary.counts).toContainEqual(expect.objectContaining({ domain: "factual", source: "curated" }));
    expect(summary.counts).toContainEqual(expect.objectContaining({ domain: "coding", source: "generated" }));
  });

  it("validates the shipped and generated tasks, printing a line per source", () => {
    const io = captureIo({ ECHO_DATA_DIR: "/nonexistent-echo" });
    expect(runTasksValidate({ perGenerator: "20" }, io)).toBe(0);
    expect(io.out()).toMatch(/^curated: \d{3} checked, 0 problems$/m);
    expect(io.out()).toMatch(/^gen\/arithmetic: 60 checked, 0 problems$/m);
    expect(runTasksValidate({ perGenerator: "0" }, captureIo())).toBe(2);
  });

  it("validates a cached Hub dataset too, and exits 1 naming a task whose own gold does not grade", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "echo-validate-"));
    dirs.push(dataDir);
    const [good, other] = gsm8kTasks(2);
    const broken = { ...other, answer: "seventeen and a bit" }; // a numeric task whose gold is no number
    await writeCache(dataDir, [JSON.stringify(good), JSON.stringify(broken)]);
    const io = captureIo({ ECHO_DATA_DIR: dataDir });
    expect(runTasksValidate({ perGenerator: "5" }, io)).toBe(1);
    expect(io.out()).toMatch(/^hub \(cached\): 2 checked, [1-9]\d* problems$/m);
    expect(io.out()).toMatch(new RegExp(`^  ${broken.id}: gold: "seventeen and a bit" graded wrong`, "m"));
    expect(io.out()).not.toContain(`${good?.id}:`);
    expect(io.out()).toMatch(/^curated: \d{3} checked, 0 problems$/m);
    await writeCache(dataDir, [JSON.stringify(good)]);
    expect(runTasksValidate({ perGenerator: "5" }, captureIo({ ECHO_DATA_DIR: dataDir }))).toBe(0);
  });
});
