// The text of an `echo-env eval` report: the headline table overall, per domain and per difficulty, the
// reliability bins, the self-consistency figures and the fingerprint line.
import type { CalibrationReport } from "../../core/metrics/calibration-report.js";
import type { EvalReport } from "../../eval/eval-report.js";
import { type CliIo, fixed, table } from "../io.js";

const SUMMARY_HEADER = [
  "",
  "n",
  "acc",
  "conf",
  "ECE",
  "MCE",
  "Brier",
  "AUROC",
  "over",
  "halluc",
  "falseconf",
  "abstain",
  "fabric",
  "fmtfail",
  "reward",
];

/** One terminal row of the headline metrics. */
export function summaryRow(name: string, r: CalibrationReport): string[] {
  return [
    name,
    String(r.count),
    fixed(r.accuracy),
    fixed(r.mean_confidence),
    fixed(r.ece),
    fixed(r.mce),
    fixed(r.brier),
    fixed(r.auroc),
    fixed(r.overconfidence_rate),
    fixed(r.hallucination_rate),
    fixed(r.false_confidence_rate),
    fixed(r.abstention_rate),
    fixed(r.confident_fabrication_rate),
    fixed(r.format_failure_rate),
    fixed(r.mean_reward),
  ];
}

/** Line problems on stderr: the first 20 in full, then a count. */
export function writeProblems(report: EvalReport, io: CliIo): void {
  for (const p of report.problems.slice(0, 20))
    io.stderr.write(`${report.label}:${p.line}: ${p.kind}: ${p.message}\n`);
  if (report.problems.length > 20)
    io.stderr.write(`... and ${report.problems.length - 20} more problem lines\n`);
}

/** The self-consistency lines of a report with several responses per task; none otherwise. */
export function groupLines(report: EvalReport): string[] {
  const g = report.groups;
  if (!g) return [];
  return [
    `self-consistency (${g.tasks} tasks with several responses, ${g.responses} responses)`,
    table([
      ["agreement", "single acc", "majority acc", "weighted acc", "AUROC agreement", "AUROC confidence"],
      [
        fixed(g.mean_agreement),
        fixed(g.single_accuracy),
        fixed(g.majority_accuracy),
        fixed(g.weighted_vote_accuracy),
        fixed(g.auroc_agreement),
        fixed(g.auroc_confidence),
      ],
    ]),
    "",
  ];
}

export function formatEvalReport(report: EvalReport): string {
  const l = report.lines;
  // Section rows name the grouping: lines without a domain and without a difficulty both read "unspecified".
  const section = (name: string) => [name, ...SUMMARY_HEADER.slice(1).map(() => "")];
  const groups = [
    summaryRow("all", report.overall),
    section("by domain:"),
    ...Object.entries(report.by_domain).map(([g, r]) => summaryRow(g, r as CalibrationReport)),
    section("by difficulty:"),
    ...Object.entries(report.by_difficulty).map(([g, r]) => summaryRow(g, r as CalibrationReport)),
  ];
  const bins = report.overall.bins.map((b, i) => [
    `[${b.lower.toFixed(1)}, ${b.upper.toFixed(1)}${i === 9 ? "]" : ")"}`,
    String(b.count),
    fixed(b.mean_confidence),
    fixed(b.accuracy),
    fixed(b.gap),
  ]);
  const f = report.fingerprint;
  return [
    `${report.label} (preset ${report.preset}): ${l.total} lines, ${l.graded} graded, ${l.bad} bad, ${l.unknown_ids} unknown task ids`,
    "",
    table([SUMMARY_HEADER, ...groups]),
    "",
    "reliability (all)",
    table([["bin", "count", "conf", "acc", "gap"], ...bins]),
    "",
    ...groupLines(report),
    `fingerprint: weakest ${f.weakest ?? "-"}, strongest ${f.strongest ?? "-"} ` +
      `(1 - ECE: ${
        f.domains
          .filter((d) => !d.empty)
          .map((d) => `${d.domain} ${fixed(d.calibration_score, 2)}`)
          .join(", ") || "-"
      })`,
    "",
  ].join("\n");
}
