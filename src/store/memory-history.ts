// In-memory history: a bounded ring of the newest records (memory never grows with episodes served).

import { type EpisodeRecord, outcomeOf } from "../core/episode-record.js";
import type { EpisodeOutcome } from "../core/metrics/episode-outcome.js";
import {
  type HistoryFilter,
  type HistoryPage,
  type HistoryStore,
  matchesFilter,
  type PhaseChange,
} from "./history-store.js";

/** Curriculum changes kept; older ones are dropped (nothing in memory survives a restart anyway). */
const MAX_PHASE_CHANGES = 1000;

export class MemoryHistory implements HistoryStore {
  readonly durable = false;
  readonly #ring: (EpisodeRecord | undefined)[];
  /** Records ever appended; the ring holds the newest min(total, capacity). */
  #total = 0;
  readonly #changes: PhaseChange[] = [];
  #closed = false;

  constructor(readonly capacity = 100_000) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`history capacity must be a positive integer, got ${capacity}`);
    }
    this.#ring = new Array(capacity);
  }

  get size(): number {
    return Math.min(this.#total, this.capacity);
  }

  async append(records: readonly EpisodeRecord[]): Promise<void> {
    if (this.#closed) throw new Error("the in-memory history is closed");
    for (const record of records) {
      this.#ring[this.#total % this.capacity] = record;
      this.#total++;
    }
  }

  /** Newest first. */
  *#newest(): Generator<EpisodeRecord> {
    for (let i = 1; i <= this.size; i++) {
      const record = this.#ring[(this.#total - i) % this.capacity];
      if (record) yield record;
    }
  }

  page(filter: HistoryFilter, limit: number, offset: number): HistoryPage {
    const items: EpisodeRecord[] = [];
    let total = 0;
    for (const record of this.#newest()) {
      if (!matchesFilter(record, filter)) continue;
      if (total >= offset && items.length < limit) items.push(record);
      total++;
    }
    return { items, total };
  }

  recent(filter: HistoryFilter, limit?: number): EpisodeRecord[] {
    const out: EpisodeRecord[] = [];
    for (const record of this.#newest()) {
      if (limit !== undefined && out.length >= limit) break;
      if (matchesFilter(record, filter)) out.push(record);
    }
    return out.reverse();
  }

  *all(): Iterable<EpisodeRecord> {
    const newest = [...this.#newest()];
    for (let i = newest.length - 1; i >= 0; i--) yield newest[i] as EpisodeRecord;
  }

  *outcomes(filter: HistoryFilter = {}, limit?: number): Iterable<EpisodeOutcome> {
    for (const record of this.recent(filter, limit)) yield outcomeOf(record);
  }

  recordPhaseChange(change: PhaseChange): void {
    this.#changes.push({ ...change });
    if (this.#changes.length > MAX_PHASE_CHANGES) this.#changes.shift();
  }

  /** Memory can always take another record (the ring drops the oldest); only a closed history refuses. */
  checkWritable(): void {
    if (this.#closed) throw new Error("the in-memory history is closed");
  }

  phaseChanges(): PhaseChange[] {
    return this.#changes.map((change) => ({ ...change }));
  }

  async close(): Promise<void> {
    this.#closed = true;
  }
}
