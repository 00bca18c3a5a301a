// scoreBatch without a server: items scored in order as a step would score them, failures confined to their
// item, records only when asked (channel batch, the current phase), options reaching scoreResponse (the
// batch's and each item's own response format and token counts), and the groups of the items that name one.
import { describe, expect, it } from "vitest";
import { Curriculum } from "../../src/core/curriculum.js";
import { getPreset } from "../../src/core/reward/presets.js";
import { scoredFields, scoreResponse } from "../../src/core/score-response.js";
import { scoreBatch } from "../../src/env/batch-scoring.js";
import { MAX_RESPONSE_CHARS } from "../../src/env/observation.js";
import { loadBank } from "../../src/tasks/load-bank.js";

const { bank } = loadBank("/nonexistent-echo-test-data");
const A = "gen/arithmetic/v1/easy/3"; // answer 40
const B = "curated/creative/easy/001";
const preset = getPreset("calibrated");

function service(phase: 1 | 2 | 3 = 1) {
  let ids = 0;
  const curriculum = new Curriculum();
  curriculum.setPhase(phase, true);
  return { bank, curriculum, clock: () => 7_000, newId: () => `b-${++ids}` };
}

describe("scoreBatch", () => {
  it("scores each item as scoreResponse does, in order, with the task's domain and difficulty", () => {
    const items = [
      { task_id: A, response: "<confidence>90</confidence><answer>40</answer>" },
      { task_id: A, response: "<confidence>90</confidence><answer>41</answer>" },
      { task_id: B, response: `<confidence>60</confidence><answer>${bank.get(B)!.answer}</answer>` },
    ];
    const { rewards, results, records } = scoreBatch(service(), items, { preset, record: false });
    items.forEach((item, i) => {
      const task = bank.get(item.task_id)!;
      const scored = scoreResponse(task, item.response, preset);
      expect(rewards[i]).toBe(scored.reward.total);
      expect(results[i]).toEqual({
        ...scoredFields(scored),
        domain: task.domain,
        difficulty: task.difficulty,
        error: null,
      });
    });
    expect(results.map((r) => r.is_correct)).toEqual([true, false, true]);
    expect(records).toEqual([]);
  });

  it("fails only the item with an unknown task id or an over-long response", () => {
    const items = [
      { task_id: "gen/nope/v1/easy/1", response: "<confidence>90</confidence><answer>40</answer>" },
      { task_id: A, response: "x".repeat(MAX_RESPONSE_CHARS + 1) },
      { task_id: A, response: "<confidence>90</confidence><answer>40</answer>" },
    ];
    const { rewards, results, records } = scoreBatch(service(), items, { preset, record: true });
    expect(rewards[0]).toBeNull();
    expect(results[0]?.error).toMatch(/no task with id "gen\/nope\/v1\/easy\/1"/);
    expect(results[0]).toMatchObject({ reward: null, is_correct: null, domain: null });
    expect(rewards[1]).toBeNull();
    expect(results[1]?.error).toMatch(/over the limit of 100000/);
    expect(rewards[2]).toBeGreaterThan(0);
    expect(records.map((r) => r.episode_id)).toEqual(["b-1"]);
  });

  it("records scored items as batch episodes in the current phase, created when the batch arrived", () => {
    const items = [
      { task_id: A, response: "<confidence>80</confidence><answer>40</answer>" },
      { task_id: B, response: "<confidence>20</confidence><answer>no idea</answer>" },
    ];
    const { records, rewards } = scoreBatch(service(3), items, { preset, record: true });
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      episode_id: "b-1",
      channel: "batch",
      session_id: null,
      task_id: A,
      phase: 3,
      preset: "calibrated",
      seed: null,
      eval_task: null,
      created_at: 7_000,
      graded_at: 7_000,
      reward: rewards[0],
    });
    expect(records[1]?.task_id).toBe(B);
  });

  it("passes its scoring options to every item (a parse option changes the default confidence)", () => {
    const items = [{ task_id: A, response: "<answer>40</answer>" }];
    const plain = scoreBatch(service(), items, { preset, record: false }).results[0];
    const options = { preset, record: false, parse: { defaultConfidence: 90 } };
    const tuned = scoreBatch(service(), items, options).results[0];
    expect(plain?.parsed_confidence).toBe(50);
    expect(tuned?.parsed_confidence).toBe(90);
  });

  it("reads each item in its own response format, over the batch's", () => {
    const line = "ANSWER: 40 with 80% probability";
    const items = [
      { task_id: A, response: line, response_format: "answer_line" as const },
      { task_id: A, response: line },
      {
        task_id: A,
        response: "<confidence>80</confidence><answer>40</answer>",
        response_format: "tags" as const,
      },
    ];
    const batch = scoreBatch(service(), items, { preset, record: false });
    expect(batch.results.map((r) => [r.parsed_answer, r.is_correct])).toEqual([
      ["40", true],
      ["", false],
      ["40", true],
    ]);
    const lines = { preset, record: false, parse: { responseFormat: "answer_line" as const } };
    const asLines = scoreBatch(service(), items, lines).results;
    expect(asLines.map((r) => r.parsed_answer)).toEqual(["40", "40", "40"]);
    expect(asLines[2]?.format).toBe("clean");
    const task = bank.get(A)!;
    expect(batch.rewards[0]).toBe(
      scoreResponse(task, line, preset, { responseFormat: "answer_line" }).reward.total,
    );
  });

  it("passes each item's token counts to the length term", () => {
    const boolq = getPreset("boolq");
    const response = "<confidence>90</confidence><answer>40</answer>";
    const tokens = { completion_tokens: 900, max_tokens: 1000 };
    const { results } = scoreBatch(
      service(),
      [
        { task_id: A, response, ...tokens },
        { task_id: A, response },
      ],
      {
        preset: boolq,
        record: false,
      },
    );
    expect(results[0]?.components?.length).toBe(-0.5);
    expect(results[1]?.components?.length).toBe(0);
    expect(results[0]?.reward).toBe(
      scoreResponse(bank.get(A)!, response, boolq, undefined, tokens).reward.total,
    );
  });

  it("summarises the items that name a group, a failed one as an unreadable member; none means {}", () => {
    const says = (confidence: number, answer: string) =>
      `<confidence>${confidence}</confidence><answer>${answer}</answer>`;
    const items = [
      { task_id: A, response: says(80, "40"), group: "g" },
      { task_id: A, response: says(90, "41"), group: "g" },
      { task_id: A, response: says(95, "41") },
      { task_id: "gen/nope/v1/easy/1", response: says(99, "41"), group: "g" },
      { task_id: A, response: "x".repeat(MAX_RESPONSE_CHARS + 1), group: "g" },
      { task_id: A, response: says(60, "40"), group: "g" },
    ];
    const { groups } = scoreBatch(service(), items, { preset, record: false });
    // 5 members: 40 twice (140 points, right), 41 once (90), two failures; 2/5 agree, both votes say 40.
    expect(groups).toEqual({
      g: {
        size: 5,
        votes: 3,
        agreement: 2 / 5,
        majority_answer: "40",
        majority_correct: true,
        weighted_vote_answer: "40",
        weighted_vote_correct: true,
      },
    });
    const plain = items.map(({ task_id, response }) => ({ task_id, response }));
    expect(scoreBatch(service(), plain, { preset, record: false }).groups).toEqual({});
  });
});
