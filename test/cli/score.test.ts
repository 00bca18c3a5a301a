import { describe, expect, it } from "vitest";
import { runScore } from "../../src/cli/commands/score.js";
import { captureIo } from "../helpers/capture-io.js";

describe("echo-env score", () => {
  it("prints the parse, grade and reward breakdown", () => {
    const io = captureIo();
    expect(runScore("<confidence>70</confidence><answer>4</answer>", { gold: "4" }, io)).toBe(0);
    expect(io.out()).toContain("grade       correct");
    expect(io.out()).toContain("reward (calibrated)  0.7050");
    expect(io.out()).toMatch(/accuracy\s+0\.5000/);
  });

  it("reproduces the original ECHO live proof with --preset echo", () => {
    const io = captureIo();
    runScore("<confidence>99</confidence><answer>5</answer>", { gold: "4", preset: "echo", json: true }, io);
    const result = JSON.parse(io.out());
    expect(result.reward.total).toBeCloseTo(-1.184, 3);
    expect(result.parsed.confidence).toBe(99);
  });

  it("grades multiple choice by letter and bank tasks by id", () => {
    const mc = captureIo();
    runScore("<confidence>80</confidence><answer>B</answer>", { gold: "B", choices: "Mars|Venus|Earth" }, mc);
    expect(mc.out()).toContain("grade       correct");
    const byId = captureIo({ ECHO_DATA_DIR: "/nonexistent-echo" });
    expect(
      runScore("<confidence>60</confidence><answer>x</answer>", { taskId: "curated/factual/easy/001" }, byId),
    ).toBe(0);
    expect(byId.out()).toContain("grade       wrong");
  });

  it("grades MATH-style answers with --grader math, and infers it for a LaTeX gold", () => {
    const response = "<confidence>80</confidence><answer>$\\left(\\dfrac{3}{2}, -13\\right)$</answer>";
    const explicit = captureIo();
    expect(runScore(response, { gold: "(3/2, -13)", grader: "math", json: true }, explicit)).toBe(0);
    expect(JSON.parse(explicit.out()).grade).toMatchObject({ correct: true, method: "math/equal" });
    const inferred = captureIo();
    runScore(response, { gold: "\\left(\\frac{3}{2}, 13\\right)", json: true }, inferred);
    expect(JSON.parse(inferred.out()).grade).toMatchObject({ correct: false, method: "math/mismatch" });
  });

  it("reads an answer line with --response-format answer_line and pays boolq's length term", () => {
    const line = "The passage says so.\n**ANSWER: YES** with 90% probability.";
    const options = {
      gold: "yes",
      grader: "yes_no",
      responseFormat: "answer_line",
      preset: "boolq",
      json: true,
    };
    const inBucket = captureIo();
    expect(runScore(line, { ...options, completionTokens: "300", maxTokens: "1000" }, inBucket)).toBe(0);
    const scored = JSON.parse(inBucket.out());
    expect(scored.parsed).toMatchObject({ answer: "YES", confidence: 90, format: "clean" });
    expect(scored.grade.correct).toBe(true);
    expect(scored.reward.total).toBeCloseTo(0.99, 12);
    expect(scored.reward.components.length).toBe(0);
    const rambling = captureIo();
    runScore(line, { ...options, completionTokens: "950", maxTokens: "1000" }, rambling);
    expect(JSON.parse(rambling.out()).reward.components.length).toBe(-0.5);
    const tags = captureIo();
    runScore(line, { gold: "yes", grader: "yes_no", json: true }, tags);
    expect(JSON.parse(tags.out()).parsed.format).toBe("missing_answer");
  });

  it("explains bad usage with exit code 2", () => {
    const cases: [Parameters<typeof runScore>[1], RegExp][] = [
      [{}, /give --task-id ID, or --gold ANSWER/],
      [{ gold: "4", preset: "nope" }, /unknown reward preset "nope"; valid presets: echo, rlcr, calibrated/],
      [{ gold: "Z", choices: "a|b" }, /correct option's letter \(A to B\)/],
      [{ gold: "4", grader: "magic" }, /--grader must be one of/],
      [{ taskId: "no/such/task" }, /no task with id "no\/such\/task"/],
      [{ gold: "4", responseFormat: "xml" }, /--response-format must be one of tags, answer_line, got "xml"/],
      [{ gold: "4", maxTokens: "0" }, /--max-tokens must be an integer from 1/],
      [{ gold: "4", completionTokens: "-3" }, /--completion-tokens must be an integer from 0/],
    ];
    for (const [options, message] of cases) {
      const io = captureIo({ ECHO_DATA_DIR: "/nonexistent-echo" });
      expect(runScore("<confidence>1</confidence><answer>1</answer>", options, io)).toBe(2);
      expect(io.err()).toMatch(message);
    }
  });
});
