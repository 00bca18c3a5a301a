import { describe, expect, it } from "vitest";
import { runTasksList, runTasksValidate } from "../../src/cli/commands/tasks-list.js";
import { captureIo } from "../helpers/capture-io.js";

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
});
