// Live metrics: what every episode stored so far adds up to (overall, by domain, and the curriculum's count),
// rebuilt from history on start, and the metrics and fingerprint queries answered from them or from history.
import type { Curriculum } from "../core/curriculum.js";
import type { CalibrationReport } from "../core/metrics/calibration-report.js";
import { computeMetrics, computeMetricsBy } from "../core/metrics/compute-metrics.js";
import type { EpisodeOutcome } from "../core/metrics/episode-outcome.js";
import { type Fingerprint, fingerprintOf } from "../core/metrics/fingerprint.js";
import { createDomainMetrics, type GroupedMetrics } from "../core/metrics/grouped-metrics.js";
import { MetricsAccumulator } from "../core/metrics/metrics-accumulator.js";
import type { Domain } from "../core/taxonomy.js";
import type { HistoryFilter, HistoryStore, PhaseChange } from "../store/history-store.js";
import type { RunningCalibration } from "./observation.js";

export class LiveMetrics {
  readonly #overall = new MetricsAccumulator();
  readonly #byDomain: GroupedMetrics<Domain> = createDomainMetrics();
  /** Episodes counted so far (restored ones included): where a hand-made phase change sits among them. */
  #episodes = 0;
  /** running() until the next episode is counted: every reset and step shows it, and it costs a full report. */
  #running: RunningCalibration | null = null;

  constructor(
    private readonly history: HistoryStore,
    private readonly curriculum: Curriculum,
    /** Domains the fingerprint covers: the bank's, read at query time. */
    private readonly bank: { readonly domains: readonly Domain[] },
  ) {}

  /** Episodes counted so far, restored ones included. */
  get episodes(): number {
    return this.#episodes;
  }

  /**
   * Rebuilds live metrics and the curriculum from stored history (a restart changes nothing): the stored
   * outcomes are streamed oldest first, with hand-made phase changes replayed where they happened.
   */
  restore(): void {
    const changes = this.history.phaseChanges();
    let next = 0;
    for (const outcome of this.history.outcomes()) {
      while (next < changes.length && (changes[next] as PhaseChange).after_episodes <= this.#episodes) {
        const change = changes[next++] as PhaseChange;
        this.curriculum.setPhase(change.phase, change.pinned);
      }
      this.count(outcome);
    }
    for (const change of changes.slice(next)) this.curriculum.setPhase(change.phase, change.pinned);
  }

  /** Counts one stored episode everywhere: overall, by domain and in the curriculum. */
  count(outcome: EpisodeOutcome): void {
    this.#overall.add(outcome);
    this.#byDomain.add(outcome);
    this.curriculum.record(outcome);
    this.#episodes++;
    this.#running = null;
  }

  /** The headline numbers every observation carries. */
  running(): RunningCalibration {
    if (this.#running) return { ...this.#running };
    const r = this.#overall.headline();
    this.#running = {
      episodes: r.count,
      accuracy: r.accuracy,
      mean_confidence: r.mean_confidence,
      ece: r.ece,
      brier: r.brier,
      mean_reward: r.mean_reward,
    };
    return { ...this.#running };
  }

  /** All-time metrics, or metrics over the newest `window` matching episodes of the stored history. */
  metrics(filter: HistoryFilter = {}, window?: number): CalibrationReport {
    if (!narrowed(filter, window)) return this.#overall.report();
    return computeMetrics(this.history.outcomes(filter, window));
  }

  fingerprint(filter: HistoryFilter = {}, window?: number): Fingerprint {
    const reports = narrowed(filter, window)
      ? computeMetricsBy(this.history.outcomes(filter, window), "domain")
      : this.#byDomain.reports();
    return fingerprintOf(reports, 5, this.bank.domains);
  }
}

/** Whether a query asks for less than everything, so it must read history instead of the live totals. */
function narrowed(filter: HistoryFilter, window: number | undefined): boolean {
  return window !== undefined || Object.values(filter).some((v) => v !== undefined);
}
