// The bench's results: their shape, the targets they are checked against, and the Markdown report.
import type { Measured } from "./children.js";
import type { InProcessResult } from "./in-process.js";
import type { HttpResult } from "./load-http.js";
import type { WsResult } from "./load-ws.js";
import type { MachineInfo } from "./machine.js";
import { round } from "./stats.js";

type Runs<T> = Record<string, Measured<T>>;

export interface BenchResults {
  date: string;
  quick: boolean;
  machine: MachineInfo;
  load_average: { start: [number, number, number]; end: [number, number, number] };
  cpu_busy_before_start_pct: number;
  warnings: string[];
  config: Record<string, string | number>;
  ceiling: { http: Measured<HttpResult>; http_large_reply: Measured<HttpResult>; ws: Runs<WsResult> };
  sqlite: {
    http: Measured<HttpResult>;
    ws: Runs<WsResult>;
    reward_record: Runs<HttpResult>;
    reward_no_record: Runs<HttpResult>;
  };
  memory: { http: Measured<HttpResult>; ws: Runs<WsResult>; reward_record: Runs<HttpResult> };
  info_logging: Measured<HttpResult>;
  in_process: InProcessResult;
  startup: {
    runs_ms: number[];
    median_ms: number;
    rss_mb_healthy: number;
    embedded_bank_only: { startup_ms: number; rss_mb: number };
    sessions_held: number;
    session_errors: number;
    rss_mb_with_sessions: number;
    peak_rss_mb_with_sessions: number;
  };
  targets: Target[];
}

export interface Target {
  name: string;
  goal: string;
  value: string;
  met: boolean;
}

const fmt = (x: number | null | undefined, digits = 0) =>
  x === null || x === undefined || Number.isNaN(x)
    ? "—"
    : x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 2) : 0);
const pct = (x: number) => `${Math.round(x * 100)}%`;

export function checkTargets(r: BenchResults): Target[] {
  const ceilingRps = r.ceiling.http.result.requests_per_s;
  const targets: Target[] = [];
  for (const [name, run] of [
    ["SQLite", r.sqlite.http],
    [":memory:", r.memory.http],
  ] as const) {
    const share = ratio(run.result.requests_per_s, ceilingRps);
    targets.push({
      name: `HTTP requests/s vs ceiling (${name})`,
      goal: ">= 60%",
      value: pct(share),
      met: share >= 0.6,
    });
    const p99 = run.result.latency.p99_ms ?? Number.POSITIVE_INFINITY;
    targets.push({
      name: `HTTP p99 at ${run.result.connections} connections (${name})`,
      goal: "<= 10 ms",
      value: `${fmt(p99, 2)} ms`,
      met: p99 <= 10,
    });
  }
  for (const [sessions, run] of Object.entries(r.sqlite.ws)) {
    const echo = r.ceiling.ws[sessions]?.result.round_trips_per_s ?? 0;
    const share = ratio(run.result.round_trips_per_s, echo);
    targets.push({
      name: `WebSocket round trips/s vs echo, ${sessions} sessions (SQLite)`,
      goal: ">= 60%",
      value: pct(share),
      met: share >= 0.6,
    });
  }
  for (const [name, run] of [
    ["SQLite, record true", r.sqlite.reward_record["256"]],
    ["record false", r.sqlite.reward_no_record["256"]],
    [":memory:, record true", r.memory.reward_record["256"]],
  ] as const) {
    const items = run?.result.items_per_s ?? 0;
    targets.push({
      name: `POST /reward items/s, 256-item batches (${name})`,
      goal: ">= 100,000",
      value: fmt(items),
      met: items >= 100_000,
    });
  }
  const all = r.in_process.score_per_s.all ?? 0;
  targets.push({
    name: "In-process parse + grade + reward (mix)",
    goal: ">= 300,000/s",
    value: fmt(all),
    met: all >= 300_000,
  });
  const math = r.in_process.math_grader?.score_per_s ?? 0;
  targets.push({
    name: "In-process math grader, MATH-style answers (parse + grade + reward, one core)",
    goal: ">= 2,000/s",
    value: fmt(math),
    met: math >= 2_000,
  });
  targets.push({
    name: "Start-up to healthy, 10,500 Hub questions",
    goal: "<= 1,500 ms",
    value: `${fmt(r.startup.median_ms)} ms`,
    met: r.startup.median_ms <= 1500,
  });
  targets.push({
    name: `RSS with the bank and ${fmt(r.startup.sessions_held)} WebSocket sessions`,
    goal: "<= 250 MB",
    value: `${fmt(r.startup.rss_mb_with_sessions)} MB`,
    met: r.startup.rss_mb_with_sessions <= 250,
  });
  return targets;
}

const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const head = (cells: string[]) => [row(cells), row(cells.map(() => "---"))].join("\n");

/** The columns every load table ends with: latency, then who used the CPU, then the server's memory. */
const LOAD_COLUMNS = [
  "p50 ms",
  "p99 ms",
  "server CPU (main thread)",
  "load gen CPU",
  "other CPU",
  "server RSS MB",
];

type LoadRun = Measured<{
  loadgen: { cpu_ms: number; rss_mb: number };
  latency: { p50_ms: number | null; p99_ms: number | null };
}>;

/** The cells of LOAD_COLUMNS for one run. */
function loadCells(m: LoadRun): string[] {
  const window = Math.max(1, m.window_ms);
  return [
    fmt(m.result.latency.p50_ms, 2),
    fmt(m.result.latency.p99_ms, 2),
    `${fmt(m.server.cpu_pct)}% (${fmt(m.server.main_thread_pct)}%)`,
    `${fmt((100 * m.result.loadgen.cpu_ms) / window)}%`,
    `${fmt((100 * m.other_cpu_ms) / window)}%`,
    fmt(m.server.rss_mb),
  ];
}

export function renderReport(r: BenchResults): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(
    `Run ${r.date}${r.quick ? " (quick smoke run: numbers not meaningful)" : ""} on ${m.cpu_model}, ${m.cores} cores, ` +
      `${m.memory_gb} GB, Node ${m.node}, ${m.platform}. Load average ${r.load_average.start.join(" ")} at start, ` +
      `${r.load_average.end.join(" ")} at end; CPU busy before start ${r.cpu_busy_before_start_pct}%.`,
  );
  out.push(
    `Server and load generator are separate processes sharing the machine's ${m.cores} cores. CPU columns are % ` +
      "of one core over the measured window: the server (all threads, with its event-loop thread in brackets; " +
      "the rest is GC and the SQLite writer thread), the load generator, and everything else on the machine. " +
      `Each ECHO server is pinned at curriculum phase 3 and warmed up with ${fmt(Number(r.config.server_warmup_ms) / 1000)} s ` +
      "of episodes before anything is measured; each run then warms up again before its window.",
  );
  for (const warning of r.warnings) out.push(`**Warning:** ${warning}`);

  const ceilingRps = r.ceiling.http.result.requests_per_s;
  out.push("", `#### HTTP, ${r.ceiling.http.result.connections} keep-alive connections`, "");
  out.push(head(["scenario", "requests/s", "vs ceiling", "episodes/s", ...LOAD_COLUMNS]));
  const httpRow = (name: string, run: Measured<HttpResult>) =>
    row([
      name,
      fmt(run.result.requests_per_s),
      fmt(ratio(run.result.requests_per_s, ceilingRps), 2),
      fmt(run.result.episodes_per_s),
      ...loadCells(run),
    ]);
  out.push(httpRow("Fastify ceiling: POST small JSON", r.ceiling.http));
  out.push(httpRow("Fastify, reply shaped like ECHO's (~2 KB)", r.ceiling.http_large_reply));
  out.push(httpRow("ECHO /reset + /step, SQLite history", r.sqlite.http));
  out.push(httpRow("ECHO /reset + /step, :memory: history", r.memory.http));
  out.push(httpRow("ECHO /reset + /step, SQLite, LOG_LEVEL=info", r.info_logging));

  out.push("", "#### WebSocket (/ws), one request in flight per session", "");
  out.push(head(["scenario", "sessions", "round trips/s", "vs echo", "episodes/s", ...LOAD_COLUMNS]));
  const wsRow = (name: string, sessions: string, run: Measured<WsResult>) => {
    const echo = r.ceiling.ws[sessions]?.result.round_trips_per_s ?? 0;
    return row([
      name,
      sessions,
      fmt(run.result.round_trips_per_s),
      fmt(ratio(run.result.round_trips_per_s, echo), 2),
      fmt(run.result.episodes_per_s),
      ...loadCells(run),
    ]);
  };
  for (const [s, run] of Object.entries(r.ceiling.ws)) out.push(wsRow("@fastify/websocket echo", s, run));
  for (const [s, run] of Object.entries(r.sqlite.ws)) out.push(wsRow("ECHO reset/step, SQLite", s, run));
  for (const [s, run] of Object.entries(r.memory.ws)) out.push(wsRow("ECHO reset/step, :memory:", s, run));

  out.push("", `#### POST /reward, ${r.config.reward_connections} connections`, "");
  out.push(head(["history", "record", "batch", "graded items/s", "batches/s", ...LOAD_COLUMNS]));
  const rewardRows = (name: string, record: string, runs: Runs<HttpResult>) => {
    for (const [batch, run] of Object.entries(runs)) {
      out.push(
        row([
          name,
          record,
          batch,
          fmt(run.result.items_per_s),
          fmt(run.result.requests_per_s),
          ...loadCells(run),
        ]),
      );
    }
  };
  rewardRows("SQLite", "true", r.sqlite.reward_record);
  rewardRows(":memory:", "true", r.memory.reward_record);
  rewardRows("(none)", "false", r.sqlite.reward_no_record);

  const ip = r.in_process;
  out.push("", "#### In-process (no HTTP), short responses, preset calibrated", "");
  out.push(head(["domain", ...Object.keys(ip.score_per_s)]));
  out.push(row(["scored/s", ...Object.values(ip.score_per_s).map((x) => fmt(x))]));
  out.push(
    "",
    `Stages alone over the mix: parse ${fmt(ip.stage_per_s.parse)}/s, grade ${fmt(ip.stage_per_s.grade)}/s, ` +
      `reward ${fmt(ip.stage_per_s.reward)}/s. Fuzzy grading (factual tasks graded fuzzy): ${fmt(ip.fuzzy_score_per_s)}/s. ` +
      (ip.math_grader
        ? `Math grader on MATH-style answers: ${fmt(ip.math_grader.score_per_s)} scored/s, grade alone ${fmt(ip.math_grader.grade_per_s)}/s. `
        : "") +
      `Live metrics: accumulator add ${fmt(ip.accumulator.add_ns, 0)} ns, full report ${fmt(ip.accumulator.report_us, 1)} µs, ` +
      `service count path (overall + per domain + curriculum, in-memory history) ${fmt(ip.accumulator.service_count_ns, 0)} ns per episode.`,
  );

  const st = r.startup;
  out.push("", "#### Start-up and memory", "");
  out.push(
    `Start to healthy /health with ${fmt(Number(r.config.hub_questions))} synthetic Hub questions: median ` +
      `${fmt(st.median_ms)} ms (runs: ${st.runs_ms.join(", ")} ms), RSS ${fmt(st.rss_mb_healthy)} MB; with the embedded ` +
      `bank only: ${fmt(st.embedded_bank_only.startup_ms)} ms, ${fmt(st.embedded_bank_only.rss_mb)} MB. ` +
      `With ${fmt(st.sessions_held)} open WebSocket sessions (each holding a drawn question; ${st.session_errors} errors): ` +
      `RSS ${fmt(st.rss_mb_with_sessions)} MB (peak ${fmt(st.peak_rss_mb_with_sessions)} MB).`,
  );

  out.push("", "#### Targets", "");
  out.push(head(["target", "goal", "measured", "met"]));
  for (const t of r.targets) out.push(row([t.name, t.goal, t.value, t.met ? "yes" : "**no**"]));
  return out.join("\n");
}
