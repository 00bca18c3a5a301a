// Offline evaluation: grade every line of a responses file and report metrics overall, per group, as a fingerprint.
import type { CalibrationReport } from "../core/metrics/calibration-report.js";
import { computeMetrics } from "../core/metrics/compute-metrics.js";
import { fingerprintOf } from "../core/metrics/fingerprint.js";
import type { ParseOptions } from "../core/parse-response.js";
import type { RewardPreset } from "../core/reward/preset.js";
import { DIFFICULTIES, DOMAINS, type Domain } from "../core/taxonomy.js";
import type { Task } from "../tasks/task.js";
import { type EvalReport, UNSPECIFIED } from "./eval-report.js";
import { type GradedRecord, gradeEntry } from "./graded-record.js";
import { groupFigures } from "./group-figures.js";
import { type LineProblem, readResponseLines } from "./response-lines.js";

/** The calibration report of a set of graded records. */
export function metricsOf(records: Iterable<GradedRecord>): CalibrationReport {
  const outcomes: GradedRecord["outcome"][] = [];
  for (const r of records) outcomes.push(r.outcome);
  return computeMetrics(outcomes);
}

/**
 * One report per group present, in taxonomy order, with records lacking the key under "unspecified".
 * @example groupMetrics(records, "difficulty").hard?.ece
 */
export function groupMetrics(
  records: readonly GradedRecord[],
  key: "domain" | "difficulty",
): Partial<Record<string, CalibrationReport>> {
  const groups = new Map<string, GradedRecord[]>();
  for (const record of records) {
    const group = record[key] ?? UNSPECIFIED;
    const list = groups.get(group) ?? [];
    list.push(record);
    groups.set(group, list);
  }
  const order: readonly string[] =
    key === "domain" ? [...DOMAINS, UNSPECIFIED] : [...DIFFICULTIES, UNSPECIFIED];
  const reports: Partial<Record<string, CalibrationReport>> = {};
  for (const group of order) {
    const list = groups.get(group);
    if (list) reports[group] = metricsOf(list);
  }
  return reports;
}

export interface RunMeta {
  label: string;
  preset: string;
  problems: readonly LineProblem[];
  /** Non-blank lines read (defaults to records + problems). */
  total?: number;
}

/** The full report of one run from its graded records and the lines left out. */
export function summarizeRun(records: readonly GradedRecord[], meta: RunMeta): EvalReport {
  const byDomain = groupMetrics(records, "domain");
  const domainReports: Partial<Record<Domain, CalibrationReport>> = {};
  for (const domain of DOMAINS) if (byDomain[domain]) domainReports[domain] = byDomain[domain];
  const unknownIds = meta.problems.filter((p) => p.kind === "unknown_task_id").length;
  const groups = groupFigures(records);
  return {
    label: meta.label,
    preset: meta.preset,
    lines: {
      total: meta.total ?? records.length + meta.problems.length,
      graded: records.length,
      bad: meta.problems.length - unknownIds,
      unknown_ids: unknownIds,
    },
    problems: [...meta.problems],
    overall: metricsOf(records),
    by_domain: byDomain,
    by_difficulty: groupMetrics(records, "difficulty"),
    fingerprint: fingerprintOf(domainReports),
    ...(groups === null ? {} : { groups }),
  };
}

export interface EvaluatedRun {
  report: EvalReport;
  records: GradedRecord[];
}

/**
 * Grades a JSONL file's text against the bank (`lookup`) or each line's own gold; never throws on bad lines.
 * @example evaluateResponses(text, { lookup: (id) => bank.get(id), preset: getPreset("calibrated"), label: "run" })
 */
export function evaluateResponses(
  text: string,
  options: {
    lookup: (id: string) => Task | undefined;
    preset: RewardPreset;
    label: string;
    /** How responses are read (e.g. `{ responseFormat: "answer_line" }`); tags by default. */
    parseOptions?: ParseOptions;
  },
): EvaluatedRun {
  const { entries, problems, total } = readResponseLines(text, options.lookup);
  const records = entries.map((entry) => gradeEntry(entry, options.preset, options.parseOptions));
  const report = summarizeRun(records, {
    label: options.label,
    preset: options.preset.name,
    problems,
    total,
  });
  return { report, records };
}
