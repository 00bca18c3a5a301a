// The bench's own parts, checked small and fast (the bench itself is `npm run bench`, not a test): the
// synthetic Hub cache loads as the real format, simulated answers grade as intended, and the minimal HTTP and
// WebSocket clients speak their protocols correctly against a real Fastify server on 127.0.0.1.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import websocket from "@fastify/websocket";
import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { KeepAliveConnection } from "../../bench/http-client.js";
import { writeHubFixture } from "../../bench/hub-fixture.js";
import { responseFor } from "../../bench/responses.js";
import { LatencyRecorder } from "../../bench/stats.js";
import { RawWebSocket } from "../../bench/ws-client.js";
import { getPreset } from "../../src/core/reward/presets.js";
import { createRng } from "../../src/core/rng.js";
import { scoreResponse } from "../../src/core/score-response.js";
import { loadCachedHubTasks } from "../../src/tasks/sources/hub/load-cached.js";

const dirs: string[] = [];
const apps: FastifyInstance[] = [];

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function listening(): Promise<{ app: FastifyInstance; port: number }> {
  const app = Fastify();
  await app.register(websocket);
  app.post("/echo", async (request) => request.body);
  app.get("/big", async () => ({ text: "x".repeat(200_000) }));
  app.get("/ws", { websocket: true }, (socket) => {
    socket.on("message", (data) => socket.send(data.toString()));
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  apps.push(app);
  const address = app.server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  return { app, port: address.port };
}

describe("the synthetic Hub cache", () => {
  it("loads through the real loader: per domain x difficulty buckets, valid tasks, no warnings", () => {
    const dir = mkdtempSync(join(tmpdir(), "echo-bench-fixture-"));
    dirs.push(dir);
    expect(writeHubFixture(dir, 4)).toBe(60);
    const { tasks, warnings } = loadCachedHubTasks(dir);
    expect(warnings).toEqual([]);
    expect(tasks).toHaveLength(60);
    const buckets = new Map<string, number>();
    for (const task of tasks)
      buckets.set(
        `${task.domain}/${task.difficulty}`,
        (buckets.get(`${task.domain}/${task.difficulty}`) ?? 0) + 1,
      );
    expect(buckets.size).toBe(15);
    expect([...buckets.values()].every((n) => n === 4)).toBe(true);
  });

  it("gives the same files for the same size", () => {
    const [a, b] = [
      mkdtempSync(join(tmpdir(), "echo-bench-a-")),
      mkdtempSync(join(tmpdir(), "echo-bench-b-")),
    ];
    dirs.push(a, b);
    writeHubFixture(a, 3);
    writeHubFixture(b, 3);
    expect(loadCachedHubTasks(a).tasks).toEqual(loadCachedHubTasks(b).tasks);
  });
});

describe("simulated responses", () => {
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), "echo-bench-answers-"));
    dirs.push(d);
    writeHubFixture(d, 10);
    return loadCachedHubTasks(d).tasks;
  };
  const preset = getPreset("calibrated");

  it("grade right when told to answer right, and never right when told to answer wrong", () => {
    const tasks = dir();
    const rng = createRng(7);
    for (const task of tasks) {
      expect(scoreResponse(task, responseFor(task, rng, { correct: 1 }), preset).grade.correct).toBe(true);
      expect(scoreResponse(task, responseFor(task, rng, { correct: 0 }), preset).grade.correct).toBe(false);
    }
  });

  it("are short tags only when asked, and parse cleanly either way", () => {
    const tasks = dir();
    const rng = createRng(8);
    for (const task of tasks) {
      const short = responseFor(task, rng, { short: true });
      expect(short).toMatch(/^<confidence>\d+<\/confidence><answer>[^<]*<\/answer>$/);
      expect(scoreResponse(task, responseFor(task, rng), preset).parsed.format).toBe("clean");
    }
  });
});

describe("KeepAliveConnection", () => {
  it("sends several requests over one connection and reads bodies split across reads", async () => {
    const { port } = await listening();
    const conn = await KeepAliveConnection.open("127.0.0.1", port);
    try {
      for (let n = 0; n < 5; n++) {
        const reply = await conn.request("POST", "/echo", JSON.stringify({ n, text: "é".repeat(n * 100) }));
        expect(reply.status).toBe(200);
        expect(JSON.parse(reply.body.toString("utf8"))).toEqual({ n, text: "é".repeat(n * 100) });
      }
      const big = await conn.request("GET", "/big");
      expect(big.status).toBe(200);
      expect(big.body.length).toBe(200_011);
      expect((await conn.request("GET", "/missing")).status).toBe(404);
    } finally {
      conn.close();
    }
  });

  it("refuses a second request while one is in flight", async () => {
    const { port } = await listening();
    const conn = await KeepAliveConnection.open("127.0.0.1", port);
    try {
      const first = conn.request("POST", "/echo", "{}");
      await expect(conn.request("POST", "/echo", "{}")).rejects.toThrow(/one request at a time/);
      expect((await first).status).toBe(200);
    } finally {
      conn.close();
    }
  });
});

describe("RawWebSocket", () => {
  it("completes the handshake and round-trips text of every frame length encoding", async () => {
    const { port } = await listening();
    const ws = await RawWebSocket.open("127.0.0.1", port, "/ws");
    try {
      for (const text of ["hi", "ü".repeat(100), "x".repeat(1000), "y".repeat(70_000)]) {
        expect(await ws.request(text)).toBe(text);
      }
    } finally {
      ws.close();
    }
  });

  it("fails to open where the server does not upgrade", async () => {
    const { port } = await listening();
    await expect(RawWebSocket.open("127.0.0.1", port, "/echo")).rejects.toThrow(/upgrade refused/);
  });
});

describe("LatencyRecorder", () => {
  it("reports nothing without samples and exact nearest-rank percentiles with them", () => {
    expect(new LatencyRecorder().summary()).toMatchObject({ count: 0, p50_ms: null, p99_ms: null });
    const recorder = new LatencyRecorder();
    for (let i = 100; i >= 1; i--) recorder.add(i);
    for (let i = 0; i < 70_000; i++) recorder.add(0.5); // grows past the first buffer
    const summary = recorder.summary();
    expect(summary.count).toBe(70_100);
    expect(summary.p50_ms).toBe(0.5);
    expect(summary.max_ms).toBe(100);
    expect(summary.p99_ms).toBe(0.5);
  });
});
