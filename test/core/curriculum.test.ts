import { describe, expect, it } from "vitest";
import { Curriculum, drawDifficulty, PHASE_MIX, showsDifficulty } from "../../src/core/curriculum.js";
import type { EpisodeOutcome } from "../../src/core/metrics/episode-outcome.js";

const outcome = (confidence: number, correct: boolean): EpisodeOutcome => ({
  confidence,
  correct,
  abstained: false,
  format: "clean",
  reward: 0,
  domain: "math",
  difficulty: "easy",
});
/** Ten episodes at 70% confidence with 7 right: ECE 0 over any multiple of ten. */
const calibratedTen = () => Array.from({ length: 10 }, (_, i) => outcome(70, i < 7));
/** Always 90% confident, right half the time: ECE 0.4. */
const overconfidentTen = () => Array.from({ length: 10 }, (_, i) => outcome(90, i % 2 === 0));

describe("phase mix", () => {
  it("matches the original ECHO schedule and sums to one", () => {
    expect(PHASE_MIX[1]).toEqual({ easy: 100, medium: 0, hard: 0 });
    expect(PHASE_MIX[2]).toEqual({ easy: 50, medium: 50, hard: 0 });
    expect(PHASE_MIX[3]).toEqual({ easy: 20, medium: 40, hard: 40 });
    expect([1, 2, 3].map((p) => showsDifficulty(p))).toEqual([true, false, false]);
  });

  it("draws difficulties by cumulative share", () => {
    expect(drawDifficulty(1, 0.99)).toBe("easy");
    expect(drawDifficulty(2, 0.49)).toBe("easy");
    expect(drawDifficulty(2, 0.5)).toBe("medium");
    expect(drawDifficulty(3, 0.19)).toBe("easy");
    expect(drawDifficulty(3, 0.59)).toBe("medium");
    expect(drawDifficulty(3, 0.6)).toBe("hard");
  });
});

describe("Curriculum", () => {
  it("advances only after min_episodes with rolling ECE below the threshold", () => {
    const c = new Curriculum({ min_episodes: 30, window: 20 });
    for (let i = 0; i < 2; i++) for (const o of calibratedTen()) expect(c.record(o)).toBeNull();
    expect(c.state()).toMatchObject({
      phase: 1,
      episodes_in_phase: 20,
      rolling_ece: 0,
      next_phase_ready: false,
    });
    const advancedAt: number[] = [];
    for (let i = 0; i < 10; i++) {
      for (const o of calibratedTen()) if (c.record(o) !== null) advancedAt.push(c.state().episodes_total);
    }
    expect(advancedAt[0]).toBe(30);
    expect(c.phase).toBe(3);
  });

  it("stays put while calibration is poor, and starts a fresh window in a new phase", () => {
    const c = new Curriculum({ min_episodes: 10, window: 20 });
    for (let i = 0; i < 5; i++) for (const o of overconfidentTen()) c.record(o);
    expect(c.state()).toMatchObject({ phase: 1, episodes_in_phase: 50 });
    expect(c.state().rolling_ece).toBeCloseTo(0.4, 12);
    // Ten good episodes halve the window's ECE to exactly 0.2: not below the threshold yet.
    for (const o of calibratedTen()) expect(c.record(o)).toBeNull();
    expect(c.state().rolling_ece).toBeCloseTo(0.2, 12);
    // Pushing out a right overconfident episode leaves ECE ~0.22; pushing out a wrong one too gives ~0.18.
    expect(c.record(outcome(70, true))).toBeNull();
    expect(c.record(outcome(70, false))).toBe(2);
    expect(c.state()).toMatchObject({ phase: 2, episodes_in_phase: 0, window_count: 0, rolling_ece: null });
  });

  it("never goes past phase 3", () => {
    const c = new Curriculum({ min_episodes: 10, window: 10 }, { phase: 3 });
    for (let i = 0; i < 5; i++) for (const o of calibratedTen()) expect(c.record(o)).toBeNull();
    expect(c.phase).toBe(3);
  });

  it("does not advance on format failures alone (no stated confidence, no ECE)", () => {
    const c = new Curriculum({ min_episodes: 10, window: 10 });
    for (let i = 0; i < 20; i++) c.record({ ...outcome(50, false), format: "missing_confidence" });
    expect(c.state()).toMatchObject({ phase: 1, rolling_ece: null });
  });

  it("can be set and pinned to 1..3 only", () => {
    const c = new Curriculum({ min_episodes: 10, window: 10 });
    c.setPhase(2, true);
    for (let i = 0; i < 3; i++) for (const o of calibratedTen()) expect(c.record(o)).toBeNull();
    expect(c.state()).toMatchObject({ phase: 2, pinned: true, next_phase_ready: false });
    c.setPhase(2, false);
    expect(c.record(outcome(70, true))).toBe(3);
    expect(() => c.setPhase(0, false)).toThrow(/phase must be 1, 2 or 3, got 0/);
    expect(() => c.setPhase(4, false)).toThrow(RangeError);
    expect(() => c.setPhase(1.5, false)).toThrow(RangeError);
    expect(c.phase).toBe(3);
  });

  it("rejects impossible configuration with a readable message", () => {
    expect(() => new Curriculum({ ece_threshold: 0 })).toThrow(/ece_threshold/);
    expect(() => new Curriculum({ window: 1 })).toThrow(/window/);
    expect(() => new Curriculum({}, { phase: 5 })).toThrow();
  });
});
