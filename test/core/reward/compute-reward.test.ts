import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FORMAT_VERDICTS, type FormatVerdict } from "../../../src/core/format-verdict.js";
import { computeReward, lengthTerm } from "../../../src/core/reward/compute-reward.js";
import { createPreset } from "../../../src/core/reward/preset.js";
import { BUILT_IN_PRESETS, getPreset } from "../../../src/core/reward/presets.js";
import type { RewardInput } from "../../../src/core/reward/reward-input.js";

const answer = (confidence: number, right: boolean, extra: Partial<RewardInput> = {}): RewardInput => ({
  confidence,
  correct: right,
  score: right ? 1 : 0,
  abstained: false,
  format: "clean",
  ...extra,
});
const total = (name: string, input: RewardInput) => computeReward(getPreset(name), input).total;

describe("echo (the seed's formula)", () => {
  // [confidence, right, spec value (rounded), exact value]
  it.each([
    [99, false, -1.184, -1.18408],
    [70, true, 0.728, 0.728],
    [95, false, -1.122, -1.122],
    [80, false, -0.712, -0.712],
    [79, false, -0.0993, -0.09928],
    [50, true, 0.6, 0.6],
    [50, false, 0.2, 0.2],
    [20, true, 0.188, 0.188],
    [0, false, 0.4, 0.4],
    [100, true, 0.8, 0.8],
  ])("confidence %i, right=%s -> %f", (confidence, right, spec, exact) => {
    const r = total("echo", answer(confidence, right));
    expect(Math.abs(r - spec)).toBeLessThan(1e-3);
    expect(r).toBeCloseTo(exact, 9);
  });

  it("splits the live proof (99 wrong) into brier -0.9602*0.4 and the -0.80 cliff", () => {
    const r = computeReward(getPreset("echo"), answer(99, false));
    expect(r.preset).toBe("echo");
    expect(r.components.brier).toBeCloseTo(0.4 * -0.9602, 9);
    expect(r.components.overconfidence).toBe(-0.8);
    expect(r.components).toMatchObject({
      accuracy: 0,
      underconfidence: 0,
      format: 0,
      abstention: 0,
      clip: 0,
    });
  });

  it("applies the cliffs at their edges and not cumulatively", () => {
    const over = (c: number, right: boolean) =>
      computeReward(getPreset("echo"), answer(c, right)).components.overconfidence;
    expect([over(79, false), over(80, false), over(94, false), over(95, false), over(100, false)]).toEqual([
      0, -0.6, -0.6, -0.8, -0.8,
    ]);
    expect(over(99, true)).toBe(0);
    const under = (c: number) => computeReward(getPreset("echo"), answer(c, true)).components.underconfidence;
    expect([under(0), under(20), under(21)]).toEqual([-0.1, -0.1, 0]);
  });

  it("uses the grader score as acc, and score >= 0.5 as correct for Brier and penalties", () => {
    // Benchmark says wrong, grader gives 0.8 partial credit: counts as right.
    expect(total("echo", answer(70, false, { score: 0.8 }))).toBeCloseTo(0.32 + 0.328, 9);
    // Benchmark says right, grader gives 0.4: counts as wrong, so the 80 cliff applies.
    expect(total("echo", answer(90, true, { score: 0.4 }))).toBeCloseTo(0.16 - 0.248 - 0.6, 9);
    expect(total("echo", answer(50, false, { score: 0.5 }))).toBeCloseTo(0.2 + 0.2, 9);
  });

  it("grades an abstention as a wrong answer and a format failure like any answer", () => {
    expect(total("echo", answer(10, true, { abstained: true }))).toBeCloseTo(0.392, 9);
    expect(total("echo", answer(50, false, { format: "missing_answer" }))).toBeCloseTo(0.2, 9);
  });
});

describe("calibrated (the default)", () => {
  // [confidence, right, spec value (rounded), exact value]
  it.each([
    [99, false, -0.92, -0.92025],
    [100, false, -0.97, -0.97],
    [100, true, 0.83, 0.83],
    [70, true, 0.705, 0.705],
    [50, true, 0.625, 0.625],
    [50, false, 0.125, 0.125],
    [0, false, 0.25, 0.25],
    [90, false, -0.495, 0.25 * (1 - 1.62) - 2 * 0.1 * 1.7],
  ])("confidence %i, right=%s -> %f", (confidence, right, spec, exact) => {
    const r = total("calibrated", answer(confidence, right));
    expect(Math.abs(r - spec)).toBeLessThan(1e-3);
    expect(r).toBeCloseTo(exact, 9);
  });

  it("pays 0.30 for an abstention whatever the stated confidence", () => {
    const r = computeReward(getPreset("calibrated"), answer(10, false, { abstained: true }));
    expect(r.total).toBe(0.3);
    expect(r.components).toMatchObject({ abstention: 0.3, accuracy: 0, brier: 0, format: 0 });
    expect(total("calibrated", answer(95, true, { abstained: true }))).toBe(0.3);
  });

  it.each(["missing_confidence", "missing_answer", "empty"] as const)(
    "pays -1.00 for format %s",
    (format) => {
      const r = computeReward(getPreset("calibrated"), answer(80, true, { format }));
      expect(r.total).toBe(-1);
      expect(r.components.format).toBe(-1);
      // A format failure wins over an abstention: the response still has to be readable.
      expect(total("calibrated", answer(10, false, { format, abstained: true }))).toBe(-1);
    },
  );

  it("grades a repaired response like a clean one", () => {
    expect(total("calibrated", answer(70, true, { format: "repaired" }))).toBeCloseTo(0.705, 9);
  });

  it("uses the benchmark's correct flag, not partial credit", () => {
    expect(total("calibrated", answer(70, true, { score: 0.3 }))).toBeCloseTo(0.705, 9);
    expect(total("calibrated", answer(70, false, { score: 0.9 }))).toBeCloseTo(0.005, 9);
  });

  it("has no overconfidence term at or below the threshold and a continuous one above it", () => {
    const over = (c: number, right: boolean) =>
      computeReward(getPreset("calibrated"), answer(c, right)).components.overconfidence;
    expect([over(0, false), over(80, false), over(80, true)]).toEqual([0, 0, 0]);
    expect(over(81, false)).toBeCloseTo(-2 * 0.01 * 1.61, 12);
    expect(over(81, true)).toBeCloseTo(2 * 0.01 * 0.39, 12);
  });
});

describe("rlcr (format-gated correctness + Brier)", () => {
  it.each([
    [70, true, 0.5 + 0.5 + 0.5 * 0.91],
    [70, false, 0.5 + 0.5 * 0.51],
    [100, true, 1.5],
    [0, false, 1],
    [50, true, 1.375],
    [50, false, 0.875],
    [100, false, 0.5],
  ])("confidence %i, right=%s -> %f", (confidence, right, expected) => {
    expect(total("rlcr", answer(confidence, right))).toBeCloseTo(expected, 9);
  });

  it.each(["repaired", "missing_confidence", "missing_answer", "empty"] as const)(
    "pays 0 unless the format is clean (%s)",
    (format) => {
      const r = computeReward(getPreset("rlcr"), answer(70, true, { format }));
      expect(r.total).toBe(0);
      expect(Object.values(r.components).every((v) => v === 0)).toBe(true);
    },
  );

  it("grades an abstention as wrong and ignores partial credit", () => {
    expect(total("rlcr", answer(10, true, { abstained: true }))).toBeCloseTo(0.995, 9);
    expect(total("rlcr", answer(70, false, { score: 0.9 }))).toBeCloseTo(0.755, 9);
  });
});

describe("clipping", () => {
  const loud = createPreset({
    name: "loud",
    description: "clips",
    accuracy: { weight: 3, uses: "outcome" },
    brier: { weight: 1, form: "one_minus_two_bs" },
    clip: { min: -0.5, max: 1 },
  });

  it("records the adjustment as the clip component", () => {
    const high = computeReward(loud, answer(100, true));
    expect(high.total).toBe(1);
    expect(high.components.clip).toBeCloseTo(-3, 12);
    const low = computeReward(loud, answer(100, false));
    expect(low.total).toBe(-0.5);
    expect(low.components.clip).toBeCloseTo(0.5, 12);
    expect(computeReward(loud, answer(0, false)).components.clip).toBe(0);
  });
});

describe("every preset", () => {
  const inputs = fc.record({
    confidence: fc.integer({ min: 0, max: 100 }),
    correct: fc.boolean(),
    score: fc.double({ min: 0, max: 1, noNaN: true }),
    abstained: fc.boolean(),
    format: fc.constantFrom<FormatVerdict>(...FORMAT_VERDICTS),
    completion_tokens: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
    max_tokens: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }),
  });

  it("returns finite terms that add up to the total", () => {
    for (const preset of Object.values(BUILT_IN_PRESETS)) {
      fc.assert(
        fc.property(inputs, (input) => {
          const r = computeReward(preset, input);
          const sum = Object.values(r.components).reduce((a, b) => a + (b ?? 0), 0);
          expect("length" in r.components).toBe(preset.config.length.kind !== "none");
          expect(Number.isFinite(r.total)).toBe(true);
          expect(sum).toBeCloseTo(r.total, 12);
          const clip = preset.config.clip;
          if (clip) expect(r.total >= clip.min && r.total <= clip.max).toBe(true);
        }),
      );
    }
  });
});

describe("the length term (boolq)", () => {
  const boolq = getPreset("boolq");
  const tokens = (used: number, budget = 1000) => ({ completion_tokens: used, max_tokens: budget });

  it.each([
    [0, -0.5],
    [199, -0.5],
    [200, 0],
    [500, 0],
    [800, 0],
    [801, -0.5],
    [1000, -0.5],
    [1500, -0.5],
  ])("%i of 1000 tokens -> length %f (the bucket 1/5..4/5 is inclusive)", (used, expected) => {
    expect(computeReward(boolq, answer(70, true, tokens(used))).components.length).toBe(expected);
    expect(lengthTerm(boolq.config.length, tokens(used))).toBe(expected);
  });

  it("is 0 when the item lacks either token count, and is left out for presets without the term", () => {
    expect(computeReward(boolq, answer(70, true)).components.length).toBe(0);
    expect(computeReward(boolq, answer(70, true, { completion_tokens: 10 })).components.length).toBe(0);
    expect(computeReward(boolq, answer(70, true, { max_tokens: 1000 })).components.length).toBe(0);
    const calibrated = computeReward(getPreset("calibrated"), answer(70, true, tokens(10)));
    expect(calibrated.components).not.toHaveProperty("length");
    expect(calibrated.total).toBe(computeReward(getPreset("calibrated"), answer(70, true)).total);
  });

  it("pays 1 - Brier plus the term, and adds the term to fixed rewards too", () => {
    expect(computeReward(boolq, answer(70, true, tokens(500))).total).toBeCloseTo(0.91, 12);
    expect(computeReward(boolq, answer(70, false, tokens(900))).total).toBeCloseTo(0.51 - 0.5, 12);
    expect(computeReward(boolq, answer(90, true, { abstained: true, ...tokens(50) })).total).toBe(-0.5);
    expect(computeReward(boolq, answer(50, false, { format: "empty", ...tokens(50) })).total).toBe(-0.5);
  });

  it("shifts every confidence's reward by the same amount, so it cannot change the best report", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 3000 }), (used, budget) => {
        const shifts: number[] = [];
        for (let c = 0; c <= 100; c += 5) {
          for (const right of [true, false]) {
            const plain = computeReward(boolq, answer(c, right)).total;
            shifts.push(computeReward(boolq, answer(c, right, tokens(used, budget))).total - plain);
          }
        }
        expect(Math.max(...shifts) - Math.min(...shifts)).toBeLessThan(1e-12);
        expect([0, -0.5]).toContainEqual(Math.round(shifts[0]! * 1e9) / 1e9);
      }),
    );
  });
});
