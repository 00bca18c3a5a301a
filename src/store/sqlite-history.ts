// Durable history in one SQLite file (WAL). Appends are group-committed (sqlite-group-commit.ts): one
// transaction per event-loop turn, on a writer thread (sqlite-writer.ts) so the event loop keeps serving while
// SQLite writes and fsyncs; reads (sqlite-reads.ts) stay on this thread's connection and see every
// acknowledged commit. The few writes the event loop does itself are here.
import type { Database, Statement } from "better-sqlite3";
import type { EpisodeRecord } from "../core/episode-record.js";
import type { EpisodeOutcome } from "../core/metrics/episode-outcome.js";
import type { HistoryFilter, HistoryPage, HistoryStore, PhaseChange } from "./history-store.js";
import { GroupCommit } from "./sqlite-group-commit.js";
import { openHistoryDatabase, type SyncMode } from "./sqlite-open.js";
import { SqliteReads } from "./sqlite-reads.js";
import { INSERT_EPISODE } from "./sqlite-rows.js";
import { assertSameFile, fileIdentity } from "./storage-fault.js";

export interface SqliteHistoryOptions {
  /**
   * FULL (default): the WAL is fsynced before a commit returns, so a reply's episode survives a power loss
   * too; group commit pays one fsync per event-loop turn, not per episode. NORMAL survives a killed process
   * (the OS still holds the write) but may lose the last commits to a power loss.
   */
  synchronous?: SyncMode;
  /** Commit on a writer thread (default true); false commits on the calling thread. */
  writerThread?: boolean;
  /**
   * How long a commit waits for another process's write lock before it fails as "locked" (default 5000 ms).
   * Curriculum changes and writability probes run on the event loop, so they wait less (EVENT_LOOP_BUSY_MS).
   */
  busyTimeoutMs?: number;
}

/**
 * The longest the event loop waits for a lock on the writes it does itself: a curriculum change (rare, and it
 * may wait out a commit of the writer thread), a writability probe (about once a second while writes fail).
 */
const EVENT_LOOP_BUSY_MS = { change: 1000, probe: 100 } as const;

export class SqliteHistory implements HistoryStore {
  readonly durable = true;
  readonly path: string;
  readonly #db: Database;
  readonly #insertChange: Statement;
  readonly #commits: GroupCommit;
  readonly #reads: SqliteReads;
  #closed = false;
  #closing: Promise<void> | null = null;
  /** The opened file's identity: writes stop once the path names another file or none. */
  readonly #identity: string | null;
  readonly #busyTimeoutMs: number;

  constructor(path: string, options: SqliteHistoryOptions = {}) {
    this.path = path;
    const synchronous = options.synchronous ?? "FULL";
    this.#busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    this.#db = openHistoryDatabase(path, synchronous);
    this.#db.pragma(`busy_timeout = ${this.#busyTimeoutMs}`);
    this.#identity = fileIdentity(this.#db.name);
    this.#insertChange = this.#db.prepare(
      "INSERT INTO curriculum_events (after_episodes, phase, pinned, changed_at) VALUES (?, ?, ?, ?)",
    );
    const file = { db: this.#db, insert: this.#db.prepare(INSERT_EPISODE), identity: this.#identity };
    const writer =
      options.writerThread === false
        ? null
        : {
            path: this.#db.name,
            synchronous,
            insertSql: INSERT_EPISODE,
            busyTimeoutMs: this.#busyTimeoutMs,
            identity: this.#identity,
          };
    this.#commits = new GroupCommit(path, file, writer);
    this.#reads = new SqliteReads(this.#db, () => this.#commits.size);
  }

  get size(): number {
    return this.#commits.size;
  }

  /** The synchronous mode the connection runs with (PRAGMA synchronous). */
  get synchronous(): SyncMode {
    return this.#db.pragma("synchronous", { simple: true }) === 2 ? "FULL" : "NORMAL";
  }

  /** Transactions committed by append so far (group commit makes this far smaller than the appends). */
  get transactions(): number {
    return this.#commits.transactions;
  }

  append(records: readonly EpisodeRecord[]): Promise<void> {
    if (this.#closed) return Promise.reject(new Error(`the history database ${this.path} is closed`));
    return this.#commits.append(records);
  }

  /** For tests only: kills the writer thread where it stands, as a crash would. */
  terminateWriterForTests(): void {
    this.#commits.terminateWriterForTests();
  }

  page(filter: HistoryFilter, limit: number, offset: number): HistoryPage {
    return this.#reads.page(filter, limit, offset);
  }

  recent(filter: HistoryFilter, limit?: number): EpisodeRecord[] {
    return this.#reads.recent(filter, limit);
  }

  all(): Iterable<EpisodeRecord> {
    return this.#reads.all();
  }

  outcomes(filter: HistoryFilter = {}, limit?: number): Iterable<EpisodeOutcome> {
    return this.#reads.outcomes(filter, limit);
  }

  phaseChanges(): PhaseChange[] {
    return this.#reads.phaseChanges();
  }

  recordPhaseChange(change: PhaseChange): void {
    if (this.#closed) throw new Error(`the history database ${this.path} is closed`);
    this.#onEventLoop(EVENT_LOOP_BUSY_MS.change, () =>
      this.#insertChange.run(change.after_episodes, change.phase, change.pinned ? 1 : 0, change.changed_at),
    );
  }

  /**
   * Commits a one-page write (the schema version, set to what it is), so a full disk, a read-only file system,
   * another process's lock or a removed file shows here as it would on an append.
   */
  checkWritable(): void {
    if (this.#closed) throw new Error(`the history database ${this.path} is closed`);
    const version = this.#db.pragma("user_version", { simple: true }) as number;
    this.#onEventLoop(EVENT_LOOP_BUSY_MS.probe, () =>
      this.#db.transaction(() => this.#db.pragma(`user_version = ${version}`)).immediate(),
    );
  }

  /** A write on this thread's connection: to the file opened, waiting at most `busyMs` for a lock. */
  #onEventLoop(busyMs: number, write: () => void): void {
    assertSameFile(this.#db.name, this.#identity);
    this.#db.pragma(`busy_timeout = ${Math.min(busyMs, this.#busyTimeoutMs)}`);
    try {
      write();
    } finally {
      this.#db.pragma(`busy_timeout = ${this.#busyTimeoutMs}`);
    }
  }

  /** Commits what is still pending, then closes the file (appends after this reject). */
  close(): Promise<void> {
    if (this.#closing) return this.#closing;
    // Flushes the pending group now; the writer acknowledges everything it was sent before it reports closed.
    const committed = this.#commits.close();
    this.#closed = true;
    this.#closing = (async () => {
      await committed;
      this.#db.close();
    })();
    return this.#closing;
  }
}
