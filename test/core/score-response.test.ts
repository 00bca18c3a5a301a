// scoreResponse with its options, and scoredFields: the one flat projection of a scored response.
import { describe, expect, it } from "vitest";
import { getPreset } from "../../src/core/reward/presets.js";
import { scoredFields, scoreResponse } from "../../src/core/score-response.js";

const spec = {
  answer: "Canberra",
  aliases: [],
  grader: "free_text",
  choices: null,
  answer_index: null,
} as const;
const preset = getPreset("calibrated");

describe("scoreResponse", () => {
  it("parses, grades and pays one response", () => {
    const { parsed, grade, reward } = scoreResponse(
      spec,
      "<confidence>70</confidence><answer>canberra</answer>",
      preset,
    );
    expect(parsed).toMatchObject({ confidence: 70, answer: "canberra", format: "clean" });
    expect(grade.correct).toBe(true);
    expect(reward.total).toBeCloseTo(
      Object.values(reward.components).reduce((a, b) => a + b, 0),
      10,
    );
  });

  it("reads the response with the parse options it is given", () => {
    const untagged = "<answer>Canberra</answer>";
    expect(scoreResponse(spec, untagged, preset).parsed.confidence).toBe(50);
    expect(scoreResponse(spec, untagged, preset, { defaultConfidence: 30 }).parsed.confidence).toBe(30);
  });
});

describe("scoredFields", () => {
  it("flattens the verdict under the names replies and records use", () => {
    const scored = scoreResponse(spec, "<confidence>20</confidence><answer>Sydney</answer>", preset);
    expect(scoredFields(scored)).toEqual({
      reward: scored.reward.total,
      components: scored.reward.components,
      is_correct: false,
      score: 0,
      parsed_confidence: 20,
      parsed_answer: "Sydney",
      abstained: false,
      format: "clean",
      grading_method: scored.grade.method,
    });
  });
});
