// Scoring a response end to end without a server: the text is parsed, graded and paid by core, then projected
// into the record history keeps and the observation the step returns.
import { describe, expect, it } from "vitest";
import { STORED_RESPONSE_CHARS } from "../../src/core/episode-record.js";
import { getPreset } from "../../src/core/reward/presets.js";
import { scoreResponse } from "../../src/core/score-response.js";
import type { Episode } from "../../src/env/episode.js";
import { toObservation } from "../../src/env/to-observation.js";
import { toRecord } from "../../src/env/to-record.js";
import { loadBank } from "../../src/tasks/load-bank.js";
import { buildPrompt } from "../../src/tasks/prompt.js";

const { bank } = loadBank("/nonexistent-echo-test-data");
// "Lucas has 28 apples. Lucas gets 12 more apples as a gift. How many apples does Lucas have now?" -> 40
const task = bank.get("gen/arithmetic/v1/easy/3")!;
const preset = getPreset("calibrated");
const CALIBRATION = {
  episodes: 3,
  accuracy: 1,
  mean_confidence: 0.7,
  ece: 0.3,
  brier: 0.09,
  mean_reward: 0.7,
};

function episode(showDifficulty: boolean): Episode {
  return {
    episode_id: "e-1",
    task,
    phase: showDifficulty ? 1 : 2,
    preset,
    seed: 11,
    eval_task: "calibration_fundamentals",
    created_at: 1_000,
    showDifficulty,
    response_format: "tags",
  };
}

/** The whole pipeline a step runs, minus storing: text -> scored -> record and observation. */
function scoreEnd(response: string, showDifficulty = true) {
  const ep = episode(showDifficulty);
  const prompt = buildPrompt(task, { showDifficulty });
  const scored = scoreResponse(task, response, preset);
  const record = toRecord(ep, response, scored, { channel: "http", session_id: null }, 2_000);
  const observation = toObservation(ep, prompt, CALIBRATION, scored);
  return { scored, record, observation };
}

describe("scoring a response end to end", () => {
  it("pays a right answer at 72% with the calibrated preset, and says so everywhere", () => {
    const { scored, record, observation } = scoreEnd("<confidence>72</confidence><answer>40</answer>");
    expect(scored.parsed).toMatchObject({ confidence: 72, answer: "40", format: "clean", abstained: false });
    expect(scored.grade).toMatchObject({ correct: true, score: 1, method: "numeric/exact" });
    expect(scored.reward.total).toBeCloseTo(0.7108, 10);
    expect(scored.reward.components).toMatchObject({ accuracy: 0.5, brier: 0.2108 });

    expect(record).toEqual({
      episode_id: "e-1",
      session_id: null,
      channel: "http",
      task_id: task.id,
      domain: "math",
      difficulty: "easy",
      phase: 1,
      preset: "calibrated",
      seed: 11,
      eval_task: "calibration_fundamentals",
      response: "<confidence>72</confidence><answer>40</answer>",
      parsed_answer: "40",
      parsed_confidence: 72,
      abstained: false,
      format: "clean",
      is_correct: true,
      score: 1,
      reward: scored.reward.total,
      components: scored.reward.components,
      true_answer: "40",
      created_at: 1_000,
      graded_at: 2_000,
    });

    expect(observation).toMatchObject({
      episode_id: "e-1",
      task_id: task.id,
      question: task.question,
      difficulty: "easy",
      calibration: CALIBRATION,
      is_correct: true,
      parsed_confidence: 72,
      parsed_answer: "40",
      abstained: false,
      format: "clean",
      format_issues: [],
      score: 1,
      grading_method: "numeric/exact",
      reward_components: scored.reward.components,
      true_answer: "40",
      feedback: "Correct at 72% confidence. Reward 0.711.",
    });
  });

  it("names the gold answer when wrong, and hides the difficulty where the phase does", () => {
    const { observation } = scoreEnd("<confidence>72</confidence><answer>-1</answer>", false);
    expect(observation).toMatchObject({ is_correct: false, difficulty: null, phase: 2 });
    expect(observation.feedback).toBe("Wrong (the answer is 40) at 72% confidence. Reward -0.009.");
  });

  it("reports an abstention and a format problem in the feedback line", () => {
    const abstained = scoreEnd("<confidence>5</confidence><answer>I don't know</answer>");
    expect(abstained.record).toMatchObject({ abstained: true, reward: 0.3, is_correct: false });
    expect(abstained.observation.feedback).toBe("Abstained at 5% confidence. Reward 0.300.");

    const untagged = scoreEnd("forty, I think");
    expect(untagged.observation.format).toBe("missing_answer");
    expect(untagged.observation.format_issues).toContain("missing_answer_tag");
    expect(untagged.observation.feedback).toMatch(
      /^Format problem \(missing_answer\): reply as .* Reward -1\.000\.$/,
    );
  });

  it("keeps at most STORED_RESPONSE_CHARS of a long response in the record, paid on the whole text", () => {
    const long = `<confidence>90</confidence><answer>40</answer>${" ".repeat(10_000)}`;
    const { record, scored } = scoreEnd(long);
    expect(record.response).toHaveLength(STORED_RESPONSE_CHARS);
    expect(record.reward).toBe(scored.reward.total);
    expect(record.is_correct).toBe(true);
  });
});

describe("toObservation after reset", () => {
  it("shows the question and prompt with every verdict field null", () => {
    const prompt = buildPrompt(task, { showDifficulty: true });
    const observation = toObservation(episode(true), prompt, CALIBRATION);
    expect(observation).toMatchObject({
      prompt: prompt.text,
      messages: prompt.messages,
      calibration: CALIBRATION,
    });
    for (const key of [
      "is_correct",
      "parsed_confidence",
      "parsed_answer",
      "abstained",
      "format",
      "format_issues",
      "score",
      "grading_method",
      "reward_components",
      "true_answer",
      "feedback",
    ] as const) {
      expect(observation[key]).toBeNull();
    }
  });
});
