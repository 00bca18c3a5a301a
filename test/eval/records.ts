// Hand-made graded records for the bootstrap and comparison tests.
import type { Domain } from "../../src/core/taxonomy.js";
import type { GradedRecord } from "../../src/eval/graded-record.js";

export function record(
  key: string,
  confidence: number,
  correct: boolean,
  domain: Domain = "math",
): GradedRecord {
  return {
    line: 1,
    key,
    domain,
    difficulty: "easy",
    outcome: {
      confidence,
      correct,
      abstained: false,
      format: "clean",
      reward: correct ? 1 : 0,
      domain,
      difficulty: "easy",
    },
  };
}

/** n tasks t0..t(n-1), every other one right, all stated at `confidence`. */
export function halfRight(n: number, confidence: number, prefix = "t"): GradedRecord[] {
  return Array.from({ length: n }, (_, i) => record(`${prefix}${i}`, confidence, i % 2 === 0));
}
