// HTTP load generator, run as its own process (forked by run.ts): keep-alive connections in a closed loop
// against a ceiling app, ECHO's /reset + /step episodes, or POST /reward batches. Reports over IPC.
import { performance } from "node:perf_hooks";
import { createRng, hashSeed } from "../src/core/rng.js";
import type { TaskBank } from "../src/tasks/bank.js";
import { loadBank } from "../src/tasks/load-bank.js";
import { KeepAliveConnection } from "./http-client.js";
import { responseFor } from "./responses.js";
import {
  LatencyRecorder,
  type LatencySummary,
  type LoadgenUsage,
  markWindowStart,
  replyToParent,
  round,
  Window,
} from "./stats.js";

export type HttpScenario =
  | {
      kind: "ceiling";
      port: number;
      connections: number;
      warmupMs: number;
      durationMs: number;
      /** /echo (small JSON, the ceiling) or /observation (a reply shaped and sized like ECHO's). */
      path: "/echo" | "/observation";
    }
  | {
      kind: "episodes";
      port: number;
      connections: number;
      warmupMs: number;
      durationMs: number;
      dataDir: string;
    }
  | {
      kind: "reward";
      port: number;
      connections: number;
      warmupMs: number;
      durationMs: number;
      dataDir: string;
      batch: number;
      record: boolean;
    };

export interface HttpResult {
  kind: HttpScenario["kind"];
  connections: number;
  seconds: number;
  requests: number;
  requests_per_s: number;
  /** Completed reset + step pairs (episodes scenario). */
  episodes_per_s: number | null;
  /** Graded items (reward scenario). */
  items_per_s: number | null;
  errors: number;
  statuses: Record<string, number>;
  latency: LatencySummary;
  latency_by: Record<string, LatencySummary>;
  loadgen: LoadgenUsage;
}

const HOST = "127.0.0.1";

/** The value of a JSON string field, found by text search (ids never contain quotes or escapes). */
function field(body: Buffer, name: string): string | null {
  const key = `"${name}":"`;
  const at = body.indexOf(key);
  if (at < 0) return null;
  const start = at + key.length;
  const end = body.indexOf(34, start); // '"'
  return end < 0 ? null : body.toString("utf8", start, end);
}

/** GRPO-shaped bodies: groups of 8 completions per prompt, across every domain and source of the bank. */
function rewardBodies(bank: TaskBank, batch: number, record: boolean, count: number): Buffer[] {
  const list = bank.list({}, 7);
  const rng = createRng(hashSeed("bench-reward", batch));
  const bodies: Buffer[] = [];
  let position = 0;
  for (let b = 0; b < count; b++) {
    const items: { task_id: string; response: string }[] = [];
    while (items.length < batch) {
      const task = list.at(position++ % list.size);
      for (let k = 0; k < 8 && items.length < batch; k++) {
        items.push({ task_id: task.id, response: responseFor(task, rng) });
      }
    }
    bodies.push(Buffer.from(JSON.stringify({ items, record })));
  }
  return bodies;
}

export async function runHttpScenario(scenario: HttpScenario): Promise<HttpResult> {
  const bank = scenario.kind === "ceiling" ? null : loadBank(scenario.dataDir, {}).bank;
  const bodies =
    scenario.kind === "reward" && bank ? rewardBodies(bank, scenario.batch, scenario.record, 8) : [];
  const connections = await Promise.all(
    Array.from({ length: scenario.connections }, () => KeepAliveConnection.open(HOST, scenario.port)),
  );
  const latency = new LatencyRecorder();
  const by: Record<string, LatencyRecorder> = {};
  const statuses: Record<string, number> = {};
  let requests = 0;
  let episodes = 0;
  let items = 0;
  let errors = 0;
  let checked = false;
  const window = new Window(scenario.warmupMs, scenario.durationMs);
  const windowStart = markWindowStart(scenario.warmupMs);

  const timed = async (
    conn: KeepAliveConnection,
    label: string,
    method: string,
    path: string,
    body?: string | Buffer,
  ) => {
    const t0 = performance.now();
    const reply = await conn.request(method, path, body);
    const t1 = performance.now();
    if (window.counts(t1)) {
      requests++;
      latency.add(t1 - t0);
      let recorder = by[label];
      if (!recorder) {
        recorder = new LatencyRecorder();
        by[label] = recorder;
      }
      recorder.add(t1 - t0);
      statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
      if (reply.status !== 200) errors++;
    }
    return { reply, counted: window.counts(t1) };
  };

  const loops = connections.map(async (conn, c) => {
    const rng = createRng(hashSeed("bench-client", c));
    let n = 0;
    while (window.running) {
      if (scenario.kind === "ceiling") {
        await timed(conn, "post", "POST", scenario.path, `{"hello":"world","n":${n++}}`);
      } else if (scenario.kind === "episodes") {
        const reset = await timed(conn, "reset", "POST", "/reset", "{}");
        const episodeId = field(reset.reply.body, "episode_id");
        const taskId = field(reset.reply.body, "task_id");
        const task = taskId ? bank?.get(taskId) : undefined;
        if (!episodeId || !task)
          throw new Error(`unexpected /reset reply: ${reset.reply.body.toString().slice(0, 300)}`);
        const body = JSON.stringify({ episode_id: episodeId, action: { response: responseFor(task, rng) } });
        const step = await timed(conn, "step", "POST", "/step", body);
        if (step.counted && step.reply.status === 200) episodes++;
      } else {
        const { reply, counted } = await timed(
          conn,
          `batch${scenario.batch}`,
          "POST",
          "/reward",
          bodies[n++ % bodies.length],
        );
        if (!checked && reply.status === 200) {
          // Once per run: the reply holds one result per item and none failed.
          const parsed = JSON.parse(reply.body.toString("utf8")) as { results: { error: string | null }[] };
          const failed = parsed.results.filter((r) => r.error !== null).length;
          if (parsed.results.length !== scenario.batch || failed > 0) {
            throw new Error(`/reward replied ${parsed.results.length} results, ${failed} failed`);
          }
          checked = true;
        }
        if (counted && reply.status === 200) items += scenario.batch;
      }
    }
  });
  await Promise.all(loops);
  const loadgen = windowStart.end();
  for (const conn of connections) conn.close();
  const seconds = window.seconds;
  const byLabel: Record<string, LatencySummary> = {};
  for (const [label, recorder] of Object.entries(by)) byLabel[label] = recorder.summary();
  return {
    kind: scenario.kind,
    connections: scenario.connections,
    seconds,
    requests,
    requests_per_s: round(requests / seconds, 0),
    episodes_per_s: scenario.kind === "episodes" ? round(episodes / seconds, 0) : null,
    items_per_s: scenario.kind === "reward" ? round(items / seconds, 0) : null,
    errors,
    statuses,
    latency: latency.summary(),
    latency_by: byLabel,
    loadgen,
  };
}

// Forked by run.ts: the scenario comes as argv[2] (JSON), the result goes back over IPC.
if (process.send && process.argv[2]) {
  const scenario = JSON.parse(process.argv[2]) as HttpScenario;
  replyToParent(runHttpScenario(scenario));
}
