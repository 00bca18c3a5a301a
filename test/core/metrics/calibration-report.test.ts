import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CalibrationReport } from "../../../src/core/metrics/calibration-report.js";
import { computeMetrics } from "../../../src/core/metrics/compute-metrics.js";
import { EpisodeOutcome } from "../../../src/core/metrics/episode-outcome.js";
import { atLevel } from "./outcome-fixtures.js";

type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema; description?: string };

function undescribed(schema: JsonSchema, path: string): string[] {
  const missing: string[] = [];
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    if (!child.description) missing.push(`${path}.${name}`);
    missing.push(...undescribed(child, `${path}.${name}`));
  }
  if (schema.items) missing.push(...undescribed(schema.items, `${path}[]`));
  return missing;
}

describe("CalibrationReport schema", () => {
  it("describes every field, bins included", () => {
    const json = z.toJSONSchema(CalibrationReport, { reused: "inline" }) as {
      $defs: Record<string, JsonSchema>;
    };
    const report = json.$defs.CalibrationReport!;
    expect(Object.keys(report.properties ?? {})).toContain("calibrated_count");
    expect(undescribed(report, "report")).toEqual([]);
    expect(undescribed(json.$defs.ReliabilityBin!, "bin")).toEqual([]);
  });

  it("accepts a computed report and rejects one with 9 bins", () => {
    const report = computeMetrics(atLevel(70, 10, 7));
    expect(CalibrationReport.parse(report)).toEqual(report);
    expect(CalibrationReport.safeParse({ ...report, bins: report.bins.slice(1) }).success).toBe(false);
  });
});

describe("EpisodeOutcome schema", () => {
  const valid = {
    confidence: 72,
    correct: true,
    abstained: false,
    format: "clean",
    reward: 0.7,
    domain: "factual",
  };

  it("accepts a record with or without difficulty", () => {
    expect(EpisodeOutcome.safeParse(valid).success).toBe(true);
    expect(EpisodeOutcome.safeParse({ ...valid, difficulty: null }).success).toBe(true);
    expect(EpisodeOutcome.safeParse({ ...valid, difficulty: "hard" }).success).toBe(true);
  });

  it("rejects out-of-range or fractional confidence and unknown verdicts", () => {
    for (const confidence of [-1, 101, 72.5]) {
      expect(EpisodeOutcome.safeParse({ ...valid, confidence }).success).toBe(false);
    }
    expect(EpisodeOutcome.safeParse({ ...valid, format: "garbled" }).success).toBe(false);
  });
});
