// Live metrics per group (e.g. per domain): one sink per key, created on first use.
import type { Domain } from "../taxonomy.js";
import type { CalibrationReport } from "./calibration-report.js";
import type { EpisodeOutcome } from "./episode-outcome.js";
import { MetricsAccumulator, type MetricsSink } from "./metrics-accumulator.js";
import { emptyCounts } from "./outcome-counts.js";
import { reportFromCounts } from "./report-from-counts.js";
import { assertWindowCapacity, RollingMetrics } from "./rolling-metrics.js";

export class GroupedMetrics<K extends string> {
  readonly #groups = new Map<K, MetricsSink>();
  readonly #keyOf: (outcome: EpisodeOutcome) => K;
  readonly #createSink: () => MetricsSink;

  constructor(
    keyOf: (outcome: EpisodeOutcome) => K,
    createSink: () => MetricsSink = () => new MetricsAccumulator(),
  ) {
    this.#keyOf = keyOf;
    this.#createSink = createSink;
  }

  add(outcome: EpisodeOutcome): void {
    const key = this.#keyOf(outcome);
    let sink = this.#groups.get(key);
    if (!sink) {
      sink = this.#createSink();
      this.#groups.set(key, sink);
    }
    sink.add(outcome);
  }

  /** The group's report; the empty report (count 0, nulls) for a group never seen. */
  report(key: K): CalibrationReport {
    return this.#groups.get(key)?.report() ?? reportFromCounts(emptyCounts());
  }

  /** Reports of every group seen so far, in first-seen order. */
  reports(): Partial<Record<K, CalibrationReport>> {
    const out: Partial<Record<K, CalibrationReport>> = {};
    for (const [key, sink] of this.#groups) out[key] = sink.report();
    return out;
  }
}

/**
 * Per-domain live metrics: all-time accumulators, or rolling windows of `window` outcomes per domain.
 * @example createDomainMetrics({ window: 500 }).report("math")
 */
export function createDomainMetrics(options: { window?: number } = {}): GroupedMetrics<Domain> {
  const { window } = options;
  if (window !== undefined) assertWindowCapacity(window); // fail now, not on the first add
  return new GroupedMetrics<Domain>(
    (outcome) => outcome.domain,
    window === undefined ? () => new MetricsAccumulator() : () => new RollingMetrics(window),
  );
}
