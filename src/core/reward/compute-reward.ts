// The reward for one answer under a preset. Hot path: no parsing, no allocation beyond the result.
import { isFormatFailure } from "../format-verdict.js";
import type { RewardPreset } from "./preset.js";
import type { RewardBreakdown } from "./reward-breakdown.js";
import type { RewardInput } from "./reward-input.js";

/**
 * Computes the reward, term by term. Precedence: a fixed format-failure reward, then the format gate, then a
 * fixed abstention reward; otherwise the answer is graded (an abstention without a fixed reward counts as a
 * wrong answer with score 0). The input is trusted (it comes from the parser and a grader), not re-validated.
 * @example computeReward(getPreset("echo"), { confidence: 99, correct: false, score: 0, abstained: false,
 *   format: "clean" }).total // -1.18408
 */
export function computeReward(preset: RewardPreset, input: RewardInput): RewardBreakdown {
  const c = preset.config;
  const f = c.format;
  if (f.failure_reward !== null && isFormatFailure(input.format)) {
    return finish(preset, 0, 0, 0, 0, f.failure_reward, 0);
  }
  const formatOk =
    input.format === "clean" || (input.format === "repaired" && f.accepts === "clean_or_repaired");
  if (f.gate && !formatOk) return finish(preset, 0, 0, 0, 0, 0, 0);
  const formatBonus = formatOk ? f.bonus : 0;
  if (input.abstained && c.abstention_reward !== null) {
    return finish(preset, 0, 0, 0, 0, 0, c.abstention_reward);
  }

  const score = input.abstained ? 0 : input.score;
  const right = input.abstained
    ? false
    : c.outcome.from === "correct"
      ? input.correct
      : score >= c.outcome.score_threshold;
  const o = right ? 1 : 0;
  const p = input.confidence / 100;
  const bs = (p - o) * (p - o);

  const accuracy = c.accuracy.weight * (c.accuracy.uses === "score" ? score : o);
  const brier = c.brier.weight * (c.brier.form === "one_minus_bs" ? 1 - bs : 1 - 2 * bs);

  let over = 0;
  const oc = c.overconfidence;
  if (oc.kind === "proper") {
    const t = oc.threshold;
    if (p > t) over = right ? oc.lambda * (p - t) * (2 - p - t) : -oc.lambda * (p - t) * (p + t);
  } else if (oc.kind === "cliff" && !right) {
    // Tiers are sorted highest first at creation: the first one reached is the only one that applies.
    for (const tier of oc.tiers) {
      if (input.confidence >= tier.min_confidence) {
        over = tier.penalty;
        break;
      }
    }
  }

  const uc = c.underconfidence;
  const under = uc.kind === "cliff" && right && input.confidence <= uc.max_confidence ? uc.penalty : 0;
  return finish(preset, accuracy, brier, over, under, formatBonus, 0);
}

function finish(
  preset: RewardPreset,
  accuracy: number,
  brier: number,
  overconfidence: number,
  underconfidence: number,
  format: number,
  abstention: number,
): RewardBreakdown {
  const raw = accuracy + brier + overconfidence + underconfidence + format + abstention;
  const clip = preset.config.clip;
  const total = clip === null ? raw : Math.min(clip.max, Math.max(clip.min, raw));
  return {
    total,
    preset: preset.name,
    components: { accuracy, brier, overconfidence, underconfidence, format, abstention, clip: total - raw },
  };
}
