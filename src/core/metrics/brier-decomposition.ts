// Brier score, sharpness and the Murphy decomposition over the 101 integer confidence levels.

export interface BrierDecomposition {
  brier: number;
  /** Variance of the stated probabilities. */
  sharpness: number;
  reliability: number;
  resolution: number;
  uncertainty: number;
}

/**
 * From per-level right/wrong counts (index = confidence 0..100); null when there are no records.
 * Grouping by the exact forecast values (not by bins) makes brier = reliability - resolution + uncertainty
 * an identity rather than an approximation.
 */
export function brierDecomposition(
  right: readonly number[],
  wrong: readonly number[],
): BrierDecomposition | null {
  let n = 0;
  let r = 0;
  let confidenceSum = 0;
  let squaredErrors = 0;
  for (let k = 0; k < right.length; k++) {
    const nk = right[k]! + wrong[k]!;
    n += nk;
    r += right[k]!;
    confidenceSum += nk * k;
    squaredErrors += right[k]! * (100 - k) ** 2 + wrong[k]! * k ** 2;
  }
  if (n === 0) return null;
  const mean = confidenceSum / (100 * n);
  const baseRate = r / n;
  let spread = 0;
  let reliability = 0;
  let resolution = 0;
  for (let k = 0; k < right.length; k++) {
    const nk = right[k]! + wrong[k]!;
    if (nk === 0) continue;
    const levelRate = right[k]! / nk;
    spread += nk * (k / 100 - mean) ** 2;
    reliability += nk * (k / 100 - levelRate) ** 2;
    resolution += nk * (levelRate - baseRate) ** 2;
  }
  return {
    brier: squaredErrors / (10_000 * n),
    sharpness: spread / n,
    reliability: reliability / n,
    resolution: resolution / n,
    uncertainty: baseRate * (1 - baseRate),
  };
}
