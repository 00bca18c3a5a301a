// The audit's look at a length term: it must shift every reward by the same amount, whatever the confidence.
import type { AuditReport } from "./audit-report.js";
import { computeReward } from "./compute-reward.js";
import type { RewardPreset } from "./preset.js";
import type { TokenCounts } from "./reward-input.js";

const BUDGET = 1000;
const FRACTIONS = Array.from({ length: 26 }, (_, i) => i / 20); // 0, 0.05, ..., 1.25
const SAME = 1e-12;

/** The reward the audit considers: a clean response, graded right or wrong (score 1 or 0). */
export function auditReward(
  preset: RewardPreset,
  confidence: number,
  right: boolean,
  abstained = false,
  tokens?: TokenCounts,
): number {
  const input = { confidence, correct: right, score: right ? 1 : 0, abstained, format: "clean" as const };
  return computeReward(preset, { ...input, ...tokens }).total;
}

/**
 * For each fraction of a 1,000-token budget, the change the length term makes to the reward of every
 * confidence 0..100, right and wrong, answered or abstained. Independent when that change is the same for all
 * of them: the expected reward of every report moves by one constant, so the best report cannot move.
 * @example auditLengthTerm(getPreset("boolq")).independent_of_confidence // true
 */
export function auditLengthTerm(preset: RewardPreset): AuditReport["length_term"] {
  if (preset.config.length.kind === "none") {
    return { present: false, independent_of_confidence: true, shifts: [] };
  }
  let independent = true;
  const shifts = FRACTIONS.map((fraction) => {
    const tokens = { completion_tokens: Math.round(fraction * BUDGET), max_tokens: BUDGET };
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (let c = 0; c <= 100; c++) {
      for (const [right, abstained] of [
        [true, false],
        [false, false],
        [false, true],
      ] as const) {
        const shift =
          auditReward(preset, c, right, abstained, tokens) - auditReward(preset, c, right, abstained);
        low = Math.min(low, shift);
        high = Math.max(high, shift);
      }
    }
    if (high - low > SAME) independent = false;
    return { fraction, shift: Math.abs(high) >= Math.abs(low) ? high : low };
  });
  return { present: true, independent_of_confidence: independent, shifts };
}
