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

describe("evaluateResponses on questions that cannot be answered", () => {
  const r = (confidence: number, answer: string) =>
    `<confidence>${confidence}</confidence><answer>${answer}</answer>`;
  const line = (question: string, response: string, grader = "unanswerable") =>
    JSON.stringify({ question, answer: "cannot be answered", grader, domain: "factual", response });

  it("grades declines right, counts refusals per pool, confident fabrications and false confidence", () => {
    const text = [
      line("Who will win the 2042 World Cup?", r(90, "This cannot be answered.")),
      line("What did I eat today?", r(95, "Toast")),
      line("Why is the Moon made of cheese?", r(30, "Because of milk")),
      JSON.stringify({ question: "6 x 7?", answer: "42", domain: "math", response: r(85, "42") }),
      JSON.stringify({ question: "7 x 7?", answer: "49", domain: "math", response: r(60, "I don't know") }),
    ].join("\n");
    const { report, records } = evaluateResponses(text, options);
    expect(records.map((x) => [x.outcome.answerable, x.outcome.correct])).toEqual([
      [false, true],
      [false, false],
      [false, false],
      [true, true],
      [true, false],
    ]);
    // The decline on an unanswerable question keeps its stated 90; the answerable one is capped to 10.
    expect(records.map((x) => x.outcome.confidence)).toEqual([90, 95, 30, 85, 10]);
    expect(report.overall.refusal_rate_unanswerable).toBeCloseTo(1 / 3, 12);
    expect(report.overall.refusal_rate_answerable).toBe(0.5);
    expect(report.overall.confident_fabrication_rate).toBeCloseTo(1 / 3, 12);
    expect(report.overall.false_confidence_rate).toBe(0.5); // "Toast" at 95 wrong, 42 at 85 right
    expect(report.by_domain.factual?.confident_fabrication_rate).toBeCloseTo(1 / 3, 12);
    expect(report.by_domain.math?.confident_fabrication_rate).toBeNull();
    expect(EvalReport.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
  });
});
