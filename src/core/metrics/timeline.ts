// The training curve as the server sees it: reward and rolling calibration at evenly spaced points over episodes.
import { z } from "zod";
import type { EpisodeOutcome } from "./episode-outcome.js";
import { RollingMetrics } from "./rolling-metrics.js";

export const TimelinePoint = z
  .object({
    episode: z
      .number()
      .int()
      .min(1)
      .describe("Position of the point's last episode among the covered episodes, 1-based, oldest first"),
    count: z.number().int().min(1).describe("Episodes between the previous point and this one"),
    mean_reward: z.number().describe("Mean reward of those episodes"),
    rolling_mean_reward: z.number().describe("Mean reward over the rolling window ending here"),
    rolling_ece: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .describe("ECE over the rolling window ending here; null when no episode in it stated a confidence"),
    rolling_accuracy: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .describe("Accuracy over the rolling window's episodes with a stated confidence; null when none"),
    rolling_mean_confidence: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .describe("Mean stated confidence (0..1) over the rolling window; null when none"),
  })
  .meta({ id: "TimelinePoint" });
export type TimelinePoint = z.infer<typeof TimelinePoint>;

/**
 * Splits the outcomes (oldest first) into at most `points` consecutive buckets of near-equal size and reports,
 * at the end of each, the bucket's mean reward and the metrics of the last `rolling` outcomes. O(n + points*101).
 * @example timelineOf(outcomes, 100, 200).at(-1)?.rolling_ece
 */
export function timelineOf(
  outcomes: readonly EpisodeOutcome[],
  points: number,
  rolling: number,
): TimelinePoint[] {
  if (!Number.isInteger(points) || points < 1) {
    throw new RangeError(`points must be a positive integer, got ${points}`);
  }
  const n = outcomes.length;
  const buckets = Math.min(points, n);
  const window = new RollingMetrics(rolling);
  const out: TimelinePoint[] = [];
  let start = 0;
  for (let b = 0; b < buckets; b++) {
    const end = Math.floor(((b + 1) * n) / buckets);
    let sum = 0;
    for (let i = start; i < end; i++) {
      const outcome = outcomes[i] as EpisodeOutcome;
      sum += outcome.reward;
      window.add(outcome);
    }
    const report = window.report();
    out.push({
      episode: end,
      count: end - start,
      mean_reward: sum / (end - start),
      rolling_mean_reward: report.mean_reward ?? 0,
      rolling_ece: report.ece,
      rolling_accuracy: report.accuracy,
      rolling_mean_confidence: report.mean_confidence,
    });
    start = end;
  }
  return out;
}
