// The bench's child processes: servers (ECHO from dist/, the ceiling app) and load generators, each in its
// own process so no two share an event loop; plus machine-wide CPU readings to spot other work.
import { type ChildProcess, fork, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { get } from "node:http";
import { createServer } from "node:net";
import { performance } from "node:perf_hooks";
import { KeepAliveConnection } from "./http-client.js";
import { type ProcStats, procStats } from "./machine.js";
import { round, sleep } from "./stats.js";

export const ROOT = new URL("..", import.meta.url).pathname;

/** A free loopback port (the OS picks it; it is released before the server binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get({ host: "127.0.0.1", port, path: "/health", agent: false }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode === 200));
    });
    request.on("error", () => resolve(false));
    request.setTimeout(1000, () => request.destroy());
  });
}

export interface RunningProcess {
  pid: number;
  port: number;
  /** Milliseconds from spawn to the first 200 from /health. */
  startup_ms: number;
  stats(): ProcStats;
  stop(): Promise<void>;
}

/** Starts a server process and waits (polling every 5 ms) until /health answers 200. */
export async function startServer(
  args: readonly string[],
  env: Record<string, string>,
  port: number,
): Promise<RunningProcess> {
  // A clean environment: nothing of the caller's ECHO_* configuration leaks in.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("ECHO_")));
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...base, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-4000);
  });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", () => {
      exited = true;
      resolve();
    }),
  );
  while (!(await healthy(port))) {
    if (exited) throw new Error(`server ${args.join(" ")} exited before it was healthy:\n${stderr}`);
    if (performance.now() - t0 > 30_000) {
      child.kill("SIGKILL");
      throw new Error(`server ${args.join(" ")} not healthy after 30 s:\n${stderr}`);
    }
    await sleep(5);
  }
  const startup = performance.now() - t0;
  const pid = child.pid as number;
  return {
    pid,
    port,
    startup_ms: round(startup, 0),
    stats: () => procStats(pid),
    stop: async () => {
      if (exited) return;
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exit;
      clearTimeout(killer);
    },
  };
}

/**
 * Pins ECHO's curriculum at phase 3 (every difficulty, adversarial items mixed in), so runs draw the same mix
 * whatever the simulated answers do to the rolling ECE that would otherwise move the phase mid-run.
 */
export async function pinPhase3(port: number): Promise<void> {
  const conn = await KeepAliveConnection.open("127.0.0.1", port);
  try {
    const reply = await conn.request("POST", "/curriculum", '{"phase":3,"pinned":true}');
    if (reply.status !== 200) throw new Error(`POST /curriculum answered ${reply.status}: ${reply.body}`);
  } finally {
    conn.close();
  }
}

/** Non-idle CPU time of the whole machine so far (ms, all cores), from /proc/stat. */
export function machineBusyMs(): number {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) * 10;
}

export interface Measured<T> {
  result: T;
  /** The measured window as the orchestrator saw it. */
  window_ms: number;
  server: { pid: number; cpu_ms: number; cpu_pct: number; main_thread_pct: number; rss_mb: number };
  /** CPU used on the machine in the window by anything but the server and the load generator. */
  other_cpu_ms: number;
}

interface ChildMessage {
  ok?: boolean;
  result?: unknown;
  error?: string;
  mark?: "start" | "end";
  ready?: boolean;
}

/**
 * Forks a load generator (`bench/<module>.ts` under tsx) with its scenario; between its start and end marks,
 * reads the server's CPU time and the machine's, so the report can say who used the CPU.
 */
export function runLoad<T extends { loadgen: { cpu_ms: number } }>(
  module: string,
  scenario: unknown,
  server: RunningProcess,
  onReady?: (child: ChildProcess) => Promise<void>,
): Promise<Measured<T>> {
  return new Promise((resolve, reject) => {
    const child = fork(`${ROOT}bench/${module}.ts`, [JSON.stringify(scenario)], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let start: { t: number; server: ProcStats; busy: number } | null = null;
    let end: { t: number; server: ProcStats; busy: number } | null = null;
    const mark = () => ({ t: performance.now(), server: server.stats(), busy: machineBusyMs() });
    child.on("message", (message: ChildMessage) => {
      if (message.mark === "start") start = mark();
      else if (message.mark === "end") end = mark();
      else if (message.ready && onReady) void onReady(child);
      else if (message.ok === false) reject(new Error(`${module} failed: ${message.error}`));
      else if (message.ok) {
        const result = message.result as T;
        const s = start ?? mark();
        const e = end ?? mark();
        const windowMs = e.t - s.t;
        const serverCpu = e.server.cpu_ms - s.server.cpu_ms;
        resolve({
          result,
          window_ms: round(windowMs, 0),
          server: {
            pid: server.pid,
            cpu_ms: serverCpu,
            cpu_pct: round((100 * serverCpu) / Math.max(1, windowMs), 0),
            main_thread_pct: round(
              (100 * (e.server.main_cpu_ms - s.server.main_cpu_ms)) / Math.max(1, windowMs),
              0,
            ),
            rss_mb: e.server.rss_mb,
          },
          other_cpu_ms: Math.max(0, round(e.busy - s.busy - serverCpu - result.loadgen.cpu_ms, 0)),
        });
      }
    });
    child.once("exit", (code) => {
      if (code !== 0) reject(new Error(`${module} exited with code ${code}`));
    });
  });
}

/** Forks `bench/<module>.ts` with one argument and resolves with the result it sends back. */
export function runChild<T>(module: string, arg: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(`${ROOT}bench/${module}.ts`, [arg], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.on("message", (message: ChildMessage) => {
      if (message.ok) resolve(message.result as T);
      else if (message.ok === false) reject(new Error(`${module} failed: ${message.error}`));
    });
    child.once("exit", (code) => {
      if (code !== 0) reject(new Error(`${module} exited with code ${code}`));
    });
  });
}
