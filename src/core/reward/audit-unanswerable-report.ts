// What the properness audit reports about a preset on questions that cannot be answered.
import { z } from "zod";

const AtQ = (what: string, q: string) =>
  z.object({ value: z.number().describe(what), q: z.number().describe(q) });

const Move = z.object({
  confidence: z
    .number()
    .int()
    .describe("Best confidence to state with this move (ties broken toward the truth)"),
  expected_reward: z.number().describe("Expected reward of this move at that confidence"),
});

export const UnanswerableBestResponse = z.object({
  q: z.number().describe("The model's probability that declining is right (else its answer is right)"),
  decline: Move.describe("Declining at confidence p: right with probability q"),
  answer: Move.describe("Answering at confidence p: right with probability 1 - q"),
  move: z.enum(["decline", "answer"]).describe("The better of the two moves"),
  confidence: z.number().int().describe("Confidence the better move states"),
  expected_reward: z.number().describe("V(q): expected reward of the better move"),
});
export type UnanswerableBestResponse = z.infer<typeof UnanswerableBestResponse>;

export const CrossPoolPoint = z.object({
  u: z.number().describe("The model's probability that the question is unanswerable"),
  honest_reward: z
    .number()
    .describe("Expected reward of declining at confidence 100u (its true chance that declining is right)"),
  best_confidence: z.number().int().describe("Decline confidence with the highest expected reward"),
  best_reward: z.number().describe("Expected reward of declining at that confidence"),
  gain: z.number().describe("best_reward - honest_reward: what overstating the decline confidence earns"),
});
export type CrossPoolPoint = z.infer<typeof CrossPoolPoint>;

const CrossPool = z
  .object({
    answerable_decline: z
      .object({
        value: z.number().describe("Reward for declining an answerable question"),
        source: z
          .enum(["fixed", "graded_as_wrong"])
          .describe("fixed: the preset's abstention reward; graded_as_wrong: a wrong answer at `confidence`"),
        confidence: z.number().int().describe("The capped confidence an answerable decline is graded at"),
      })
      .describe("What a decline earns on an answerable question, whatever confidence it states"),
    points: z.array(CrossPoolPoint).describe("For each u on the grid: honest and best decline confidence"),
    max_gain: AtQ("Largest gain from overstating the decline confidence", "u at which it occurs").describe(
      "The worst case of the cross-pool incentive",
    ),
  })
  .describe(
    "A model unsure whether a question is answerable (probability u it is not) that declines: on an " +
      "answerable question the decline is capped and paid the fixed treatment, whatever it states, so " +
      "only the unanswerable case reads its confidence and overstating it pays",
  );

export const UnanswerableAudit = z
  .object({
    best_response: z
      .array(UnanswerableBestResponse)
      .describe("Best move, confidence and expected reward for each q on the grid"),
    max_gap: AtQ(
      "Largest |implied - q|, implied = p for a decline at p, 1 - p for an answer at p",
      "q at which it occurs",
    ).describe("Worst distance of the best report from the truth"),
    proper: z
      .boolean()
      .describe("The best report's implied probability within the tolerance of q for every q"),
    monotone: z
      .boolean()
      .describe(
        "The best decline's value never decreases as q grows (tolerance 1e-9). The best move's value V(q) " +
          "is U-shaped by construction: at q = 0 the model is sure its answer is right",
      ),
    decline_threshold: z
      .number()
      .describe("Smallest grid q from which declining is the best move for every larger q (1 if never)"),
    cross_pool: CrossPool,
    verdict: z.string().describe("One-line summary"),
  })
  .meta({ id: "UnanswerableAudit" });
export type UnanswerableAudit = z.infer<typeof UnanswerableAudit>;

/** The audit without its per-q tables (`best_response`, `cross_pool.points`), as listings show it. */
export const UnanswerableAuditSummary = UnanswerableAudit.partial({ best_response: true })
  .extend({ cross_pool: CrossPool.partial({ points: true }) })
  .meta({ id: "UnanswerableAuditSummary" });
export type UnanswerableAuditSummary = z.infer<typeof UnanswerableAuditSummary>;
