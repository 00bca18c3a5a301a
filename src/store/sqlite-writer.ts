// The history's writer thread: a worker with its own connection commits appended rows, so inserts, index
// updates and fsyncs never block the event loop. Every group is acknowledged only after its commit.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { SyncMode } from "./sqlite-open.js";

/** One group of rows (one append call), each row in the column order of the insert statement. */
export type RowGroup = unknown[][];

/** Per group, in order: null when it was committed, else why it failed (with SQLite's code or an errno). */
export type GroupOutcome = { message: string; code: string | null } | null;

/** What the thread posts back (sqlite-writer-worker.ts). */
export type WriterMessage =
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

/** The thread's workerData. */
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
 * Starts the thread: the compiled sibling module under dist/; else, running from the sources (vitest, tsx), the
 * TypeScript one through tsx's require hook, since Node 20 gives a worker thread no module loader hooks. The
 * thread never inherits the parent's flags (vitest's).
 */
function startWorker(workerData: WriterOptions): Worker {
  const compiled = new URL("./sqlite-writer-worker.js", import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return new Worker(compiled, { workerData, execArgv: [] });
  const require = createRequire(import.meta.url);
  const source = fileURLToPath(new URL("./sqlite-writer-worker.ts", import.meta.url));
  const boot = `require(${JSON.stringify(require.resolve("tsx/cjs"))}); require(${JSON.stringify(source)});`;
  return new Worker(boot, { eval: true, workerData, execArgv: [] });
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
    this.#worker = startWorker(options);
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
