// Properness audit: does a preset pay a model most for reporting its true chance, and for trying its best?
import { auditLengthTerm, auditReward as rewardOf } from "./audit-length.js";
import type { AuditReport, BestResponse } from "./audit-report.js";
import { auditUnanswerable } from "./audit-unanswerable.js";
import type { RewardPreset } from "./preset.js";

export interface AuditOptions {
  /** Number of grid intervals for q (default 100: q = 0, 0.01, ..., 1). */
  gridSteps?: number;
  /** Largest |best/100 - q| still called proper (default 0.01). */
  gapTolerance?: number;
  /** Confidence an abstention is graded at when the preset has no fixed abstention reward (default 10). */
  abstentionConfidence?: number;
}

const TIE = 1e-10;
const MONOTONE_EPS = 1e-9;

/**
 * Audits a preset: for each true probability q of being right, finds the confidence with the highest expected
 * reward E(c, q) = q*R(c, right) + (1 - q)*R(c, wrong) (clean format, not abstained) and compares the
 * resulting value V(q) with sandbagging (a deliberately wrong answer) and abstaining. A length term is checked
 * apart (`auditLengthTerm`): proper needs it to be independent of the confidence.
 * Throws a RangeError for a grid that is not a positive integer (a programming mistake).
 * @example auditPreset(getPreset("echo")).best_response[90].confidence // 79
 */
export function auditPreset(preset: RewardPreset, options: AuditOptions = {}): AuditReport {
  const steps = options.gridSteps ?? 100;
  if (!Number.isInteger(steps) || steps < 1)
    throw new RangeError(`gridSteps must be a positive integer: ${steps}`);
  const tolerance = options.gapTolerance ?? 0.01;
  const abstainConf = options.abstentionConfidence ?? 10;
  const right: number[] = [];
  const wrong: number[] = [];
  for (let c = 0; c <= 100; c++) {
    right.push(rewardOf(preset, c, true));
    wrong.push(rewardOf(preset, c, false));
  }

  const curve: BestResponse[] = [];
  for (let i = 0; i <= steps; i++) {
    const q = i / steps;
    const target = 100 * q;
    let bestC = 0;
    let best = Number.NEGATIVE_INFINITY;
    for (let c = 0; c <= 100; c++) {
      const e = q * right[c]! + (1 - q) * wrong[c]!;
      const tie = Math.abs(e - best) <= TIE;
      if ((e > best && !tie) || (tie && Math.abs(c - target) < Math.abs(bestC - target))) {
        best = e;
        bestC = c;
      }
    }
    const tied: number[] = [];
    for (let c = 0; c <= 100; c++) {
      if (c !== bestC && Math.abs(q * right[c]! + (1 - q) * wrong[c]! - best) <= TIE) tied.push(c);
    }
    curve.push({ q, confidence: bestC, expected_reward: best, tied_with: tied });
  }

  let gap = { value: -1, q: 0 };
  let monotone = true;
  for (const [i, point] of curve.entries()) {
    const g = Math.abs(point.confidence / 100 - point.q);
    if (g > gap.value + TIE) gap = { value: g, q: point.q };
    if (i > 0 && point.expected_reward < curve[i - 1]!.expected_reward - MONOTONE_EPS) monotone = false;
  }

  let sandbagConf = 0;
  for (let c = 1; c <= 100; c++) if (wrong[c]! > wrong[sandbagConf]! + TIE) sandbagConf = c;
  const sandbag = wrong[sandbagConf]!;
  const fixed = preset.config.abstention_reward !== null;
  const abstain = rewardOf(preset, abstainConf, false, true);
  const alternative = Math.max(sandbag, abstain);

  const sandbagMargin = lowest(curve, (v) => v - sandbag);
  const alternativesMargin = lowest(curve, (v) => v - alternative);
  const threshold = abstentionThreshold(curve, abstain);
  const length = auditLengthTerm(preset);
  const report = {
    preset: preset.name,
    grid_step: 1 / steps,
    best_response: curve,
    max_gap: gap,
    proper: gap.value <= tolerance + 1e-9 && length.independent_of_confidence,
    monotone,
    sandbag: { value: sandbag, confidence: sandbagConf },
    abstention: {
      value: abstain,
      source: fixed ? ("fixed" as const) : ("graded_as_wrong" as const),
      confidence: abstainConf,
    },
    sandbag_margin: sandbagMargin,
    honest_answering: sandbagMargin.value >= -1e-9,
    alternatives_margin: alternativesMargin,
    abstention_threshold: threshold,
    length_term: length,
  };
  return { ...report, verdict: verdictOf(report), unanswerable: auditUnanswerable(preset, options) };
}

function lowest(curve: BestResponse[], margin: (v: number) => number): { value: number; q: number } {
  let out = { value: Number.POSITIVE_INFINITY, q: 0 };
  for (const p of curve) {
    const m = margin(p.expected_reward);
    if (m < out.value - TIE) out = { value: m, q: p.q };
  }
  return out;
}

// Crossing point after the last grid q where abstaining strictly beats answering, linearly interpolated.
function abstentionThreshold(curve: BestResponse[], abstain: number): number {
  let last = -1;
  for (const [i, p] of curve.entries()) if (abstain > p.expected_reward + TIE) last = i;
  if (last < 0) return 0;
  const a = curve[last]!;
  const b = curve[last + 1];
  if (!b) return 1;
  const t = (abstain - a.expected_reward) / (b.expected_reward - a.expected_reward);
  return a.q + t * (b.q - a.q);
}

const f3 = (x: number) => x.toFixed(3);
const f2 = (x: number) => x.toFixed(2);

function verdictOf(r: Omit<AuditReport, "verdict" | "unanswerable">): string {
  const lengthOk = r.length_term.independent_of_confidence;
  const parts = [
    r.proper
      ? `proper (max gap ${f2(r.max_gap.value)})`
      : lengthOk
        ? `NOT proper (best report off by ${f2(r.max_gap.value)} at q=${f2(r.max_gap.q)})`
        : "NOT proper (the length term depends on the stated confidence)",
    r.monotone ? "monotone" : "not monotone",
    r.honest_answering
      ? `honest answering (margin ${f3(r.sandbag_margin.value)} over a wrong answer)`
      : `sandbagging pays: a wrong answer at confidence ${r.sandbag.confidence} earns ${f3(r.sandbag.value)}, ` +
        `${f3(-r.sandbag_margin.value)} more than the best honest answer at q=${f2(r.sandbag_margin.q)}`,
    r.abstention_threshold > 0
      ? `abstaining (${r.abstention.source === "fixed" ? "fixed" : "graded as wrong"} ${f3(r.abstention.value)}) ` +
        `wins below q=${f2(r.abstention_threshold)}`
      : "abstaining never wins",
  ];
  if (r.length_term.present && lengthOk) {
    parts.push("length term independent of the stated confidence (properness untouched)");
  }
  return `${r.preset}: ${parts.join("; ")}`;
}
