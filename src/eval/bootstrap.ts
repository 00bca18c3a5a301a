// Seeded basic bootstrap: confidence intervals for ECE, Brier and their differences between runs.
import { z } from "zod";
import { createRng, hashSeed, type Rng } from "../core/rng.js";

export const BootstrapInterval = z
  .object({
    estimate: z.number().describe("The statistic on the full sample (not the bootstrap mean)"),
    lower: z
      .number()
      .describe(
        "2 * estimate - the (1 + level)/2 percentile of the replicates, clipped to the statistic's range",
      ),
    upper: z
      .number()
      .describe(
        "2 * estimate - the (1 - level)/2 percentile of the replicates, clipped to the statistic's range",
      ),
    bias: z
      .number()
      .describe(
        "Mean of the replicates minus the estimate: how much resampling inflates the statistic. The bounds " +
          "are corrected for it, so for ECE (which noise only raises) they can sit below the raw estimate",
      ),
    method: z
      .literal("basic")
      .describe(
        "Basic (reverse-percentile) bootstrap: it reflects the resampling bias back, which matters for ECE, " +
          "whose sampling noise only ever adds to it",
      ),
    level: z.number().min(0).max(1).describe("Coverage of the interval, e.g. 0.95"),
    replicates: z
      .number()
      .int()
      .min(1)
      .describe(
        "Replicates in which the statistic was defined (others, e.g. with no stated confidence, skipped)",
      ),
  })
  .meta({ id: "BootstrapInterval" });
export type BootstrapInterval = z.infer<typeof BootstrapInterval>;

export interface IntervalOptions {
  /** Number of resamples (0 gives no intervals). */
  replicates: number;
  /** Coverage, default 0.95. */
  level?: number;
  /** Range the statistic can take; bounds are clipped to it (default unbounded). */
  range?: readonly [number, number];
}

export interface BootstrapOptions extends IntervalOptions {
  seed: number;
}

/**
 * Quantile of sorted values with linear interpolation between order statistics (R's type 7).
 * @example quantile([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError("quantile of no values");
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

/** n draws with replacement. */
export function resample<T>(items: readonly T[], rng: Rng): T[] {
  return Array.from({ length: items.length }, () => items[rng.int(0, items.length - 1)] as T);
}

/** A seeded random source for one named bootstrap, so each run and each difference gets its own stream. */
export function bootstrapRng(seed: number, ...stream: (string | number)[]): Rng {
  return createRng(hashSeed("bootstrap", seed, ...stream));
}

/**
 * Basic bootstrap intervals for several statistics of the same resamples: [2t - q_hi, 2t - q_lo] with t the
 * estimate and q the replicate percentiles. A percentile interval would sit wholly above a calibrated model's
 * ECE, because resampling adds noise and noise only raises ECE; reflecting corrects that first-order bias.
 * `draw` makes one resample from the rng; each statistic maps a sample (or the full data, for the estimate)
 * to a number or null. An interval is null when the estimate is null or under half of the replicates give one.
 * @example
 * const rng = bootstrapRng(1, "run");
 * bootstrapIntervals(xs, (r) => resample(xs, r), { mean: (s) => s.reduce((a, b) => a + b, 0) / s.length }, { replicates: 1000 }, rng).mean
 */
export function bootstrapIntervals<T, K extends string>(
  full: T,
  draw: (rng: Rng) => T,
  statistics: Readonly<Record<K, (sample: T) => number | null>>,
  options: IntervalOptions,
  rng: Rng,
): Record<K, BootstrapInterval | null> {
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  if (!Number.isInteger(options.replicates) || options.replicates < 0) {
    throw new RangeError(`replicates must be a non-negative integer, got ${options.replicates}`);
  }
  const [min, max] = options.range ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  const clip = (x: number) => Math.min(max, Math.max(min, x));
  const keys = Object.keys(statistics) as K[];
  const values = new Map<K, number[]>(keys.map((k) => [k, []]));
  for (let r = 0; r < options.replicates; r++) {
    const sample = draw(rng);
    for (const k of keys) {
      const v = statistics[k](sample);
      if (v !== null && Number.isFinite(v)) values.get(k)!.push(v);
    }
  }
  const out = {} as Record<K, BootstrapInterval | null>;
  for (const k of keys) {
    const estimate = statistics[k](full);
    const sorted = values.get(k)!.sort((x, y) => x - y);
    out[k] =
      estimate === null || sorted.length === 0 || sorted.length < options.replicates / 2
        ? null
        : {
            estimate,
            lower: clip(2 * estimate - quantile(sorted, (1 + level) / 2)),
            upper: clip(2 * estimate - quantile(sorted, (1 - level) / 2)),
            bias: sorted.reduce((sum, v) => sum + v, 0) / sorted.length - estimate,
            method: "basic",
            level,
            replicates: sorted.length,
          };
  }
  return out;
}
