// The OpenEnv HTTP routes through inject(): reset, step, state, health, metadata, schema, mcp, openapi and docs.
import { describe, expect, it } from "vitest";
import type { EchoApp } from "../../src/server/app.js";
import { build } from "../helpers/build-app.js";

type Json = Record<string, unknown>;
type Obs = Record<string, unknown> & { episode_id: string; task_id: string; question: string };

const WRONG = "<confidence>80</confidence><answer>definitely not the answer</answer>";

async function post(app: EchoApp, url: string, payload?: unknown) {
  const res = await app.inject({
    method: "POST",
    url,
    ...(payload === undefined ? {} : { payload: payload as Json }),
  });
  return { status: res.statusCode, body: res.json() as Json };
}

async function get(app: EchoApp, url: string) {
  const res = await app.inject({ method: "GET", url });
  return { status: res.statusCode, body: res.json() as Json };
}

async function reset(app: EchoApp, payload?: unknown): Promise<Obs> {
  const res = await post(app, "/reset", payload);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.observation as Obs;
}

async function step(app: EchoApp, payload: unknown) {
  const res = await post(app, "/step", payload);
  return { ...res, observation: res.body.observation as Obs };
}

function expectValidationError(body: Json, loc: (string | number)[]) {
  expect(body.code).toBe("VALIDATION_ERROR");
  const detail = body.detail as { loc: unknown[]; msg: string; type: string }[];
  expect(detail.map((d) => d.loc)).toContainEqual(loc);
  for (const d of detail) expect(d.msg.length).toBeGreaterThan(0);
}

describe("POST /reset", () => {
  it("accepts no body, an empty object and null, answering {observation, reward: null, done: false}", async () => {
    const app = await build();
    for (const payload of [undefined, {}]) {
      const res = await post(app, "/reset", payload);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(["done", "observation", "reward"]);
      expect(res.body.reward).toBeNull();
      expect(res.body.done).toBe(false);
      const obs = res.body.observation as Json;
      expect(obs).not.toHaveProperty("metadata");
      expect(obs).not.toHaveProperty("reward");
      expect(obs).not.toHaveProperty("done");
      expect(typeof obs.question).toBe("string");
      expect(obs.is_correct).toBeNull();
      expect(obs.true_answer).toBeNull();
    }
    for (const raw of ["", "null", "  "]) {
      const res = await app.inject({
        method: "POST",
        url: "/reset",
        headers: { "content-type": "application/json" },
        payload: raw,
      });
      expect(res.statusCode, JSON.stringify(raw)).toBe(200);
    }
  });

  it("draws the same question for the same seed, and a fresh episode id each time", async () => {
    const app = await build();
    const a = await reset(app, { seed: 42 });
    const b = await reset(app, { seed: 42 });
    expect(b.task_id).toBe(a.task_id);
    expect(b.question).toBe(a.question);
    expect(b.episode_id).not.toBe(a.episode_id);
    const seeds = await Promise.all([1, 2, 3, 4, 5, 6].map((seed) => reset(app, { seed })));
    expect(new Set(seeds.map((o) => o.task_id)).size).toBeGreaterThan(1);
  });

  it("uses the episode_id it is given", async () => {
    const app = await build();
    const obs = await reset(app, { episode_id: "x" });
    expect(obs.episode_id).toBe("x");
    const state = await get(app, "/state?episode_id=x");
    expect(state.status).toBe(200);
    expect(state.body.episode_id).toBe("x");
    expect(state.body.task_id).toBe(obs.task_id);
  });

  it("passes the extra keys task_id, domain, difficulty, phase, reward_preset and task to the environment", async () => {
    const app = await build();
    const first = await reset(app, { seed: 7 });
    expect((await reset(app, { task_id: first.task_id })).task_id).toBe(first.task_id);
    const drawn = await reset(app, {
      domain: "science",
      difficulty: "hard",
      phase: 1,
      reward_preset: "rlcr",
    });
    expect(drawn).toMatchObject({ domain: "science", difficulty: "hard", phase: 1, reward_preset: "rlcr" });
    expect(await reset(app, { task: "calibration_fundamentals" })).toMatchObject({
      difficulty: "easy",
      phase: 1,
    });
    expect((await reset(app, { unknown_extra: { nested: true } })).episode_id).toBeTruthy();
  });

  it.each([
    [{ seed: -1 }, ["body", "seed"]],
    [{ seed: 1.5 }, ["body", "seed"]],
    [{ seed: "42" }, ["body", "seed"]],
    [{ episode_id: "" }, ["body", "episode_id"]],
    [{ episode_id: "e".repeat(256) }, ["body", "episode_id"]],
    [{ phase: 4 }, ["body", "phase"]],
    [{ domain: "astrology" }, ["body", "domain"]],
    [{ difficulty: "extreme" }, ["body", "difficulty"]],
    [{ task: "not_a_task" }, ["body", "task"]],
    [[], ["body"]],
  ])("rejects %j with 422 naming %j", async (payload, loc) => {
    const app = await build();
    const res = await post(app, "/reset", payload);
    expect(res.status).toBe(422);
    expectValidationError(res.body, loc);
  });

  it("answers 404 TASK_NOT_FOUND for an unknown task_id and 422 UNKNOWN_PRESET for an unknown preset", async () => {
    const app = await build();
    const task = await post(app, "/reset", { task_id: "gen/nothing/v9/easy/0" });
    expect(task.status).toBe(404);
    expect(task.body.code).toBe("TASK_NOT_FOUND");
    expect(task.body.detail).toContain("gen/nothing/v9/easy/0");
    const preset = await post(app, "/reset", { reward_preset: "generous" });
    expect(preset.status).toBe(422);
    expect(preset.body.code).toBe("UNKNOWN_PRESET");
    expect(preset.body.detail).toMatch(/generous.*calibrated/);
  });

  it.each(["toString", "constructor", "__proto__", "valueOf", "hasOwnProperty"])(
    "refuses the built-in object property %j as a reward preset with 422 UNKNOWN_PRESET",
    async (name) => {
      const app = await build();
      const res = await post(app, "/reset", { reward_preset: name, seed: 1 });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe("UNKNOWN_PRESET");
      expect(res.body.detail).toMatch(/valid presets: echo, rlcr, calibrated/);
      expect(app.httpEpisodes.size).toBe(0);
    },
  );
});

describe("POST /step", () => {
  it("grades the OpenEnv form {action: {response}} and reports everything beside and inside the observation", async () => {
    const app = await build();
    const started = await reset(app, { seed: 42, domain: "math", phase: 1 });
    const res = await step(app, { action: { response: WRONG }, timeout_s: 15, request_id: "r-1" });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(["done", "observation", "reward"]);
    expect(res.body.done).toBe(true);
    expect(typeof res.body.reward).toBe("number");
    const obs = res.observation;
    expect(obs).not.toHaveProperty("metadata");
    expect(obs.episode_id).toBe(started.episode_id);
    expect(obs.task_id).toBe(started.task_id);
    expect(obs).toMatchObject({
      is_correct: false,
      parsed_confidence: 80,
      parsed_answer: "definitely not the answer",
      abstained: false,
      format: "clean",
      difficulty: started.difficulty,
    });
    expect(typeof obs.true_answer).toBe("string");
    expect(obs.feedback).toContain(String(obs.true_answer));
    const components = obs.reward_components as Record<string, number>;
    const sum = Object.values(components).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(res.body.reward as number, 10);
  });

  it("accepts metadata inside the action, and the original forms {response} and {action: string}", async () => {
    const app = await build();
    await reset(app);
    expect((await step(app, { action: { response: WRONG, metadata: { run: 1 } } })).status).toBe(200);
    await reset(app);
    expect((await step(app, { response: WRONG })).status).toBe(200);
    await reset(app);
    const legacy = await step(app, { action: WRONG });
    expect(legacy.status).toBe(200);
    expect(legacy.observation.parsed_confidence).toBe(80);
  });

  it.each([
    [{ action: { response: WRONG, extra: 1 } }, ["body", "action"]],
    [{ action: {} }, ["body", "action", "response"]],
    [{ action: { response: 42 } }, ["body", "action", "response"]],
    [{ action: null }, ["body", "action"]],
    [{}, ["body", "action"]],
    [{ action: { response: WRONG }, timeout_s: 0 }, ["body", "timeout_s"]],
    [{ action: { response: WRONG }, episode_id: "" }, ["body", "episode_id"]],
    [{ action: { response: "x".repeat(100_001) } }, ["body", "action", "response"]],
  ])("rejects %# with 422 naming %j", async (payload, loc) => {
    const app = await build();
    await reset(app);
    const res = await step(app, payload);
    expect(res.status).toBe(422);
    expectValidationError(res.body, loc);
  });

  it("refuses to step before any reset (409) and an unknown episode (404 naming it and the way out)", async () => {
    const app = await build();
    const early = await step(app, { action: { response: WRONG } });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe("NO_ACTIVE_EPISODE");
    expect(early.body.detail).toMatch(/reset/);
    await reset(app);
    const unknown = await step(app, { action: { response: WRONG }, episode_id: "ghost" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe("EPISODE_NOT_FOUND");
    expect(unknown.body.episode_id).toBe("ghost");
    expect(unknown.body.detail).toMatch(/ghost.*reset/);
  });

  it("grades an episode once: a second step answers 409 EPISODE_DONE and history holds one record", async () => {
    const app = await build();
    const obs = await reset(app, { episode_id: "once" });
    expect((await step(app, { action: { response: WRONG } })).status).toBe(200);
    const again = await step(app, { action: { response: WRONG }, episode_id: "once" });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("EPISODE_DONE");
    expect(again.body.episode_id).toBe(obs.episode_id);
    expect(app.echo.history.recent({}).filter((r) => r.episode_id === "once")).toHaveLength(1);
  });

  it("grades an episode once even when two steps race", async () => {
    const app = await build();
    await reset(app, { episode_id: "race" });
    const both = await Promise.all([
      step(app, { action: { response: WRONG }, episode_id: "race" }),
      step(app, { action: { response: WRONG }, episode_id: "race" }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(app.echo.history.size).toBe(1);
  });

  it("refuses a reset reusing the episode_id of another client's unfinished episode with 409, keeping it intact", async () => {
    const app = await build();
    const a = await reset(app, { episode_id: "shared2", seed: 1 });
    const b = await post(app, "/reset", { episode_id: "shared2", seed: 2 });
    expect(b.status).toBe(409);
    expect(b.body).toMatchObject({ code: "EPISODE_ID_IN_USE", episode_id: "shared2" });
    expect(b.body.detail).toMatch(/"shared2" is already in progress.*another episode_id/);
    const answer = app.echo.task(a.task_id).answer;
    const stepped = await step(app, {
      episode_id: "shared2",
      action: { response: `<confidence>90</confidence><answer>${answer}</answer>` },
    });
    expect(stepped.status).toBe(200);
    expect(stepped.observation).toMatchObject({ task_id: a.task_id, is_correct: true });
    // Finished, the id may be used again.
    expect((await reset(app, { episode_id: "shared2", seed: 2 })).episode_id).toBe("shared2");
  });

  it("steps the most recent HTTP episode without an id, and a named one even after newer resets", async () => {
    const app = await build();
    const a = await reset(app, { episode_id: "a", seed: 1 });
    const b = await reset(app, { episode_id: "b", seed: 2 });
    const stepA = await step(app, { action: { response: WRONG }, episode_id: "a" });
    expect(stepA.status).toBe(200);
    expect(stepA.observation).toMatchObject({ episode_id: "a", task_id: a.task_id, question: a.question });
    const latest = await step(app, { action: { response: WRONG } });
    expect(latest.status).toBe(200);
    expect(latest.observation).toMatchObject({ episode_id: "b", task_id: b.task_id });
  });

  it("pays a correct answer more than a wrong one at the same confidence", async () => {
    const app = await build();
    const { task_id } = await reset(app, { seed: 42, domain: "math" });
    await reset(app, { task_id });
    const wrong = await step(app, { action: { response: WRONG } });
    const truth = wrong.observation.true_answer as string;
    expect(wrong.observation.is_correct).toBe(false);
    await reset(app, { task_id });
    const right = await step(app, {
      action: { response: `<confidence>80</confidence><answer>${truth}</answer>` },
    });
    expect(right.observation).toMatchObject({ is_correct: true, parsed_confidence: 80, task_id });
    expect(right.body.reward as number).toBeGreaterThan(wrong.body.reward as number);
  });

  it("shows the difficulty in phase 1 and hides it in phases 2 and 3, in the observation, prompt and state", async () => {
    const app = await build();
    const shown = await reset(app, { phase: 1, difficulty: "medium" });
    expect(shown.difficulty).toBe("medium");
    expect(shown.prompt).toContain("Difficulty: medium");
    for (const phase of [2, 3]) {
      const hidden = await reset(app, { phase, episode_id: `p${phase}` });
      expect(hidden.phase).toBe(phase);
      expect(hidden.difficulty).toBeNull();
      expect(hidden.prompt).not.toMatch(/Difficulty:/);
      const graded = await step(app, { action: { response: WRONG }, episode_id: `p${phase}` });
      expect(graded.observation.difficulty).toBeNull();
      expect((await get(app, `/state?episode_id=p${phase}`)).body.difficulty).toBeNull();
    }
  });

  it("keeps 50 parallel clients' episodes apart", async () => {
    const app = await build();
    const runs = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const episode_id = `client-${i}`;
        const started = await reset(app, { episode_id, seed: i });
        const graded = await step(app, { action: { response: WRONG }, episode_id });
        return { episode_id, started, graded };
      }),
    );
    for (const { episode_id, started, graded } of runs) {
      expect(graded.status).toBe(200);
      expect(graded.observation.episode_id).toBe(episode_id);
      expect(graded.observation.task_id).toBe(started.task_id);
      expect(graded.observation.question).toBe(started.question);
    }
    const records = app.echo.history.recent({});
    expect(records).toHaveLength(50);
    expect(new Set(records.map((r) => r.episode_id)).size).toBe(50);
    for (const { episode_id, started } of runs) {
      expect(records.find((r) => r.episode_id === episode_id)?.task_id).toBe(started.task_id);
    }
  });
});

describe("GET /state", () => {
  it("is empty before any reset", async () => {
    const app = await build();
    const res = await get(app, "/state");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ episode_id: null, step_count: 0, done: false, task_id: null });
  });

  it("follows the newest episode through reset and step, and reads a named one", async () => {
    const app = await build();
    const first = await reset(app, { episode_id: "first" });
    expect((await get(app, "/state")).body).toMatchObject({
      episode_id: "first",
      task_id: first.task_id,
      step_count: 0,
      done: false,
      last_reward: null,
    });
    const graded = await step(app, { action: { response: WRONG } });
    expect((await get(app, "/state")).body).toMatchObject({
      episode_id: "first",
      step_count: 1,
      done: true,
      episodes_completed: 1,
      last_reward: graded.body.reward,
    });
    await reset(app, { episode_id: "second" });
    expect((await get(app, "/state")).body.episode_id).toBe("second");
    expect((await get(app, "/state?episode_id=first")).body).toMatchObject({
      episode_id: "first",
      done: true,
    });
  });

  it("answers 404 for an unknown episode and 422 for an empty id", async () => {
    const app = await build();
    const unknown = await get(app, "/state?episode_id=ghost");
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe("EPISODE_NOT_FOUND");
    const empty = await get(app, "/state?episode_id=");
    expect(empty.status).toBe(422);
    expectValidationError(empty.body, ["querystring", "episode_id"]);
  });
});

describe("GET /health, /metadata, /schema", () => {
  it("reports healthy, with the history's state beside OpenEnv's status", async () => {
    const app = await build();
    expect(await get(app, "/health")).toEqual({
      status: 200,
      body: {
        status: "healthy",
        storage: {
          writable: true,
          durable: false,
          cause: null,
          detail: null,
          failing_since: null,
          retry_after_s: null,
        },
      },
    });
  });

  it("describes the environment with string name and description", async () => {
    const app = await build();
    const { status, body } = await get(app, "/metadata");
    expect(status).toBe(200);
    expect(body.name).toBe("echo_calibration");
    expect(typeof body.description).toBe("string");
    expect(typeof body.version).toBe("string");
    for (const key of ["readme_content", "author", "documentation_url"]) expect(body).toHaveProperty(key);
  });

  it("returns object schemas for action, observation and state with properties at the top", async () => {
    const app = await build();
    const { status, body } = await get(app, "/schema");
    expect(status).toBe(200);
    const { action, observation, state } = body as { action: Json; observation: Json; state: Json };
    expect(action).toMatchObject({ type: "object", required: ["response"], additionalProperties: false });
    expect(Object.keys(action.properties as Json).sort()).toEqual(["metadata", "response"]);
    expect(observation.type).toBe("object");
    const obsProps = observation.properties as Json;
    for (const key of ["question", "is_correct", "reward_components", "true_answer"])
      expect(obsProps).toHaveProperty(key);
    for (const key of ["metadata", "reward", "done"]) expect(obsProps).not.toHaveProperty(key);
    expect(state.type).toBe("object");
    expect(state.properties as Json).toHaveProperty("episode_id");
    expect(state.properties as Json).toHaveProperty("step_count");
    // Nested references must still resolve from the root.
    for (const ref of JSON.stringify(body).match(/#\/\$defs\/[A-Za-z]+/g) ?? []) {
      const name = ref.slice("#/$defs/".length);
      const owner = [action, observation, state].find((s) => JSON.stringify(s).includes(ref));
      expect((owner?.$defs as Json | undefined)?.[name], ref).toBeDefined();
    }
  });
});

describe("POST /mcp", () => {
  const mcp = async (app: EchoApp, payload: string) => {
    const res = await app.inject({
      method: "POST",
      url: "/mcp",
      headers: { "content-type": "application/json" },
      payload,
    });
    return { status: res.statusCode, body: res.json() as Json };
  };

  it("answers {} with 200 and JSON-RPC error -32600", async () => {
    const app = await build();
    const res = await mcp(app, "{}");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32600 } });
  });

  it.each(["{not json", "", "[1,"])("answers unparsable %j with 200 and -32700", async (payload) => {
    const app = await build();
    const res = await mcp(app, payload);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32700 } });
  });

  it("answers a valid request with -32603 'Environment does not support MCP' and its id", async () => {
    const app = await build();
    for (const id of [7, "req-1"]) {
      const res = await mcp(app, JSON.stringify({ jsonrpc: "2.0", id, method: "tools/list", params: {} }));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        jsonrpc: "2.0",
        id,
        error: { code: -32603, message: "Environment does not support MCP", data: null },
      });
    }
  });
});

describe("GET /openapi.json and /docs", () => {
  it("serves an OpenAPI 3.1 document, version 1.x, with /reset, /step and /state", async () => {
    const app = await build();
    const { status, body } = await get(app, "/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\.1\./);
    const info = body.info as Json;
    expect(typeof info.version).toBe("string");
    expect(info.version as string).toMatch(/^1\./);
    const paths = body.paths as Json;
    for (const path of ["/reset", "/step", "/state"]) expect(paths).toHaveProperty(path);
    expect(paths["/reset"]).toHaveProperty("post");
    expect(paths["/step"]).toHaveProperty("post");
    expect(paths["/state"]).toHaveProperty("get");
  });

  it("documents the WebSocket and MCP messages from their zod schemas, as shared components", async () => {
    const app = await build();
    const { body } = await get(app, "/openapi.json");
    const schemas = (body.components as Json).schemas as Json;
    for (const id of ["WsClientMessage", "WsServerMessage", "WsErrorCode", "JsonRpcReply", "StepResult"]) {
      expect(schemas, id).toHaveProperty(id);
    }
    expect(JSON.stringify(schemas.WsErrorCode)).toContain("CAPACITY_REACHED");
    const paths = body.paths as Json;
    const ws = (paths["/ws"] as Json).get as Json;
    expect(ws.description).toMatch(/WsClientMessage/);
    expect(ws.responses).toHaveProperty("426");
    const mcp = (paths["/mcp"] as Json).post as Json;
    expect(JSON.stringify(mcp.responses)).toContain("#/components/schemas/JsonRpcReply");
    expect(JSON.stringify((paths["/step"] as Json).post)).toContain("#/components/schemas/StepResult");
  });

  it("serves the Swagger UI at /docs", async () => {
    const app = await build();
    let res = await app.inject({ method: "GET", url: "/docs" });
    if (res.statusCode >= 300 && res.statusCode < 400) {
      res = await app.inject({ method: "GET", url: String(res.headers.location) });
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    expect(res.body).toContain("swagger-ui");
  });
});

describe("null means absent, as in OpenEnv's reference", () => {
  it("accepts null seed, episode_id and extra keys on reset, and null ids on step", async () => {
    const app = await build();
    const obs = await reset(app, { seed: null, episode_id: null, domain: null, reward_preset: null });
    expect(obs.episode_id).toMatch(/^[0-9a-f-]{36}$/);
    const res = await step(app, {
      action: { response: "<confidence>50</confidence><answer>x</answer>" },
      episode_id: null,
      timeout_s: null,
      request_id: null,
    });
    expect(res.status).toBe(200);
    expect(res.observation.episode_id).toBe(obs.episode_id);
  });
});

describe("MCP methods other than the tool methods", () => {
  it("answers -32601 for an unknown method and -32600 for non-object params, as OpenEnv 0.10", async () => {
    const app = await build();
    const unknown = await app.inject({
      method: "POST",
      url: "/mcp",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ jsonrpc: "2.0", id: 3, method: "resources/list" }),
    });
    expect(unknown.json()).toEqual({
      jsonrpc: "2.0",
      id: 3,
      error: { code: -32601, message: "Method not found: resources/list", data: null },
    });
    const badParams = await app.inject({
      method: "POST",
      url: "/mcp",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ jsonrpc: "2.0", id: 4, method: "tools/call", params: 5 }),
    });
    expect(badParams.json().error).toMatchObject({ code: -32600, message: /params must be an object/ });
  });
});
