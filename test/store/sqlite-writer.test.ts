// The writer thread on its own: acknowledgements in send order, failures per group, and a thread that
// cannot open the database reported as such (nothing it was sent can have been committed).
import { mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { type GroupOutcome, SqliteWriter } from "../../src/store/sqlite-writer.js";
import { fileIdentity } from "../../src/store/storage-fault.js";
import { waitFor } from "../helpers/ws-client.js";

const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function database(): string {
  const dir = mkdtempSync(join(tmpdir(), "echo-writer-"));
  dirs.push(dir);
  const path = join(dir, "w.db");
  const db = new BetterSqlite3(path);
  db.pragma("journal_mode = WAL");
  db.exec("CREATE TABLE t (n INTEGER NOT NULL, label TEXT NOT NULL) STRICT");
  db.close();
  return path;
}

interface Seen {
  acks: { outcomes: readonly GroupOutcome[] | null; count: number; lastRowid: number }[];
  failures: { message: string; lost: number; uncommitted: boolean }[];
}

function writer(path: string): { writer: SqliteWriter; seen: Seen } {
  const seen: Seen = { acks: [], failures: [] };
  const options = {
    path,
    synchronous: "FULL" as const,
    insertSql: "INSERT INTO t (n, label) VALUES (?, ?)",
    busyTimeoutMs: 200,
    identity: fileIdentity(path),
  };
  const w = new SqliteWriter(options, {
    committed: (outcomes, count, _transactions, lastRowid) => seen.acks.push({ outcomes, count, lastRowid }),
    failed: (error, lost, uncommitted) => seen.failures.push({ message: error.message, lost, uncommitted }),
  });
  return { writer: w, seen };
}

const rows = (path: string) => {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return db.prepare("SELECT n, label FROM t ORDER BY rowid").all();
  } finally {
    db.close();
  }
};

describe("SqliteWriter", () => {
  it("commits every group sent and acknowledges them in order before it reports closed", async () => {
    const path = database();
    const { writer: w, seen } = writer(path);
    w.send([
      [[1, "a"]],
      [
        [2, "b"],
        [3, "c"],
      ],
    ]);
    w.send([[[4, "d"]]]);
    await w.close();
    expect(seen.acks.reduce((n, ack) => n + ack.count, 0)).toBe(3);
    expect(seen.acks.every((ack) => ack.outcomes === null)).toBe(true);
    expect(seen.failures).toEqual([]);
    expect(rows(path)).toEqual([
      { n: 1, label: "a" },
      { n: 2, label: "b" },
      { n: 3, label: "c" },
      { n: 4, label: "d" },
    ]);
    expect(w.alive).toBe(false);
  });

  it("fails only the group whose row is refused, keeping the others", async () => {
    const path = database();
    const { writer: w, seen } = writer(path);
    w.send([[[1, "a"]], [[2, null]], [[3, "c"]]]);
    await w.close();
    const outcomes = seen.acks.flatMap(
      (ack) => ack.outcomes ?? new Array<GroupOutcome>(ack.count).fill(null),
    );
    expect(outcomes[0]).toBeNull();
    expect(outcomes[1]).toMatchObject({
      message: expect.stringMatching(/NOT NULL/),
      code: "SQLITE_CONSTRAINT_NOTNULL",
    });
    expect(outcomes[2]).toBeNull();
    expect(rows(path)).toEqual([
      { n: 1, label: "a" },
      { n: 3, label: "c" },
    ]);
  });

  it("fails every group with a storage fault (a lock) at once, in one transaction's time, and writes none", async () => {
    const path = database();
    const { writer: w, seen } = writer(path);
    const other = new BetterSqlite3(path);
    other.exec("BEGIN IMMEDIATE");
    w.send([[[1, "a"]], [[2, "b"]], [[3, "c"]]]);
    await waitFor(() => seen.acks.length > 0, "the refused groups' acknowledgement");
    other.exec("ROLLBACK");
    other.close();
    await w.close();
    expect(seen.acks[0]?.outcomes).toEqual(
      new Array(3).fill({ message: "database is locked", code: "SQLITE_BUSY" }),
    );
    expect(rows(path)).toEqual([]);
  });

  it("refuses to write once its path names no file, instead of committing to the orphaned inode", async () => {
    const path = database();
    const { writer: w, seen } = writer(path);
    const acked = async (n: number) => waitFor(() => seen.acks.length >= n, `${n} acknowledgement(s)`);
    w.send([[[0, "z"]]]);
    await acked(1); // the thread has the file open
    renameSync(path, `${path}.moved`);
    w.send([[[1, "a"]]]);
    await acked(2);
    renameSync(`${path}.moved`, path);
    w.send([[[2, "b"]]]);
    await w.close();
    expect(seen.acks[1]?.outcomes).toEqual([{ message: `${path} no longer exists`, code: "ENOENT" }]);
    expect(rows(path)).toEqual([
      { n: 0, label: "z" },
      { n: 2, label: "b" },
    ]);
  });

  it("acknowledges with the rowid of the last row committed, which a failed group does not move", async () => {
    const path = database();
    const { writer: w, seen } = writer(path);
    w.send([[[1, "a"]], [[2, "b"]]]);
    await w.close();
    expect(seen.acks.at(-1)?.lastRowid).toBe(2);
    const again = writer(path);
    again.writer.send([[[3, "c"]], [[4, null]]]);
    await again.writer.close();
    expect(again.seen.acks.at(-1)?.lastRowid).toBe(3);
  });

  it("reports a thread terminated in flight as failed, with what it was not seen to acknowledge", async () => {
    const path = database();
    const { writer: w, seen } = writer(path);
    w.send([[[1, "a"]]]);
    while (seen.acks.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    w.send([[[2, "b"]], [[3, "c"]]]);
    w.terminateForTests();
    await w.close();
    expect(seen.failures).toEqual([
      { message: expect.stringMatching(/terminated by a test/), lost: 2, uncommitted: false },
    ]);
    expect(w.alive).toBe(false);
  });

  it("reports a thread that could not open the database, with nothing committed", async () => {
    const { writer: w, seen } = writer(
      join(mkdtempSync(join(tmpdir(), "echo-writer-")), "no", "such", "w.db"),
    );
    w.send([[[1, "a"]]]);
    await w.close();
    expect(seen.acks).toEqual([]);
    expect(seen.failures).toHaveLength(1);
    expect(seen.failures[0]).toMatchObject({ lost: 1, uncommitted: true });
    expect(seen.failures[0]?.message).toMatch(/could not open the database/);
    expect(w.alive).toBe(false);
  });
});
