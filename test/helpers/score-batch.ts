// Scoring through POST /reward in route tests: a response in ECHO's format, and the outcomes a batch produced.
import { expect } from "vitest";
import type { EpisodeOutcome } from "../../src/core/metrics/episode-outcome.js";
import type { RewardResult } from "../../src/env/batch-schemas.js";
import type { EchoApp } from "../../src/server/app.js";

/** A response stating `confidence` percent for `answer`. */
export const says = (confidence: number, answer: string) =>
  `<confidence>${confidence}</confidence><answer>${answer}</answer>`;

/** Scores `items` through /reward (recorded) and returns each item's outcome as metrics count it. */
export async function scoreOutcomes(
  app: EchoApp,
  items: { task_id: string; response: string }[],
): Promise<EpisodeOutcome[]> {
  const res = await app.inject({ method: "POST", url: "/reward", payload: { items } });
  expect(res.statusCode).toBe(200);
  return (res.json().results as RewardResult[]).map((r) => ({
    confidence: r.parsed_confidence as number,
    correct: r.is_correct as boolean,
    abstained: r.abstained as boolean,
    format: r.format as EpisodeOutcome["format"],
    reward: r.reward as number,
    domain: r.domain as EpisodeOutcome["domain"],
    difficulty: r.difficulty,
  }));
}
