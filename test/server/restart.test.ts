// A restart on the same database changes nothing: metrics, fingerprint, history and the curriculum (automatic
// advances and phases set or pinned by hand) read the same before and after.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildApp, type EchoApp } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/config.js";
import { createService } from "../../src/server/create-service.js";
import { says } from "../helpers/score-batch.js";
import { listen, TestSocket } from "../helpers/ws-client.js";

const dirs: string[] = [];
const apps: EchoApp[] = [];

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(db: string): Promise<EchoApp> {
  const config = loadConfig({ ECHO_DATA_DIR: "/nonexistent-echo-test-data", ECHO_DB: db });
  const { service } = createService(config);
  const app = await buildApp({ config, service, validateResponses: true });
  app.addHook("onClose", async () => service.history.close());
  apps.push(app);
  return app;
}

async function post(app: EchoApp, url: string, payload: object) {
  const res = await app.inject({ method: "POST", url, payload });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
}

async function reward(app: EchoApp, ids: number[], answer: (id: string, i: number) => string) {
  const items = ids.map((n, i) => {
    const id = `gen/arithmetic/v1/easy/${n}`;
    return { task_id: id, response: answer(id, i) };
  });
  return post(app, "/reward", { items });
}

async function httpEpisodes(app: EchoApp, seeds: number[]) {
  for (const seed of seeds) {
    const reset = await post(app, "/reset", { seed });
    await post(app, "/step", {
      action: { response: says(60, seed % 2 ? "7" : "x") },
      episode_id: reset.observation.episode_id,
    });
  }
}

/** Everything a client can read about the recorded past. */
async function snapshot(app: EchoApp) {
  const urls = [
    "/metrics",
    "/metrics?channel=ws",
    "/metrics?window=7",
    "/metrics?phase=2&preset=calibrated",
    "/metrics/math",
    "/fingerprint",
    "/fingerprint?window=30",
    "/curriculum",
    "/history?limit=500",
    "/history?limit=10&offset=5&channel=batch",
  ];
  const out: Record<string, unknown> = {};
  for (const url of urls) {
    const res = await app.inject({ method: "GET", url });
    expect(res.statusCode, url).toBe(200);
    out[url] = res.json();
  }
  return out;
}

describe("restart on the same database", () => {
  it("restores metrics, fingerprint, history and the curriculum exactly", async () => {
    const dir = mkdtempSync(join(tmpdir(), "echo-restart-"));
    dirs.push(dir);
    const db = join(dir, "echo.db");
    const app = await start(db);

    // 250 right answers at 100%: ECE 0, so the curriculum advances to phase 2 after 200 of them.
    await reward(app, [...Array(250).keys()], (id) => says(100, app.echo.task(id).answer));
    expect(app.echo.curriculum.state()).toMatchObject({ phase: 2, episodes_in_phase: 50 });
    await httpEpisodes(app, [1, 2, 3, 4, 5]);
    await post(app, "/curriculum", { phase: 3, pinned: true });
    const client = await TestSocket.open(await listen(app));
    for (let seed = 0; seed < 5; seed++) {
      await client.request({ type: "reset", data: { seed } });
      const stepped = await client.request({ type: "step", data: { response: says(30 + seed, "4") } });
      expect(stepped.type).toBe("observation");
    }
    await post(app, "/curriculum", { pinned: false });
    await reward(app, [...Array(20).keys()], (id, i) => says(90, i % 3 ? app.echo.task(id).answer : "no"));
    await post(app, "/curriculum", { phase: 1 });
    await httpEpisodes(app, [6, 7, 8]);

    const before = await snapshot(app);
    expect(before["/curriculum"]).toMatchObject({ phase: 1, pinned: false, episodes_total: 283 });
    expect(before["/curriculum"]).toMatchObject({ episodes_in_phase: 3, window_count: 3 });
    expect((before["/history?limit=500"] as { total: number }).total).toBe(283);
    expect((before["/metrics?channel=ws"] as { count: number }).count).toBe(5);
    await app.close();

    const restarted = await start(db);
    expect(restarted.echo.history.durable).toBe(true);
    expect(await snapshot(restarted)).toEqual(before);
    // The restored curriculum goes on from the same point: one more episode counts as the 284th.
    await httpEpisodes(restarted, [9]);
    expect(restarted.echo.curriculum.state()).toMatchObject({ episodes_total: 284, episodes_in_phase: 4 });
  });

  it("replays a pin made before any episode, and one made after the last", async () => {
    const dir = mkdtempSync(join(tmpdir(), "echo-restart-"));
    dirs.push(dir);
    const db = join(dir, "echo.db");
    const app = await start(db);
    await post(app, "/curriculum", { phase: 2, pinned: true });
    await reward(app, [1, 2, 3], (id) => says(80, app.echo.task(id).answer));
    await post(app, "/curriculum", { phase: 3 });
    const before = (await app.inject({ url: "/curriculum" })).json();
    expect(before).toMatchObject({ phase: 3, pinned: true, episodes_in_phase: 0, episodes_total: 3 });
    await app.close();
    const restarted = await start(db);
    expect((await restarted.inject({ url: "/curriculum" })).json()).toEqual(before);
  });
});
