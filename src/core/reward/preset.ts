// A ready-to-use reward preset: validated once at creation so computing a reward never parses anything.
import { z } from "zod";
import { RewardPresetConfig, type RewardPresetConfigInput } from "./preset-config.js";
import { describeFormula } from "./preset-formula.js";

export const RewardPreset = z
  .object({
    name: z.string().describe("Preset name"),
    description: z.string().describe("What the preset is for"),
    config: RewardPresetConfig,
    formula: z.string().describe("The reward as a human-readable formula"),
  })
  .meta({ id: "RewardPreset" });
export type RewardPreset = z.infer<typeof RewardPreset>;

export type CreatePresetResult = { ok: true; preset: RewardPreset } | { ok: false; error: string };

function fromParsed(config: RewardPresetConfig): RewardPreset {
  // Highest cliff tier first, so computeReward can stop at the first tier reached.
  if (config.overconfidence.kind === "cliff") {
    config.overconfidence.tiers.sort((x, y) => y.min_confidence - x.min_confidence);
  }
  return deepFreeze({
    name: config.name,
    description: config.description,
    config,
    formula: describeFormula(config),
  });
}

/**
 * Validates a configuration and returns a frozen preset; throws the ZodError for an invalid one.
 * @example createPreset({ name: "plain", description: "a = b", accuracy: { weight: 0.5, uses: "outcome" },
 *   brier: { weight: 0.5, form: "one_minus_bs" } })
 */
export function createPreset(input: RewardPresetConfigInput): RewardPreset {
  return fromParsed(RewardPresetConfig.parse(input));
}

/**
 * Like createPreset for untrusted input (a JSON file, an environment variable): never throws, and reports
 * what is wrong as readable text.
 * @example tryCreatePreset({ name: "x" }) // { ok: false, error: "✖ Invalid input ... → at description ..." }
 */
export function tryCreatePreset(input: unknown): CreatePresetResult {
  const parsed = RewardPresetConfig.safeParse(input);
  if (!parsed.success) return { ok: false, error: z.prettifyError(parsed.error) };
  return { ok: true, preset: fromParsed(parsed.data) };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
