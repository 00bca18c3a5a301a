// Group commit for the SQLite history: everything appended before the event loop reaches setImmediate goes into
// one transaction, committed on the writer thread (sqlite-writer.ts) or, without one, on this thread; every
// caller resolves only after its records committed, or rejects with its own failure.
import type { Database, Statement } from "better-sqlite3";
import type { EpisodeRecord } from "../core/episode-record.js";
import { insertEpisode, rowOf } from "./sqlite-rows.js";
import { type GroupOutcome, SqliteWriter, type WriterOptions } from "./sqlite-writer.js";
import { assertSameFile, HistoryWriteError, isStorageCode } from "./storage-fault.js";

interface Waiter {
  records: readonly EpisodeRecord[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitFile {
  db: Database;
  /** The prepared INSERT_EPISODE statement on `db`. */
  insert: Statement;
  /** The file's identity when opened: commits stop once the path names another file or none. */
  identity: string | null;
}

export class GroupCommit {
  readonly #db: Database;
  readonly #identity: string | null;
  readonly #write: (waiters: readonly Waiter[]) => void;
  readonly #writer: SqliteWriter | null;
  #size: number;
  #pending: Waiter[] = [];
  /** Sent to the writer thread and not yet acknowledged, oldest first. */
  #sent: Waiter[] = [];
  #flushing: NodeJS.Immediate | null = null;
  #transactions = 0;
  /** The highest episodes.id the writer thread acknowledged: rows after it are ones it never confirmed. */
  #acknowledgedId: number;

  /** `writer`: how to start the writer thread, or null to commit on this thread. */
  constructor(
    private readonly path: string,
    file: GroupCommitFile,
    writer: WriterOptions | null,
  ) {
    this.#db = file.db;
    this.#identity = file.identity;
    const { insert } = file;
    this.#write = this.#db.transaction((waiters: readonly Waiter[]) => {
      for (const waiter of waiters) for (const record of waiter.records) insertEpisode(insert, record);
    }).immediate;
    this.#size = this.#db.prepare("SELECT count(*) FROM episodes").pluck().get() as number;
    this.#acknowledgedId = this.#db
      .prepare("SELECT coalesce(max(id), 0) FROM episodes")
      .pluck()
      .get() as number;
    this.#writer =
      writer &&
      new SqliteWriter(writer, {
        committed: (outcomes, count, transactions, lastRowid) =>
          this.#acknowledged(outcomes, count, transactions, lastRowid),
        failed: (error, lost, uncommitted) => this.#writerFailed(error, lost, uncommitted),
      });
  }

  /** Episodes stored (acknowledged commits only). */
  get size(): number {
    return this.#size;
  }

  /** Transactions committed so far (group commit makes this far smaller than the appends). */
  get transactions(): number {
    return this.#transactions;
  }

  append(records: readonly EpisodeRecord[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    const done = new Promise<void>((resolve, reject) => this.#pending.push({ records, resolve, reject }));
    this.#flushing ??= setImmediate(this.flush);
    return done;
  }

  /** Sends everything pending to the writer thread as one batch (or commits it here without one). */
  readonly flush = (): void => {
    if (this.#flushing) clearImmediate(this.#flushing);
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

  /** Commits what is still pending; resolves once the writer has acknowledged everything it was sent. */
  async close(): Promise<void> {
    this.flush();
    await this.#writer?.close();
  }

  /** For tests only: kills the writer thread where it stands, as a crash would. */
  terminateWriterForTests(): void {
    this.#writer?.terminateForTests();
  }

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
}
