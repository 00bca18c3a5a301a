import { describe, expect, it } from "vitest";
import { auditPreset } from "../../../src/core/reward/audit.js";
import { AuditReport } from "../../../src/core/reward/audit-report.js";
import { createPreset } from "../../../src/core/reward/preset.js";
import { getPreset, PRESET_NAMES } from "../../../src/core/reward/presets.js";

const echo = auditPreset(getPreset("echo"));
const rlcr = auditPreset(getPreset("rlcr"));
const calibrated = auditPreset(getPreset("calibrated"));
const at = (report: AuditReport, q: number) => report.best_response[Math.round(q * 100)]!;
const grid = (from: number, to: number) =>
  Array.from({ length: Math.round((to - from) * 100) + 1 }, (_, i) => Math.round(from * 100 + i) / 100);

describe("auditPreset: shape", () => {
  it.each(PRESET_NAMES)("reports %s on the 0.01 grid, 0 to 1 inclusive", (name) => {
    const report = auditPreset(getPreset(name));
    expect(AuditReport.parse(report)).toEqual(report);
    expect(report.preset).toBe(name);
    expect(report.best_response).toHaveLength(101);
    expect(report.best_response[0]!.q).toBe(0);
    expect(report.best_response[100]!.q).toBe(1);
    expect(report.verdict.startsWith(`${name}: `)).toBe(true);
  });

  it("rejects a grid that is not a positive integer", () => {
    expect(() => auditPreset(getPreset("rlcr"), { gridSteps: 0 })).toThrow(RangeError);
    expect(() => auditPreset(getPreset("rlcr"), { gridSteps: 2.5 })).toThrow(RangeError);
  });

  it("honours a coarser grid", () => {
    const report = auditPreset(getPreset("rlcr"), { gridSteps: 4 });
    expect(report.best_response.map((b) => [b.q, b.confidence])).toEqual([
      [0, 0],
      [0.25, 25],
      [0.5, 50],
      [0.75, 75],
      [1, 100],
    ]);
  });
});

describe.each([
  ["calibrated", calibrated],
  ["rlcr", rlcr],
])("%s", (_name, report) => {
  it("is proper: the best report is within 1 point of 100q for every q", () => {
    expect(report.proper).toBe(true);
    for (const b of report.best_response) expect(Math.abs(b.confidence - 100 * b.q)).toBeLessThanOrEqual(1);
    expect(report.max_gap.value).toBeLessThanOrEqual(0.01);
  });

  it("is monotone and never pays more for a deliberately wrong answer", () => {
    expect(report.monotone).toBe(true);
    expect(report.honest_answering).toBe(true);
    expect(report.sandbag_margin.value).toBeGreaterThanOrEqual(-1e-9);
    expect(report.verdict).toContain(": proper");
  });
});

describe("calibrated", () => {
  it("makes abstaining the best move below q ~ 0.32 (V = 0.25 + 0.5q^2 = 0.30)", () => {
    expect(calibrated.abstention).toEqual({ value: 0.3, source: "fixed", confidence: 10 });
    expect(calibrated.abstention_threshold).toBeCloseTo(Math.sqrt(0.1), 3);
    expect(calibrated.alternatives_margin.value).toBeCloseTo(-0.05, 9);
    expect(calibrated.alternatives_margin.q).toBe(0);
    expect(calibrated.sandbag).toEqual({ value: 0.25, confidence: 0 });
  });
});

describe("rlcr", () => {
  it("values an abstention as a wrong answer at confidence 10, which never wins", () => {
    expect(rlcr.abstention.source).toBe("graded_as_wrong");
    expect(rlcr.abstention.value).toBeCloseTo(0.995, 9);
    expect(rlcr.abstention_threshold).toBe(0);
    expect(rlcr.sandbag_margin.value).toBeCloseTo(0, 9); // V(0) = 1 = a wrong answer at confidence 0
  });
});

describe("echo", () => {
  it("is not proper: true 90% -> best report 79", () => {
    expect(echo.proper).toBe(false);
    expect(at(echo, 0.9).confidence).toBe(79);
    expect(echo.verdict).toContain("NOT proper");
  });

  it("under-reports 79 for q in (0.80, 0.95]", () => {
    for (const q of grid(0.81, 0.95)) expect(at(echo, q).confidence).toBe(79);
  });

  it("under-reports 94 for q in [0.97, 0.99] (at 0.99, 94 ties exactly with 99)", () => {
    for (const q of grid(0.97, 0.98)) expect(at(echo, q).confidence).toBe(94);
    // E(94) = E(99) = 0.78008 at q = 0.99; ties go to the report closest to 100q.
    const q99 = at(echo, 0.99);
    expect(q99.expected_reward).toBeCloseTo(0.78008, 9);
    expect([q99.confidence, ...q99.tied_with].sort()).toEqual([94, 99]);
  });

  it("over-reports 21 for q in [0.10, 0.20] to dodge the under-confidence cliff", () => {
    for (const q of grid(0.1, 0.2)) expect(at(echo, q).confidence).toBe(21);
  });

  it("pays a deliberately wrong answer at confidence 0 (+0.40) more than any honest answer for q < 0.5", () => {
    expect(echo.sandbag).toEqual({ value: 0.4, confidence: 0 });
    for (const q of grid(0.01, 0.49)) expect(at(echo, q).expected_reward).toBeLessThan(0.4);
    expect(echo.honest_answering).toBe(false);
    expect(echo.monotone).toBe(false);
    expect(echo.sandbag_margin.value).toBeCloseTo(-0.05, 9);
    expect(echo.sandbag_margin.q).toBe(0.25);
  });

  it("values an abstention as a wrong answer at confidence 10", () => {
    expect(echo.abstention.source).toBe("graded_as_wrong");
    expect(echo.abstention.value).toBeCloseTo(0.392, 9);
  });
});

describe("a custom preset", () => {
  it("with a < b is proper in confidence but fails honest answering", () => {
    const preset = createPreset({
      name: "brier-heavy",
      description: "a = 0.2, b = 0.8: Brier outweighs correctness",
      accuracy: { weight: 0.2, uses: "outcome" },
      brier: { weight: 0.8, form: "one_minus_bs" },
    });
    const report = auditPreset(preset);
    expect(report.proper).toBe(true);
    expect(report.honest_answering).toBe(false);
    expect(report.monotone).toBe(false);
    // V(q) = 0.2q + 0.8(1 - q(1 - q)) is lowest at q = 0.375; a wrong answer at confidence 0 earns 0.8.
    expect(report.sandbag).toEqual({ value: 0.8, confidence: 0 });
    // On the grid, V(0.37) = V(0.38) = 0.68752: 0.11248 less than the wrong answer.
    expect([0.37, 0.38]).toContain(report.sandbag_margin.q);
    expect(report.sandbag_margin.value).toBeCloseTo(-0.11248, 9);
    expect(report.verdict).toContain("sandbagging pays");
  });
});

describe("boolq and length terms", () => {
  const boolq = auditPreset(getPreset("boolq"));

  it("passes: proper, its length term shown independent of the confidence", () => {
    expect(boolq.proper).toBe(true);
    expect(boolq.max_gap.value).toBeLessThanOrEqual(0.01);
    expect(boolq.length_term.present).toBe(true);
    expect(boolq.length_term.independent_of_confidence).toBe(true);
    expect(boolq.verdict).toContain("proper (max gap 0.00)");
    expect(boolq.verdict).toContain(
      "length term independent of the stated confidence (properness untouched)",
    );
  });

  it("reports the term's shift over the budget: -0.5 outside 1/5..4/5, else 0", () => {
    const shift = (f: number) => boolq.length_term.shifts.find((s) => Math.abs(s.fraction - f) < 1e-9)?.shift;
    expect(boolq.length_term.shifts).toHaveLength(26);
    expect([0, 0.15, 0.2, 0.5, 0.8, 0.85, 1.25].map(shift)).toEqual([-0.5, -0.5, 0, 0, 0, -0.5, -0.5]);
  });

  it("says plainly that 1 - Brier alone pays a wrong answer at confidence 0 (a yes/no-only preset)", () => {
    expect(boolq.honest_answering).toBe(false);
    expect(boolq.sandbag).toEqual({ value: 1, confidence: 0 });
    expect(boolq.abstention).toMatchObject({ source: "fixed", value: 0 });
    expect(boolq.abstention_threshold).toBe(0);
  });

  it("leaves presets without a length term as they were", () => {
    expect(calibrated.length_term).toEqual({ present: false, independent_of_confidence: true, shifts: [] });
    expect(calibrated.verdict).not.toContain("length");
  });

  it("finds a length term that clipping makes depend on the confidence, and calls the preset not proper", () => {
    const clipped = createPreset({
      ...getPreset("boolq").config,
      name: "clipped-length",
      description: "boolq clipped at 0: the clip eats the length penalty only where 1 - Brier is small",
      clip: { min: 0, max: 1 },
    });
    const report = auditPreset(clipped);
    expect(report.max_gap.value).toBeLessThanOrEqual(0.01);
    expect(report.length_term.independent_of_confidence).toBe(false);
    expect(report.proper).toBe(false);
    expect(report.verdict).toContain("NOT proper (the length term depends on the stated confidence)");
  });
});
