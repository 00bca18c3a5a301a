// Episode history behind one interface, so memory and SQLite stores pass the same contract suite.
import { z } from "zod";
import { EPISODE_CHANNELS, type EpisodeRecord } from "../core/episode-record.js";
import type { EpisodeOutcome } from "../core/metrics/episode-outcome.js";
import { Difficulty, Domain, EvalTaskName, Phase, PhaseQuery } from "../core/taxonomy.js";

export const HistoryFilter = z
  .object({
    session: z.string().max(255).optional().describe("Only episodes of this WebSocket session"),
    domain: Domain.optional(),
    difficulty: Difficulty.optional(),
    phase: PhaseQuery.optional(),
    preset: z.string().max(64).optional().describe("Only episodes paid by this reward preset"),
    channel: z.enum(EPISODE_CHANNELS).optional().describe("Only episodes played over http, ws or batch"),
    correct: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional()
      .describe("Only right (true) or wrong (false) answers"),
    eval_task: EvalTaskName.optional().describe("Only episodes drawn for this evaluation task"),
  })
  .meta({ id: "HistoryFilter" });
export type HistoryFilter = z.infer<typeof HistoryFilter>;

export function matchesFilter(record: EpisodeRecord, filter: HistoryFilter): boolean {
  return (
    (filter.session === undefined || record.session_id === filter.session) &&
    (filter.domain === undefined || record.domain === filter.domain) &&
    (filter.difficulty === undefined || record.difficulty === filter.difficulty) &&
    (filter.phase === undefined || record.phase === filter.phase) &&
    (filter.preset === undefined || record.preset === filter.preset) &&
    (filter.channel === undefined || record.channel === filter.channel) &&
    (filter.correct === undefined || record.is_correct === filter.correct) &&
    (filter.eval_task === undefined || record.eval_task === filter.eval_task)
  );
}

/** A curriculum phase set or pinned by hand, stored so a restart replays it at the same point. */
export const PhaseChange = z.object({
  after_episodes: z
    .number()
    .int()
    .min(0)
    .describe("Episodes the service had counted when the change was made (it applies before the next one)"),
  phase: Phase,
  pinned: z.boolean().describe("Whether the phase was pinned"),
  changed_at: z.number().describe("When the change was made (ms since the epoch)"),
});
export type PhaseChange = z.infer<typeof PhaseChange>;

export interface HistoryPage {
  items: EpisodeRecord[];
  total: number;
}

/**
 * Where graded episodes live. Promises from append() resolve in call order, so whoever counts records after
 * awaiting append counts them in the order the store keeps them (a restart replays that same order).
 */
export interface HistoryStore {
  /** Stores records; resolves once they are as durable as this store makes them. */
  append(records: readonly EpisodeRecord[]): Promise<void>;
  /** Newest first, filtered, paged. */
  page(filter: HistoryFilter, limit: number, offset: number): HistoryPage;
  /** The newest `limit` matching records (all when limit is undefined), oldest first. */
  recent(filter: HistoryFilter, limit?: number): EpisodeRecord[];
  /** Every stored record, oldest first. Consume it synchronously: a store may hold a cursor open. */
  all(): Iterable<EpisodeRecord>;
  /** What metrics read of the newest `limit` matching records (all when undefined), oldest first; streamed. */
  outcomes(filter?: HistoryFilter, limit?: number): Iterable<EpisodeOutcome>;
  /** Stores a hand-made curriculum change; durable when it returns. */
  recordPhaseChange(change: PhaseChange): void;
  /** Stored curriculum changes, oldest first. */
  phaseChanges(): PhaseChange[];
  /**
   * Throws, as a failed append would, when the store cannot write right now (disk full, read-only, locked,
   * removed, closed); returns when it can. Cheap enough to call about once a second while writes fail.
   */
  checkWritable(): void;
  readonly size: number;
  /** Whether records survive a restart. */
  readonly durable: boolean;
  close(): Promise<void>;
}
