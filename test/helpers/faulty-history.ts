// A history store that fails on demand, as a broken disk would make SQLite fail: the same interface, so the
// service and routes meet exactly the errors better-sqlite3 throws (an Error with a SQLITE_* or errno code).
import type { EpisodeRecord } from "../../src/env/episode-record.js";
import type { HistoryFilter, HistoryStore, PhaseChange } from "../../src/store/history-store.js";
import { MemoryHistory } from "../../src/store/memory-history.js";

/** Each fault the issue names, as the error the real store raises for it. */
export const FAULTS = {
  disk_full: { code: "SQLITE_FULL", message: "database or disk is full" },
  read_only: { code: "SQLITE_READONLY", message: "attempt to write a readonly database" },
  removed: { code: "ENOENT", message: "/data/echo.db no longer exists" },
  locked: { code: "SQLITE_BUSY", message: "database is locked" },
  io_error: { code: "SQLITE_IOERR_WRITE", message: "disk I/O error" },
} as const;
export type FaultName = keyof typeof FAULTS;

export class FaultyHistory implements HistoryStore {
  readonly durable = true;
  #fault: FaultName | null = null;
  /** Writes refused so far (appends, phase changes and probes). */
  refused = 0;

  constructor(readonly inner: HistoryStore = new MemoryHistory()) {}

  /** Makes every write fail with `fault` from now on; null heals the store. */
  inject(fault: FaultName | null): void {
    this.#fault = fault;
  }

  #check(): void {
    if (this.#fault === null) return;
    this.refused++;
    const { code, message } = FAULTS[this.#fault];
    throw Object.assign(new Error(message), { code });
  }

  async append(records: readonly EpisodeRecord[]): Promise<void> {
    this.#check();
    await this.inner.append(records);
  }

  recordPhaseChange(change: PhaseChange): void {
    this.#check();
    this.inner.recordPhaseChange(change);
  }

  checkWritable(): void {
    this.#check();
    this.inner.checkWritable();
  }

  page(filter: HistoryFilter, limit: number, offset: number) {
    return this.inner.page(filter, limit, offset);
  }
  recent(filter: HistoryFilter, limit?: number) {
    return this.inner.recent(filter, limit);
  }
  all() {
    return this.inner.all();
  }
  outcomes(filter?: HistoryFilter, limit?: number) {
    return this.inner.outcomes(filter, limit);
  }
  phaseChanges() {
    return this.inner.phaseChanges();
  }
  get size() {
    return this.inner.size;
  }
  close() {
    return this.inner.close();
  }
}
