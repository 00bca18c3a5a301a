// The audit on unanswerable questions: best responses per preset and the cross-pool incentive, priced.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { GradingSpec } from "../../../src/core/grading/grade-result.js";
import { auditPreset } from "../../../src/core/reward/audit.js";
import { summariseAudit } from "../../../src/core/reward/audit-report.js";
import { auditUnanswerable } from "../../../src/core/reward/audit-unanswerable.js";
import { UnanswerableAudit } from "../../../src/core/reward/audit-unanswerable-report.js";
import { createPreset } from "../../../src/core/reward/preset.js";
import { BUILT_IN_PRESETS, getPreset, PRESET_NAMES } from "../../../src/core/reward/presets.js";
import { scoreResponse } from "../../../src/core/score-response.js";

const unanswerable: GradingSpec = { grader: "unanswerable", answer: "cannot be answered", aliases: [] };
const answerable: GradingSpec = { grader: "free_text", answer: "Canberra", aliases: [] };
const reply = (c: number, answer: string) => `<confidence>${c}</confidence><answer>${answer}</answer>`;

describe.each(PRESET_NAMES)("auditUnanswerable(%s)", (name) => {
  const preset = BUILT_IN_PRESETS[name];
  const audit = auditUnanswerable(preset);

  it("is a valid report with one row per grid q", () => {
    expect(UnanswerableAudit.parse(audit)).toEqual(audit);
    expect(audit.best_response).toHaveLength(101);
    expect(audit.cross_pool.points).toHaveLength(101);
  });

  it("prices each move with the rewards scoreResponse pays on unanswerable questions", () => {
    const declineRight = (c: number) =>
      scoreResponse(unanswerable, reply(c, "I don't know"), preset).reward.total;
    const answerWrong = (c: number) => scoreResponse(unanswerable, reply(c, "Paris"), preset).reward.total;
    const answerRight = (c: number) => scoreResponse(answerable, reply(c, "Canberra"), preset).reward.total;
    for (const point of audit.best_response.filter((_, i) => i % 7 === 0)) {
      const { q, decline, answer } = point;
      // Declining is right with probability q; in the same world the answer is right with probability 1 - q.
      expect(decline.expected_reward).toBeCloseTo(
        q * declineRight(decline.confidence) + (1 - q) * answerWrong(decline.confidence),
        10,
      );
      expect(answer.expected_reward).toBeCloseTo(
        (1 - q) * answerRight(answer.confidence) + q * answerWrong(answer.confidence),
        10,
      );
      expect(point.expected_reward).toBeCloseTo(
        Math.max(decline.expected_reward, answer.expected_reward),
        12,
      );
    }
  });

  it("prices an answerable decline as scoreResponse pays it: capped, whatever the stated confidence", () => {
    for (const c of [10, 60, 100]) {
      const paid = scoreResponse(answerable, reply(c, "I don't know"), preset).reward.total;
      expect(paid).toBeCloseTo(audit.cross_pool.answerable_decline.value, 12);
    }
  });

  it("finds that overstating the decline confidence pays somewhere in (0, 1), and says so", () => {
    expect(audit.cross_pool.max_gain.value).toBeGreaterThan(0);
    expect(audit.cross_pool.max_gain.q).toBeGreaterThan(0);
    expect(audit.cross_pool.max_gain.q).toBeLessThan(1);
    for (const p of audit.cross_pool.points) {
      expect(p.gain).toBeGreaterThanOrEqual(-1e-12);
      expect(p.best_reward - p.honest_reward).toBeCloseTo(p.gain, 12);
    }
    expect(audit.verdict).toMatch(/cross-pool: an answerable decline earns .* gains up to/);
  });
});

describe("auditUnanswerable on the proper presets", () => {
  it.each(["rlcr", "calibrated"])(
    "%s: best report within 0.01 of q, decline value monotone, decline from q=0.5",
    (name) => {
      const audit = auditUnanswerable(getPreset(name));
      expect(audit.proper).toBe(true);
      expect(audit.max_gap.value).toBeLessThanOrEqual(0.01);
      expect(audit.monotone).toBe(true);
      expect(audit.decline_threshold).toBe(0.5);
      for (const p of audit.best_response) expect(p.move).toBe(p.q >= 0.5 ? "decline" : "answer");
      expect(audit.verdict).toMatch(/proper \(max gap 0\.00\); decline value monotone/);
    },
  );

  it("puts the cross-pool gain of calibrated and rlcr where the audit finds it", () => {
    // calibrated: 0.5*o + 0.25*(1 - 2BS) + proper term; an answerable decline is a fixed 0.30.
    const calibrated = auditUnanswerable(getPreset("calibrated")).cross_pool;
    expect(calibrated.answerable_decline).toEqual({ value: 0.3, source: "fixed", confidence: 10 });
    const u40 = calibrated.points[40]!;
    expect(u40.best_confidence).toBe(100);
    // Declining at 100: 0.4*0.75 + 0.6*0.30 (+ the proper term 0.4*2*0.2*0.2); at 40: 0.4*(0.5 + 0.25*0.28) + 0.6*0.3.
    expect(u40.best_reward).toBeCloseTo(0.4 * (0.75 + 2 * 0.2 * 0.2) + 0.6 * 0.3, 10);
    expect(u40.honest_reward).toBeCloseTo(0.4 * (0.5 + 0.25 * (1 - 2 * 0.36)) + 0.6 * 0.3, 10);
    const rlcr = auditUnanswerable(getPreset("rlcr")).cross_pool;
    expect(rlcr.answerable_decline.source).toBe("graded_as_wrong");
    expect(rlcr.answerable_decline.value).toBeCloseTo(0.5 + 0.5 * (1 - 0.01), 12);
  });
});

describe("auditUnanswerable on a preset that is not proper", () => {
  it("flags echo's cliffs on unanswerable questions too", () => {
    const audit = auditUnanswerable(getPreset("echo"));
    expect(audit.proper).toBe(false);
    expect(audit.verdict).toMatch(/NOT proper/);
  });

  it("finds no cross-pool gain when a decline's confidence is never read (a preset that pays nothing for it)", () => {
    const flat = createPreset({
      name: "flat",
      description: "pays correctness only",
      accuracy: { weight: 1, uses: "outcome" },
      brier: { weight: 0, form: "one_minus_bs" },
      abstention_reward: 0.2,
    });
    const audit = auditUnanswerable(flat);
    expect(audit.cross_pool.max_gain.value).toBeCloseTo(0, 12);
    expect(audit.verdict).toMatch(/overstating the decline confidence never pays/);
  });
});

describe("auditPreset", () => {
  it("carries the unanswerable audit, and summariseAudit drops only the per-q tables", () => {
    const full = auditPreset(getPreset("calibrated"));
    expect(full.unanswerable).toEqual(auditUnanswerable(getPreset("calibrated")));
    const summary = summariseAudit(full);
    expect(summary).not.toHaveProperty("best_response");
    expect(summary.unanswerable).not.toHaveProperty("best_response");
    expect(summary.unanswerable.cross_pool).not.toHaveProperty("points");
    expect(summary.unanswerable.cross_pool.max_gain).toEqual(full.unanswerable.cross_pool.max_gain);
    expect(summary.verdict).toBe(full.verdict);
  });

  it("refuses a grid that is not a positive integer", () => {
    expect(() => auditUnanswerable(getPreset("rlcr"), { gridSteps: 0 })).toThrow(RangeError);
  });
});

describe("the README's tables on unanswerable questions", () => {
  const readme = readFileSync(fileURLToPath(new URL("../../../README.md", import.meta.url)), "utf8");
  const section = readme.slice(readme.indexOf("### Questions that cannot be answered"));
  const rowOf = (table: number, name: string) => {
    const tables = section.split("\n\n").filter((block) => block.startsWith("| preset |"));
    const line = tables[table]?.split("\n").find((l) => l.startsWith(`| \`${name}\``));
    return (
      line
        ?.split("|")
        .slice(2, -1)
        .map((cell) => cell.trim()) ?? []
    );
  };
  const signed = (x: number, plain: boolean) =>
    plain ? x.toFixed(3) : `${x < 0 ? "−" : "+"}${Math.abs(x).toFixed(3)}`;

  it.each(PRESET_NAMES)("states what %s pays for declining, guessing and fabricating", (name) => {
    const preset = BUILT_IN_PRESETS[name];
    const plain = name === "rlcr"; // its rewards are never negative: written without signs
    const paid = (c: number, answer: string) =>
      signed(scoreResponse(unanswerable, reply(c, answer), preset).reward.total, plain);
    const d = "I don't know";
    expect(rowOf(0, name)).toEqual([
      paid(100, d),
      paid(90, d),
      paid(50, d),
      paid(10, d),
      paid(50, "Paris"),
      paid(0, "Paris"),
      `${paid(95, "Paris")} / ${paid(100, "Paris")}`,
    ]);
  });

  it.each(PRESET_NAMES)("states the cross-pool gain the audit finds for %s", (name) => {
    const pool = auditUnanswerable(BUILT_IN_PRESETS[name]).cross_pool;
    const gains = [10, 25, 50, 75, 90].map((u) => pool.points[u]!.gain.toFixed(3));
    expect(rowOf(1, name)).toEqual([
      ...gains,
      `${pool.max_gain.value.toFixed(3)} at u = ${pool.max_gain.q.toFixed(2)}`,
    ]);
  });
});
