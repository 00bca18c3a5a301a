// EchoService.draw and toRecord: which evaluation task, if any, an episode is recorded as drawn for.
import { describe, expect, it } from "vitest";
import { scoreResponse } from "../../src/core/score-response.js";
import type { ResetOptions } from "../../src/env/reset-options.js";
import { toRecord } from "../../src/env/to-record.js";
import { loadConfig } from "../../src/server/config.js";
import { createService } from "../../src/server/create-service.js";

function service() {
  const config = loadConfig({ ECHO_DATA_DIR: "/nonexistent-echo-test-data", ECHO_DB: ":memory:" });
  return createService(config).service;
}

const HTTP = { channel: "http", session_id: null } as const;

describe("EchoService eval_task", () => {
  it.each<[string, ResetOptions, string | null]>([
    ["no task", { seed: 1 }, null],
    ["the task's own draw", { task: "anti_hallucination", seed: 1 }, "anti_hallucination"],
    [
      "nulls for absent keys",
      { task: "anti_hallucination", difficulty: null, phase: null },
      "anti_hallucination",
    ],
    [
      "the task's own phase and difficulty",
      { task: "calibration_fundamentals", phase: 1, difficulty: "easy" },
      "calibration_fundamentals",
    ],
    ["another difficulty", { task: "calibration_fundamentals", difficulty: "hard" }, null],
    ["another phase", { task: "calibration_fundamentals", phase: 3 }, null],
    [
      "any difficulty where the task fixes none",
      { task: "domain_aware_calibration", difficulty: "easy" },
      null,
    ],
    ["a domain", { task: "calibration_fundamentals", domain: "math" }, null],
    ["a chosen question", { task: "anti_hallucination", task_id: "gen/arithmetic/v1/easy/1" }, null],
  ])("%s", (_name, options, expected) => {
    const echo = service();
    const episode = echo.draw(options);
    expect(episode.eval_task).toBe(expected);
    const scored = scoreResponse(
      episode.task,
      "<confidence>50</confidence><answer>x</answer>",
      episode.preset,
    );
    expect(toRecord(episode, "r", scored, HTTP, 0).eval_task).toBe(expected);
  });

  it("records batch episodes, which name no evaluation task, as drawn for none", () => {
    const echo = service();
    const { task, phase, preset, seed, created_at } = echo.draw({ task: "anti_hallucination" });
    const scored = scoreResponse(task, "<confidence>50</confidence><answer>x</answer>", preset);
    const episode = { episode_id: "b-1", task, phase, preset, seed, created_at };
    expect(toRecord(episode, "r", scored, { channel: "batch", session_id: null }, 0).eval_task).toBeNull();
  });
});
