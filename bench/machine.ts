// The machine a run happened on, and per-process CPU time and memory read from /proc (Linux).
import { readFileSync } from "node:fs";
import { cpus, freemem, loadavg, totalmem } from "node:os";
import { round } from "./stats.js";

export interface MachineInfo {
  cpu_model: string;
  cores: number;
  memory_gb: number;
  free_memory_gb: number;
  node: string;
  platform: string;
  kernel: string;
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (match?.[1]) return match[1].trim();
  } catch {
    // not Linux: fall back to what os.cpus() says
  }
  return cpus()[0]?.model ?? "unknown";
}

export function machineInfo(): MachineInfo {
  let kernel = "unknown";
  try {
    kernel = readFileSync("/proc/sys/kernel/osrelease", "utf8").trim();
  } catch {
    // not Linux
  }
  return {
    cpu_model: cpuModel(),
    cores: cpus().length,
    memory_gb: round(totalmem() / 2 ** 30, 1),
    free_memory_gb: round(freemem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    kernel,
  };
}

/** The 1, 5 and 15 minute load averages. */
export const loadAverage = (): [number, number, number] =>
  loadavg().map((x) => round(x, 2)) as [number, number, number];

export interface ProcStats {
  /** User + system CPU time so far (ms), all threads. */
  cpu_ms: number;
  /** The main thread's share of it (the event loop; the rest is GC, the history writer, libuv). */
  main_cpu_ms: number;
  rss_mb: number;
  /** Peak RSS so far (VmHWM). */
  peak_rss_mb: number;
}

const TICKS_PER_S = 100; // USER_HZ on Linux

/** utime + stime of a /proc stat file, in ms. */
function cpuMsOf(statFile: string): number {
  const stat = readFileSync(statFile, "utf8");
  // Fields after the command name (which may hold spaces) start at the last ')'.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
  return round((ticks * 1000) / TICKS_PER_S, 0);
}

/** CPU time and memory of a live process, from /proc/<pid>/stat and /proc/<pid>/status. */
export function procStats(pid: number): ProcStats {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s*(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
  return {
    cpu_ms: cpuMsOf(`/proc/${pid}/stat`),
    main_cpu_ms: cpuMsOf(`/proc/${pid}/task/${pid}/stat`),
    rss_mb: round(kb("VmRSS") / 1024, 1),
    peak_rss_mb: round(kb("VmHWM") / 1024, 1),
  };
}
