// POST /reward through inject(): batch scoring in order, failed items, limits, presets and recording.
import { describe, expect, it } from "vitest";
import { scoreResponse } from "../../src/core/score-response.js";
import { MAX_RESPONSE_CHARS } from "../../src/env/observation.js";
import type { EchoApp } from "../../src/server/app.js";
import type { RewardReply } from "../../src/server/schemas/reward-batch.js";
import { build } from "../helpers/build-app.js";
import { says } from "../helpers/score-batch.js";

const A = "gen/arithmetic/v1/easy/3";
const B = "curated/creative/easy/001";

const answerOf = (app: EchoApp, id: string) => app.echo.task(id).answer;

async function reward(app: EchoApp, payload: unknown) {
  const res = await app.inject({ method: "POST", url: "/reward", payload: payload as object });
  return { status: res.statusCode, body: res.json() };
}

describe("POST /reward", () => {
  it("scores an empty batch as empty lists", async () => {
    const app = await build();
    const { status, body } = await reward(app, { items: [] });
    expect(status).toBe(200);
    expect(body).toEqual({ rewards: [], results: [], reward_preset: "calibrated", recorded: 0, groups: {} });
  });

  it("scores every item in order, the same as the environment would, with named components", async () => {
    const app = await build();
    const items = [
      { task_id: A, response: says(90, answerOf(app, A)) },
      { task_id: A, response: says(90, "-1") },
      { task_id: B, response: says(60, answerOf(app, B)) },
      { task_id: A, response: "no tags at all" },
    ];
    const { status, body } = await reward(app, { items, record: false });
    expect(status).toBe(200);
    const reply = body as RewardReply;
    const preset = app.echo.preset("calibrated");
    items.forEach((item, i) => {
      const scored = scoreResponse(app.echo.task(item.task_id), item.response, preset);
      expect(reply.rewards[i]).toBe(scored.reward.total);
      expect(reply.results[i]).toEqual({
        reward: scored.reward.total,
        components: scored.reward.components,
        is_correct: scored.grade.correct,
        score: scored.grade.score,
        parsed_confidence: scored.parsed.confidence,
        parsed_answer: scored.parsed.answer,
        abstained: scored.parsed.abstained,
        format: scored.parsed.format,
        grading_method: scored.grade.method,
        domain: app.echo.task(item.task_id).domain,
        difficulty: app.echo.task(item.task_id).difficulty,
        error: null,
      });
    });
    expect(reply.results.map((r) => r.is_correct)).toEqual([true, false, true, false]);
    expect(reply.results[2]?.domain).toBe("creative");
    expect(reply.results[3]?.format).not.toBe("clean");
  });

  it("fails only the item with an unknown task id: null reward, an error naming the id", async () => {
    const app = await build();
    const { status, body } = await reward(app, {
      items: [
        { task_id: A, response: says(80, answerOf(app, A)) },
        { task_id: "gen/arithmetic/v1/easy/nope", response: says(80, "4") },
        { task_id: "", response: "" },
        { task_id: A, response: says(80, answerOf(app, A)) },
      ],
    });
    expect(status).toBe(200);
    const reply = body as RewardReply;
    expect(reply.rewards[1]).toBeNull();
    expect(reply.rewards[2]).toBeNull();
    expect(reply.rewards[0]).toBeTypeOf("number");
    expect(reply.rewards[3]).toBe(reply.rewards[0]);
    expect(reply.results[1]?.error).toMatch(
      /no task with id "gen\/arithmetic\/v1\/easy\/nope".*GET \/questions/,
    );
    expect(reply.results[1]).toMatchObject({
      reward: null,
      components: null,
      is_correct: null,
      domain: null,
    });
    expect(reply.results[0]?.error).toBeNull();
    expect(reply.recorded).toBe(2);
  });

  it("refuses a batch over ECHO_MAX_BATCH with 413 naming the limit, and accepts one at the limit", async () => {
    const app = await build({ ECHO_MAX_BATCH: "2" });
    const item = { task_id: A, response: says(50, "1") };
    const over = await reward(app, { items: [item, item, item] });
    expect(over.status).toBe(413);
    expect(over.body.code).toBe("BATCH_TOO_LARGE");
    expect(over.body.detail).toMatch(/3 items.*at most 2.*ECHO_MAX_BATCH/);
    expect(over.body.max_batch).toBe(2);
    expect(app.echo.history.size).toBe(0);
    const at = await reward(app, { items: [item, item] });
    expect(at.status).toBe(200);
  });

  it("fails only the item whose response is over MAX_RESPONSE_CHARS, naming the limit; the rest are scored", async () => {
    const app = await build();
    const { status, body } = await reward(app, {
      items: [
        { task_id: A, response: says(70, answerOf(app, A)) },
        { task_id: A, response: "x".repeat(MAX_RESPONSE_CHARS + 1) },
        { task_id: A, response: `${says(70, answerOf(app, A))}${" ".repeat(MAX_RESPONSE_CHARS - 60)}` },
      ],
    });
    expect(status).toBe(200);
    expect(body.rewards[0]).toEqual(expect.any(Number));
    expect(body.rewards[1]).toBeNull();
    expect(body.rewards[2]).toEqual(expect.any(Number));
    expect(body.results[1]).toMatchObject({ reward: null, is_correct: null, domain: null });
    expect(body.results[1].error).toBe(
      `response is ${MAX_RESPONSE_CHARS + 1} characters long, over the limit of ${MAX_RESPONSE_CHARS} ` +
        "(MAX_RESPONSE_CHARS); this item is not scored",
    );
    expect(body.recorded).toBe(2);
    expect(app.echo.history.size).toBe(2);
  });

  it("refuses malformed bodies with 422 saying where", async () => {
    const app = await build();
    for (const [payload, loc] of [
      [{}, ["body", "items"]],
      [{ items: null }, ["body", "items"]],
      [{ items: [{ task_id: 7, response: "" }] }, ["body", "items", 0, "task_id"]],
      [{ items: [{ task_id: A }] }, ["body", "items", 0, "response"]],
      [{ items: [], record: "yes" }, ["body", "record"]],
    ] as const) {
      const { status, body } = await reward(app, payload);
      expect(status, JSON.stringify(payload)).toBe(422);
      expect(body.detail.map((d: { loc: unknown }) => d.loc)).toContainEqual(loc);
    }
  });

  it("pays with the named preset, and refuses an unknown one listing the valid names", async () => {
    const app = await build();
    const items = [{ task_id: A, response: says(0, "-1") }];
    const echo = await reward(app, { items, reward_preset: "echo", record: false });
    const calibrated = await reward(app, { items, record: false });
    expect(echo.body.reward_preset).toBe("echo");
    expect(echo.body.rewards[0]).not.toBe(calibrated.body.rewards[0]);
    const unknown = await reward(app, { items, reward_preset: "generous" });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: "UNKNOWN_PRESET" });
    expect(unknown.body.detail).toMatch(/echo, rlcr, calibrated/);
  });

  it.each(["toString", "constructor", "__proto__", "valueOf", "hasOwnProperty"])(
    "refuses the built-in object property %j as a preset with 422 UNKNOWN_PRESET, scoring nothing",
    async (name) => {
      const app = await build();
      const items = [{ task_id: A, response: says(70, answerOf(app, A)) }];
      const res = await reward(app, { items, reward_preset: name });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: "UNKNOWN_PRESET" });
      expect(res.body.detail).toMatch(/valid presets: echo, rlcr, calibrated/);
      expect(app.echo.history.size).toBe(0);
    },
  );

  it("records scored items in history and live metrics by default (channel batch)", async () => {
    const app = await build();
    const { body } = await reward(app, {
      items: [
        { task_id: A, response: says(70, answerOf(app, A)) },
        { task_id: "missing", response: "" },
        { task_id: B, response: says(40, "A") },
      ],
    });
    expect(body.recorded).toBe(2);
    expect(app.echo.history.size).toBe(2);
    const records = app.echo.history.recent({});
    expect(records.map((r) => [r.task_id, r.channel, r.session_id, r.reward])).toEqual([
      [A, "batch", null, body.rewards[0]],
      [B, "batch", null, body.rewards[2]],
    ]);
    expect(new Set(records.map((r) => r.episode_id)).size).toBe(2);
    expect(app.echo.live.running().episodes).toBe(2);
    expect(app.echo.curriculum.state().episodes_total).toBe(2);
  });

  it("leaves history, metrics and the curriculum untouched with record: false", async () => {
    const app = await build();
    const { body } = await reward(app, {
      items: [{ task_id: A, response: says(70, answerOf(app, A)) }],
      record: false,
    });
    expect(body.recorded).toBe(0);
    expect(app.echo.history.size).toBe(0);
    expect(app.echo.live.running().episodes).toBe(0);
    expect(app.echo.curriculum.state().episodes_total).toBe(0);
    const metrics = await app.inject({ method: "GET", url: "/metrics" });
    expect(metrics.json().count).toBe(0);
  });
});

describe("OpenAPI", () => {
  it("documents the trainer and people routes with their schemas", async () => {
    const app = await build();
    const doc = (await app.inject({ method: "GET", url: "/openapi.json" })).json();
    for (const path of [
      "/reward",
      "/rewards",
      "/questions",
      "/questions/{*}",
      "/tasks",
      "/tasks/{name}/score",
      "/metrics",
      "/metrics/{domain}",
      "/fingerprint",
      "/history",
      "/curriculum",
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(Object.keys(doc.paths["/curriculum"]).sort()).toEqual(["get", "post", "put"]);
    expect(JSON.stringify(doc.paths["/reward"].post)).toMatch(/ECHO_MAX_BATCH/);
  });
});
