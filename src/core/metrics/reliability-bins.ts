// The 10 equal-width reliability bins and the calibration errors (ECE, MCE) read from them.
import type { ReliabilityBin } from "./calibration-report.js";

export const BIN_COUNT = 10;

/**
 * Bin of an integer confidence in percent: [0,10) -> 0, ..., [90,100] -> 9 (100 joins the last bin).
 * @example binIndex(100) // 9
 */
export function binIndex(confidence: number): number {
  return Math.min(Math.floor(confidence / 10), BIN_COUNT - 1);
}

/** Integer totals of one bin; kept in integers so ECE and MCE are a single division each. */
interface BinTotals {
  count: number;
  right: number;
  /** Sum of confidences in percent. */
  confidenceSum: number;
}

function binTotals(right: readonly number[], wrong: readonly number[]): BinTotals[] {
  const bins = Array.from({ length: BIN_COUNT }, () => ({ count: 0, right: 0, confidenceSum: 0 }));
  for (let k = 0; k < right.length; k++) {
    const n = right[k]! + wrong[k]!;
    const bin = bins[binIndex(k)]!;
    bin.count += n;
    bin.right += right[k]!;
    bin.confidenceSum += n * k;
  }
  return bins;
}

/** |sum of stated probabilities - number right| of a bin, times 100 (an integer). */
const absGap100 = (bin: BinTotals) => Math.abs(bin.confidenceSum - 100 * bin.right);

export interface BinnedCalibration {
  bins: ReliabilityBin[];
  ece: number | null;
  mce: number | null;
}

/**
 * ECE alone, equal to binnedCalibration(right, wrong).ece but without building the table: the curriculum
 * reads it after every episode, so it must stay cheap.
 * @example eceOf([0, 1], [1, 0]) // 0.495: one wrong at 0%, one right at 1%: |0 + 1 - 100| / 200
 */
export function eceOf(right: readonly number[], wrong: readonly number[]): number | null {
  let count = 0;
  let eceNumerator = 0;
  // Levels are visited in order, so each bin's levels are consecutive: sum its gap, then close it.
  let bin = 0;
  let gap = 0;
  for (let k = 0; k < right.length; k++) {
    const b = binIndex(k);
    if (b !== bin) {
      eceNumerator += Math.abs(gap);
      gap = 0;
      bin = b;
    }
    const n = right[k]! + wrong[k]!;
    count += n;
    gap += n * k - 100 * right[k]!;
  }
  eceNumerator += Math.abs(gap);
  return count === 0 ? null : eceNumerator / (100 * count);
}

/** Reliability table, ECE and MCE from per-level right/wrong counts (index = confidence 0..100). */
export function binnedCalibration(right: readonly number[], wrong: readonly number[]): BinnedCalibration {
  const totals = binTotals(right, wrong);
  let count = 0;
  let eceNumerator = 0;
  let mce: number | null = null;
  const bins = totals.map((bin, b): ReliabilityBin => {
    const lower = b / BIN_COUNT;
    const upper = (b + 1) / BIN_COUNT;
    if (bin.count === 0) return { lower, upper, count: 0, mean_confidence: null, accuracy: null, gap: null };
    count += bin.count;
    eceNumerator += absGap100(bin);
    mce = Math.max(mce ?? 0, absGap100(bin) / (100 * bin.count));
    return {
      lower,
      upper,
      count: bin.count,
      mean_confidence: bin.confidenceSum / (100 * bin.count),
      accuracy: bin.right / bin.count,
      gap: (bin.confidenceSum - 100 * bin.right) / (100 * bin.count),
    };
  });
  return { bins, ece: count === 0 ? null : eceNumerator / (100 * count), mce };
}
