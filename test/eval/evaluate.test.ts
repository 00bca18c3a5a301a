import { describe, expect, it } from "vitest";
import { getPreset } from "../../src/core/reward/presets.js";
import { EvalReport } from "../../src/eval/eval-report.js";
import { evaluateResponses, groupMetrics, metricsOf, summarizeRun } from "../../src/eval/evaluate.js";
import { loadBank } from "../../src/tasks/load-bank.js";
import { MIXED_GRADED, MIXED_LINES } from "./fixtures.js";

const { bank } = loadBank("/nonexistent-echo");
const options = { lookup: (id: string) => bank.get(id), preset: getPreset("calibrated"), label: "mixed" };

describe("evaluateResponses", () => {
  it("reports an empty file with null metrics, not invented zeros", () => {
    const { report, records } = evaluateResponses("", options);
    expect(records).toEqual([]);
    expect(report.lines).toEqual({ total: 0, graded: 0, bad: 0, unknown_ids: 0 });
    expect(report.overall.ece).toBeNull();
    expect(report.by_domain).toEqual({});
    expect(report.fingerprint.weakest).toBeNull();
    expect(EvalReport.parse(report)).toEqual(report);
  });

  it("grades good lines, counts bad lines and unknown ids, and validates against its schema", () => {
    const { report, records } = evaluateResponses(MIXED_LINES, options);
    expect(records.map((r) => [r.line, r.outcome.correct])).toEqual(MIXED_GRADED);
    expect(report.lines).toEqual({ total: 12, graded: 7, bad: 4, unknown_ids: 1 });
    expect(report.problems).toHaveLength(5);
    expect(EvalReport.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
    expect(report.label).toBe("mixed");
    expect(report.preset).toBe("calibrated");
  });

  it("counts a null response as a format failure left out of the calibration subset", () => {
    const { report } = evaluateResponses(MIXED_LINES, options);
    expect(report.overall.count).toBe(7);
    expect(report.overall.calibrated_count).toBe(6);
    expect(report.overall.format_failure_rate).toBeCloseTo(1 / 7, 10);
  });

  it("breaks metrics down per domain and difficulty, with unspecified groups", () => {
    const { report } = evaluateResponses(MIXED_LINES, options);
    expect(Object.keys(report.by_domain)).toEqual(["math", "factual", "science", "creative", "unspecified"]);
    expect(report.by_domain.math?.count).toBe(2); // generated arithmetic + the out-of-bank 6 x 7
    expect(report.by_domain.unspecified?.count).toBe(2);
    expect(Object.keys(report.by_difficulty)).toEqual(["easy", "medium", "unspecified"]);
    expect(report.by_difficulty.easy?.count).toBe(3);
    expect(report.by_difficulty.unspecified?.count).toBe(3);
    const math = report.fingerprint.domains.find((d) => d.domain === "math")!;
    expect(math).toMatchObject({ count: 2, accuracy: 0.5, empty: false });
    expect(report.fingerprint.domains.find((d) => d.domain === "coding")?.empty).toBe(true);
  });

  it("gives the same figures as grading each line through scoreResponse one by one", () => {
    const { report, records } = evaluateResponses(MIXED_LINES, options);
    expect(metricsOf(records)).toEqual(report.overall);
    expect(groupMetrics(records, "difficulty")).toEqual(report.by_difficulty);
    const again = summarizeRun(records, {
      label: "mixed",
      preset: "calibrated",
      problems: report.problems,
      total: 12,
    });
    expect(again).toEqual(report);
  });
});
