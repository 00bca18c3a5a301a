import { describe, expect, it } from "vitest";
import type { GradingSpec } from "../../src/core/grading/grade-result.js";
import {
  type GroupedItem,
  GroupId,
  GroupSignals,
  GroupSignalsByGroup,
  groupSignalsOf,
  summarizeGroup,
} from "../../src/core/group-signals.js";
import { getPreset } from "../../src/core/reward/presets.js";
import { scoreResponse } from "../../src/core/score-response.js";

const spec: GradingSpec = { grader: "numeric", answer: "18", aliases: [] };
const preset = getPreset("calibrated");
const item = (group: string, confidence: number, answer: string): GroupedItem => ({
  group,
  spec,
  scored: scoreResponse(spec, `<confidence>${confidence}</confidence><answer>${answer}</answer>`, preset),
});

// Hand-computed: "p1" has 3 votes for 18 (60+40+30 = 130 points), 2 for 20 (90+95 = 185), one abstention and
// one unreadable hedge, so 7 members: agreement 3/7, majority 18 (right), weighted vote 20 (wrong).
const P1 = [
  item("p1", 60, "18"),
  item("p1", 90, "20"),
  item("p1", 40, "18.0"),
  item("p1", 10, "I don't know"),
  item("p1", 95, "It is 20"),
  item("p1", 50, "18 or 20"),
  item("p1", 30, "#### 18"),
];

describe("groupSignalsOf (hand-computed example)", () => {
  it("counts agreement over every member, and lets majority and weighted vote differ", () => {
    const groups = groupSignalsOf(P1);
    expect(groups).toEqual({
      p1: {
        size: 7,
        votes: 5,
        agreement: 3 / 7,
        majority_answer: "18",
        majority_correct: true,
        weighted_vote_answer: "20",
        weighted_vote_correct: false,
      },
    });
    expect(GroupSignals.parse(groups.p1)).toEqual(groups.p1);
  });

  it("gives the same summary for any order of the members", () => {
    const reversed = groupSignalsOf([...P1].reverse());
    expect(reversed).toEqual(groupSignalsOf(P1));
  });

  it("summarises groups apart, in order of first appearance, whatever their ids", () => {
    const groups = groupSignalsOf([item("b", 70, "20"), item("__proto__", 80, "18"), item("b", 20, "21")]);
    expect(Object.keys(groups)).toEqual(["b", "__proto__"]);
    expect(groups.b).toMatchObject({ size: 2, votes: 2, agreement: 0.5, majority_answer: "20" });
    expect(Object.getPrototypeOf(groups)).toBe(Object.prototype);
  });

  it("a group of one agrees with itself", () => {
    expect(groupSignalsOf([item("solo", 55, "20")]).solo).toEqual({
      size: 1,
      votes: 1,
      agreement: 1,
      majority_answer: "20",
      majority_correct: false,
      weighted_vote_answer: "20",
      weighted_vote_correct: false,
    });
  });

  it("a group without a vote has no answer, agreement 0 and nothing correct", () => {
    const failed: GroupedItem = { group: "x", spec, scored: null };
    expect(groupSignalsOf([item("x", 80, "I don't know"), failed]).x).toEqual({
      size: 2,
      votes: 0,
      agreement: 0,
      majority_answer: null,
      majority_correct: false,
      weighted_vote_answer: null,
      weighted_vote_correct: false,
    });
  });

  it("breaks a tie in votes and weight by the key, not by order", () => {
    const a = groupSignalsOf([item("t", 50, "20"), item("t", 50, "18")]).t;
    const b = groupSignalsOf([item("t", 50, "18"), item("t", 50, "20")]).t;
    expect(a).toEqual(b);
    // "gold" sorts before "numeric:20".
    expect(a?.majority_answer).toBe("18");
    expect(a?.weighted_vote_answer).toBe("18");
  });
});

describe("summarizeGroup", () => {
  it("counts a key correct only when every member giving it was graded correct", () => {
    const answer = { kind: "answer", key: "k", text: "k" } as const;
    const summary = summarizeGroup([
      { answer, confidence: 90, correct: true },
      { answer, confidence: 90, correct: false },
    ]);
    expect(summary).toMatchObject({ agreement: 1, majority_correct: false, weighted_vote_correct: false });
  });

  it("clamps confidence into 0..100 before weighing", () => {
    const summary = summarizeGroup([
      { answer: { kind: "answer", key: "a", text: "a" }, confidence: 500, correct: false },
      { answer: { kind: "answer", key: "b", text: "b" }, confidence: 100, correct: true },
      { answer: { kind: "answer", key: "b", text: "b" }, confidence: 0, correct: true },
    ]);
    // a: 100 points, 1 vote; b: 100 points, 2 votes: the weight ties, so more votes win.
    expect(summary.weighted_vote_answer).toBe("b");
  });
});

describe("GroupId and GroupSignalsByGroup", () => {
  it("accept what groupSignalsOf gives and refuse an empty id", () => {
    const groups = groupSignalsOf(P1);
    expect(GroupSignalsByGroup.parse(groups)).toEqual(groups);
    expect(GroupId.safeParse("").success).toBe(false);
    expect(GroupId.safeParse("prompt-17").success).toBe(true);
  });
});
