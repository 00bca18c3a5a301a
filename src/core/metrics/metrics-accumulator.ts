// Live metrics: O(1) add/remove over integer histograms, report() in O(101), same figures as computeMetrics.
import type { CalibrationReport } from "./calibration-report.js";
import type { EpisodeOutcome } from "./episode-outcome.js";
import { applyOutcome, emptyCounts, mergeCounts, type OutcomeCounts } from "./outcome-counts.js";
import { eceOf } from "./reliability-bins.js";
import { type HeadlineFigures, headlineFromCounts, reportFromCounts } from "./report-from-counts.js";

/** Anything that takes outcomes and reports on them (accumulator, rolling window). */
export interface MetricsSink {
  add(outcome: EpisodeOutcome): unknown;
  report(): CalibrationReport;
  readonly count: number;
}

/**
 * Running metrics. Counts are integers and rewards are summed in fixed point, so remove() undoes add()
 * exactly and long-running windows do not drift.
 * @example
 * const live = new MetricsAccumulator();
 * live.add(outcome);
 * live.report().ece;
 */
export class MetricsAccumulator implements MetricsSink {
  readonly #counts: OutcomeCounts = emptyCounts();

  /** Records added and not removed. */
  get count(): number {
    return this.#counts.total;
  }

  /** Adds one outcome; throws RangeError (and changes nothing) for an out-of-range confidence or reward. */
  add(outcome: EpisodeOutcome): this {
    applyOutcome(this.#counts, outcome, 1);
    return this;
  }

  /** Removes an outcome added earlier; throws RangeError (and changes nothing) if it cannot have been added. */
  remove(outcome: EpisodeOutcome): this {
    applyOutcome(this.#counts, outcome, -1);
    return this;
  }

  /** Adds everything `other` holds; `other` is left unchanged. */
  merge(other: MetricsAccumulator): this {
    mergeCounts(this.#counts, other.#counts);
    return this;
  }

  report(): CalibrationReport {
    return reportFromCounts(this.#counts);
  }

  /** report()'s count, accuracy, mean_confidence, ece, brier and mean_reward, in one pass (no bins, AUROC...). */
  headline(): HeadlineFigures {
    return headlineFromCounts(this.#counts);
  }

  /** report().ece without the rest of the report (cheap enough to read after every add). */
  ece(): number | null {
    return eceOf(this.#counts.right, this.#counts.wrong);
  }
}
