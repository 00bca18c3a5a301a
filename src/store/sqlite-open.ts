// Opens ECHO's SQLite file safely: refuses a directory, an unwritable place, a foreign, corrupt or newer
// database with a message saying what to do, never by overwriting or deleting it; then migrates.
import { closeSync, mkdirSync, openSync, readSync, type Stats, statSync, unlinkSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import BetterSqlite3, { type Database } from "better-sqlite3";
import { ECHO_APPLICATION_ID, migrate, SCHEMA_VERSION } from "./sqlite-schema.js";

/** Why the history database could not be opened; the message names the file and the way out. */
export class HistoryOpenError extends Error {
  override name = "HistoryOpenError";
}

/** FULL fsyncs the WAL on every commit; NORMAL leaves it to the OS (safe against a killed process). */
export type SyncMode = "FULL" | "NORMAL";

const SQLITE_HEADER = Buffer.from("SQLite format 3\0", "latin1");
const elsewhere = "set ECHO_DB to another file (or ECHO_DB=:memory: to run without persistence)";

/** Opens (creating if needed) and migrates the database at `path`; throws HistoryOpenError. */
export function openHistoryDatabase(path: string, sync: SyncMode): Database {
  const file = resolve(path);
  checkPlace(file);
  let db: Database;
  try {
    db = new BetterSqlite3(file, { timeout: 5000 });
  } catch (error) {
    throw new HistoryOpenError(`cannot open the history database ${file}: ${(error as Error).message}`);
  }
  try {
    checkContents(db, file);
    const mode = db.pragma("journal_mode = WAL", { simple: true });
    if (mode !== "wal") throw new HistoryOpenError(`${file}: could not switch to WAL mode (got ${mode})`);
    db.pragma(`synchronous = ${sync}`);
    db.pragma("cache_size = -16000"); // 16 MB of page cache keeps the indexes hot while appending
    db.pragma("journal_size_limit = 67108864"); // the WAL shrinks back to 64 MB after a checkpoint
    migrate(db, db.pragma("user_version", { simple: true }) as number);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof HistoryOpenError) throw error;
    throw new HistoryOpenError(`cannot use the history database ${file}: ${(error as Error).message}`);
  }
}

/** The path must be a SQLite file (or nothing yet) in a directory ECHO can write its WAL into. */
function checkPlace(file: string): void {
  const dir = dirname(file);
  const stat = statOrNothing(file);
  if (stat?.isDirectory()) {
    throw new HistoryOpenError(
      `ECHO_DB points at a directory (${file}); point it at a file, e.g. ${join(file, "echo.db")}`,
    );
  }
  if (stat && !stat.isFile()) throw new HistoryOpenError(`${file} is not a regular file; ${elsewhere}`);
  if (stat && stat.size > 0) {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    let read = 0;
    try {
      const fd = openSync(file, "r");
      try {
        read = readSync(fd, header, 0, header.length, 0);
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      throw new HistoryOpenError(`cannot read ${file}: ${(error as Error).message}; ${elsewhere}`);
    }
    if (read < header.length || !header.equals(SQLITE_HEADER)) {
      throw new HistoryOpenError(
        `${file} is not a SQLite database (it was left untouched); move it away or ${elsewhere}`,
      );
    }
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new HistoryOpenError(
      `cannot create the data directory ${dir}: ${(error as Error).message}; ${elsewhere}`,
    );
  }
  // SQLite writes its -wal and -shm files beside the database: prove the directory takes new files.
  const probe = join(dir, `.echo-write-check-${process.pid}`);
  try {
    closeSync(openSync(probe, "wx"));
    unlinkSync(probe);
  } catch (error) {
    throw new HistoryOpenError(
      `the data directory ${dir} is not writable (${(error as Error).message}); fix its permissions or ${elsewhere}`,
    );
  }
}

/** The file's stat, or undefined when it (or a directory on its way) does not exist. */
function statOrNothing(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined; // mkdir below says what is wrong
    throw new HistoryOpenError(`cannot inspect ${file}: ${(error as Error).message}; ${elsewhere}`);
  }
}

/** Refuses a damaged file, another program's database, and a schema newer than this build. */
function checkContents(db: Database, file: string): void {
  let check: unknown;
  try {
    check = db.pragma("quick_check", { simple: true });
  } catch (error) {
    throw corrupt(file, (error as Error).message);
  }
  if (check !== "ok") throw corrupt(file, String(check));
  const version = db.pragma("user_version", { simple: true }) as number;
  const appId = db.pragma("application_id", { simple: true }) as number;
  const tables = db
    .prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'")
    .pluck()
    .get() as number;
  if ((version === 0 && tables > 0) || (version > 0 && appId !== ECHO_APPLICATION_ID)) {
    throw new HistoryOpenError(
      `${file} is a SQLite database of another program (application_id ${appId}, user_version ${version}), ` +
        `not ECHO's; it was left untouched; ${elsewhere}`,
    );
  }
  if (version > SCHEMA_VERSION) {
    throw new HistoryOpenError(
      `${file} has history schema version ${version}, newer than this ECHO understands (up to ` +
        `${SCHEMA_VERSION}): it was written by a newer ECHO. Upgrade ECHO, or ${elsewhere}; the file was left untouched`,
    );
  }
}

function corrupt(file: string, detail: string): HistoryOpenError {
  return new HistoryOpenError(
    `${file} is damaged (SQLite quick_check: ${detail.slice(0, 300)}); it was left untouched: restore it ` +
      `from a backup or move it away, or ${elsewhere}`,
  );
}
