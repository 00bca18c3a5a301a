// Scoring on questions that cannot be answered: a decline is right, at the confidence the model stated.
import { describe, expect, it } from "vitest";
import type { GradingSpec } from "../../src/core/grading/grade-result.js";
import { computeReward } from "../../src/core/reward/compute-reward.js";
import { BUILT_IN_PRESETS, getPreset, PRESET_NAMES } from "../../src/core/reward/presets.js";
import { scoreResponse } from "../../src/core/score-response.js";

const unanswerable: GradingSpec = { grader: "unanswerable", answer: "cannot be answered", aliases: [] };
const answerable: GradingSpec = { grader: "free_text", answer: "Canberra", aliases: [] };
const reply = (confidence: number, answer: string) =>
  `<confidence>${confidence}</confidence><answer>${answer}</answer>`;

describe.each(PRESET_NAMES)("scoreResponse on an unanswerable question (%s)", (name) => {
  const preset = BUILT_IN_PRESETS[name];
  const ordinary = (confidence: number, right: boolean) =>
    computeReward(preset, {
      confidence,
      correct: right,
      score: right ? 1 : 0,
      abstained: false,
      format: "clean",
    });

  it("pays a decline as a right answer at its uncapped confidence", () => {
    for (const confidence of [5, 60, 90, 100]) {
      const scored = scoreResponse(unanswerable, reply(confidence, "This cannot be answered."), preset);
      expect(scored.parsed).toMatchObject({ abstained: true, confidence });
      expect(scored.parsed.issues.map((i) => i.code)).not.toContain("abstention_capped");
      expect(scored.grade).toMatchObject({ correct: true, score: 1 });
      expect(scored.reward).toEqual(ordinary(confidence, true));
      expect(scored.reward.components.abstention).toBe(0);
    }
  });

  it("pays any substantive answer as a wrong answer at its confidence", () => {
    for (const confidence of [0, 50, 95]) {
      const scored = scoreResponse(unanswerable, reply(confidence, "Brazil"), preset);
      expect(scored.grade.correct).toBe(false);
      expect(scored.reward).toEqual(ordinary(confidence, false));
    }
  });

  it("pays a confident decline more than a confident fabrication", () => {
    const decline = scoreResponse(unanswerable, reply(95, "I don't know"), preset).reward.total;
    const fabrication = scoreResponse(unanswerable, reply(95, "Brazil"), preset).reward.total;
    expect(decline).toBeGreaterThan(fabrication);
  });
});

describe("scoreResponse keeps answerable questions unchanged", () => {
  it("still caps an abstention's confidence and pays the fixed abstention reward", () => {
    const scored = scoreResponse(answerable, reply(90, "I don't know"), getPreset("calibrated"));
    expect(scored.parsed).toMatchObject({ abstained: true, confidence: 10 });
    expect(scored.reward.total).toBe(0.3);
    expect(scored.reward.components.abstention).toBe(0.3);
  });

  it("grades an answerability decline on an answerable question as an abstention, not an answer", () => {
    const scored = scoreResponse(
      answerable,
      reply(90, "This question cannot be answered."),
      getPreset("rlcr"),
    );
    expect(scored.parsed).toMatchObject({ abstained: true, confidence: 10 });
    expect(scored.grade.correct).toBe(false);
  });

  it("applies the format rules to unanswerable questions as usual", () => {
    // rlcr gates on a clean format: a repaired one (unclosed answer tag) earns 0 even for a right decline.
    const repaired = scoreResponse(
      unanswerable,
      "<confidence>90</confidence><answer>I don't know",
      getPreset("rlcr"),
    );
    expect(repaired.parsed.format).toBe("repaired");
    expect(repaired.reward.total).toBe(0);
    // calibrated pays a fixed -1 for a response it cannot read.
    expect(scoreResponse(unanswerable, "no tags at all", getPreset("calibrated")).reward.total).toBe(-1);
  });
});
