// GET /tasks and /tasks/{name}/score through inject(): definitions, scores over the episodes drawn for a task
// (per session or everyone's), unknown names.
import { describe, expect, it } from "vitest";
import { outcomeOf } from "../../src/core/episode-record.js";
import { computeMetrics } from "../../src/core/metrics/compute-metrics.js";
import { fingerprintOf } from "../../src/core/metrics/fingerprint.js";
import { scoreResponse } from "../../src/core/score-response.js";
import { EVAL_TASK_NAMES, type EvalTaskName } from "../../src/core/taxonomy.js";
import { EVAL_TASKS, scoreEvalTask } from "../../src/env/eval-tasks.js";
import { toRecord } from "../../src/env/to-record.js";
import type { EchoApp } from "../../src/server/app.js";
import { build } from "../helpers/build-app.js";

async function get(app: EchoApp, url: string) {
  const res = await app.inject({ method: "GET", url });
  return { status: res.statusCode, body: res.json() };
}

/** Records n WebSocket episodes of a session drawn for `evalTask`, all right or all wrong at confidence 95. */
async function recordSession(
  app: EchoApp,
  session: string,
  n: number,
  right: boolean,
  evalTask: EvalTaskName | null = "calibration_fundamentals",
) {
  const preset = app.echo.preset(undefined);
  const records = Array.from({ length: n }, (_, i) => {
    const task = app.echo.task(`gen/arithmetic/v1/easy/${i}`);
    const response = `<confidence>95</confidence><answer>${right ? task.answer : "-1"}</answer>`;
    const scored = scoreResponse(task, response, preset);
    const episode = {
      episode_id: `${session}-${i}`,
      task,
      phase: 1,
      preset,
      seed: null,
      eval_task: evalTask,
      created_at: 0,
    };
    return toRecord(episode, response, scored, { channel: "ws", session_id: session }, app.echo.clock());
  });
  await app.echo.record(records);
  return records;
}

describe("GET /tasks", () => {
  it("lists the three evaluation tasks with their thresholds", async () => {
    const app = await build();
    const { status, body } = await get(app, "/tasks");
    expect(status).toBe(200);
    expect(body.tasks.map((t: { name: string }) => t.name)).toEqual([...EVAL_TASK_NAMES]);
    expect(body.tasks[0]).toEqual(EVAL_TASKS.calibration_fundamentals);
    expect(body.tasks[2].criteria).toContainEqual({ metric: "hallucination_rate", op: "<=", threshold: 0.1 });
  });
});

describe("GET /tasks/{name}/score", () => {
  it("scores nothing as not passed before any episode", async () => {
    const app = await build();
    const { status, body } = await get(app, "/tasks/calibration_fundamentals/score");
    expect(status).toBe(200);
    expect(body).toMatchObject({ task: "calibration_fundamentals", episodes: 0, passed: false });
    expect(body.criteria.map((c: { value: unknown }) => c.value)).toEqual([null, null]);
  });

  it("scores one session's episodes, or every episode drawn for the task without a session", async () => {
    const app = await build();
    const good = await recordSession(app, "good", 50, true, "anti_hallucination");
    const bad = await recordSession(app, "bad", 10, false, "anti_hallucination");
    await recordSession(app, "other", 20, true);
    const mine = (await get(app, "/tasks/anti_hallucination/score?session=good")).body;
    const goodMetrics = computeMetrics(good.map(outcomeOf));
    expect(mine).toMatchObject({ episodes: 50, passed: true });
    expect(mine.criteria[2]).toMatchObject({ metric: "ece", value: goodMetrics.ece, passed: true });
    const theirs = (await get(app, "/tasks/anti_hallucination/score?session=bad")).body;
    expect(theirs).toMatchObject({ episodes: 10, passed: false });
    const everyone = (await get(app, "/tasks/anti_hallucination/score")).body;
    const all = [...good, ...bad].map(outcomeOf);
    const expected = scoreEvalTask(
      EVAL_TASKS.anti_hallucination,
      computeMetrics(all),
      fingerprintOf({ math: computeMetrics(all) }),
    );
    expect(everyone).toEqual(expected);
    expect(everyone.criteria[0]).toMatchObject({ metric: "hallucination_rate", value: 1, passed: false });
    const nobody = (await get(app, "/tasks/domain_aware_calibration/score?session=nobody")).body;
    expect(nobody.episodes).toBe(0);
  });

  it("counts only episodes drawn for the task: easy questions cannot pass anti_hallucination", async () => {
    const app = await build();
    await recordSession(app, "cheat", 60, true, null);
    await recordSession(app, "cheat", 60, true, "calibration_fundamentals");
    const anti = (await get(app, "/tasks/anti_hallucination/score?session=cheat")).body;
    expect(anti).toMatchObject({ task: "anti_hallucination", episodes: 0, passed: false });
    expect((await get(app, "/tasks/anti_hallucination/score")).body.episodes).toBe(0);
    const fundamentals = (await get(app, "/tasks/calibration_fundamentals/score?session=cheat")).body;
    expect(fundamentals).toMatchObject({ episodes: 60, passed: true });
  });

  it("scores HTTP episodes reset drew for the task, not those whose draw was overridden", async () => {
    const app = await build();
    const play = async (reset: Record<string, unknown>) => {
      expect((await app.inject({ method: "POST", url: "/reset", payload: reset })).statusCode).toBe(200);
      const step = await app.inject({
        method: "POST",
        url: "/step",
        payload: { action: { response: "<confidence>60</confidence><answer>4</answer>" } },
      });
      expect(step.statusCode).toBe(200);
    };
    for (let seed = 0; seed < 3; seed++) await play({ task: "calibration_fundamentals", seed });
    await play({ task: "calibration_fundamentals", phase: 1, difficulty: "easy" }); // the task's own draw
    await play({ task: "calibration_fundamentals", difficulty: "hard" });
    await play({ task: "calibration_fundamentals", domain: "math" });
    await play({ task: "calibration_fundamentals", task_id: "gen/arithmetic/v1/easy/1" });
    await play({ seed: 9 });
    const score = (await get(app, "/tasks/calibration_fundamentals/score")).body;
    expect(score).toMatchObject({ episodes: 4, passed: false });
    const history = (await get(app, "/history?eval_task=calibration_fundamentals")).body;
    expect(history.total).toBe(4);
    expect(history.items[0]).toMatchObject({ eval_task: "calibration_fundamentals", difficulty: "easy" });
    const others = (await get(app, "/history")).body.items.slice(0, 4);
    expect(others.map((r: { eval_task: unknown }) => r.eval_task)).toEqual([null, null, null, null]);
  });

  it("answers 404 UNKNOWN_EVAL_TASK listing the valid names", async () => {
    const app = await build();
    const { status, body } = await get(app, "/tasks/pass_the_bar/score");
    expect(status).toBe(404);
    expect(body.code).toBe("UNKNOWN_EVAL_TASK");
    expect(body.detail).toMatch(
      /"pass_the_bar".*calibration_fundamentals, domain_aware_calibration, anti_hallucination/,
    );
    expect(body.valid).toEqual([...EVAL_TASK_NAMES]);
  });

  it("refuses an empty or overlong session with 422", async () => {
    const app = await build();
    expect((await get(app, "/tasks/anti_hallucination/score?session=")).status).toBe(422);
    const long = "s".repeat(256);
    expect((await get(app, `/tasks/anti_hallucination/score?session=${long}`)).status).toBe(422);
  });
});
