// SIGKILL under load loses nothing a client was told: a real server process is killed mid-load, restarted on
// the same database, and must hold every episode whose reward went out, with /metrics matching /history.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type EpisodeRecord, outcomeOf } from "../../src/core/episode-record.js";
import { computeMetrics } from "../../src/core/metrics/compute-metrics.js";
import { says } from "../helpers/score-batch.js";
import { postJson, spawnServer } from "../helpers/spawn-server.js";
import { TestSocket, waitFor, withTimeout } from "../helpers/ws-client.js";

const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const serve = (db: string) => spawnServer({ ECHO_DB: db });

/** What clients were told: episode ids of http and ws rewards, and unique answers of batch rewards. */
interface Received {
  http: string[];
  ws: string[];
  batch: string[];
}

/** Runs clients until `stopped()`; a failed request (the server died) ends that client quietly. */
function load(url: string, received: Received, stopped: () => boolean): Promise<unknown>[] {
  const guard = async (client: () => Promise<void>) => {
    try {
      while (!stopped()) await client();
    } catch {
      // the server was killed under this client
    }
  };
  const http = async () => {
    const reset = (await postJson(`${url}/reset`, {})) as { observation: { episode_id: string } };
    const id = reset.observation.episode_id;
    const step = await postJson(`${url}/step`, { action: { response: says(70, "4") }, episode_id: id });
    if (typeof step.reward === "number") received.http.push(id);
  };
  const batch = (worker: number) => {
    let n = 0;
    return async () => {
      const answers = Array.from({ length: 64 }, (_, i) => `w${worker}-b${n}-i${i}`);
      n++;
      const items = answers.map((answer, i) => ({
        task_id: `gen/arithmetic/v1/easy/${i}`,
        response: says(50 + (i % 50), answer),
      }));
      const reply = (await postJson(`${url}/reward`, { items })) as { rewards: (number | null)[] };
      answers.forEach((answer, i) => {
        if (typeof reply.rewards[i] === "number") received.batch.push(answer);
      });
    };
  };
  const ws = async () => {
    const socket = await TestSocket.open(`${url.replace("http", "ws")}/ws`);
    return async () => {
      await socket.request({ type: "reset", data: {} }, 10_000);
      const reply = (await socket.request({ type: "step", data: { response: says(40, "7") } }, 10_000)) as {
        type: string;
        data: { reward: number | null; observation: { episode_id: string } };
      };
      if (reply.type === "observation" && typeof reply.data.reward === "number") {
        received.ws.push(reply.data.observation.episode_id);
      }
    };
  };
  return [
    guard(http),
    guard(http),
    guard(http),
    guard(batch(1)),
    guard(batch(2)),
    ...[1, 2].map(async () => {
      try {
        await guard(await ws());
      } catch {
        // could not connect: the server was already gone
      }
    }),
  ];
}

async function allHistory(url: string): Promise<EpisodeRecord[]> {
  const records: EpisodeRecord[] = [];
  for (;;) {
    const res = await fetch(`${url}/history?limit=500&offset=${records.length}`);
    const page = (await res.json()) as { items: EpisodeRecord[]; total: number };
    records.push(...page.items);
    if (page.items.length === 0 || records.length >= page.total) return records;
  }
}

describe("echo-env serve on a bad database", () => {
  it("exits 1 at start-up, saying which file and why, and leaves the file alone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "echo-crash-"));
    dirs.push(dir);
    const db = join(dir, "echo.db");
    writeFileSync(db, "a text file where the database should be\n");
    const failed = serve(db);
    await expect(failed).rejects.toThrow(/server exited \(1\) before it was ready/);
    await expect(failed).rejects.toThrow(/could not start: .*echo\.db is not a SQLite database/);
    expect(readFileSync(db, "utf8")).toBe("a text file where the database should be\n");
  });
});

describe("a server killed with SIGKILL under load", () => {
  it("restarts holding every episode whose reward a client received", { timeout: 90_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "echo-crash-"));
    dirs.push(dir);
    const db = join(dir, "echo.db");
    const first = await serve(db);

    const received: Received = { http: [], ws: [], batch: [] };
    let killed = false;
    const clients = load(first.url, received, () => killed);
    await waitFor(
      () => received.http.length >= 30 && received.ws.length >= 10 && received.batch.length >= 64 * 8,
      "load on every channel",
      30_000,
    );
    // Kill while every client has a request in flight.
    first.child.kill("SIGKILL");
    killed = true;
    await withTimeout(Promise.all(clients), 15_000, "the clients to notice the kill");
    expect(
      first.child.signalCode ?? (await new Promise((r) => first.child.once("exit", (_c, s) => r(s)))),
    ).toBe("SIGKILL");

    const second = await serve(db);
    const history = await allHistory(second.url);
    const ids = new Map(history.map((r) => [r.episode_id, r.channel]));
    const missing = (list: string[], channel: string) => list.filter((id) => ids.get(id) !== channel);
    expect(missing(received.http, "http")).toEqual([]);
    expect(missing(received.ws, "ws")).toEqual([]);
    const answers = new Set(history.filter((r) => r.channel === "batch").map((r) => r.parsed_answer));
    expect(received.batch.filter((answer) => !answers.has(answer))).toEqual([]);
    // What was stored but never answered (in flight at the kill) may exceed what clients got, never fall short.
    const told = received.http.length + received.ws.length + received.batch.length;
    expect(history.length).toBeGreaterThanOrEqual(told);

    const metrics = await (await fetch(`${second.url}/metrics`)).json();
    expect(metrics).toEqual(computeMetrics(history.map(outcomeOf)));
    const curriculum = (await (await fetch(`${second.url}/curriculum`)).json()) as { episodes_total: number };
    expect(curriculum.episodes_total).toBe(history.length);
    second.child.kill("SIGKILL");
  });
});
