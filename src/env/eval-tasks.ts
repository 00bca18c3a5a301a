// The three evaluation tasks of the original ECHO, each a draw rule plus pass thresholds.
import { z } from "zod";
import type { CalibrationReport } from "../core/metrics/calibration-report.js";
import type { Fingerprint } from "../core/metrics/fingerprint.js";
import { type Difficulty, EvalTaskName, type Phase } from "../core/taxonomy.js";

export const Criterion = z
  .object({
    metric: z.string().describe("Metric the criterion reads, e.g. 'ece' or 'max_domain_ece'"),
    op: z.enum(["<=", ">="]).describe("How the value is compared to the threshold"),
    threshold: z.number().describe("Pass threshold"),
  })
  .meta({ id: "EvalCriterion" });
export type Criterion = z.infer<typeof Criterion>;

export const EvalTask = z
  .object({
    name: EvalTaskName,
    title: z.string(),
    description: z.string(),
    draw: z
      .object({
        phase: z.number().int().describe("Curriculum phase whose difficulty mix the task draws from"),
        difficulty: z.enum(["easy", "medium", "hard"]).nullable().describe("Fixed difficulty, or null"),
        adversarial: z
          .boolean()
          .describe("Whether only adversarial items are drawn (where a bucket has any)"),
      })
      .describe("Which questions reset draws for this task"),
    min_episodes: z.number().int().describe("Episodes needed before the task can be passed"),
    criteria: z.array(Criterion).describe("All must hold to pass"),
  })
  .meta({ id: "EvalTask" });
export type EvalTask = z.infer<typeof EvalTask>;

export const EVAL_TASKS: Readonly<Record<EvalTaskName, EvalTask>> = {
  calibration_fundamentals: {
    name: "calibration_fundamentals",
    title: "Calibration fundamentals",
    description: "Easy questions in every domain: stated confidence should match accuracy.",
    draw: { phase: 1, difficulty: "easy", adversarial: false },
    min_episodes: 50,
    criteria: [
      { metric: "ece", op: "<=", threshold: 0.15 },
      { metric: "brier", op: "<=", threshold: 0.25 },
    ],
  },
  domain_aware_calibration: {
    name: "domain_aware_calibration",
    title: "Domain-aware calibration",
    description:
      "Easy and medium questions across domains: calibration must hold in each domain, not on average.",
    draw: { phase: 2, difficulty: null, adversarial: false },
    min_episodes: 100,
    criteria: [
      { metric: "ece", op: "<=", threshold: 0.15 },
      { metric: "max_domain_ece", op: "<=", threshold: 0.25 },
    ],
  },
  anti_hallucination: {
    name: "anti_hallucination",
    title: "Anti-hallucination robustness",
    description: "Hard and adversarial questions: confident wrong answers must be rare.",
    draw: { phase: 3, difficulty: "hard", adversarial: true },
    min_episodes: 50,
    criteria: [
      { metric: "hallucination_rate", op: "<=", threshold: 0.1 },
      { metric: "overconfidence_rate", op: "<=", threshold: 0.25 },
      { metric: "ece", op: "<=", threshold: 0.25 },
    ],
  },
};

export const EvalScore = z
  .object({
    task: EvalTaskName,
    episodes: z
      .number()
      .int()
      .describe("Episodes counted: those drawn for the task (of the session, when one is given)"),
    passed: z.boolean().describe("Enough episodes and every criterion holds"),
    criteria: z.array(
      Criterion.extend({
        value: z.number().nullable().describe("Measured value, or null when there is nothing to measure"),
        passed: z.boolean(),
      }),
    ),
  })
  .meta({ id: "EvalScore" });
export type EvalScore = z.infer<typeof EvalScore>;

/** The draw request a task implies; exported for reset. */
export function evalDraw(task: EvalTask): { phase: Phase; difficulty?: Difficulty; adversarial?: boolean } {
  return {
    phase: task.draw.phase,
    ...(task.draw.difficulty ? { difficulty: task.draw.difficulty } : {}),
    ...(task.draw.adversarial ? { adversarial: true } : {}),
  };
}

export function scoreEvalTask(
  task: EvalTask,
  report: CalibrationReport,
  fingerprint: Fingerprint,
): EvalScore {
  const value = (metric: string): number | null => {
    if (metric === "max_domain_ece") {
      const eces = fingerprint.domains.filter((d) => d.count >= 5).map((d) => d.ece as number);
      return eces.length > 0 ? Math.max(...eces) : null;
    }
    const v = (report as unknown as Record<string, unknown>)[metric];
    if (typeof v === "number") return v;
    // A rate among wrong answers is null when there are none: nothing confident was wrong, so it is 0.
    return metric.endsWith("_rate") && (report.calibrated_count ?? 0) > 0 ? 0 : null;
  };
  const criteria = task.criteria.map((c) => {
    const v = value(c.metric);
    const passed = v !== null && (c.op === "<=" ? v <= c.threshold : v >= c.threshold);
    return { ...c, value: v, passed };
  });
  return {
    task: task.name,
    episodes: report.count,
    passed: report.count >= task.min_episodes && criteria.every((c) => c.passed),
    criteria,
  };
}
