// Sufficient statistics for every metric: per-confidence-level right/wrong counts plus integer totals.
import { isFormatFailure } from "../format-verdict.js";
import { type EpisodeOutcome, hasStatedConfidence, isSubstantive } from "./episode-outcome.js";

/** Confidence levels 0..100. */
export const LEVELS = 101;

/** A substantive answer stated at this confidence (percent) or above is a confident one. */
export const CONFIDENT_AT = 80;

/**
 * Rewards are summed as integers in units of 2^-60, so removing an outcome undoes adding it exactly. Scaling
 * by a power of two is exact, and every double of magnitude >= 2^-8 is a whole number of units; smaller
 * rewards lose at most 2^-61 each.
 */
const REWARD_SCALE = 2 ** 60;

export interface OutcomeCounts {
  /** right[k]: correct answers stated at confidence k, calibration subset only. */
  readonly right: number[];
  /** wrong[k]: incorrect answers stated at confidence k, calibration subset only. */
  readonly wrong: number[];
  /** All records, including those without a stated confidence. */
  total: number;
  /** Records in the calibration subset (the sum of right and wrong). */
  calibrated: number;
  abstained: number;
  formatFailures: number;
  /** Records of questions no one can answer (answerable false); the rest are answerable. */
  unanswerable: number;
  /** Declines (abstentions) on answerable and on unanswerable questions. */
  abstainedAnswerable: number;
  abstainedUnanswerable: number;
  /** Substantive answers stated at confidence >= CONFIDENT_AT, and how many of those were wrong. */
  confidentAnswers: number;
  confidentWrong: number;
  /** Confident substantive answers to unanswerable questions (confident fabrications). */
  confidentFabrications: number;
  /** Sum of rewards in fixed point (see REWARD_SCALE). */
  rewardUnits: bigint;
}

export function emptyCounts(): OutcomeCounts {
  return {
    right: new Array<number>(LEVELS).fill(0),
    wrong: new Array<number>(LEVELS).fill(0),
    total: 0,
    calibrated: 0,
    abstained: 0,
    formatFailures: 0,
    unanswerable: 0,
    abstainedAnswerable: 0,
    abstainedUnanswerable: 0,
    confidentAnswers: 0,
    confidentWrong: 0,
    confidentFabrications: 0,
    rewardUnits: 0n,
  };
}

function rewardUnits(reward: number): bigint {
  const scaled = Math.round(reward * REWARD_SCALE);
  if (!Number.isFinite(scaled)) throw new RangeError(`reward must be finite and below 1e250, got ${reward}`);
  return BigInt(scaled);
}

/** Mean reward from a fixed-point sum; null for no records. */
export function meanReward(counts: OutcomeCounts): number | null {
  return counts.total === 0 ? null : Number(counts.rewardUnits) / REWARD_SCALE / counts.total;
}

/**
 * Adds (sign 1) or removes (sign -1) one outcome in O(1). Throws RangeError for a confidence outside the
 * integers 0..100, a non-finite reward, or a removal of something that cannot have been added; in that case
 * the counts are left untouched.
 */
export function applyOutcome(counts: OutcomeCounts, outcome: EpisodeOutcome, sign: 1 | -1): void {
  const { confidence, correct, abstained, format } = outcome;
  if (!Number.isInteger(confidence) || confidence < 0 || confidence > 100) {
    throw new RangeError(`confidence must be an integer 0..100, got ${confidence}`);
  }
  const units = rewardUnits(outcome.reward);
  const stated = hasStatedConfidence(format);
  const level = correct ? counts.right : counts.wrong;
  const failure = isFormatFailure(format);
  const unanswerable = outcome.answerable === false;
  const confident = stated && confidence >= CONFIDENT_AT && isSubstantive(outcome);
  if (sign === -1) {
    const impossible =
      (stated ? level[confidence]! === 0 : counts.total === counts.calibrated) ||
      (abstained && counts.abstained === 0) ||
      (failure && counts.formatFailures === 0) ||
      (unanswerable && counts.unanswerable === 0) ||
      (abstained && (unanswerable ? counts.abstainedUnanswerable : counts.abstainedAnswerable) === 0) ||
      (confident && (counts.confidentAnswers === 0 || (!correct && counts.confidentWrong === 0))) ||
      (confident && unanswerable && counts.confidentFabrications === 0);
    if (impossible) throw new RangeError("cannot remove an outcome that was never added");
  }
  counts.total += sign;
  if (stated) {
    level[confidence]! += sign;
    counts.calibrated += sign;
  }
  if (abstained) counts.abstained += sign;
  if (failure) counts.formatFailures += sign;
  if (unanswerable) counts.unanswerable += sign;
  if (abstained && unanswerable) counts.abstainedUnanswerable += sign;
  if (abstained && !unanswerable) counts.abstainedAnswerable += sign;
  if (confident) {
    counts.confidentAnswers += sign;
    if (!correct) counts.confidentWrong += sign;
    if (unanswerable) counts.confidentFabrications += sign;
  }
  counts.rewardUnits += sign === 1 ? units : -units;
}

/** Adds every count of `from` into `into`. */
export function mergeCounts(into: OutcomeCounts, from: OutcomeCounts): void {
  for (let k = 0; k < LEVELS; k++) {
    into.right[k]! += from.right[k]!;
    into.wrong[k]! += from.wrong[k]!;
  }
  into.total += from.total;
  into.calibrated += from.calibrated;
  into.abstained += from.abstained;
  into.formatFailures += from.formatFailures;
  into.unanswerable += from.unanswerable;
  into.abstainedAnswerable += from.abstainedAnswerable;
  into.abstainedUnanswerable += from.abstainedUnanswerable;
  into.confidentAnswers += from.confidentAnswers;
  into.confidentWrong += from.confidentWrong;
  into.confidentFabrications += from.confidentFabrications;
  into.rewardUnits += from.rewardUnits;
}
