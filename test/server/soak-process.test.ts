// Soak of a real server process on a SQLite history: rounds of abandoned WebSocket sessions, HTTP episodes
// never stepped, played episodes and recorded batches. Its RSS must level off (not grow with the episodes
// served) and every abandoned session must be reaped, so the session count is back to zero after each round.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { WS_CLOSE } from "../../src/server/routes/ws.js";
import { says } from "../helpers/score-batch.js";
import { postJson, rssMb, spawnServer } from "../helpers/spawn-server.js";
import { TestSocket, withTimeout } from "../helpers/ws-client.js";

const MAX_SESSIONS = 48;
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Opens a session, draws a question, then goes silent until the server's idle timeout closes it. */
async function abandonSession(wsUrl: string): Promise<number> {
  const ws = new WebSocket(wsUrl);
  ws.on("error", () => {});
  const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
  await withTimeout(new Promise((resolve) => ws.once("open", resolve)), 5_000, "the handshake");
  const reply = new Promise((resolve) => ws.once("message", resolve));
  ws.send(JSON.stringify({ type: "reset", data: {} }));
  await withTimeout(reply, 5_000, "the reset reply");
  return withTimeout(closed, 15_000, "the idle close");
}

/** Four clients in parallel, each running `count` calls of `job` one after another. */
async function inParallel(count: number, job: (i: number) => Promise<unknown>): Promise<void> {
  await Promise.all(
    Array.from({ length: 4 }, async (_, client) => {
      for (let i = client; i < count; i += 4) await job(i);
    }),
  );
}

async function round(url: string, n: number): Promise<void> {
  const wsUrl = `${url.replace("http", "ws")}/ws`;
  const abandoned = Promise.all(Array.from({ length: MAX_SESSIONS }, () => abandonSession(wsUrl)));
  await inParallel(1_500, (i) => postJson(`${url}/reset`, { seed: n * 10_000 + i }));
  await inParallel(600, async () => {
    const reset = (await postJson(`${url}/reset`, {})) as { observation: { episode_id: string } };
    await postJson(`${url}/step`, {
      episode_id: reset.observation.episode_id,
      action: { response: says(70, "4") },
    });
  });
  const items = Array.from({ length: 256 }, (_, i) => ({
    task_id: `gen/arithmetic/v1/easy/${i}`,
    response: says(60, `${i}`.repeat(40)),
  }));
  await inParallel(8, () => postJson(`${url}/reward`, { items }));
  const codes = await abandoned;
  expect(new Set(codes)).toEqual(new Set([WS_CLOSE.idle.code])); // every abandoned session was reaped by the idle timeout
}

/** All MAX_SESSIONS sessions open at once: none is refused, so none of the earlier ones is still held. */
async function sessionsFree(url: string): Promise<void> {
  const sockets = await Promise.all(
    Array.from({ length: MAX_SESSIONS }, () => TestSocket.open(`${url.replace("http", "ws")}/ws`)),
  );
  const replies = (await Promise.all(sockets.map((s) => s.request({ type: "reset", data: {} })))) as {
    type: string;
  }[];
  expect(replies.map((r) => r.type)).toEqual(replies.map(() => "observation"));
  for (const socket of sockets) socket.ws.close(1000);
  await Promise.all(sockets.map((s) => s.closed));
}

describe("soak: a server process under rounds of abandoned sessions and episodes", () => {
  it("keeps its RSS level and reaps every abandoned session", { timeout: 150_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "echo-soak-"));
    dirs.push(dir);
    const server = await spawnServer({
      ECHO_DB: join(dir, "echo.db"),
      SESSION_TIMEOUT_S: "2",
      MAX_CONCURRENT_ENVS: String(MAX_SESSIONS),
    });
    const pid = server.child.pid as number;
    // Warm-up: the first rounds fill caches (JIT, generated pools up to their bound, SQLite page cache).
    await round(server.url, 0);
    await round(server.url, 1);
    const baseline = rssMb(pid);
    const readings: number[] = [];
    for (let n = 2; n < 5; n++) {
      await round(server.url, n);
      await sessionsFree(server.url);
      readings.push(rssMb(pid));
    }
    // 3 rounds: 4,500 untouched HTTP episodes, 1,800 played ones, 6,144 recorded batch items, 144 sessions.
    // Growing with them would show as tens of MB in every later reading. One reading can also catch the heap
    // just before a major GC (seen in CI with another test file on the other core: 250 MB, then 276, 301 and
    // back to 254), so the figure is the lower of the last two readings: a spike passes, a leak does not.
    const growth = Math.min(...readings.slice(-2)) - baseline;
    expect(
      growth,
      `RSS ${baseline.toFixed(0)} MB then ${readings.map((r) => r.toFixed(0)).join(", ")}`,
    ).toBeLessThan(40);
    const history = (await (await fetch(`${server.url}/history?limit=1`)).json()) as { total: number };
    expect(history.total).toBe(5 * (600 + 8 * 256));
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});
