// Wire schema of an offline evaluation: line accounting, metrics overall and per group, and the fingerprint.
import { z } from "zod";
import { CalibrationReport } from "../core/metrics/calibration-report.js";
import { Fingerprint } from "../core/metrics/fingerprint.js";
import { DIFFICULTIES, DOMAINS } from "../core/taxonomy.js";
import { GroupFigures } from "./group-figures.js";
import { LineProblem } from "./response-lines.js";

/** Group of records whose domain or difficulty was not given (out-of-bank lines). */
export const UNSPECIFIED = "unspecified";

export const DomainGroup = z.enum([...DOMAINS, UNSPECIFIED]).describe("A domain, or 'unspecified'");
export const DifficultyGroup = z
  .enum([...DIFFICULTIES, UNSPECIFIED])
  .describe("A difficulty, or 'unspecified'");

export const LineCounts = z
  .object({
    total: z.number().int().min(0).describe("Non-blank lines read"),
    graded: z.number().int().min(0).describe("Lines graded and counted in the metrics"),
    bad: z
      .number()
      .int()
      .min(0)
      .describe("Lines that are not valid JSON, not a valid shape, or carry an unusable gold"),
    unknown_ids: z.number().int().min(0).describe("Lines naming a task id the bank does not know"),
  })
  .describe("What happened to each line: total = graded + bad + unknown_ids");

export const EvalReport = z
  .object({
    label: z.string().describe("Name of the run (the file name unless given)"),
    preset: z.string().describe("Reward preset that computed mean_reward"),
    lines: LineCounts,
    problems: z.array(LineProblem).describe("Every line left out, with its number and the reason"),
    overall: CalibrationReport.describe("Metrics over every graded line"),
    by_domain: z
      .partialRecord(DomainGroup, CalibrationReport)
      .describe("One report per domain present, in taxonomy order"),
    by_difficulty: z
      .partialRecord(DifficultyGroup, CalibrationReport)
      .describe("One report per difficulty present (easy, medium, hard, unspecified)"),
    fingerprint: Fingerprint,
    groups: GroupFigures.optional().describe(
      "Self-consistency over tasks with several responses (majority and weighted votes, agreement and its " +
        "AUROC); absent when every task has one response",
    ),
  })
  .meta({ id: "EvalReport" });
export type EvalReport = z.infer<typeof EvalReport>;
