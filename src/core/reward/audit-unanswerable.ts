// Properness audit on unanswerable questions: is declining paid by the model's true chance that it is right?
import type { AuditOptions } from "./audit.js";
import type {
  CrossPoolPoint,
  UnanswerableAudit,
  UnanswerableBestResponse,
} from "./audit-unanswerable-report.js";
import { computeReward } from "./compute-reward.js";
import type { RewardPreset } from "./preset.js";

const TIE = 1e-10;
const MONOTONE_EPS = 1e-9;

interface Best {
  confidence: number;
  expected_reward: number;
}

// argmax over c of weight*R(c, right) + (1 - weight)*R(c, wrong), ties broken toward `target`.
function bestReport(values: (c: number) => number, target: number): Best {
  let best = { confidence: 0, expected_reward: Number.NEGATIVE_INFINITY };
  for (let c = 0; c <= 100; c++) {
    const e = values(c);
    const tie = Math.abs(e - best.expected_reward) <= TIE;
    if (
      (e > best.expected_reward && !tie) ||
      (tie && Math.abs(c - target) < Math.abs(best.confidence - target))
    )
      best = { confidence: c, expected_reward: e };
  }
  return best;
}

/**
 * Audits a preset on unanswerable questions, scored as `scoreResponse` scores them: a decline at confidence p
 * is a right answer at p, any answer a wrong one. For q, the model's probability that declining is right (and
 * 1 - q that its answer is), it finds the best decline and the best answer, the better move, the gap between
 * the implied probability and q, and whether the decline's value grows with q. It then prices the cross-pool
 * incentive: on an answerable question a decline is capped at `abstentionConfidence` and paid the preset's
 * fixed treatment whatever it states, so a model unsure whether a question is answerable (probability u that it
 * is not) earns more by overstating its decline confidence than by stating u.
 * Throws a RangeError for a grid that is not a positive integer (a programming mistake).
 * @example auditUnanswerable(getPreset("calibrated")).best_response[90].move // "decline"
 */
export function auditUnanswerable(preset: RewardPreset, options: AuditOptions = {}): UnanswerableAudit {
  const steps = options.gridSteps ?? 100;
  if (!Number.isInteger(steps) || steps < 1)
    throw new RangeError(`gridSteps must be a positive integer: ${steps}`);
  const tolerance = options.gapTolerance ?? 0.01;
  const cap = options.abstentionConfidence ?? 10;
  const paid = (confidence: number, right: boolean, abstained: boolean) =>
    computeReward(preset, {
      confidence,
      correct: right,
      score: right ? 1 : 0,
      abstained,
      format: "clean",
    }).total;
  const right: number[] = [];
  const wrong: number[] = [];
  const answerableDecline: number[] = [];
  for (let c = 0; c <= 100; c++) {
    right.push(paid(c, true, false));
    wrong.push(paid(c, false, false));
    answerableDecline.push(paid(Math.min(c, cap), false, true));
  }

  const curve: UnanswerableBestResponse[] = [];
  for (let i = 0; i <= steps; i++) {
    const q = i / steps;
    const decline = bestReport((c) => q * right[c]! + (1 - q) * wrong[c]!, 100 * q);
    const answer = bestReport((c) => (1 - q) * right[c]! + q * wrong[c]!, 100 * (1 - q));
    // A tie goes to declining: on these questions it is the right answer.
    const move = decline.expected_reward >= answer.expected_reward - TIE ? "decline" : "answer";
    const chosen = move === "decline" ? decline : answer;
    curve.push({ q, decline, answer, move, ...chosen });
  }

  let gap = { value: -1, q: 0 };
  let monotone = true;
  let threshold = 1;
  for (const [i, point] of curve.entries()) {
    const implied = point.move === "decline" ? point.confidence / 100 : 1 - point.confidence / 100;
    const g = Math.abs(implied - point.q);
    if (g > gap.value + TIE) gap = { value: g, q: point.q };
    const before = curve[i - 1];
    if (before && point.decline.expected_reward < before.decline.expected_reward - MONOTONE_EPS)
      monotone = false;
  }
  for (let i = curve.length - 1; i >= 0 && curve[i]!.move === "decline"; i--) threshold = curve[i]!.q;

  const points: CrossPoolPoint[] = [];
  let maxGain = { value: Number.NEGATIVE_INFINITY, q: 0 };
  for (let i = 0; i <= steps; i++) {
    const u = i / steps;
    const value = (c: number) => u * right[c]! + (1 - u) * answerableDecline[c]!;
    const honestConfidence = Math.round(100 * u);
    const best = bestReport(value, honestConfidence);
    const honest = value(honestConfidence);
    const gain = best.expected_reward - honest;
    points.push({
      u,
      honest_reward: honest,
      best_confidence: best.confidence,
      best_reward: best.expected_reward,
      gain,
    });
    if (gain > maxGain.value + TIE) maxGain = { value: gain, q: u };
  }

  const fixed = preset.config.abstention_reward !== null;
  const report = {
    best_response: curve,
    max_gap: gap,
    proper: gap.value <= tolerance + 1e-9,
    monotone,
    decline_threshold: threshold,
    cross_pool: {
      answerable_decline: {
        value: answerableDecline[100]!,
        source: fixed ? ("fixed" as const) : ("graded_as_wrong" as const),
        confidence: cap,
      },
      points,
      max_gain: maxGain,
    },
  };
  return { ...report, verdict: verdictOf(preset.name, report) };
}

const f2 = (x: number) => x.toFixed(2);
const f3 = (x: number) => x.toFixed(3);

function verdictOf(name: string, r: Omit<UnanswerableAudit, "verdict">): string {
  const gain = r.cross_pool.max_gain;
  const at = r.cross_pool.points.find((p) => p.u === gain.q);
  const parts = [
    r.proper
      ? `proper (max gap ${f2(r.max_gap.value)})`
      : `NOT proper (best report off by ${f2(r.max_gap.value)} at q=${f2(r.max_gap.q)})`,
    r.monotone ? "decline value monotone" : "decline value not monotone",
    `declining is the best move from q=${f2(r.decline_threshold)}`,
    gain.value > 1e-9
      ? `cross-pool: an answerable decline earns ${f3(r.cross_pool.answerable_decline.value)} whatever it states, ` +
        `so a model unsure whether the question is answerable gains up to ${f3(gain.value)} by declining at ` +
        `${at?.best_confidence ?? 100} instead of ${Math.round(100 * gain.q)} (u=${f2(gain.q)})`
      : "cross-pool: overstating the decline confidence never pays",
  ];
  return `${name} on unanswerable questions: ${parts.join("; ")}`;
}
