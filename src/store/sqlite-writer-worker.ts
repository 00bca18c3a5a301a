// The history writer thread's body, started by sqlite-writer.ts: its own connection commits the groups it is
// sent and acknowledges each batch, in order, after its commit.
//
// Batches that arrive while a commit runs are merged into the next transaction (group commit across event-loop
// turns); a failed merged transaction is retried group by group, so a failure stays with the append it belongs
// to, unless the failure is the storage's own (disk full, read-only, locked, I/O error): then every group shares
// it and none is retried, so a lock costs one busy timeout, not one per group. Before writing, the thread checks
// that the path still names the file it opened: SQLite would go on committing to a removed file's orphaned
// inode. Each acknowledgement carries the rowid of the last row committed, so a parent can tell later rows apart.
import { parentPort, workerData } from "node:worker_threads";
import BetterSqlite3 from "better-sqlite3";
import type { GroupOutcome, RowGroup, WriterMessage, WriterOptions } from "./sqlite-writer.js";
import { assertSameFile, isStorageCode } from "./storage-fault.js";

if (!parentPort) throw new Error("sqlite-writer-worker.ts runs only as a worker thread");
const port = parentPort;
const options = workerData as WriterOptions;

function post(message: WriterMessage): void {
  port.postMessage(message);
}

function failureOf(error: unknown): NonNullable<GroupOutcome> {
  const code = (error as { code?: unknown } | null)?.code;
  const message = (error as { message?: unknown } | null)?.message;
  return { message: String(message || error), code: typeof code === "string" ? code : null };
}

let db: BetterSqlite3.Database;
try {
  db = new BetterSqlite3(options.path, { timeout: options.busyTimeoutMs });
  db.pragma(`synchronous = ${options.synchronous}`);
  db.pragma("cache_size = -16000");
  db.pragma("journal_size_limit = 67108864");
} catch (error) {
  post({ type: "failed", error: failureOf(error).message });
  throw error;
}
const insert = db.prepare(options.insertSql);
let lastRowid = 0;
const write = db.transaction((groups: RowGroup[]): number => {
  let last = lastRowid;
  for (const rows of groups) for (const row of rows) last = Number(insert.run(row).lastInsertRowid);
  return last;
}).immediate;

let queue: RowGroup[][] = [];
let scheduled = false;

function flush(): void {
  scheduled = false;
  const groups = queue.flat();
  queue = [];
  if (groups.length === 0) return;
  let outcomes: GroupOutcome[] | null = null;
  let transactions = 0;
  try {
    assertSameFile(options.path, options.identity);
    lastRowid = write(groups);
    transactions = 1;
  } catch (error) {
    const shared = failureOf(error);
    outcomes = groups.map((group) => {
      if (isStorageCode(shared.code)) return shared;
      try {
        lastRowid = write([group]);
        transactions++;
        return null;
      } catch (single) {
        return failureOf(single);
      }
    });
  }
  post({ type: "committed", count: groups.length, outcomes, transactions, lastRowid });
}

port.on("message", (message: RowGroup[] | "close") => {
  if (message === "close") {
    flush();
    db.close();
    post({ type: "closed" });
    port.close();
    return;
  }
  queue.push(message);
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
});
post({ type: "ready" });
