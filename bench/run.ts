// `npm run bench`: one run measuring ECHO against a Fastify ceiling on this machine, all on 127.0.0.1. Builds
// nothing itself (the npm script builds dist/ first); writes bench/results/latest.json and a dated copy.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  freePort,
  type Measured,
  machineBusyMs,
  pinPhase3,
  ROOT,
  type RunningProcess,
  runChild,
  runLoad,
  startServer,
} from "./children.js";
import { writeHubFixture } from "./hub-fixture.js";
import type { InProcessResult } from "./in-process.js";
import type { HttpResult, HttpScenario } from "./load-http.js";
import type { WsResult, WsScenario } from "./load-ws.js";
import { loadAverage, machineInfo } from "./machine.js";
import { type BenchResults, checkTargets, renderReport } from "./report.js";
import { round, sleep } from "./stats.js";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    out: { type: "string", default: join(ROOT, "bench", "results") },
  },
});
const quick = args.quick ?? false;
const warmupMs = quick ? 300 : 2000;
const durationMs = quick ? 700 : 5000;
const rewardWarmupMs = quick ? 300 : 1000;
const serverWarmupMs = quick ? 300 : 6000;
const rewardDurationMs = quick ? 700 : 4000;
const HTTP_CONNECTIONS = 64;
const REWARD_CONNECTIONS = 2;
const WS_SESSIONS = [64, 512] as const;
const BATCHES = [64, 256, 1024] as const;
const PER_BUCKET = 700; // 5 Hub domains x 3 difficulties x 700 = 10,500 questions
const HOLD_SESSIONS = 1000;

const log = (line: string) => process.stdout.write(`${line}\n`);

/** Share of the machine's CPU busy over `ms`, before anything of ours runs. */
async function busyPercent(ms: number): Promise<number> {
  const before = machineBusyMs();
  await sleep(ms);
  return round((100 * (machineBusyMs() - before)) / (ms * machineInfo().cores), 0);
}

const work = mkdtempSync(join(tmpdir(), "echo-bench-"));
const dataDir = join(work, "data");
const echoArgs = [join(ROOT, "dist", "cli", "main.js"), "serve"];
const CEILING_ARGS = ["--import", "tsx", join(ROOT, "bench", "ceiling-server.ts")];
const echoEnv = (db: string, extra: Record<string, string> = {}) => ({
  ECHO_DATA_DIR: dataDir,
  ECHO_DB: db,
  LOG_LEVEL: "warn",
  MAX_CONCURRENT_ENVS: String(HOLD_SESSIONS + 24),
  ...extra,
});

/** Omit that keeps a union a union. */
type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const http = (server: RunningProcess, scenario: Without<HttpScenario, "port">) =>
  runLoad<HttpResult>("load-http", { ...scenario, port: server.port }, server);
const ws = (server: RunningProcess, scenario: Without<WsScenario, "url">) =>
  runLoad<WsResult>("load-ws", { ...scenario, url: `ws://127.0.0.1:${server.port}/ws` }, server);

/** Runs `body` against a fresh server; an ECHO server is pinned at phase 3 and warmed up first, unmeasured. */
async function withServer<T>(
  args: readonly string[],
  env: Record<string, string>,
  body: (server: RunningProcess) => Promise<T>,
  warm = args !== CEILING_ARGS,
): Promise<T> {
  const server = await startServer(args, env, await freePort());
  try {
    if (args !== CEILING_ARGS) await pinPhase3(server.port);
    if (warm) {
      // JIT, and the generated questions each bucket keeps once drawn: what a long training run runs on.
      const warmUp = { connections: HTTP_CONNECTIONS, warmupMs: 0, durationMs: serverWarmupMs, dataDir };
      await http(server, { kind: "episodes", ...warmUp });
    }
    return await body(server);
  } finally {
    await server.stop();
  }
}

/**
 * Other work on the machine makes every figure meaningless: say so when the CPU was busy before the run, when
 * anything but the bench used CPU during a measured window, or when the load average was high at the start.
 */
function machineWarnings(r: BenchResults, busy: number, load: [number, number, number]): string[] {
  const warnings: string[] = [];
  const cores = r.machine.cores;
  if (busy > 15)
    warnings.push(`the CPU was ${busy}% busy before the run started: other work skews every figure`);
  if (load[0] > cores * 0.75) {
    warnings.push(
      `the load average was high at the start (${load.join(" ")} on ${cores} cores)` +
        (busy <= 15
          ? `, though the CPU was idle (${busy}% busy) when the run began: earlier work, now finished`
          : ""),
    );
  }
  const runs: Measured<{ loadgen: { cpu_ms: number } }>[] = [
    r.ceiling.http,
    r.ceiling.http_large_reply,
    ...Object.values(r.ceiling.ws),
    r.sqlite.http,
    ...Object.values(r.sqlite.ws),
    ...Object.values(r.sqlite.reward_record),
    ...Object.values(r.sqlite.reward_no_record),
    r.memory.http,
    ...Object.values(r.memory.ws),
    ...Object.values(r.memory.reward_record),
    r.info_logging,
  ];
  const worst = Math.max(...runs.map((m) => (100 * m.other_cpu_ms) / Math.max(1, m.window_ms)));
  if (worst > 10)
    warnings.push(`other processes used up to ${Math.round(worst)}% of a core during a measured window`);
  return warnings;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const machine = machineInfo();
  const loadStart = loadAverage();
  const busyStart = await busyPercent(2000);
  log(
    `ECHO bench ${quick ? "(quick) " : ""}on ${machine.cpu_model}, ${machine.cores} cores, ${machine.node}`,
  );
  log(`load average at start ${loadStart.join(" ")}; CPU busy before start ${busyStart}%`);
  const questions = writeHubFixture(dataDir, PER_BUCKET);
  log(`synthetic Hub cache: ${questions} questions in ${dataDir}`);

  log("ceiling: minimal Fastify app");
  const ceiling = await withServer(CEILING_ARGS, {}, async (s) => {
    const ceilingRun = { kind: "ceiling" as const, connections: HTTP_CONNECTIONS, warmupMs, durationMs };
    const httpRun = await http(s, { ...ceilingRun, path: "/echo" });
    const largeRun = await http(s, { ...ceilingRun, path: "/observation" });
    const wsRuns: Record<string, Measured<WsResult>> = {};
    for (const sessions of WS_SESSIONS)
      wsRuns[sessions] = await ws(s, { kind: "echo", sessions, warmupMs, durationMs });
    return { http: httpRun, http_large_reply: largeRun, ws: wsRuns };
  });

  const episodes = {
    kind: "episodes" as const,
    connections: HTTP_CONNECTIONS,
    warmupMs,
    durationMs,
    dataDir,
  };
  const reward = (batch: number, record: boolean) => ({
    kind: "reward" as const,
    connections: REWARD_CONNECTIONS,
    warmupMs: rewardWarmupMs,
    durationMs: rewardDurationMs,
    dataDir,
    batch,
    record,
  });

  log("ECHO with durable SQLite history");
  const sqlite = await withServer(echoArgs, echoEnv(join(work, "echo.db")), async (s) => {
    const httpRun = await http(s, episodes);
    const wsRuns: Record<string, Measured<WsResult>> = {};
    for (const sessions of WS_SESSIONS)
      wsRuns[sessions] = await ws(s, { kind: "episodes", sessions, warmupMs, durationMs, dataDir });
    const recordTrue: Record<string, Measured<HttpResult>> = {};
    const recordFalse: Record<string, Measured<HttpResult>> = {};
    for (const batch of BATCHES) recordTrue[batch] = await http(s, reward(batch, true));
    for (const batch of BATCHES) recordFalse[batch] = await http(s, reward(batch, false));
    return { http: httpRun, ws: wsRuns, reward_record: recordTrue, reward_no_record: recordFalse };
  });

  log("ECHO with in-memory history (ECHO_DB=:memory:)");
  const memory = await withServer(echoArgs, echoEnv(":memory:"), async (s) => {
    const httpRun = await http(s, episodes);
    const wsRuns: Record<string, Measured<WsResult>> = {};
    for (const sessions of WS_SESSIONS)
      wsRuns[sessions] = await ws(s, { kind: "episodes", sessions, warmupMs, durationMs, dataDir });
    const recordTrue: Record<string, Measured<HttpResult>> = {};
    for (const batch of BATCHES) recordTrue[batch] = await http(s, reward(batch, true));
    return { http: httpRun, ws: wsRuns, reward_record: recordTrue };
  });

  log("ECHO with LOG_LEVEL=info (the default): the cost of request logging");
  const infoLogging = await withServer(
    echoArgs,
    echoEnv(join(work, "echo-info.db"), { LOG_LEVEL: "info" }),
    (s) => http(s, episodes),
  );

  log("in-process: parse + grade + reward");
  const inProcess = await runChild<InProcessResult>("in-process", dataDir);

  log("start-up with the synthetic bank, and RSS with 1,000 WebSocket sessions");
  const startups: number[] = [];
  const healthyRss: number[] = [];
  for (let i = 0; i < (quick ? 1 : 3); i++) {
    await withServer(
      echoArgs,
      echoEnv(join(work, `start-${i}.db`)),
      async (s) => {
        startups.push(s.startup_ms);
        healthyRss.push(s.stats().rss_mb);
      },
      false,
    );
  }
  const embedded = await withServer(
    echoArgs,
    { ...echoEnv(join(work, "start-embedded.db")), ECHO_DATA_DIR: join(work, "empty") },
    async (s) => ({ startup_ms: s.startup_ms, rss_mb: s.stats().rss_mb }),
    false,
  );
  const hold = await withServer(echoArgs, echoEnv(join(work, "hold.db")), async (s) => {
    let rssWithSessions = 0;
    const run = await runLoad<WsResult>(
      "load-ws",
      { kind: "hold", url: `ws://127.0.0.1:${s.port}/ws`, sessions: HOLD_SESSIONS },
      s,
      async (child) => {
        await sleep(300);
        rssWithSessions = s.stats().rss_mb;
        child.send("release");
      },
    );
    return {
      sessions: run.result.sessions,
      errors: run.result.errors,
      rss_mb: rssWithSessions,
      peak_rss_mb: s.stats().peak_rss_mb,
    };
  });
  const sorted = [...startups].sort((a, b) => a - b);

  const results: BenchResults = {
    date: startedAt.toISOString(),
    quick,
    machine,
    load_average: { start: loadStart, end: loadAverage() },
    cpu_busy_before_start_pct: busyStart,
    warnings: [],
    config: {
      server_warmup_ms: serverWarmupMs,
      warmup_ms: warmupMs,
      duration_ms: durationMs,
      reward_duration_ms: rewardDurationMs,
      http_connections: HTTP_CONNECTIONS,
      reward_connections: REWARD_CONNECTIONS,
      hub_questions: questions,
      server: "node dist/cli/main.js serve, LOG_LEVEL=warn unless stated, curriculum pinned at phase 3",
    },
    ceiling,
    sqlite,
    memory,
    info_logging: infoLogging,
    in_process: inProcess,
    startup: {
      runs_ms: startups,
      median_ms: sorted[Math.floor(sorted.length / 2)] as number,
      rss_mb_healthy: Math.max(...healthyRss),
      embedded_bank_only: embedded,
      sessions_held: hold.sessions,
      session_errors: hold.errors,
      rss_mb_with_sessions: hold.rss_mb,
      peak_rss_mb_with_sessions: hold.peak_rss_mb,
    },
    targets: [],
  };
  results.targets = checkTargets(results);
  results.warnings = machineWarnings(results, busyStart, loadStart);
  const report = renderReport(results);
  log("");
  log(report);
  mkdirSync(args.out as string, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  writeFileSync(join(args.out as string, "latest.json"), json);
  writeFileSync(join(args.out as string, `${startedAt.toISOString().slice(0, 10)}.json`), json);
  writeFileSync(join(args.out as string, "latest.md"), `${report}\n`);
  log(`results written to ${args.out}`);
}

try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
