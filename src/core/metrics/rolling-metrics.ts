// Metrics over the last N outcomes: a ring buffer in front of an accumulator, O(1) per add, N records of memory.
import type { CalibrationReport } from "./calibration-report.js";
import type { EpisodeOutcome } from "./episode-outcome.js";
import { MetricsAccumulator, type MetricsSink } from "./metrics-accumulator.js";

/** Throws RangeError unless the window capacity is a positive integer (configuration fails fast). */
export function assertWindowCapacity(capacity: number): void {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`window capacity must be a positive integer, got ${capacity}`);
  }
}

export class RollingMetrics implements MetricsSink {
  readonly capacity: number;
  readonly #window: EpisodeOutcome[] = [];
  readonly #metrics = new MetricsAccumulator();
  /** Index of the oldest outcome once the window is full. */
  #oldest = 0;

  constructor(capacity: number) {
    assertWindowCapacity(capacity);
    this.capacity = capacity;
  }

  get count(): number {
    return this.#metrics.count;
  }

  /** Adds an outcome and returns the one it pushed out of a full window, if any. */
  add(outcome: EpisodeOutcome): EpisodeOutcome | undefined {
    // A private copy: later edits to the caller's object must not change what gets subtracted.
    const kept = { ...outcome };
    this.#metrics.add(kept);
    if (this.#window.length < this.capacity) {
      this.#window.push(kept);
      return undefined;
    }
    const evicted = this.#window[this.#oldest]!;
    this.#metrics.remove(evicted);
    this.#window[this.#oldest] = kept;
    this.#oldest = (this.#oldest + 1) % this.capacity;
    return evicted;
  }

  report(): CalibrationReport {
    return this.#metrics.report();
  }

  /** report().ece without the rest of the report. */
  ece(): number | null {
    return this.#metrics.ece();
  }
}
