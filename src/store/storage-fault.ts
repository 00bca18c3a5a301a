// Why a history write failed, read from SQLite's result code or the OS's errno: the cause a client is told,
// and how long it should wait before trying again.
import { type Stats, statSync } from "node:fs";

/** What stopped a write; "closed" is a store shutting down, "unknown" anything the codes do not name. */
export const STORAGE_CAUSES = [
  "disk_full",
  "read_only",
  "removed",
  "locked",
  "io_error",
  "closed",
  "unknown",
] as const;
export type StorageCause = (typeof STORAGE_CAUSES)[number];

/** Seconds a client should wait before retrying (Retry-After): a lock clears fast, a full disk needs a person. */
export const RETRY_AFTER_S: Readonly<Record<StorageCause, number>> = {
  disk_full: 30,
  read_only: 30,
  removed: 30,
  locked: 2,
  io_error: 10,
  closed: 5,
  unknown: 10,
};

/** What an operator reads, per cause: what is wrong and what clears it. */
const REMEDY: Readonly<Record<StorageCause, string>> = {
  disk_full: "the disk holding the history is full; free some space",
  read_only: "the history's file system or file is read-only; make it writable",
  removed:
    "the history file was removed or replaced while ECHO was running; put it back, or restart ECHO to start a new one",
  locked: "another process holds the history database's write lock; it clears when that process lets go",
  io_error: "the disk reported an I/O error while writing the history",
  closed: "the history is closed because the server is shutting down",
  unknown: "the history could not be written",
};

/** A failed history write with the SQLite result code (or errno) that says why, when one is known. */
export class HistoryWriteError extends Error {
  override name = "HistoryWriteError";
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

/** A history store that cannot write: why, in a sentence naming the cause, and the code behind it. */
export interface StorageFault {
  cause: StorageCause;
  /** What is wrong and what clears it, with the underlying error's own words. */
  message: string;
  retryAfterS: number;
}

/** SQLite's primary result codes (extended ones share the prefix) and errnos, by cause. */
const CODE_CAUSES: readonly [RegExp, StorageCause][] = [
  [/^(SQLITE_FULL|ENOSPC|EDQUOT)/, "disk_full"],
  [/^(SQLITE_READONLY_DBMOVED|ENOENT)/, "removed"],
  [/^(SQLITE_READONLY|SQLITE_PERM|SQLITE_AUTH|EROFS|EACCES|EPERM)/, "read_only"],
  [/^(SQLITE_BUSY|SQLITE_LOCKED)/, "locked"],
  [/^(SQLITE_IOERR|SQLITE_CANTOPEN|SQLITE_CORRUPT|SQLITE_NOTADB|SQLITE_PROTOCOL|EIO)/, "io_error"],
];

/** Every storage-fault code as one pattern. */
const STORAGE_CODE = new RegExp(CODE_CAUSES.map(([pattern]) => pattern.source).join("|"));

/**
 * Whether a SQLite or errno code names a storage fault (as opposed to a bad row, which only its own write
 * should pay for).
 * @example isStorageCode("SQLITE_FULL") // true
 * @example isStorageCode("SQLITE_CONSTRAINT_NOTNULL") // false
 */
export function isStorageCode(code: string | null | undefined): boolean {
  return typeof code === "string" && STORAGE_CODE.test(code);
}

function causeOf(error: unknown): StorageCause {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") {
    for (const [pattern, cause] of CODE_CAUSES) if (pattern.test(code)) return cause;
  }
  const text = error instanceof Error ? error.message : String(error);
  if (/\bis closed\b/.test(text)) return "closed";
  if (/database or disk is full|no space left/i.test(text)) return "disk_full";
  if (/readonly|read-only/i.test(text)) return "read_only";
  if (/database is locked|database is busy/i.test(text)) return "locked";
  if (/disk I\/O error/i.test(text)) return "io_error";
  return "unknown";
}

/**
 * Reads a failed write as a storage fault.
 * @example storageFaultOf(Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" })).cause // "disk_full"
 */
export function storageFaultOf(error: unknown): StorageFault {
  const cause = causeOf(error);
  const said = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  return { cause, message: `${REMEDY[cause]} (${said})`, retryAfterS: RETRY_AFTER_S[cause] };
}

/** The identity of a file on disk: a rename away, a deletion or a replacement changes it. */
export function fileIdentity(path: string): string | null {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch {
    return null;
  }
  return `${stat.dev}:${stat.ino}`;
}

/**
 * Throws a HistoryWriteError (ENOENT) when `path` no longer names the file opened as `identity`. SQLite in WAL
 * mode keeps writing to a removed file's orphaned inode, so without this check a commit would be acknowledged
 * and then lost at the next restart.
 */
export function assertSameFile(path: string, identity: string | null): void {
  if (identity === null) return;
  const now = fileIdentity(path);
  if (now !== identity) {
    throw new HistoryWriteError(
      now === null ? `${path} no longer exists` : `${path} is now a different file`,
      "ENOENT",
    );
  }
}
