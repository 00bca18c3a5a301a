// The explicit registry of built-in reward presets (see reward-design.md for where each number comes from).
import { createPreset, type RewardPreset } from "./preset.js";

const echo = createPreset({
  name: "echo",
  description:
    "The original ECHO formula, kept only to reproduce the seed's rewards and for comparison. It is NOT proper: " +
    "its cliffs pay a model to under-report (true 90% -> best report 79%) and to give a deliberately wrong answer " +
    "at confidence 0 (+0.40) whenever its chance of being right is below 50%.",
  outcome: { from: "score", score_threshold: 0.5 },
  accuracy: { weight: 0.4, uses: "score" },
  brier: { weight: 0.4, form: "one_minus_two_bs" },
  overconfidence: {
    kind: "cliff",
    tiers: [
      { min_confidence: 95, penalty: -0.8 },
      { min_confidence: 80, penalty: -0.6 },
    ],
  },
  underconfidence: { kind: "cliff", max_confidence: 20, penalty: -0.1 },
  clip: { min: -1.5, max: 2.0 },
});

const rlcr = createPreset({
  name: "rlcr",
  description:
    "The RLCR paper's reward: correctness plus 1 - Brier, all gated on a clean format (a repaired or broken " +
    "format earns 0). Proper, and never pays for a wrong answer over a best effort (a = b).",
  accuracy: { weight: 0.5, uses: "outcome" },
  brier: { weight: 0.5, form: "one_minus_bs" },
  format: { accepts: "clean", bonus: 0.5, gate: true },
});

const calibrated = createPreset({
  name: "calibrated",
  description:
    "Recommended default. Correctness plus Brier plus a smooth, proper penalty for confident wrong answers " +
    "above 80%; 'I don't know' earns 0.30 (the best move when the chance of being right is below ~32%); an " +
    "unreadable response earns -1.00.",
  accuracy: { weight: 0.5, uses: "outcome" },
  brier: { weight: 0.25, form: "one_minus_two_bs" },
  overconfidence: { kind: "proper", threshold: 0.8, lambda: 2 },
  format: { failure_reward: -1 },
  abstention_reward: 0.3,
});

const boolq = createPreset({
  name: "boolq",
  description:
    "Reproduces the BoolQ setup (Gemma-2-2B trained with GRPO on BoolQ): 1 - Brier, plus a length term of -0.5 " +
    "when the completion uses less than 1/5 or more than 4/5 of its token budget, to keep reasoning without " +
    "rambling; send completion_tokens and max_tokens with each item (without them the length term is 0). " +
    "Proper: the length term never depends on the stated confidence. For yes/no questions only: with no " +
    "correctness term a wrong answer at confidence 0 earns 1, which on a yes/no question is the other answer " +
    "stated at 100, but on any other task is a free reward. 1 - Brier would also pay 'I don't know' or an " +
    "unreadable response about 1, so both earn 0 here.",
  accuracy: { weight: 0, uses: "outcome" },
  brier: { weight: 1, form: "one_minus_bs" },
  length: { kind: "bucket", min_fraction: 0.2, max_fraction: 0.8, weight: 0.5 },
  format: { failure_reward: 0 },
  abstention_reward: 0,
});

/** Every built-in preset, by name. */
export const BUILT_IN_PRESETS = { echo, rlcr, calibrated, boolq } as const satisfies Record<
  string,
  RewardPreset
>;
export type PresetName = keyof typeof BUILT_IN_PRESETS;
export const PRESET_NAMES = Object.keys(BUILT_IN_PRESETS) as PresetName[];
export const DEFAULT_PRESET: PresetName = "calibrated";

export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(BUILT_IN_PRESETS, name);
}

/** A preset name was refused: the name asked for and the names that would have worked. */
export interface UnknownPreset {
  readonly name: string;
  readonly valid: readonly string[];
  /** What every caller reports (server, configuration and CLI alike). */
  readonly message: string;
}

/**
 * The one preset resolver: the preset named `name` among `presets` (the built-ins unless given), or why not.
 * Own keys only, so "toString" or "__proto__" never reach Object.prototype.
 * @example resolvePreset("nope") // { ok: false, error: { message: 'unknown reward preset "nope"; valid presets: echo, rlcr, calibrated, boolq', ... } }
 */
export function resolvePreset<P = RewardPreset>(
  name: string,
  presets: Readonly<Record<string, P>> = BUILT_IN_PRESETS as unknown as Readonly<Record<string, P>>,
): { ok: true; preset: P } | { ok: false; error: UnknownPreset } {
  if (Object.hasOwn(presets, name)) return { ok: true, preset: presets[name] as P };
  const valid = Object.keys(presets);
  return {
    ok: false,
    error: { name, valid, message: `unknown reward preset "${name}"; valid presets: ${valid.join(", ")}` },
  };
}

/**
 * A built-in preset by name; throws a RangeError listing the valid names (a configuration mistake).
 * @example getPreset("rlcr").formula
 */
export function getPreset(name: string): RewardPreset {
  const resolved = resolvePreset(name);
  if (!resolved.ok) throw new RangeError(resolved.error.message);
  return resolved.preset;
}
