// The training curve: reward and rolling calibration over the newest stored episodes, at a bounded number of
// points; the answer is kept until an episode is counted or the question changes (dashboards poll it).
import { z } from "zod";
import { TimelinePoint, timelineOf } from "../core/metrics/timeline.js";
import type { HistoryFilter, HistoryStore } from "../store/history-store.js";

export const TimelineReply = z
  .object({
    total: z.number().int().min(0).describe("Matching episodes in the stored history"),
    offset: z
      .number()
      .int()
      .min(0)
      .describe("Matching episodes older than the covered ones: add it to a point's episode for its number"),
    covered: z.number().int().min(0).describe("Episodes the points cover (the newest of the matching ones)"),
    rolling: z.number().int().min(1).describe("Rolling window size used"),
    points: z.array(TimelinePoint).describe("Points in episode order, oldest first; empty without episodes"),
  })
  .meta({ id: "TimelineReply" });
export type TimelineReply = z.infer<typeof TimelineReply>;

/** What a timeline covers: the matching episodes, the newest `window` of them, in `points` points. */
export interface TimelineRequest {
  filter: HistoryFilter;
  window: number;
  points: number;
  rolling: number;
}

export class Timelines {
  #cached: { key: string; reply: TimelineReply } | undefined;

  /** `episodes` says when the history changed: a new count drops the kept answer. */
  constructor(
    private readonly history: HistoryStore,
    private readonly episodes: () => number,
  ) {}

  timeline(query: TimelineRequest): TimelineReply {
    const key = JSON.stringify([query, this.episodes()]);
    if (this.#cached?.key === key) return this.#cached.reply;
    const { filter, window, points, rolling } = query;
    // Only the columns metrics read: a large window must not load whole records (responses and all).
    const outcomes = [...this.history.outcomes(filter, window)];
    const total = this.history.page(filter, 1, 0).total;
    const reply: TimelineReply = {
      total,
      offset: Math.max(0, total - outcomes.length),
      covered: outcomes.length,
      rolling,
      points: timelineOf(outcomes, points, rolling),
    };
    this.#cached = { key, reply };
    return reply;
  }
}
