// Test helpers for the metrics: an EpisodeOutcome builder, a fast-check arbitrary and a tolerant report matcher.
import fc from "fast-check";
import { expect } from "vitest";
import { FORMAT_VERDICTS } from "../../../src/core/format-verdict.js";
import type { CalibrationReport } from "../../../src/core/metrics/calibration-report.js";
import type { EpisodeOutcome } from "../../../src/core/metrics/episode-outcome.js";
import { DIFFICULTIES, DOMAINS } from "../../../src/core/taxonomy.js";

export function outcome(
  confidence: number,
  correct: boolean,
  extra: Partial<EpisodeOutcome> = {},
): EpisodeOutcome {
  return { confidence, correct, abstained: false, format: "clean", reward: 0, domain: "math", ...extra };
}

/** n records at one confidence, the first `right` of them correct. */
export function atLevel(confidence: number, n: number, right: number): EpisodeOutcome[] {
  return Array.from({ length: n }, (_, i) => outcome(confidence, i < right));
}

// Boundary confidences show up often so bins and thresholds get exercised.
const confidence = fc.oneof(
  fc.integer({ min: 0, max: 100 }),
  fc.constantFrom(0, 9, 10, 20, 21, 79, 80, 89, 90, 94, 95, 99, 100),
);

export const outcomeArb: fc.Arbitrary<EpisodeOutcome> = fc.record({
  confidence,
  correct: fc.boolean(),
  abstained: fc.boolean(),
  format: fc.constantFrom(...FORMAT_VERDICTS),
  reward: fc.oneof(fc.double({ min: -1.5, max: 2, noNaN: true }), fc.constantFrom(-1, 0, 0.3, 0.1)),
  domain: fc.constantFrom(...DOMAINS),
  difficulty: fc.constantFrom(...DIFFICULTIES, null, undefined),
  answerable: fc.constantFrom(true, false, undefined),
});

/** Equal nulls, numbers within `tolerance`, bins compared field by field. */
export function expectReportsClose(
  actual: CalibrationReport,
  expected: CalibrationReport,
  tolerance = 1e-9,
): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  const close = (a: unknown, b: unknown, path: string) => {
    if (typeof a === "number" && typeof b === "number") {
      expect(Number.isFinite(a), path).toBe(true);
      expect(Math.abs(a - b), `${path}: ${a} vs ${b}`).toBeLessThanOrEqual(tolerance);
    } else {
      expect(a, path).toBe(b);
    }
  };
  for (const [key, value] of Object.entries(expected)) {
    if (key === "bins") continue;
    close(actual[key as keyof CalibrationReport], value, key);
  }
  expect(actual.bins).toHaveLength(expected.bins.length);
  expected.bins.forEach((bin, b) => {
    for (const [key, value] of Object.entries(bin)) {
      close(actual.bins[b]![key as keyof typeof bin], value, `bins[${b}].${key}`);
    }
  });
}
