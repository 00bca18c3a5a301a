// OpenEnv conformance over a real socket on 127.0.0.1: `openenv validate --url` ported check for check from
// OpenEnv's cli/_validation.py, the spec's route table, and the HTTP client's reset/step/state sequence.
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type EchoApp } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/config.js";
import { createService } from "../../src/server/create-service.js";

type Json = Record<string, unknown>;
interface Criterion {
  id: string;
  passed: boolean;
  actual?: unknown;
}
interface ValidationReport {
  passed: boolean;
  standard_profile: string;
  mode: string;
  criteria: Criterion[];
}

const isDict = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Python's `response.json()`: the parsed body, or null where requests would raise ValueError. */
async function jsonOrNull(res: Response): Promise<unknown> {
  try {
    return JSON.parse(await res.text());
  } catch {
    return null;
  }
}

/** `validate_running_environment(base_url, timeout_s=5.0)`: the same requests and the same six checks. */
async function validateRunningEnvironment(base: string, timeoutMs = 5000): Promise<ValidationReport> {
  const criteria: Criterion[] = [];
  const call = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    return { status: res.status, json: await jsonOrNull(res) };
  };
  const check = async (
    id: string,
    request: () => ReturnType<typeof call>,
    ok: (r: Awaited<ReturnType<typeof call>>) => boolean,
  ) => {
    try {
      const r = await request();
      criteria.push({ id, passed: ok(r), actual: r });
      return r;
    } catch (error) {
      criteria.push({ id, passed: false, actual: String(error) });
      return null;
    }
  };

  let apiVersion = "unknown";
  let paths: unknown = {};
  const openapi = await check(
    "openapi_version_available",
    () => call("/openapi.json"),
    (r) =>
      r.status === 200 && isDict(r.json) && isDict(r.json.info) && typeof r.json.info.version === "string",
  );
  if (openapi && criteria[0]?.passed && isDict(openapi.json) && isDict(openapi.json.info)) {
    apiVersion = String(openapi.json.info.version);
    paths = openapi.json.paths ?? {};
  }
  await check(
    "health_endpoint",
    () => call("/health"),
    (r) => r.status === 200 && isDict(r.json) && r.json.status === "healthy",
  );
  await check(
    "metadata_endpoint",
    () => call("/metadata"),
    (r) =>
      r.status === 200 &&
      isDict(r.json) &&
      typeof r.json.name === "string" &&
      typeof r.json.description === "string",
  );
  await check(
    "schema_endpoint",
    () => call("/schema"),
    (r) =>
      r.status === 200 &&
      isDict(r.json) &&
      isDict(r.json.action) &&
      isDict(r.json.observation) &&
      isDict(r.json.state),
  );
  // requests.post(url, json={}) sends the body "{}" with Content-Type: application/json.
  await check(
    "mcp_endpoint",
    () => call("/mcp", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
    (r) => r.status === 200 && isDict(r.json) && r.json.jsonrpc === "2.0",
  );

  let mode = "unknown";
  if (isDict(paths) && Object.keys(paths).length > 0) {
    const hasReset = paths["/reset"] !== undefined;
    const hasStep = paths["/step"] !== undefined;
    const hasState = paths["/state"] !== undefined;
    mode = hasReset ? "simulation" : "production";
    const ok = hasReset ? hasStep && hasState : !hasStep && !hasState;
    criteria.push({ id: "mode_endpoint_consistency", passed: ok, actual: { hasReset, hasStep, hasState } });
  } else {
    criteria.push({ id: "mode_endpoint_consistency", passed: false, actual: "no OpenAPI paths" });
  }

  return {
    passed: criteria.every((c) => c.passed),
    standard_profile: apiVersion.startsWith("1.") ? "openenv-http/1.x" : "openenv-http/unknown",
    mode,
    criteria,
  };
}

const CRITERIA = [
  "openapi_version_available",
  "health_endpoint",
  "metadata_endpoint",
  "schema_endpoint",
  "mcp_endpoint",
  "mode_endpoint_consistency",
];

let app: EchoApp;
let base: string;

beforeAll(async () => {
  const config = loadConfig({ ECHO_DATA_DIR: "/nonexistent-echo-test-data", ECHO_DB: ":memory:" });
  app = await buildApp({ config, service: createService(config).service, validateResponses: true });
  base = await app.listen({ host: "127.0.0.1", port: 0 });
});

afterAll(async () => {
  await app?.close();
});

async function send(path: string, method = "GET", body?: unknown) {
  const init: RequestInit = { method, signal: AbortSignal.timeout(10_000) };
  if (body !== undefined) {
    init.headers = { "content-type": "application/json" };
    init.body = typeof body === "string" ? body : JSON.stringify(body);
  }
  const res = await fetch(`${base}${path}`, init);
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    body: (await jsonOrNull(res)) as Json,
  };
}

describe("openenv validate --url", () => {
  it("passes every criterion under the openenv-http/1.x profile in simulation mode", async () => {
    const report = await validateRunningEnvironment(base);
    expect(report.criteria.map((c) => c.id)).toEqual(CRITERIA);
    for (const c of report.criteria) expect(c.passed, `${c.id}: ${JSON.stringify(c.actual)}`).toBe(true);
    expect(report).toMatchObject({ passed: true, standard_profile: "openenv-http/1.x", mode: "simulation" });
  });

  it("fails a server that gets the checklist wrong (the port can tell the difference)", async () => {
    const broken = Fastify();
    broken.get("/openapi.json", async () => ({
      openapi: "3.1.0",
      info: { version: 2 },
      paths: { "/reset": {} },
    }));
    broken.get("/health", async () => ({ status: "ok" }));
    broken.get("/metadata", async () => ({ name: "x" }));
    broken.get("/schema", async () => ({ action: {}, observation: {}, state: "none" }));
    try {
      const report = await validateRunningEnvironment(await broken.listen({ host: "127.0.0.1", port: 0 }));
      expect(report.passed).toBe(false);
      expect(report.criteria.filter((c) => !c.passed).map((c) => c.id)).toEqual([
        "openapi_version_available",
        "health_endpoint",
        "metadata_endpoint",
        "schema_endpoint",
        "mcp_endpoint",
        "mode_endpoint_consistency",
      ]);
    } finally {
      await broken.close();
    }
  });
});

describe("the spec's route table, over the socket", () => {
  it("POST /reset with {} and with no body answers {observation, reward, done} with nothing inside but fields", async () => {
    for (const res of [await send("/reset", "POST", {}), await send("/reset", "POST")]) {
      expect(res.status).toBe(200);
      expect(res.type).toMatch(/^application\/json/);
      expect(Object.keys(res.body).sort()).toEqual(["done", "observation", "reward"]);
      expect(res.body).toMatchObject({ reward: null, done: false });
      for (const key of ["metadata", "reward", "done"]) expect(res.body.observation).not.toHaveProperty(key);
    }
  });

  it("POST /reset takes seed, episode_id and extra keys; rejects a bad seed with a 422 detail list", async () => {
    const ok = await send("/reset", "POST", { seed: 3, episode_id: "conf-extra", phase: 2, anything: [1] });
    expect(ok.status).toBe(200);
    expect(ok.body.observation).toMatchObject({ episode_id: "conf-extra", phase: 2 });
    const bad = await send("/reset", "POST", { seed: -1 });
    expect(bad.status).toBe(422);
    const detail = bad.body.detail as Json[];
    expect(detail[0]).toMatchObject({ loc: ["body", "seed"] });
    expect(typeof detail[0]?.type).toBe("string");
    expect(typeof detail[0]?.msg).toBe("string");
  });

  it("POST /step takes timeout_s, request_id and extra keys, allows metadata in the action, rejects unknown keys in it", async () => {
    await send("/reset", "POST", { episode_id: "conf-step" });
    const unknown = await send("/step", "POST", {
      action: { response: "x", tool: "y" },
      episode_id: "conf-step",
    });
    expect(unknown.status).toBe(422);
    expect((unknown.body.detail as Json[])[0]).toMatchObject({ loc: ["body", "action"] });
    const ok = await send("/step", "POST", {
      action: { response: "<confidence>60</confidence><answer>42</answer>", metadata: {} },
      episode_id: "conf-step",
      timeout_s: 15,
      request_id: "req-1",
      render: false,
    });
    expect(ok.status).toBe(200);
    expect(Object.keys(ok.body).sort()).toEqual(["done", "observation", "reward"]);
    expect(typeof ok.body.reward).toBe("number");
    expect(ok.body.done).toBe(true);
    expect(ok.body.observation).not.toHaveProperty("metadata");
  });

  it("answers malformed JSON with 422 json_invalid", async () => {
    const res = await send("/step", "POST", '{"action": ');
    expect(res.status).toBe(422);
    expect((res.body.detail as Json[])[0]).toMatchObject({ type: "json_invalid" });
  });

  it("GET /state, /metadata, /health and /schema have the spec's shapes", async () => {
    const state = await send("/state");
    expect(state.status).toBe(200);
    expect(state.body.episode_id === null || typeof state.body.episode_id === "string").toBe(true);
    expect(Number.isInteger(state.body.step_count) && (state.body.step_count as number) >= 0).toBe(true);
    const meta = await send("/metadata");
    for (const key of ["name", "description", "readme_content", "version", "author", "documentation_url"]) {
      expect(meta.body[key] === null || typeof meta.body[key] === "string", key).toBe(true);
    }
    expect((await send("/health")).body).toMatchObject({ status: "healthy" });
    const schema = await send("/schema");
    for (const key of ["action", "observation", "state"]) expect(isDict(schema.body[key])).toBe(true);
  });

  it("POST /mcp always answers HTTP 200 JSON-RPC: -32600, -32700, and -32603 with the request's id", async () => {
    const invalid = await send("/mcp", "POST", {});
    expect(invalid).toMatchObject({
      status: 200,
      body: { jsonrpc: "2.0", id: null, error: { code: -32600 } },
    });
    const unparsable = await send("/mcp", "POST", "{oops");
    expect(unparsable).toMatchObject({
      status: 200,
      body: { jsonrpc: "2.0", id: null, error: { code: -32700 } },
    });
    const valid = await send("/mcp", "POST", { jsonrpc: "2.0", id: 11, method: "tools/list", params: {} });
    expect(valid.status).toBe(200);
    expect(valid.body).toEqual({
      jsonrpc: "2.0",
      id: 11,
      error: { code: -32603, message: "Environment does not support MCP", data: null },
    });
  });

  it("serves /openapi.json (3.1, version 1.x, /reset /step /state) and /docs as HTML", async () => {
    const doc = await send("/openapi.json");
    expect(doc.body.openapi).toMatch(/^3\.1\./);
    expect((doc.body.info as Json).version).toMatch(/^1\./);
    for (const p of ["/reset", "/step", "/state"]) expect(doc.body.paths as Json).toHaveProperty(p);
    const docs = await fetch(`${base}/docs`, { signal: AbortSignal.timeout(10_000) });
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-type")).toMatch(/text\/html/);
    expect(await docs.text()).toContain("swagger-ui");
  });
});

describe("the HTTP client's sequence", () => {
  // OpenEnv's HTTP client: POST /reset json={}, POST /step {"action": ..., "timeout_s": int(timeout)}, GET /state.
  it("reset, step, state as one episode, parsed the way GenericEnvClient parses results", async () => {
    const r = await send("/reset", "POST", {});
    const first = {
      observation: r.body.observation ?? {},
      reward: r.body.reward ?? null,
      done: r.body.done ?? false,
    };
    expect(first).toMatchObject({ reward: null, done: false });
    const episodeId = (first.observation as Json).episode_id;
    const s = await send("/step", "POST", {
      action: { response: "<confidence>70</confidence><answer>4</answer>" },
      timeout_s: 15,
    });
    expect(s.status).toBe(200);
    expect((s.body.observation as Json).episode_id).toBe(episodeId);
    expect(s.body).toMatchObject({ done: true });
    const state = await send("/state");
    expect(state.body).toMatchObject({
      episode_id: episodeId,
      step_count: 1,
      done: true,
      last_reward: s.body.reward,
    });
  });

  it("accepts a typed Action's model_dump(), which always carries metadata: {}", async () => {
    await send("/reset", "POST", {});
    const s = await send("/step", "POST", {
      action: { response: "<confidence>10</confidence><answer>I don't know</answer>", metadata: {} },
      timeout_s: 15,
    });
    expect(s.status).toBe(200);
    expect((s.body.observation as Json).abstained).toBe(true);
  });

  it("works the curl way: POST /reset with no body, then POST /step with the original {response} form", async () => {
    const reset = await fetch(`${base}/reset`, { method: "POST", signal: AbortSignal.timeout(10_000) });
    expect(reset.status).toBe(200);
    const { observation } = (await reset.json()) as { observation: Json };
    const step = await send("/step", "POST", { response: "<confidence>50</confidence><answer>x</answer>" });
    expect(step.status).toBe(200);
    expect((step.body.observation as Json).episode_id).toBe(observation.episode_id);
  });

  it("keeps 50 concurrent socket clients, each with its own episode_id, apart", async () => {
    const runs = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const episode_id = `socket-${i}`;
        const reset = await send("/reset", "POST", { episode_id, seed: 1000 + i });
        const step = await send("/step", "POST", {
          action: { response: "<confidence>30</confidence><answer>nope</answer>" },
          episode_id,
          timeout_s: 15,
        });
        return { episode_id, reset, step };
      }),
    );
    for (const { episode_id, reset, step } of runs) {
      expect(step.status).toBe(200);
      const before = reset.body.observation as Json;
      const after = step.body.observation as Json;
      expect(after.episode_id).toBe(episode_id);
      expect(after.task_id).toBe(before.task_id);
      expect(after.question).toBe(before.question);
    }
  });
});
