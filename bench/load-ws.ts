// WebSocket load generator, run as its own process (forked by run.ts): N sessions in a closed loop doing
// echo round trips (ceiling) or ECHO reset/step round trips, or holding N sessions open for an RSS reading.
import { performance } from "node:perf_hooks";
import { createRng, hashSeed } from "../src/core/rng.js";
import { loadBank } from "../src/tasks/load-bank.js";
import { responseFor } from "./responses.js";
import {
  LatencyRecorder,
  type LatencySummary,
  type LoadgenUsage,
  markWindowStart,
  replyToParent,
  round,
  selfUsage,
  Window,
} from "./stats.js";
import { RawWebSocket } from "./ws-client.js";

export type WsScenario =
  | { kind: "echo"; url: string; sessions: number; warmupMs: number; durationMs: number }
  | { kind: "episodes"; url: string; sessions: number; warmupMs: number; durationMs: number; dataDir: string }
  | { kind: "hold"; url: string; sessions: number };

export interface WsResult {
  kind: WsScenario["kind"];
  sessions: number;
  seconds: number;
  round_trips: number;
  round_trips_per_s: number;
  episodes_per_s: number | null;
  errors: number;
  latency: LatencySummary;
  loadgen: LoadgenUsage;
}

/** Opens `n` sessions, 50 at a time (a burst of thousands would overflow the listen backlog). */
async function openSessions(url: string, n: number): Promise<RawWebSocket[]> {
  const { hostname, port, pathname } = new URL(url);
  const sockets: RawWebSocket[] = [];
  for (let i = 0; i < n; i += 50) {
    const batch = Array.from({ length: Math.min(50, n - i) }, () =>
      RawWebSocket.open(hostname, Number(port), pathname),
    );
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

function taskIdOf(text: string): string | null {
  const key = '"task_id":"';
  const at = text.indexOf(key);
  if (at < 0) return null;
  const end = text.indexOf('"', at + key.length);
  return end < 0 ? null : text.slice(at + key.length, end);
}

const RESET = JSON.stringify({ type: "reset", data: {} });

export async function runWsScenario(scenario: WsScenario, onReady?: () => Promise<void>): Promise<WsResult> {
  const sockets = await openSessions(scenario.url, scenario.sessions);
  const trips = sockets.map((socket) => (message: string) => socket.request(message));
  if (scenario.kind === "hold") {
    // Every session holds a drawn question, as a trainer's idle sessions would.
    const replies = await Promise.all(trips.map((trip) => trip(RESET)));
    const bad = replies.filter((r) => !r.startsWith('{"type":"observation"')).length;
    await onReady?.();
    for (const ws of sockets) ws.close();
    const usage = selfUsage();
    return {
      kind: "hold",
      sessions: sockets.length,
      seconds: 0,
      round_trips: replies.length,
      round_trips_per_s: 0,
      episodes_per_s: null,
      errors: bad,
      latency: new LatencyRecorder().summary(),
      loadgen: { pid: process.pid, ...usage },
    };
  }
  const bank = scenario.kind === "episodes" ? loadBank(scenario.dataDir, {}).bank : null;
  const latency = new LatencyRecorder();
  const window = new Window(scenario.warmupMs, scenario.durationMs);
  const windowStart = markWindowStart(scenario.warmupMs);
  let roundTrips = 0;
  let episodes = 0;
  let errors = 0;
  const timed = async (
    trip: (message: string) => Promise<string>,
    message: string,
  ): Promise<{ text: string; counted: boolean }> => {
    const t0 = performance.now();
    const text = await trip(message);
    const t1 = performance.now();
    const counted = window.counts(t1);
    if (counted) {
      roundTrips++;
      latency.add(t1 - t0);
      if (text.startsWith('{"type":"error"')) errors++;
    }
    return { text, counted };
  };
  await Promise.all(
    trips.map(async (trip, s) => {
      const rng = createRng(hashSeed("bench-ws", s));
      let n = 0;
      while (window.running) {
        if (scenario.kind === "echo") {
          await timed(trip, `{"type":"ping","n":${n++}}`);
          continue;
        }
        const reset = await timed(trip, RESET);
        const taskId = taskIdOf(reset.text);
        const task = taskId ? bank?.get(taskId) : undefined;
        if (!task) throw new Error(`unexpected reset reply: ${reset.text.slice(0, 300)}`);
        const step = await timed(
          trip,
          JSON.stringify({ type: "step", data: { response: responseFor(task, rng) } }),
        );
        if (step.counted && step.text.startsWith('{"type":"observation"')) episodes++;
      }
    }),
  );
  const loadgen = windowStart.end();
  for (const ws of sockets) ws.close();
  return {
    kind: scenario.kind,
    sessions: sockets.length,
    seconds: window.seconds,
    round_trips: roundTrips,
    round_trips_per_s: round(roundTrips / window.seconds, 0),
    episodes_per_s: scenario.kind === "episodes" ? round(episodes / window.seconds, 0) : null,
    errors,
    latency: latency.summary(),
    loadgen,
  };
}

// Forked by run.ts: the scenario comes as argv[2] (JSON); "hold" reports {ready} and waits for "release".
if (process.send && process.argv[2]) {
  const scenario = JSON.parse(process.argv[2]) as WsScenario;
  const onReady = () =>
    new Promise<void>((resolve) => {
      process.once("message", () => resolve());
      process.send?.({ ready: true });
    });
  replyToParent(runWsScenario(scenario, onReady));
}
