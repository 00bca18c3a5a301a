// The reward for one answer under a preset. Hot path: no parsing, no allocation beyond the result.
import { isFormatFailure } from "../format-verdict.js";
import type { RewardPreset } from "./preset.js";
import type { RewardPresetConfig } from "./preset-config.js";
import type { RewardBreakdown } from "./reward-breakdown.js";
import type { RewardInput } from "./reward-input.js";

/**
 * The length term: -weight when f = completion_tokens/max_tokens lies outside [min_fraction, max_fraction], else
 * 0; 0 too when either count is missing. Undefined for a preset without one (the component is then left out).
 * @example lengthTerm({ kind: "bucket", min_fraction: 0.2, max_fraction: 0.8, weight: 0.5 },
 *   { completion_tokens: 900, max_tokens: 1000 }) // -0.5
 */
export function lengthTerm(
  term: RewardPresetConfig["length"],
  tokens: Pick<RewardInput, "completion_tokens" | "max_tokens">,
): number | undefined {
  if (term.kind === "none") return undefined;
  const used = tokens.completion_tokens;
  const budget = tokens.max_tokens;
  if (used === undefined || budget === undefined || !(budget > 0) || !(used >= 0)) return 0;
  const f = used / budget;
  return f < term.min_fraction || f > term.max_fraction ? -term.weight : 0;
}

/**
 * Computes the reward, term by term. Precedence: a fixed format-failure reward, then the format gate, then a
 * fixed abstention reward; otherwise the answer is graded (an abstention without a fixed reward counts as a
 * wrong answer with score 0). A length term is added in every case, before clipping: it depends on the token
 * counts only, never on the confidence. The input is trusted (it comes from the parser and a grader).
 * @example computeReward(getPreset("echo"), { confidence: 99, correct: false, score: 0, abstained: false,
 *   format: "clean" }).total // -1.18408
 */
export function computeReward(preset: RewardPreset, input: RewardInput): RewardBreakdown {
  const c = preset.config;
  const f = c.format;
  const length = lengthTerm(c.length, input);
  if (f.failure_reward !== null && isFormatFailure(input.format)) {
    return finish(preset, 0, 0, 0, 0, f.failure_reward, 0, length);
  }
  const formatOk =
    input.format === "clean" || (input.format === "repaired" && f.accepts === "clean_or_repaired");
  if (f.gate && !formatOk) return finish(preset, 0, 0, 0, 0, 0, 0, length);
  const formatBonus = formatOk ? f.bonus : 0;
  if (input.abstained && c.abstention_reward !== null) {
    return finish(preset, 0, 0, 0, 0, 0, c.abstention_reward, length);
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
  return finish(preset, accuracy, brier, over, under, formatBonus, 0, length);
}

function finish(
  preset: RewardPreset,
  accuracy: number,
  brier: number,
  overconfidence: number,
  underconfidence: number,
  format: number,
  abstention: number,
  length: number | undefined,
): RewardBreakdown {
  const raw = accuracy + brier + overconfidence + underconfidence + format + abstention + (length ?? 0);
  const clip = preset.config.clip;
  const total = clip === null ? raw : Math.min(clip.max, Math.max(clip.min, raw));
  // The length key only for presets that have the term, so other presets' components stay as they were.
  const components: RewardBreakdown["components"] =
    length === undefined
      ? { accuracy, brier, overconfidence, underconfidence, format, abstention, clip: total - raw }
      : { accuracy, brier, overconfidence, underconfidence, format, abstention, clip: total - raw, length };
  return { total, preset: preset.name, components };
}
