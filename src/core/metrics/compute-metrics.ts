// Batch metrics: one CalibrationReport for a set of outcomes, or one per domain or difficulty.
import { DIFFICULTIES, type Difficulty, DOMAINS, type Domain } from "../taxonomy.js";
import type { CalibrationReport } from "./calibration-report.js";
import type { EpisodeOutcome } from "./episode-outcome.js";
import { applyOutcome, emptyCounts, type OutcomeCounts } from "./outcome-counts.js";
import { reportFromCounts } from "./report-from-counts.js";

/** Group of outcomes whose difficulty is null or absent. */
export const UNSPECIFIED_DIFFICULTY = "unspecified";
export type DifficultyGroup = Difficulty | typeof UNSPECIFIED_DIFFICULTY;

/**
 * Metrics over all records (see CalibrationReport for which records count where). Throws RangeError for a
 * record that does not satisfy EpisodeOutcome's ranges (confidence integer 0..100, finite reward).
 * @example computeMetrics([]).ece // null: no invented numbers for no data
 */
export function computeMetrics(records: Iterable<EpisodeOutcome>): CalibrationReport {
  const counts = emptyCounts();
  for (const record of records) applyOutcome(counts, record, 1);
  return reportFromCounts(counts);
}

/** One report per group present in the records, in vocabulary order (domains, or easy/medium/hard/unspecified). */
export function computeMetricsBy(
  records: Iterable<EpisodeOutcome>,
  key: "domain",
): Partial<Record<Domain, CalibrationReport>>;
export function computeMetricsBy(
  records: Iterable<EpisodeOutcome>,
  key: "difficulty",
): Partial<Record<DifficultyGroup, CalibrationReport>>;
export function computeMetricsBy(
  records: Iterable<EpisodeOutcome>,
  key: "domain" | "difficulty",
): Partial<Record<string, CalibrationReport>> {
  const groups = new Map<string, OutcomeCounts>();
  for (const record of records) {
    const group = key === "domain" ? record.domain : (record.difficulty ?? UNSPECIFIED_DIFFICULTY);
    let counts = groups.get(group);
    if (!counts) {
      counts = emptyCounts();
      groups.set(group, counts);
    }
    applyOutcome(counts, record, 1);
  }
  const order: readonly string[] = key === "domain" ? DOMAINS : [...DIFFICULTIES, UNSPECIFIED_DIFFICULTY];
  const reports: Partial<Record<string, CalibrationReport>> = {};
  for (const group of order) {
    const counts = groups.get(group);
    if (counts) reports[group] = reportFromCounts(counts);
  }
  return reports;
}
