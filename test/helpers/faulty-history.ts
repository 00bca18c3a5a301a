// A history store that fails on demand, as a broken disk would make SQLite fail: the same interface, so the
// service and routes meet exactly the errors better-sqlite3 throws (an Error with a SQLITE_* or errno code).
import type { EpisodeRecord } from "../../src/core/episode-record.js";
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
  #reads = false;
  /** Writes refused so far (appends, phase changes and probes). */
  refused = 0;

  constructor(readonly inner: HistoryStore = new MemoryHistory()) {}

  /** Makes every write (and with `reads`, every query too) fail with `fault` from now on; null heals it. */
  inject(fault: FaultName | null, reads = false): void {
    this.#fault = fault;
    this.#reads = reads;
  }

  #checkRead(): void {
    if (this.#reads) this.#check();
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
    this.#checkRead();
    return this.inner.page(filter, limit, offset);
  }
  recent(filter: HistoryFilter, limit?: number) {
    this.#checkRead();
    return this.inner.recent(filter, limit);
  }
  all() {
    this.#checkRead();
    return this.inner.all();
  }
  outcomes(filter?: HistoryFilter, limit?: number) {
    this.#checkRead();
    return this.inner.outcomes(filter, limit);
  }
  phaseChanges() {
    this.#checkRead();
    return this.inner.phaseChanges();
  }
  get size() {
    return this.inner.size;
  }
  close() {
    return this.inner.close();
  }
}
