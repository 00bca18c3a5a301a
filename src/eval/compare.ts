// Two runs side by side: every headline metric, the change, and bootstrap intervals for ECE and Brier.
import { z } from "zod";
import type { CalibrationReport } from "../core/metrics/calibration-report.js";
import type { BootstrapOptions } from "./bootstrap.js";
import { EvalReport } from "./eval-report.js";
import type { EvaluatedRun } from "./evaluate.js";
import { differenceIntervals, Pairing, RunIntervals, runIntervals } from "./run-intervals.js";

/** Metrics compared, and which direction is an improvement (null: neither, e.g. mean confidence). */
export const COMPARED_METRICS = {
  accuracy: "higher",
  mean_confidence: null,
  ece: "lower",
  mce: "lower",
  brier: "lower",
  auroc: "higher",
  overconfidence_rate: "lower",
  hallucination_rate: "lower",
  underconfidence_rate: "lower",
  abstention_rate: null,
  false_confidence_rate: "lower",
  refusal_rate_answerable: null,
  refusal_rate_unanswerable: "higher",
  confident_fabrication_rate: "lower",
  format_failure_rate: "lower",
  mean_reward: "higher",
} as const satisfies Partial<Record<keyof CalibrationReport, "higher" | "lower" | null>>;
export type ComparedMetric = keyof typeof COMPARED_METRICS;

export const MetricDelta = z
  .object({
    metric: z.string().describe("CalibrationReport field"),
    a: z.number().nullable().describe("Value in the first run"),
    b: z.number().nullable().describe("Value in the second run"),
    difference: z.number().nullable().describe("b - a over each run's full set of records"),
    better: z
      .enum(["higher", "lower"])
      .nullable()
      .describe("Which direction is an improvement; null when neither is"),
  })
  .meta({ id: "MetricDelta" });
export type MetricDelta = z.infer<typeof MetricDelta>;

export const Comparison = z
  .object({
    labels: z.tuple([z.string(), z.string()]).describe("Names of the two runs, e.g. before and after"),
    a: EvalReport,
    b: EvalReport,
    deltas: z.array(MetricDelta).describe("Headline metrics of both runs and their difference"),
    bootstrap: z
      .object({
        replicates: z.number().int().min(1).describe("Resamples drawn"),
        seed: z.number().int().describe("Seed of the resampling"),
        level: z.number().describe("Coverage of every interval"),
        pairing: Pairing,
        a: RunIntervals.describe("Intervals of the first run"),
        b: RunIntervals.describe("Intervals of the second run"),
        difference: RunIntervals.describe("Intervals of b - a (negative ECE/Brier: b is better calibrated)"),
      })
      .nullable()
      .describe("Bootstrap confidence intervals; null when disabled (--bootstrap 0)"),
  })
  .meta({ id: "Comparison" });
export type Comparison = z.infer<typeof Comparison>;

/**
 * Compares two evaluated runs; `bootstrap.replicates` 0 leaves the intervals out.
 * @example compareRuns(before, after, ["before", "after"], { replicates: 1000, seed: 1 }).deltas
 */
export function compareRuns(
  a: EvaluatedRun,
  b: EvaluatedRun,
  labels: readonly [string, string],
  bootstrap: BootstrapOptions,
): Comparison {
  const deltas = (Object.keys(COMPARED_METRICS) as ComparedMetric[]).map((metric): MetricDelta => {
    const x = a.report.overall[metric];
    const y = b.report.overall[metric];
    return {
      metric,
      a: x,
      b: y,
      difference: x === null || y === null ? null : y - x,
      better: COMPARED_METRICS[metric],
    };
  });
  const level = bootstrap.level ?? 0.95;
  const intervals =
    bootstrap.replicates === 0
      ? null
      : (() => {
          const { pairing, ...difference } = differenceIntervals(a.records, b.records, bootstrap);
          return {
            replicates: bootstrap.replicates,
            seed: bootstrap.seed,
            level,
            pairing,
            a: runIntervals(a.records, bootstrap, "a"),
            b: runIntervals(b.records, bootstrap, "b"),
            difference,
          };
        })();
  return { labels: [labels[0], labels[1]], a: a.report, b: b.report, deltas, bootstrap: intervals };
}

/**
 * Plain-words reading of a difference interval (b - a).
 * @example differenceVerdict({ lower: -0.08, upper: -0.02, ... }) // "lower in b"
 */
export function differenceVerdict(interval: { lower: number; upper: number } | null): string {
  if (interval === null) return "not enough data";
  if (interval.upper < 0) return "lower in b";
  if (interval.lower > 0) return "higher in b";
  return "no clear difference";
}
