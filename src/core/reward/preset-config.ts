// The parameters of a reward preset: one schema that the built-ins and user-supplied presets all instantiate.
import { z } from "zod";

const Weight = z.number().min(0).max(100);
const Penalty = z.number().min(-100).max(0);
const Confidence = z.number().int().min(0).max(100);

const NoTerm = z.object({ kind: z.literal("none").describe("No term") });

const CliffTier = z.object({
  min_confidence: Confidence.describe("Applies to wrong answers stated at this confidence (0-100) or above"),
  penalty: Penalty.describe("Reward added (<= 0) when this is the highest tier that applies"),
});

const Overconfidence = z
  .discriminatedUnion("kind", [
    NoTerm,
    z.object({
      kind: z
        .literal("cliff")
        .describe("Step penalties for confident wrong answers (echo's seed; not proper)"),
      tiers: z
        .array(CliffTier)
        .min(1)
        .describe("Penalty tiers; only the highest tier reached applies (not cumulative)"),
    }),
    z.object({
      kind: z
        .literal("proper")
        .describe(
          "Proper term from G(p) = lambda*max(0, p - t)^2: wrong -lambda(p-t)(p+t), right +lambda(p-t)(2-p-t)",
        ),
      threshold: z
        .number()
        .min(0)
        .lt(1)
        .describe("t: the confidence (as a probability) above which it applies"),
      lambda: Weight.describe("lambda: strength of the term"),
    }),
  ])
  .refine(
    (o) => o.kind !== "cliff" || new Set(o.tiers.map((t) => t.min_confidence)).size === o.tiers.length,
    { message: "cliff tiers must have distinct min_confidence values" },
  )
  .describe("Extra penalty for confident wrong answers");

const Underconfidence = z
  .discriminatedUnion("kind", [
    NoTerm,
    z.object({
      kind: z.literal("cliff").describe("One step penalty for correct answers stated at low confidence"),
      max_confidence: Confidence.describe(
        "Applies to correct answers stated at this confidence (0-100) or below",
      ),
      penalty: Penalty.describe("Reward added (<= 0)"),
    }),
  ])
  .describe("Extra penalty for timid correct answers (a cliff: not proper)");

const Fraction = z.number().min(0).max(1);

const Length = z
  .discriminatedUnion("kind", [
    NoTerm,
    z.object({
      kind: z
        .literal("bucket")
        .describe(
          "-weight when f = completion_tokens/max_tokens is below min_fraction or above max_fraction, else 0",
        ),
      min_fraction: Fraction.describe("Shortest share of the token budget that is not penalised"),
      max_fraction: Fraction.describe("Longest share of the token budget that is not penalised"),
      weight: Weight.describe("Size of the penalty outside the bucket (the term is -weight or 0)"),
    }),
  ])
  .refine((l) => l.kind !== "bucket" || l.min_fraction <= l.max_fraction, {
    message: "length.min_fraction must not be above length.max_fraction",
  })
  .describe(
    "Length term from the completion's token count; it never depends on the stated confidence, so properness " +
      "is untouched. 0 when the item lacks completion_tokens or max_tokens",
  );

export const RewardPresetConfig = z
  .object({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{0,63}$/, "lower-case letters, digits, '_' or '-', starting with a letter")
      .describe("Preset name, as chosen in configuration and recorded with every reward"),
    description: z
      .string()
      .trim()
      .min(1)
      .describe("What the preset is for, shown where users choose presets"),
    outcome: z
      .object({
        from: z
          .enum(["correct", "score"])
          .describe(
            "correct: the benchmark's verdict; score: grader credit >= score_threshold (echo's seed)",
          ),
        score_threshold: z
          .number()
          .min(0)
          .max(1)
          .default(0.5)
          .describe("Credit at which an answer counts as right when from = score"),
      })
      .default({ from: "correct", score_threshold: 0.5 })
      .describe("How o (right = 1, wrong = 0) is decided for the Brier score and the penalties"),
    accuracy: z
      .object({
        weight: Weight.describe("a in a*acc"),
        uses: z
          .enum(["outcome", "score"])
          .describe("outcome: acc = o; score: acc = the grader's partial credit (echo's seed)"),
      })
      .describe("Reward for being right"),
    brier: z
      .object({
        weight: Weight.describe("b in b*(1 - BS) or b*(1 - 2*BS), with BS = (p - o)^2"),
        form: z
          .enum(["one_minus_bs", "one_minus_two_bs"])
          .describe("1 - BS in [0, 1] or 1 - 2*BS in [-1, 1]"),
      })
      .describe("Reward for calibration (proper on its own)"),
    overconfidence: Overconfidence.default({ kind: "none" }),
    underconfidence: Underconfidence.default({ kind: "none" }),
    format: z
      .object({
        accepts: z
          .enum(["clean", "clean_or_repaired"])
          .default("clean")
          .describe("Which format verdicts count as following the format (for bonus and gate)"),
        bonus: z.number().min(-100).max(100).default(0).describe("Reward added when the format is followed"),
        gate: z
          .boolean()
          .default(false)
          .describe("When true, the whole reward is 0 unless the format is followed (RLCR's format*(...))"),
        failure_reward: z
          .number()
          .min(-100)
          .max(100)
          .nullable()
          .default(null)
          .describe(
            "Fixed reward when the confidence or answer could not be read at all (missing_*, empty); " +
              "null grades such a response like any other",
          ),
      })
      .default({ accepts: "clean", bonus: 0, gate: false, failure_reward: null })
      .describe("How the <confidence>/<answer> format is rewarded"),
    length: Length.default({ kind: "none" }),
    abstention_reward: z
      .number()
      .min(-100)
      .max(100)
      .nullable()
      .default(null)
      .describe("Fixed reward for an abstention ('I don't know'); null grades it as a wrong answer"),
    clip: z
      .object({
        min: z.number().describe("Lowest reward paid"),
        max: z.number().describe("Highest reward paid"),
      })
      .refine((c) => c.min < c.max, { message: "clip.min must be below clip.max" })
      .nullable()
      .default(null)
      .describe("Range the total is clipped to; null for none"),
  })
  .meta({
    id: "RewardPresetConfig",
    description: "Parameters of a reward preset (p = confidence/100, o = 1 if right else 0, BS = (p - o)^2)",
  });

/** A validated preset configuration, every default filled in. */
export type RewardPresetConfig = z.infer<typeof RewardPresetConfig>;
/** What a user may write (defaults may be omitted). */
export type RewardPresetConfigInput = z.input<typeof RewardPresetConfig>;
