// Episode history behind one interface, so memory and SQLite stores pass the same contract suite.
import { z } from "zod";
import { Difficulty, Domain, Phase } from "../core/taxonomy.js";
import { EPISODE_CHANNELS, type EpisodeRecord } from "../env/episode-record.js";

export const HistoryFilter = z
  .object({
    session: z.string().max(255).optional().describe("Only episodes of this WebSocket session"),
    domain: Domain.optional(),
    difficulty: Difficulty.optional(),
    phase: z.coerce.number().pipe(Phase).optional(),
    preset: z.string().max(64).optional().describe("Only episodes paid by this reward preset"),
    channel: z.enum(EPISODE_CHANNELS).optional().describe("Only episodes played over http, ws or batch"),
    correct: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional()
      .describe("Only right (true) or wrong (false) answers"),
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
    (filter.correct === undefined || record.is_correct === filter.correct)
  );
}

export interface HistoryPage {
  items: EpisodeRecord[];
  total: number;
}

export interface HistoryStore {
  /** Stores records; resolves once they are as durable as this store makes them. */
  append(records: readonly EpisodeRecord[]): Promise<void>;
  /** Newest first, filtered, paged. */
  page(filter: HistoryFilter, limit: number, offset: number): HistoryPage;
  /** The newest `limit` matching records (all when limit is undefined), oldest first. */
  recent(filter: HistoryFilter, limit?: number): EpisodeRecord[];
  /** Every stored record, oldest first (used to rebuild live metrics at start-up). */
  all(): Iterable<EpisodeRecord>;
  readonly size: number;
  /** Whether records survive a restart. */
  readonly durable: boolean;
  close(): Promise<void>;
}
