// What the properness audit reports about a preset.
import { z } from "zod";
import { UnanswerableAudit, UnanswerableAuditSummary } from "./audit-unanswerable-report.js";

const AtQ = (what: string) =>
  z.object({
    value: z.number().describe(what),
    q: z.number().describe("True probability of being right at which it occurs"),
  });

export const BestResponse = z.object({
  q: z.number().describe("True probability of being right"),
  confidence: z.number().int().describe("Best confidence to state (ties broken toward 100q)"),
  expected_reward: z.number().describe("V(q): expected reward of that best report"),
  tied_with: z
    .array(z.number().int())
    .describe("Other confidences with the same expected reward (within 1e-10); usually empty"),
});
export type BestResponse = z.infer<typeof BestResponse>;

export const AuditReport = z
  .object({
    preset: z.string().describe("Name of the audited preset"),
    grid_step: z.number().describe("Spacing of the q grid (0..1 inclusive)"),
    best_response: z
      .array(BestResponse)
      .describe("Best report and its expected reward for each q on the grid"),
    max_gap: AtQ("Largest |best confidence/100 - q|").describe(
      "Worst distance of the best report from the truth",
    ),
    proper: z
      .boolean()
      .describe(
        "Best report within the gap tolerance (default 0.01) of q for every q, and no length term that depends " +
          "on the stated confidence",
      ),
    monotone: z.boolean().describe("V(q) never decreases as q grows (tolerance 1e-9)"),
    sandbag: z
      .object({
        value: z.number().describe("Best reward for a deliberately wrong answer: max over c of R(c, wrong)"),
        confidence: z.number().int().describe("Confidence at which that reward is earned"),
      })
      .describe("What a deliberately wrong answer is worth"),
    abstention: z
      .object({
        value: z.number().describe("Reward for abstaining"),
        source: z
          .enum(["fixed", "graded_as_wrong"])
          .describe("fixed: the preset's abstention reward; graded_as_wrong: a wrong answer at `confidence`"),
        confidence: z.number().int().describe("Confidence an abstention is graded at when not fixed"),
      })
      .describe("What saying 'I don't know' is worth"),
    sandbag_margin: AtQ("Smallest V(q) - sandbag value").describe("How far honest answering stays ahead"),
    honest_answering: z
      .boolean()
      .describe("A best-effort answer never earns less than a deliberately wrong one"),
    alternatives_margin: AtQ("Smallest V(q) - max(sandbag, abstention)").describe(
      "How far answering stays ahead of every alternative (negative where abstaining or sandbagging wins)",
    ),
    abstention_threshold: z
      .number()
      .describe(
        "q below which abstaining beats answering (interpolated crossing above the last grid q where it " +
          "wins; 0 if it never wins, 1 if it always wins)",
      ),
    length_term: z
      .object({
        present: z.boolean().describe("Whether the preset has a length term"),
        independent_of_confidence: z
          .boolean()
          .describe(
            "At every fraction of the token budget checked, the term shifts the reward by the same amount for " +
              "every confidence and outcome, so the best report is unchanged (proper by construction)",
          ),
        shifts: z
          .array(
            z.object({
              fraction: z.number().describe("completion_tokens / max_tokens"),
              shift: z.number().describe("Reward change the term makes there (largest over confidences)"),
            }),
          )
          .describe(
            "The reward change at each fraction checked (0 to 1.25 in steps of 0.05); empty without a term",
          ),
      })
      .describe("The length term, audited for independence from the stated confidence"),
    verdict: z.string().describe("One-line summary"),
    unanswerable: UnanswerableAudit.describe(
      "The same questions on unanswerable questions, where declining is the right answer",
    ),
  })
  .meta({ id: "AuditReport" });
export type AuditReport = z.infer<typeof AuditReport>;

/** An audit without its per-q tables: the top-level and the unanswerable best responses, the cross-pool points. */
export const AuditSummary = AuditReport.partial({ best_response: true })
  .extend({
    unanswerable: UnanswerableAuditSummary.describe(
      "The audit on unanswerable questions, without its per-q tables",
    ),
  })
  .meta({ id: "AuditSummary" });
export type AuditSummary = z.infer<typeof AuditSummary>;

/**
 * The report without its per-q tables, for listings that show them only on request.
 * @example summariseAudit(auditPreset(getPreset("rlcr"))).best_response // undefined
 */
export function summariseAudit(report: AuditReport): AuditSummary {
  const { best_response: _curve, unanswerable, ...summary } = report;
  const { best_response: _table, cross_pool, ...rest } = unanswerable;
  const { points: _points, ...pool } = cross_pool;
  return { ...summary, unanswerable: { ...rest, cross_pool: pool } };
}
