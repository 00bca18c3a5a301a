import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getPreset } from "../../src/core/reward/presets.js";
import { EvalReport } from "../../src/eval/eval-report.js";
import { evaluateResponses } from "../../src/eval/evaluate.js";
import { groupFigures } from "../../src/eval/group-figures.js";

const FIXTURE = new URL("../fixtures/eval/self-consistency.jsonl", import.meta.url);
const options = { lookup: () => undefined, preset: getPreset("calibrated"), label: "sc" };

describe("groupFigures", () => {
  it("is null when every task has one response", () => {
    const { records, report } = evaluateResponses(
      '{"question":"2+2?","answer":"4","response":"<confidence>90</confidence><answer>4</answer>"}\n',
      options,
    );
    expect(groupFigures(records)).toBeNull();
    expect(report).not.toHaveProperty("groups");
  });

  // Hand-computed from the fixture. Tasks with several responses: 2+2 (4, 4, 5), Australia (Sydney, Sydney,
  // Canberra), water (no 70, yes 20, yes 20, I don't know 10); 3*3 has one response and is left out.
  // Agreement 2/3, 2/3, 2/4; majority right, wrong, right; weighted vote right, wrong, wrong (no: 70 > 40).
  // Right responses score agreement {2/3, 2/3, 1/3, 1/2, 1/2}, wrong {1/3, 2/3, 2/3, 1/4, 0}: 16.5 of 25
  // pairs. Confidence: right {90, 80, 40, 20, 20}, wrong {30, 95, 90, 70, 10}: 10.5 of 25 pairs.
  it("reports votes, agreement and both AUROCs for a file with several responses per task", () => {
    const { records, report } = evaluateResponses(readFileSync(FIXTURE, "utf8"), options);
    expect(report.lines.graded).toBe(11);
    const figures = groupFigures(records);
    expect(figures).toEqual({
      tasks: 3,
      responses: 10,
      mean_agreement: expect.closeTo(11 / 18, 12),
      single_accuracy: 0.5,
      majority_accuracy: expect.closeTo(2 / 3, 12),
      weighted_vote_accuracy: expect.closeTo(1 / 3, 12),
      auroc_agreement: expect.closeTo(16.5 / 25, 12),
      auroc_confidence: expect.closeTo(10.5 / 25, 12),
    });
    expect(report.groups).toEqual(figures);
    expect(EvalReport.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
  });
});
