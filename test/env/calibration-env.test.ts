// CalibrationEnv without a server: reset, step and state; a finished episode refuses a second step; a record
// the history cannot store leaves the episode open for the same step.
import { describe, expect, it } from "vitest";
import { getPreset } from "../../src/core/reward/presets.js";
import { scoreResponse } from "../../src/core/score-response.js";
import { CalibrationEnv } from "../../src/env/calibration-env.js";
import { EchoService } from "../../src/env/echo-service.js";
import type { EchoError } from "../../src/env/errors.js";
import { MemoryHistory } from "../../src/store/memory-history.js";
import { loadBank } from "../../src/tasks/load-bank.js";
import { FaultyHistory } from "../helpers/faulty-history.js";

const TASK_ID = "gen/arithmetic/v1/easy/3";
const { bank } = loadBank("/nonexistent-echo-test-data");

function setUp(history = new FaultyHistory(new MemoryHistory())) {
  let ids = 0;
  const service = new EchoService({ bank, history, clock: () => 5_000, newId: () => `id-${++ids}` });
  const env = new CalibrationEnv(service, "s-1", "ws");
  const answer = service.task(TASK_ID).answer;
  return { service, env, history, right: `<confidence>80</confidence><answer>${answer}</answer>` };
}

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
  } catch (error) {
    return (error as EchoError).code;
  }
  return null;
}

describe("CalibrationEnv", () => {
  it("refuses a step before any reset", async () => {
    const { env } = setUp();
    expect(await codeOf(env.step({ response: "<confidence>50</confidence><answer>1</answer>" }))).toBe(
      "NO_ACTIVE_EPISODE",
    );
    expect(env.state()).toMatchObject({ episode_id: null, step_count: 0, done: false, session_id: "s-1" });
  });

  it("resets to the question alone: prompt shown, no verdict, no reward", () => {
    const { env } = setUp();
    const result = env.reset({ task_id: TASK_ID, phase: 1 });
    expect(result).toMatchObject({ reward: null, done: false });
    const { observation } = result;
    expect(observation).toMatchObject({
      episode_id: "id-1",
      task_id: TASK_ID,
      difficulty: "easy",
      phase: 1,
      reward_preset: "calibrated",
      is_correct: null,
      true_answer: null,
      feedback: null,
      reward_components: null,
    });
    expect(observation.prompt).toContain(observation.question);
    expect(observation.calibration.episodes).toBe(0);
    expect(env.state()).toMatchObject({
      episode_id: "id-1",
      task_id: TASK_ID,
      step_count: 0,
      done: false,
      episodes_completed: 0,
      last_reward: null,
    });
  });

  it("steps: scores as core does, stores the record, counts it, and ends the episode", async () => {
    const { env, service, history, right } = setUp();
    const reset = env.reset({ task_id: TASK_ID, phase: 1 });
    const result = await env.step({ response: right });
    const expected = scoreResponse(service.task(TASK_ID), right, getPreset("calibrated"));
    expect(result.done).toBe(true);
    expect(result.reward).toBe(expected.reward.total);
    expect(result.observation).toMatchObject({
      episode_id: "id-1",
      is_correct: true,
      parsed_confidence: 80,
      format: "clean",
      reward_components: expected.reward.components,
      true_answer: service.task(TASK_ID).answer,
      calibration: { episodes: 1 },
    });
    // The step shows the prompt the reset built.
    expect(result.observation.prompt).toBe(reset.observation.prompt);
    expect(result.observation.messages).toEqual(reset.observation.messages);
    const [record] = history.recent({});
    expect(record).toMatchObject({
      episode_id: "id-1",
      channel: "ws",
      session_id: "s-1",
      task_id: TASK_ID,
      reward: expected.reward.total,
      created_at: 5_000,
      graded_at: 5_000,
    });
    expect(service.curriculum.state().episodes_total).toBe(1);
    expect(env.state()).toMatchObject({ done: true, step_count: 1, episodes_completed: 1 });
    expect(env.state().last_reward).toBe(expected.reward.total);
  });

  it("refuses to step a finished episode, and stores nothing more", async () => {
    const { env, history, right } = setUp();
    env.reset({ task_id: TASK_ID });
    await env.step({ response: right });
    expect(await codeOf(env.step({ response: right }))).toBe("EPISODE_DONE");
    expect(history.size).toBe(1);
    expect(env.state()).toMatchObject({ step_count: 1, episodes_completed: 1 });
  });

  it("refuses a second step sent while the first is still being stored", async () => {
    const { env, history, right } = setUp();
    env.reset({ task_id: TASK_ID });
    const first = env.step({ response: right });
    const second = codeOf(env.step({ response: right }));
    await first;
    expect(await second).toBe("EPISODE_DONE");
    expect(history.size).toBe(1);
  });

  it("keeps the episode open when the store fails, and takes the same step once it heals", async () => {
    const { env, service, history, right } = setUp();
    env.reset({ task_id: TASK_ID });
    history.inject("disk_full");
    expect(await codeOf(env.step({ response: right }))).toBe("STORAGE_UNAVAILABLE");
    expect(env.state()).toMatchObject({
      done: false,
      step_count: 0,
      episodes_completed: 0,
      last_reward: null,
    });
    expect(service.live.running().episodes).toBe(0);
    expect(service.curriculum.state().episodes_total).toBe(0);

    history.inject(null);
    const result = await env.step({ response: right });
    expect(result).toMatchObject({ done: true, observation: { is_correct: true } });
    expect(history.size).toBe(1);
    expect(service.live.running().episodes).toBe(1);
  });

  it("starts a fresh episode on the next reset, keeping the session's count", async () => {
    const { env, right } = setUp();
    env.reset({ task_id: TASK_ID });
    await env.step({ response: right });
    const next = env.reset({ seed: 7 });
    expect(next.observation.episode_id).toBe("id-2");
    expect(env.state()).toMatchObject({
      episode_id: "id-2",
      done: false,
      step_count: 0,
      episodes_completed: 1,
    });
    expect(env.state().last_reward).toBeNull();
  });
});
