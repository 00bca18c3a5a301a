// Latency samples and their percentiles, and the measured window every load generator shares.
import { performance } from "node:perf_hooks";

export interface LatencySummary {
  count: number;
  p50_ms: number | null;
  p90_ms: number | null;
  p99_ms: number | null;
  max_ms: number | null;
  mean_ms: number | null;
}

/** Keeps every sample (a run is a few hundred thousand at most) so percentiles are exact. */
export class LatencyRecorder {
  #samples = new Float64Array(1 << 16);
  #count = 0;

  add(ms: number): void {
    if (this.#count === this.#samples.length) {
      const grown = new Float64Array(this.#samples.length * 2);
      grown.set(this.#samples);
      this.#samples = grown;
    }
    this.#samples[this.#count++] = ms;
  }

  get count(): number {
    return this.#count;
  }

  summary(): LatencySummary {
    const n = this.#count;
    if (n === 0) return { count: 0, p50_ms: null, p90_ms: null, p99_ms: null, max_ms: null, mean_ms: null };
    const sorted = this.#samples.slice(0, n).sort();
    const at = (q: number) => round(sorted[Math.min(n - 1, Math.ceil(q * n) - 1)] as number);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += sorted[i] as number;
    return {
      count: n,
      p50_ms: at(0.5),
      p90_ms: at(0.9),
      p99_ms: at(0.99),
      max_ms: at(1),
      mean_ms: round(sum / n),
    };
  }
}

export const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Warm-up, then a measured window: work that completes inside it counts. `running` turns false at its end. */
export class Window {
  readonly start: number;
  readonly end: number;

  constructor(warmupMs: number, durationMs: number) {
    this.start = performance.now() + warmupMs;
    this.end = this.start + durationMs;
  }

  get running(): boolean {
    return performance.now() < this.end;
  }

  counts(finishedAt: number): boolean {
    return finishedAt >= this.start && finishedAt <= this.end;
  }

  get seconds(): number {
    return (this.end - this.start) / 1000;
  }
}

/** Resolves after `ms`. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** This process's CPU time (ms) and RSS (MB), for the report's load-generator columns. */
export function selfUsage(): { cpu_ms: number; rss_mb: number } {
  const cpu = process.cpuUsage();
  return {
    cpu_ms: round((cpu.user + cpu.system) / 1000, 0),
    rss_mb: round(process.memoryUsage().rss / 2 ** 20, 1),
  };
}

/** What the load generator reports of itself over the measured window. */
export interface LoadgenUsage {
  pid: number;
  cpu_ms: number;
  rss_mb: number;
}

/**
 * Starts the measured window after `warmupMs`: notes this process's CPU use at that moment and tells the
 * parent (which samples the server's at the same mark). `end` closes the window the same way and returns this
 * process's CPU over it.
 */
export function markWindowStart(warmupMs: number): { end: () => LoadgenUsage } {
  let atStart = selfUsage();
  const timer = setTimeout(() => {
    atStart = selfUsage();
    process.send?.({ mark: "start" });
  }, warmupMs);
  return {
    end: () => {
      clearTimeout(timer);
      const atEnd = selfUsage();
      process.send?.({ mark: "end" });
      return { pid: process.pid, cpu_ms: atEnd.cpu_ms - atStart.cpu_ms, rss_mb: atEnd.rss_mb };
    },
  };
}

/** In a child forked by the bench: sends the result (or the failure) to the parent, then exits. */
export function replyToParent(work: Promise<unknown>): void {
  work.then(
    (result) => process.send?.({ ok: true, result }, () => process.exit(0)),
    (error: unknown) =>
      process.send?.({ ok: false, error: String((error as Error).stack ?? error) }, () => process.exit(1)),
  );
}
