import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CalibrationReport } from "../../../src/core/metrics/calibration-report.js";
import { computeMetrics, computeMetricsBy } from "../../../src/core/metrics/compute-metrics.js";
import type { EpisodeOutcome } from "../../../src/core/metrics/episode-outcome.js";
import { atLevel, expectReportsClose, outcome, outcomeArb } from "./outcome-fixtures.js";

const CALIBRATION_FIGURES = [
  "accuracy",
  "mean_confidence",
  "ece",
  "mce",
  "brier",
  "sharpness",
  "reliability",
  "resolution",
  "uncertainty",
  "auroc",
  "overconfidence_rate",
  "severe_overconfidence_rate",
  "hallucination_rate",
  "underconfidence_rate",
  "false_confidence_rate",
] as const;

/** Independent, deliberately naive reference: loops over records, float bin edges, pairwise AUROC. */
function referenceMetrics(records: EpisodeOutcome[]): CalibrationReport {
  const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
  const cal = records.filter((r) => r.format !== "missing_confidence" && r.format !== "empty");
  const p = (r: EpisodeOutcome) => r.confidence / 100;
  const o = (r: EpisodeOutcome) => (r.correct ? 1 : 0);
  const n = cal.length;
  const bins = Array.from({ length: 10 }, (_, b) => {
    const lower = b / 10;
    const upper = (b + 1) / 10;
    const members = cal.filter((r) => p(r) >= lower && (b === 9 ? p(r) <= 1 : p(r) < upper));
    const conf = mean(members.map(p));
    const acc = mean(members.map(o));
    const gap = conf === null || acc === null ? null : conf - acc;
    return { lower, upper, count: members.length, mean_confidence: conf, accuracy: acc, gap };
  });
  const filled = bins.filter((b) => b.count > 0);
  const base = mean(cal.map(o));
  const meanP = mean(cal.map(p));
  const levels = new Map<number, EpisodeOutcome[]>();
  for (const r of cal) levels.set(r.confidence, [...(levels.get(r.confidence) ?? []), r]);
  let reliability = 0;
  let resolution = 0;
  for (const [c, members] of levels) {
    const rate = mean(members.map(o))!;
    reliability += (members.length * (c / 100 - rate) ** 2) / n;
    resolution += (members.length * (rate - base!) ** 2) / n;
  }
  const right = cal.filter((r) => r.correct);
  const wrong = cal.filter((r) => !r.correct);
  let wins = 0;
  for (const a of right)
    for (const b of wrong) wins += a.confidence > b.confidence ? 1 : a.confidence === b.confidence ? 0.5 : 0;
  const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  // Confident: an actual answer (no decline, an answer tag with text) stated at 80 or more.
  const confident = cal.filter((r) => !r.abstained && r.format !== "missing_answer" && r.confidence >= 80);
  const unanswerable = records.filter((r) => r.answerable === false);
  const answerable = records.filter((r) => r.answerable !== false);
  return {
    count: records.length,
    calibrated_count: n,
    accuracy: base,
    mean_confidence: meanP,
    ece: n === 0 ? null : filled.reduce((s, b) => s + (b.count / n) * Math.abs(b.gap!), 0),
    mce: n === 0 ? null : Math.max(...filled.map((b) => Math.abs(b.gap!))),
    brier: mean(cal.map((r) => (p(r) - o(r)) ** 2)),
    sharpness: mean(cal.map((r) => (p(r) - meanP!) ** 2)),
    reliability: n === 0 ? null : reliability,
    resolution: n === 0 ? null : resolution,
    uncertainty: base === null ? null : base * (1 - base),
    auroc: right.length === 0 || wrong.length === 0 ? null : wins / (right.length * wrong.length),
    overconfidence_rate: share(wrong.filter((r) => r.confidence >= 80).length, wrong.length),
    severe_overconfidence_rate: share(wrong.filter((r) => r.confidence >= 95).length, wrong.length),
    hallucination_rate: share(wrong.filter((r) => r.confidence >= 95).length, wrong.length),
    underconfidence_rate: share(right.filter((r) => r.confidence <= 20).length, right.length),
    abstention_rate: share(records.filter((r) => r.abstained).length, records.length),
    format_failure_rate: share(
      records.filter((r) => ["missing_confidence", "missing_answer", "empty"].includes(r.format)).length,
      records.length,
    ),
    false_confidence_rate: share(confident.filter((r) => !r.correct).length, confident.length),
    refusal_rate_answerable: share(answerable.filter((r) => r.abstained).length, answerable.length),
    refusal_rate_unanswerable: share(unanswerable.filter((r) => r.abstained).length, unanswerable.length),
    confident_fabrication_rate: share(
      unanswerable.filter((r) => confident.includes(r)).length,
      unanswerable.length,
    ),
    mean_reward: mean(records.map((r) => r.reward)),
    bins,
  };
}

describe("computeMetrics: edge cases", () => {
  it("gives count 0 and nulls for empty input, never invented numbers", () => {
    const report = computeMetrics([]);
    expect(report.count).toBe(0);
    expect(report.calibrated_count).toBe(0);
    for (const field of CALIBRATION_FIGURES) expect(report[field], field).toBeNull();
    expect(report.abstention_rate).toBeNull();
    expect(report.format_failure_rate).toBeNull();
    expect(report.mean_reward).toBeNull();
    expect(report.bins).toHaveLength(10);
    for (const bin of report.bins) {
      expect(bin).toMatchObject({ count: 0, mean_confidence: null, accuracy: null, gap: null });
    }
    expect(CalibrationReport.safeParse(report).success).toBe(true);
  });

  it("leaves invented confidences out of calibration but counts them in the all-record rates", () => {
    const records = [
      outcome(50, false, { format: "missing_confidence", reward: -1 }),
      outcome(50, false, { format: "empty", reward: -1, abstained: true }),
    ];
    const report = computeMetrics(records);
    expect(report).toMatchObject({
      count: 2,
      calibrated_count: 0,
      format_failure_rate: 1,
      abstention_rate: 0.5,
    });
    expect(report.mean_reward).toBe(-1);
    for (const field of CALIBRATION_FIGURES) expect(report[field], field).toBeNull();
  });

  it("keeps abstentions and missing_answer records in the calibration subset", () => {
    const report = computeMetrics([
      outcome(10, false, { abstained: true, reward: 0.3 }),
      outcome(90, false, { format: "missing_answer", reward: -1 }),
    ]);
    expect(report).toMatchObject({
      count: 2,
      calibrated_count: 2,
      abstention_rate: 0.5,
      format_failure_rate: 0.5,
    });
    expect(report.mean_confidence).toBeCloseTo(0.5, 12);
    expect(report.mean_reward).toBeCloseTo(-0.35, 12);
  });

  it("gives null rates when their denominator is empty", () => {
    const allRight = computeMetrics(atLevel(90, 4, 4));
    expect(allRight.auroc).toBeNull();
    expect(allRight.overconfidence_rate).toBeNull();
    expect(allRight.hallucination_rate).toBeNull();
    expect(allRight.underconfidence_rate).toBe(0);
    const allWrong = computeMetrics(atLevel(10, 4, 0));
    expect(allWrong.auroc).toBeNull();
    expect(allWrong.underconfidence_rate).toBeNull();
    expect(allWrong.overconfidence_rate).toBe(0);
  });

  it("rejects records outside EpisodeOutcome's ranges", () => {
    expect(() => computeMetrics([outcome(101, true)])).toThrow(RangeError);
    expect(() => computeMetrics([outcome(-1, true)])).toThrow(RangeError);
    expect(() => computeMetrics([outcome(50.5, true)])).toThrow(RangeError);
    expect(() => computeMetrics([outcome(50, true, { reward: Number.NaN })])).toThrow(RangeError);
  });
});

describe("computeMetrics: hand-worked figures", () => {
  it("always-90 on a set with 50% accuracy gives ece and mce 0.4", () => {
    const report = computeMetrics(atLevel(90, 10, 5));
    expect(report.ece).toBeCloseTo(0.4, 12);
    expect(report.mce).toBeCloseTo(0.4, 12);
    expect(report.accuracy).toBe(0.5);
    expect(report.brier).toBeCloseTo(0.41, 12); // half at 0.1^2, half at 0.9^2
    expect(report.sharpness).toBe(0);
    expect(report.auroc).toBe(0.5);
    expect(report.overconfidence_rate).toBe(1);
    expect(report.hallucination_rate).toBe(0);
    expect(report.bins[9]).toMatchObject({ count: 10, accuracy: 0.5 });
    expect(report.bins[9]!.gap).toBeCloseTo(0.4, 12);
  });

  it("gives ece 0 and reliability 0 for sets calibrated by construction", () => {
    const report = computeMetrics([...atLevel(70, 10, 7), ...atLevel(20, 10, 2)]);
    expect(report.ece).toBe(0);
    expect(report.mce).toBe(0);
    expect(report.reliability).toBeCloseTo(0, 15);
    expect(report.resolution).toBeCloseTo(0.0625, 12); // both levels 0.25 away from the base rate 0.45
    expect(report.uncertainty).toBeCloseTo(0.2475, 12);
    expect(report.brier).toBeCloseTo(0.185, 12);
    expect(report.sharpness).toBeCloseTo(0.0625, 12);
  });

  it("computes AUROC with ties counting one half", () => {
    // right at 90, 60, 60; wrong at 60, 30: 6 pairs, 2 ties -> (4 + 2 * 0.5) / 6
    const records = [
      outcome(90, true),
      outcome(60, true),
      outcome(60, true),
      outcome(60, false),
      outcome(30, false),
    ];
    expect(computeMetrics(records).auroc).toBeCloseTo(5 / 6, 12);
    expect(computeMetrics([outcome(10, true), outcome(90, false)]).auroc).toBe(0);
  });

  it("bins 9 | 10, 89 | 90 and puts 100 in the last bin", () => {
    const bins = computeMetrics([
      outcome(9, true),
      outcome(10, true),
      outcome(89, true),
      outcome(90, true),
    ]).bins;
    expect(bins.map((b) => b.count)).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 1, 1]);
    const last = computeMetrics([outcome(100, false)]).bins[9]!;
    expect(last).toMatchObject({ lower: 0.9, upper: 1, count: 1, mean_confidence: 1, accuracy: 0, gap: 1 });
  });

  it("puts the tail thresholds at >= 80, >= 95 and <= 20", () => {
    const wrong = computeMetrics([79, 80, 94, 95].map((c) => outcome(c, false)));
    expect(wrong.overconfidence_rate).toBe(0.75);
    expect(wrong.hallucination_rate).toBe(0.25);
    expect(computeMetrics([20, 21].map((c) => outcome(c, true))).underconfidence_rate).toBe(0.5);
  });
});

describe("computeMetrics: properties", () => {
  it("matches the independent reference computation", () => {
    fc.assert(
      fc.property(fc.array(outcomeArb, { maxLength: 120 }), (records) => {
        expectReportsClose(computeMetrics(records), referenceMetrics(records));
      }),
      { numRuns: 300 },
    );
  });

  it("satisfies brier = reliability - resolution + uncertainty and the report schema", () => {
    fc.assert(
      fc.property(fc.array(outcomeArb, { minLength: 1, maxLength: 300 }), (records) => {
        const r = computeMetrics(records);
        expect(CalibrationReport.safeParse(r).success).toBe(true);
        if (r.calibrated_count === 0) return;
        expect(Math.abs(r.brier! - (r.reliability! - r.resolution! + r.uncertainty!))).toBeLessThan(1e-12);
      }),
      { numRuns: 300 },
    );
  });
});

describe("computeMetricsBy", () => {
  it("reports per domain only for domains present, in vocabulary order", () => {
    const by = computeMetricsBy(
      [outcome(90, true, { domain: "science" }), outcome(90, false, { domain: "math" })],
      "domain",
    );
    expect(Object.keys(by)).toEqual(["math", "science"]);
    expect(by.science?.accuracy).toBe(1);
    expect(by.math?.accuracy).toBe(0);
  });

  it("groups null and missing difficulty as unspecified", () => {
    const by = computeMetricsBy(
      [outcome(50, true, { difficulty: null }), outcome(50, true), outcome(50, true, { difficulty: "hard" })],
      "difficulty",
    );
    expect(Object.keys(by)).toEqual(["hard", "unspecified"]);
    expect(by.unspecified?.count).toBe(2);
  });

  it("gives each group the report of its own records", () => {
    fc.assert(
      fc.property(fc.array(outcomeArb, { maxLength: 80 }), (records) => {
        for (const [domain, report] of Object.entries(computeMetricsBy(records, "domain"))) {
          expect(report).toEqual(computeMetrics(records.filter((r) => r.domain === domain)));
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("computeMetrics: declining and unanswerable questions", () => {
  const unanswerable = { answerable: false } as const;
  it("counts refusals per pool, false confidence among confident answers, confident fabrications", () => {
    const records = [
      outcome(90, true), // confident right answer
      outcome(85, false), // confident wrong answer (answerable)
      outcome(70, false), // not confident
      outcome(10, false, { abstained: true }), // declined an answerable question
      outcome(95, true, { abstained: true, ...unanswerable }), // declined an unanswerable one: right
      outcome(99, false, unanswerable), // confident fabrication
      outcome(40, false, unanswerable), // timid fabrication
      outcome(90, false, { format: "missing_answer", ...unanswerable }), // no answer: not substantive
    ];
    const report = computeMetrics(records);
    expect(report.false_confidence_rate).toBeCloseTo(2 / 3, 12); // 85 wrong and 99 wrong among 90, 85, 99
    expect(report.refusal_rate_answerable).toBeCloseTo(1 / 4, 12);
    expect(report.refusal_rate_unanswerable).toBeCloseTo(1 / 4, 12);
    expect(report.confident_fabrication_rate).toBeCloseTo(1 / 4, 12);
    expect(report.severe_overconfidence_rate).toBe(report.hallucination_rate);
  });

  it("is null, not 0, when a pool or the confident answers are empty; old records are answerable", () => {
    const report = computeMetrics([outcome(50, true), outcome(10, false, { abstained: true })]);
    expect(report.refusal_rate_answerable).toBe(0.5);
    expect(report.refusal_rate_unanswerable).toBeNull();
    expect(report.confident_fabrication_rate).toBeNull();
    expect(report.false_confidence_rate).toBeNull();
    const none = computeMetrics([outcome(90, false, unanswerable)]);
    expect(none.refusal_rate_answerable).toBeNull();
    expect(none.confident_fabrication_rate).toBe(1);
  });

  it("computes the same figures per domain", () => {
    const by = computeMetricsBy(
      [outcome(99, false, { domain: "factual", ...unanswerable }), outcome(99, true, { domain: "math" })],
      "domain",
    );
    expect(by.factual?.confident_fabrication_rate).toBe(1);
    expect(by.math?.confident_fabrication_rate).toBeNull();
    expect(by.math?.false_confidence_rate).toBe(0);
  });
});
