// Bootstrap intervals of ECE and Brier for one run, and for the difference between two runs (paired or not).
import { z } from "zod";
import type { CalibrationReport } from "../core/metrics/calibration-report.js";
import type { Rng } from "../core/rng.js";
import {
  BootstrapInterval,
  type BootstrapOptions,
  bootstrapIntervals,
  bootstrapRng,
  resample,
} from "./bootstrap.js";
import { metricsOf } from "./evaluate.js";
import type { GradedRecord } from "./graded-record.js";

export const RunIntervals = z
  .object({
    ece: BootstrapInterval.nullable().describe("Interval for ECE; null without stated confidences"),
    brier: BootstrapInterval.nullable().describe(
      "Interval for the Brier score; null without stated confidences",
    ),
  })
  .describe("Percentile bootstrap intervals; null when the statistic is undefined");
export type RunIntervals = z.infer<typeof RunIntervals>;

export const Pairing = z
  .object({
    method: z
      .enum(["paired", "independent"])
      .describe(
        "paired: task ids resampled once and both runs' records for them taken together; " +
          "independent: each run resampled on its own",
      ),
    shared_tasks: z.number().int().min(0).describe("Distinct task ids (or questions) present in both runs"),
    reason: z.string().describe("Why this method was used"),
  })
  .meta({ id: "BootstrapPairing" });
export type Pairing = z.infer<typeof Pairing>;

type Records = readonly GradedRecord[];

/** ECE and Brier of a sample, computing its metrics once even though both statistics read them. */
function memoReport(): (sample: Records) => CalibrationReport {
  let last: Records | null = null;
  let report: CalibrationReport | null = null;
  return (sample) => {
    if (sample !== last || report === null) {
      last = sample;
      report = metricsOf(sample);
    }
    return report;
  };
}

/**
 * Intervals of one run: its records resampled with replacement. `stream` names the run, so runs with the
 * same seed draw different resamples.
 * @example runIntervals(records, { replicates: 1000, seed: 1 }, "before").ece?.upper
 */
export function runIntervals(records: Records, options: BootstrapOptions, stream: string): RunIntervals {
  const report = memoReport();
  return bootstrapIntervals<Records, "ece" | "brier">(
    records,
    (rng) => resample(records, rng),
    { ece: (s) => report(s).ece, brier: (s) => report(s).brier },
    { ...options, range: [0, 1] },
    bootstrapRng(options.seed, "run", stream),
  );
}

function byKey(records: Records): Map<string, GradedRecord[]> {
  const map = new Map<string, GradedRecord[]>();
  for (const r of records) {
    const list = map.get(r.key);
    if (list) list.push(r);
    else map.set(r.key, [r]);
  }
  return map;
}

/**
 * Paired when the runs share at least 2 task ids and those cover at least half of the smaller run's ids:
 * then the shared ids are resampled (all of a task's records move together) and the difference is measured
 * on shared tasks only. Otherwise the runs are resampled independently.
 */
export function choosePairing(a: Records, b: Records): { pairing: Pairing; shared: string[] } {
  const keysA = byKey(a);
  const keysB = byKey(b);
  const shared = [...keysA.keys()].filter((k) => keysB.has(k));
  const smaller = Math.min(keysA.size, keysB.size);
  const paired = shared.length >= 2 && shared.length * 2 >= smaller;
  const reason = paired
    ? shared.length === keysA.size && shared.length === keysB.size
      ? "both runs answer the same tasks"
      : `the runs share ${shared.length} of their tasks; the difference is measured on those`
    : `the runs share ${shared.length} task(s), fewer than half of the smaller run's ${smaller}`;
  return {
    pairing: { method: paired ? "paired" : "independent", shared_tasks: shared.length, reason },
    shared,
  };
}

export interface DifferenceIntervals extends RunIntervals {
  pairing: Pairing;
}

/**
 * Intervals for metric(b) - metric(a), for ECE and Brier (negative: b is better).
 * @example differenceIntervals(before, after, { replicates: 1000, seed: 1 }).ece?.upper // < 0: a real improvement
 */
export function differenceIntervals(a: Records, b: Records, options: BootstrapOptions): DifferenceIntervals {
  const { pairing, shared } = choosePairing(a, b);
  let full: { a: Records; b: Records };
  let draw: (rng: Rng) => { a: Records; b: Records };
  if (pairing.method === "paired") {
    const mapA = byKey(a);
    const mapB = byKey(b);
    const take = (keys: readonly string[], map: Map<string, GradedRecord[]>) =>
      keys.flatMap((k) => map.get(k) ?? []);
    full = { a: take(shared, mapA), b: take(shared, mapB) };
    draw = (rng) => {
      const keys = resample(shared, rng);
      return { a: take(keys, mapA), b: take(keys, mapB) };
    };
  } else {
    full = { a, b };
    draw = (rng) => ({ a: resample(a, rng), b: resample(b, rng) });
  }
  const reportA = memoReport();
  const reportB = memoReport();
  const diff = (metric: "ece" | "brier") => (s: { a: Records; b: Records }) => {
    const x = reportA(s.a)[metric];
    const y = reportB(s.b)[metric];
    return x === null || y === null ? null : y - x;
  };
  const intervals = bootstrapIntervals(
    full,
    draw,
    { ece: diff("ece"), brier: diff("brier") },
    { ...options, range: [-1, 1] },
    bootstrapRng(options.seed, "difference", pairing.method),
  );
  return { pairing, ...intervals };
}
