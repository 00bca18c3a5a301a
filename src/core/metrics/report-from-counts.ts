// Turns the sufficient statistics into a CalibrationReport in O(101); shared by the batch and live paths.
import { aurocFromLevels } from "./auroc.js";
import { brierDecomposition } from "./brier-decomposition.js";
import type { CalibrationReport } from "./calibration-report.js";
import { meanReward, type OutcomeCounts } from "./outcome-counts.js";
import { binnedCalibration } from "./reliability-bins.js";

/** Confidence thresholds (percent) of the tail rates. */
export const OVERCONFIDENT_AT = 80;
export const HALLUCINATION_AT = 95;
export const UNDERCONFIDENT_AT = 20;

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Keeps a figure bounded by the maths inside [0, 1] despite the last rounding step. */
const clamp01 = (x: number | null | undefined): number | null =>
  x == null ? null : Math.min(1, Math.max(0, x));

/** The headline figures every observation carries; a subset of the report, with the same values. */
export interface HeadlineFigures {
  count: number;
  accuracy: number | null;
  mean_confidence: number | null;
  ece: number | null;
  brier: number | null;
  mean_reward: number | null;
}

/**
 * reportFromCounts(counts) restricted to the headline figures, in one pass over the levels: every reset and
 * step shows them. The sums are integers, so each figure equals the full report's to the last bit.
 */
export function headlineFromCounts(counts: OutcomeCounts): HeadlineFigures {
  const { right, wrong } = counts;
  let rightTotal = 0;
  let calibrated = 0;
  let confidenceSum = 0;
  let squaredErrors = 0;
  let eceNumerator = 0;
  let gap = 0;
  for (let k = 0; k < right.length; k++) {
    const r = right[k]!;
    const w = wrong[k]!;
    // Bins are [0,10), ..., [80,90), [90,100]: close the previous bin's gap when a new one starts.
    if (k % 10 === 0 && k > 0 && k < 100) {
      eceNumerator += Math.abs(gap);
      gap = 0;
    }
    rightTotal += r;
    calibrated += r + w;
    confidenceSum += (r + w) * k;
    squaredErrors += r * (100 - k) ** 2 + w * k ** 2;
    gap += (r + w) * k - 100 * r;
  }
  eceNumerator += Math.abs(gap);
  return {
    count: counts.total,
    accuracy: ratio(rightTotal, calibrated),
    mean_confidence: clamp01(ratio(confidenceSum, 100 * calibrated)),
    ece: clamp01(calibrated === 0 ? null : eceNumerator / (100 * calibrated)),
    brier: clamp01(calibrated === 0 ? null : squaredErrors / (10_000 * calibrated)),
    mean_reward: meanReward(counts),
  };
}

/** The report for the given counts; figures without data are null, never 0. */
export function reportFromCounts(counts: OutcomeCounts): CalibrationReport {
  const { right, wrong } = counts;
  let rightTotal = 0;
  let wrongTotal = 0;
  let confidenceSum = 0;
  let overconfident = 0;
  let hallucinated = 0;
  let underconfident = 0;
  for (let k = 0; k < right.length; k++) {
    const r = right[k]!;
    const w = wrong[k]!;
    rightTotal += r;
    wrongTotal += w;
    confidenceSum += (r + w) * k;
    if (k >= OVERCONFIDENT_AT) overconfident += w;
    if (k >= HALLUCINATION_AT) hallucinated += w;
    if (k <= UNDERCONFIDENT_AT) underconfident += r;
  }
  const calibrated = rightTotal + wrongTotal;
  const binned = binnedCalibration(right, wrong);
  const brier = brierDecomposition(right, wrong);
  return {
    count: counts.total,
    calibrated_count: calibrated,
    accuracy: ratio(rightTotal, calibrated),
    mean_confidence: clamp01(ratio(confidenceSum, 100 * calibrated)),
    ece: clamp01(binned.ece),
    mce: clamp01(binned.mce),
    brier: clamp01(brier?.brier),
    sharpness: brier && Math.min(0.25, brier.sharpness),
    reliability: clamp01(brier?.reliability),
    resolution: clamp01(brier?.resolution),
    uncertainty: clamp01(brier?.uncertainty),
    auroc: clamp01(aurocFromLevels(right, wrong)),
    overconfidence_rate: ratio(overconfident, wrongTotal),
    severe_overconfidence_rate: ratio(hallucinated, wrongTotal),
    hallucination_rate: ratio(hallucinated, wrongTotal),
    underconfidence_rate: ratio(underconfident, rightTotal),
    abstention_rate: ratio(counts.abstained, counts.total),
    format_failure_rate: ratio(counts.formatFailures, counts.total),
    false_confidence_rate: ratio(counts.confidentWrong, counts.confidentAnswers),
    refusal_rate_answerable: ratio(counts.abstainedAnswerable, counts.total - counts.unanswerable),
    refusal_rate_unanswerable: ratio(counts.abstainedUnanswerable, counts.unanswerable),
    confident_fabrication_rate: ratio(counts.confidentFabrications, counts.unanswerable),
    mean_reward: meanReward(counts),
    bins: binned.bins,
  };
}
