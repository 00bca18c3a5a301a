// The history's writer thread: a worker with its own connection commits appended rows, so inserts, index
// updates and fsyncs never block the event loop. Every group is acknowledged only after its commit.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { SyncMode } from "./sqlite-open.js";
import { STORAGE_CODE_PATTERN } from "./storage-fault.js";

/** One group of rows (one append call), each row in the column order of the insert statement. */
export type RowGroup = unknown[][];

/** Per group, in order: null when it was committed, else why it failed (with SQLite's code or an errno). */
export type GroupOutcome = { message: string; code: string | null } | null;

// Plain JavaScript run with `eval`, so the same code works from dist/, tsx and vitest alike. Batches that
// arrive while a commit runs are merged into the next transaction (group commit across event-loop turns); a
// failed merged transaction is retried group by group, so a failure stays with the append it belongs to, unless
// the failure is the storage's own (disk full, read-only, locked, I/O error): then every group shares it and
// none is retried, so a lock costs one busy timeout, not one per group. Before writing, the thread checks that
// the path still names the file it opened: SQLite would go on committing to a removed file's orphaned inode.
// Each acknowledgement carries the rowid of the last row committed, so a parent can tell later rows apart.
const WRITER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { statSync } = require("node:fs");
const STORAGE_CODE = new RegExp(workerData.storageCodes);
let db;
try {
  const Database = require(workerData.driver);
  db = new Database(workerData.path, { timeout: workerData.busyTimeoutMs });
  db.pragma("synchronous = " + workerData.synchronous);
  db.pragma("cache_size = -16000");
  db.pragma("journal_size_limit = 67108864");
} catch (error) {
  parentPort.postMessage({ type: "failed", error: String((error && error.message) || error) });
  throw error;
}
const insert = db.prepare(workerData.insertSql);
let lastRowid = 0;
const write = db.transaction((groups) => {
  let last = lastRowid;
  for (const rows of groups) for (const row of rows) last = insert.run(row).lastInsertRowid;
  return last;
}).immediate;
function failureOf(error) {
  const code = error && typeof error.code === "string" ? error.code : null;
  return { message: String((error && error.message) || error), code };
}
// assertSameFile of storage-fault.ts, repeated here: the thread runs plain JavaScript and cannot import it.
function assertSameFile() {
  if (workerData.identity === null) return;
  let now = null;
  try {
    const stat = statSync(workerData.path);
    now = stat.dev + ":" + stat.ino;
  } catch {}
  if (now !== workerData.identity) {
    const error = new Error(workerData.path + (now === null ? " no longer exists" : " is now a different file"));
    error.code = "ENOENT";
    throw error;
  }
}
let queue = [];
let scheduled = false;
function flush() {
  scheduled = false;
  const groups = [];
  for (const batch of queue) for (const group of batch) groups.push(group);
  queue = [];
  if (groups.length === 0) return;
  let outcomes = null;
  let transactions = 0;
  try {
    assertSameFile();
    lastRowid = write(groups);
    transactions = 1;
  } catch (error) {
    const shared = failureOf(error);
    outcomes = groups.map((group) => {
      if (shared.code !== null && STORAGE_CODE.test(shared.code)) return shared;
      try {
        lastRowid = write([group]);
        transactions++;
        return null;
      } catch (single) {
        return failureOf(single);
      }
    });
  }
  parentPort.postMessage({ type: "committed", count: groups.length, outcomes, transactions, lastRowid });
}
parentPort.on("message", (message) => {
  if (message === "close") {
    flush();
    db.close();
    parentPort.postMessage({ type: "closed" });
    parentPort.close();
    return;
  }
  queue.push(message);
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
});
parentPort.postMessage({ type: "ready" });
`;

type WriterMessage =
  | { type: "ready" }
  | { type: "failed"; error: string }
  | {
      type: "committed";
      count: number;
      outcomes: GroupOutcome[] | null;
      transactions: number;
      lastRowid: number;
    }
  | { type: "closed" };

export interface WriterCallbacks {
  /**
   * Groups committed or failed, oldest first, in the order they were sent; `lastRowid` is the rowid of the
   * last row the thread has committed (0 before any).
   */
  committed(
    outcomes: readonly GroupOutcome[] | null,
    count: number,
    transactions: number,
    lastRowid: number,
  ): void;
  /**
   * The thread is gone: the `lost` groups sent last were not acknowledged. `uncommitted` is true when the
   * thread never opened the database, so none of them can have been committed.
   */
  failed(error: Error, lost: number, uncommitted: boolean): void;
}

export interface WriterOptions {
  path: string;
  synchronous: SyncMode;
  insertSql: string;
  /** How long a commit waits for another connection's write lock before failing SQLITE_BUSY. */
  busyTimeoutMs: number;
  /** fileIdentity() of the database when it was opened; null skips the check (e.g. an unnamed file). */
  identity: string | null;
}

/**
 * Owns the worker. `send` posts groups; acknowledgements come back in send order through `callbacks`.
 * The worker keeps the process alive only while groups are in flight or it is closing.
 */
export class SqliteWriter {
  readonly #worker: Worker;
  readonly #callbacks: WriterCallbacks;
  #inFlight = 0;
  #ready = false;
  #dead = false;
  #closed: Promise<void> | null = null;
  #onClosed: (() => void) | null = null;

  constructor(options: WriterOptions, callbacks: WriterCallbacks) {
    this.#callbacks = callbacks;
    const driver = createRequire(import.meta.url).resolve("better-sqlite3");
    this.#worker = new Worker(WRITER_SOURCE, {
      eval: true,
      workerData: { ...options, driver, storageCodes: STORAGE_CODE_PATTERN },
      // No inherited loaders (tsx, vitest): the writer is plain JavaScript.
      execArgv: [],
    });
    this.#worker.unref();
    this.#worker.on("message", (message: WriterMessage) => this.#onMessage(message));
    this.#worker.on("error", (error) => this.#die(error));
    this.#worker.on("exit", (code) =>
      this.#die(new Error(`the history writer thread exited (code ${code})`)),
    );
  }

  /** Whether the writer can take groups (false once it failed or was closed). */
  get alive(): boolean {
    return !this.#dead && this.#closed === null;
  }

  send(groups: RowGroup[]): void {
    if (this.#inFlight === 0) this.#worker.ref();
    this.#inFlight += groups.length;
    this.#worker.postMessage(groups);
  }

  /**
   * For tests only: kills the thread where it stands, as a crash would, and reports it through `failed`
   * (which a real death would too). Groups in flight may or may not have been committed.
   */
  terminateForTests(): void {
    this.#die(new Error("the history writer thread was terminated by a test"));
  }

  /** Commits what was sent, then stops the thread; resolves once it has exited. */
  close(): Promise<void> {
    if (this.#closed) return this.#closed;
    this.#closed = new Promise<void>((resolve) => {
      if (this.#dead) return resolve();
      // Resolved by the "closed" reply: it follows every acknowledgement on the same port.
      this.#onClosed = resolve;
      this.#worker.ref();
      this.#worker.postMessage("close");
    });
    return this.#closed;
  }

  #onMessage(message: WriterMessage): void {
    if (message.type === "ready") {
      this.#ready = true;
    } else if (message.type === "committed") {
      // After a death the parent has reconciled every group in flight; a late acknowledgement says nothing new.
      if (this.#dead) return;
      this.#inFlight -= message.count;
      if (this.#inFlight === 0 && !this.#closed) this.#worker.unref();
      this.#callbacks.committed(message.outcomes, message.count, message.transactions, message.lastRowid);
    } else if (message.type === "closed") {
      this.#dead = true;
      this.#worker.unref();
      this.#onClosed?.();
    } else {
      this.#die(new Error(`the history writer thread could not open the database: ${message.error}`));
    }
  }

  #die(error: Error): void {
    if (this.#dead) return;
    this.#dead = true;
    const lost = this.#inFlight;
    this.#inFlight = 0;
    void this.#worker.terminate();
    this.#callbacks.failed(error, lost, !this.#ready);
    this.#onClosed?.();
  }
}
