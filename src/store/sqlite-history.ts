// Durable history in one SQLite file (WAL). Appends are group-committed: everything appended before the event
// loop reaches setImmediate goes into one transaction, and every caller resolves only after it committed.
// Commits run on a writer thread (sqlite-writer.ts) so the event loop keeps serving while SQLite writes and
// fsyncs; reads stay on this thread's connection and see every acknowledged commit.
import type { Database, Statement } from "better-sqlite3";
import type { EpisodeRecord } from "../core/episode-record.js";
import type { EpisodeOutcome } from "../core/metrics/episode-outcome.js";
import type { HistoryFilter, HistoryPage, HistoryStore, PhaseChange } from "./history-store.js";
import { openHistoryDatabase, type SyncMode } from "./sqlite-open.js";
import {
  type EpisodeRow,
  INSERT_EPISODE,
  insertEpisode,
  OUTCOME_COLUMNS,
  outcomeOfRaw,
  recordOfRow,
  rowOf,
  whereOf,
} from "./sqlite-rows.js";
import { type GroupOutcome, SqliteWriter } from "./sqlite-writer.js";
import { assertSameFile, fileIdentity, HistoryWriteError, isStorageCode } from "./storage-fault.js";

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

interface Waiter {
  records: readonly EpisodeRecord[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class SqliteHistory implements HistoryStore {
  readonly durable = true;
  readonly path: string;
  readonly #db: Database;
  readonly #insert: Statement;
  readonly #write: (waiters: readonly Waiter[]) => void;
  readonly #insertChange: Statement;
  /** Prepared queries by kind and filter shape: at most 4 kinds x 2^8 shapes, so bounded. */
  readonly #queries = new Map<string, Statement>();
  #size: number;
  #pending: Waiter[] = [];
  /** Sent to the writer thread and not yet acknowledged, oldest first. */
  #sent: Waiter[] = [];
  #flushing: NodeJS.Immediate | null = null;
  #closed = false;
  #closing: Promise<void> | null = null;
  #transactions = 0;
  /** The highest episodes.id the writer thread acknowledged: rows after it are ones it never confirmed. */
  #acknowledgedId: number;
  readonly #writer: SqliteWriter | null;
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
    this.#insert = this.#db.prepare(INSERT_EPISODE);
    this.#insertChange = this.#db.prepare(
      "INSERT INTO curriculum_events (after_episodes, phase, pinned, changed_at) VALUES (?, ?, ?, ?)",
    );
    const insert = this.#insert;
    this.#write = this.#db.transaction((waiters: readonly Waiter[]) => {
      for (const waiter of waiters) for (const record of waiter.records) insertEpisode(insert, record);
    }).immediate;
    this.#size = this.#db.prepare("SELECT count(*) FROM episodes").pluck().get() as number;
    this.#acknowledgedId = this.#db
      .prepare("SELECT coalesce(max(id), 0) FROM episodes")
      .pluck()
      .get() as number;
    this.#writer =
      options.writerThread === false
        ? null
        : new SqliteWriter(
            {
              path: this.#db.name,
              synchronous,
              insertSql: INSERT_EPISODE,
              busyTimeoutMs: this.#busyTimeoutMs,
              identity: this.#identity,
            },
            {
              committed: (outcomes, count, transactions, lastRowid) =>
                this.#acknowledged(outcomes, count, transactions, lastRowid),
              failed: (error, lost, uncommitted) => this.#writerFailed(error, lost, uncommitted),
            },
          );
  }

  get size(): number {
    return this.#size;
  }

  /** The synchronous mode the connection runs with (PRAGMA synchronous). */
  get synchronous(): SyncMode {
    return this.#db.pragma("synchronous", { simple: true }) === 2 ? "FULL" : "NORMAL";
  }

  /** Transactions committed by append so far (group commit makes this far smaller than the appends). */
  get transactions(): number {
    return this.#transactions;
  }

  append(records: readonly EpisodeRecord[]): Promise<void> {
    if (this.#closed) return Promise.reject(new Error(`the history database ${this.path} is closed`));
    if (records.length === 0) return Promise.resolve();
    const done = new Promise<void>((resolve, reject) => this.#pending.push({ records, resolve, reject }));
    this.#flushing ??= setImmediate(this.#flush);
    return done;
  }

  /** Sends everything pending to the writer thread as one batch (or commits it here without one). */
  readonly #flush = (): void => {
    this.#flushing = null;
    const waiters = this.#pending;
    if (waiters.length === 0) return;
    this.#pending = [];
    if (this.#writer?.alive) {
      this.#sent.push(...waiters);
      this.#writer.send(waiters.map((waiter) => waiter.records.map(rowOf)));
      return;
    }
    this.#commitHere(waiters);
  };

  /** Acknowledged groups are the oldest `count` sent; each resolves, or rejects with its own failure. */
  #acknowledged(
    outcomes: readonly GroupOutcome[] | null,
    count: number,
    transactions: number,
    lastRowid: number,
  ): void {
    this.#transactions += transactions;
    this.#acknowledgedId = Math.max(this.#acknowledgedId, lastRowid);
    const waiters = this.#sent.splice(0, count);
    waiters.forEach((waiter, i) => {
      const failure = outcomes?.[i] ?? null;
      if (failure === null) {
        this.#size += waiter.records.length;
        waiter.resolve();
      } else {
        const message = `could not store ${waiter.records.length} episode(s) in ${this.path}: ${failure.message}`;
        waiter.reject(new HistoryWriteError(message, failure.code));
      }
    });
  }

  /**
   * The writer thread is gone: later appends commit on this thread. Of the groups it never acknowledged, those
   * the file shows it committed resolve, and the rest are committed here, so each is stored exactly once and
   * live counts match the file. The committed ones come first in the file, so they resolve first.
   */
  #writerFailed(error: Error, lost: number, uncommitted: boolean): void {
    const waiters = this.#sent.splice(0, lost);
    let stored: boolean[];
    try {
      // A thread that never opened the file committed nothing.
      stored = uncommitted ? waiters.map(() => false) : this.#storedByWriter(waiters);
    } catch {
      // The file cannot tell: the groups may or may not be stored, so none is reported stored.
      for (const waiter of waiters) waiter.reject(error);
      return;
    }
    const rest: Waiter[] = [];
    waiters.forEach((waiter, i) => {
      if (!stored[i]) {
        rest.push(waiter);
        return;
      }
      this.#size += waiter.records.length;
      waiter.resolve();
    });
    this.#commitHere(rest);
  }

  /**
   * Which unacknowledged groups the dead writer committed: its rows after the last acknowledged id are whole
   * groups in send order (a group that failed there left none). Taking the write lock first waits out a
   * commit it was finishing; terminated, it can start no other.
   */
  #storedByWriter(waiters: readonly Waiter[]): boolean[] {
    const after = this.#db.prepare("SELECT episode_id FROM episodes WHERE id > ? ORDER BY id").pluck();
    const ids = this.#db.transaction(() => after.all(this.#acknowledgedId) as string[]).immediate();
    let next = 0;
    const stored = waiters.map((waiter) => {
      const mine = waiter.records.every((record, k) => ids[next + k] === record.episode_id);
      if (mine) next += waiter.records.length;
      return mine;
    });
    if (next !== ids.length) throw new Error(`${ids.length - next} unexpected row(s) after the writer died`);
    return stored;
  }

  /** For tests only: kills the writer thread where it stands, as a crash would. */
  terminateWriterForTests(): void {
    this.#writer?.terminateForTests();
  }

  /** Commits waiters in one transaction on this thread, then resolves them in the order they appended. */
  #commitHere(waiters: readonly Waiter[]): void {
    if (waiters.length === 0) return;
    try {
      this.#commit(waiters);
    } catch (error) {
      // A storage fault is every caller's: retrying each alone would only wait out the same lock again.
      if (isStorageCode((error as { code?: string }).code)) {
        for (const waiter of waiters) waiter.reject(error);
        return;
      }
      // The group failed: commit each caller alone, so a failure stays with the caller it belongs to.
      for (const waiter of waiters) {
        try {
          this.#commit([waiter]);
          waiter.resolve();
        } catch (single) {
          waiter.reject(single);
        }
      }
      return;
    }
    for (const waiter of waiters) waiter.resolve();
  }

  #commit(waiters: readonly Waiter[]): void {
    assertSameFile(this.#db.name, this.#identity);
    this.#write(waiters);
    this.#transactions++;
    for (const waiter of waiters) this.#size += waiter.records.length;
  }

  /** A cached statement for queries run to completion at once (an iterated one is prepared afresh, since a
   * statement cannot run again while a cursor on it is open). */
  #query(kind: string, where: string, sql: () => string): Statement {
    const key = `${kind} ${where}`;
    let statement = this.#queries.get(key);
    if (!statement) {
      statement = this.#db.prepare(sql());
      this.#queries.set(key, statement);
    }
    return statement;
  }

  page(filter: HistoryFilter, limit: number, offset: number): HistoryPage {
    const where = whereOf(filter);
    const rows = this.#query(
      "page",
      where.sql,
      () => `SELECT * FROM episodes ${where.sql} ORDER BY id DESC LIMIT ? OFFSET ?`,
    ).all(...where.params, limit, offset) as EpisodeRow[];
    const total =
      where.params.length === 0
        ? this.#size
        : (this.#query("count", where.sql, () => `SELECT count(*) FROM episodes ${where.sql}`)
            .pluck()
            .get(...where.params) as number);
    return { items: rows.map(recordOfRow), total };
  }

  recent(filter: HistoryFilter, limit?: number): EpisodeRecord[] {
    const where = whereOf(filter);
    if (limit === undefined) {
      const rows = this.#query("all", where.sql, () => `SELECT * FROM episodes ${where.sql} ORDER BY id`).all(
        ...where.params,
      ) as EpisodeRow[];
      return rows.map(recordOfRow);
    }
    const rows = this.#query(
      "recent",
      where.sql,
      () => `SELECT * FROM episodes ${where.sql} ORDER BY id DESC LIMIT ?`,
    ).all(...where.params, limit) as EpisodeRow[];
    return rows.reverse().map(recordOfRow);
  }

  *all(): Iterable<EpisodeRecord> {
    for (const row of this.#db.prepare("SELECT * FROM episodes ORDER BY id").iterate()) {
      yield recordOfRow(row as EpisodeRow);
    }
  }

  *outcomes(filter: HistoryFilter = {}, limit?: number): Iterable<EpisodeOutcome> {
    const where = whereOf(filter);
    const sql =
      limit === undefined
        ? `SELECT ${OUTCOME_COLUMNS} FROM episodes ${where.sql} ORDER BY id`
        : `SELECT ${OUTCOME_COLUMNS} FROM (SELECT id, ${OUTCOME_COLUMNS} FROM episodes ${where.sql} ` +
          "ORDER BY id DESC LIMIT ?) ORDER BY id";
    const params = limit === undefined ? where.params : [...where.params, limit];
    for (const row of this.#db
      .prepare(sql)
      .raw(true)
      .iterate(...params))
      yield outcomeOfRaw(row as unknown[]);
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

  phaseChanges(): PhaseChange[] {
    const rows = this.#db
      .prepare("SELECT after_episodes, phase, pinned, changed_at FROM curriculum_events ORDER BY id")
      .all() as { after_episodes: number; phase: PhaseChange["phase"]; pinned: number; changed_at: number }[];
    return rows.map((row) => ({ ...row, pinned: row.pinned === 1 }));
  }

  /** Commits what is still pending, then closes the file (appends after this reject). */
  close(): Promise<void> {
    if (this.#closing) return this.#closing;
    if (this.#flushing) clearImmediate(this.#flushing);
    this.#flush();
    this.#closed = true;
    // The writer acknowledges everything it was sent before it reports itself closed.
    this.#closing = (async () => {
      await this.#writer?.close();
      this.#db.close();
    })();
    return this.#closing;
  }
}
