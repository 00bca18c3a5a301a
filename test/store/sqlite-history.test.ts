// SqliteHistory: the shared contract, plus what only a file can show: reopening, group commit, migrations,
// and refusing a newer, foreign, corrupt or misplaced database without changing a byte of it.

import { once } from "node:events";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { type EpisodeRecord, outcomeOf } from "../../src/core/episode-record.js";
import { computeMetrics } from "../../src/core/metrics/compute-metrics.js";
import { SqliteHistory } from "../../src/store/sqlite-history.js";
import { HistoryOpenError } from "../../src/store/sqlite-open.js";
import { ECHO_APPLICATION_ID, SCHEMA_VERSION } from "../../src/store/sqlite-schema.js";
import { historyStoreContract, recordAt } from "./history-store.contract.js";

const dirs: string[] = [];
const stores: SqliteHistory[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "echo-sqlite-"));
  dirs.push(dir);
  return dir;
}

function open(path: string, options: { writerThread?: boolean } = {}): SqliteHistory {
  const store = new SqliteHistory(path, options);
  stores.push(store);
  return store;
}

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  for (const dir of dirs.splice(0)) {
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  }
});

historyStoreContract("SqliteHistory", { open: () => open(join(tempDir(), "echo.db")) });
historyStoreContract("SqliteHistory without a writer thread", {
  open: () => open(join(tempDir(), "echo.db"), { writerThread: false }),
});

/** The v1 schema exactly as the first release wrote it, by hand (not through the migration code). */
const V1_SCHEMA = `
  PRAGMA application_id = ${ECHO_APPLICATION_ID};
  CREATE TABLE episodes (
    id INTEGER PRIMARY KEY, episode_id TEXT NOT NULL, session_id TEXT, channel TEXT NOT NULL,
    task_id TEXT NOT NULL, domain TEXT NOT NULL, difficulty TEXT NOT NULL, phase INTEGER NOT NULL,
    preset TEXT NOT NULL, seed INTEGER, response TEXT NOT NULL, parsed_answer TEXT NOT NULL,
    parsed_confidence INTEGER NOT NULL, abstained INTEGER NOT NULL, format TEXT NOT NULL,
    is_correct INTEGER NOT NULL, score REAL NOT NULL, reward REAL NOT NULL, c_accuracy REAL NOT NULL,
    c_brier REAL NOT NULL, c_overconfidence REAL NOT NULL, c_underconfidence REAL NOT NULL,
    c_format REAL NOT NULL, c_abstention REAL NOT NULL, c_clip REAL NOT NULL, true_answer TEXT NOT NULL,
    created_at REAL NOT NULL, graded_at REAL NOT NULL
  ) STRICT;
  CREATE INDEX episodes_session ON episodes (session_id) WHERE session_id IS NOT NULL;
  CREATE INDEX episodes_domain ON episodes (domain);
  CREATE INDEX episodes_phase ON episodes (phase);
  CREATE INDEX episodes_preset ON episodes (preset);
  CREATE INDEX episodes_channel ON episodes (channel);
  INSERT INTO episodes VALUES (1, 'old-1', 'ws-9', 'ws', 'curated/factual/easy/001', 'factual', 'easy', 1,
    'calibrated', 42, '<confidence>80</confidence><answer>Paris</answer>', 'Paris', 80, 0, 'clean', 1, 1.0,
    0.96, 0.5, 0.48, 0, 0, 0.05, 0, 0, 'Paris', 1700000000000, 1700000000100);
  PRAGMA user_version = 1;
`;

/** v2 as its release wrote it: v1 plus curriculum_events, by hand. */
const V2_SCHEMA = `
  ${V1_SCHEMA}
  CREATE TABLE curriculum_events (
    id INTEGER PRIMARY KEY, after_episodes INTEGER NOT NULL, phase INTEGER NOT NULL, pinned INTEGER NOT NULL,
    changed_at REAL NOT NULL
  ) STRICT;
  INSERT INTO curriculum_events VALUES (1, 1, 3, 1, 1700000000200);
  PRAGMA user_version = 2;
`;

/** v3 as its release wrote it: v2 plus episodes.eval_task, by hand. */
const V3_SCHEMA = `
  ${V2_SCHEMA}
  ALTER TABLE episodes ADD COLUMN eval_task TEXT;
  CREATE INDEX episodes_eval_task ON episodes (eval_task) WHERE eval_task IS NOT NULL;
  PRAGMA user_version = 3;
`;

function handMade(path: string, sql: string): void {
  const db = new BetterSqlite3(path);
  db.exec(sql);
  db.close();
}

function expectRefused(path: string, message: RegExp): void {
  const before = readFileSync(path);
  expect(() => new SqliteHistory(path)).toThrow(HistoryOpenError);
  expect(() => new SqliteHistory(path)).toThrow(message);
  expect(readFileSync(path).equals(before)).toBe(true);
}

describe("SqliteHistory on disk", () => {
  it("keeps records, their order and curriculum changes across a reopen, and is durable", async () => {
    const path = join(tempDir(), "echo.db");
    const first = open(path);
    expect(first.durable).toBe(true);
    const records = Array.from({ length: 30 }, (_, i) => recordAt(i));
    await first.append(records);
    first.recordPhaseChange({ after_episodes: 30, phase: 3, pinned: true, changed_at: 5 });
    await first.close();
    const again = open(path);
    expect(again.size).toBe(30);
    expect([...again.all()]).toEqual(records);
    expect(again.page({ channel: "ws" }, 2, 0).items.map((r) => r.episode_id)).toEqual(["ep-27", "ep-24"]);
    expect(again.phaseChanges()).toEqual([{ after_episodes: 30, phase: 3, pinned: true, changed_at: 5 }]);
    await again.append([recordAt(30)]);
    expect(again.recent({}, 1)[0]?.episode_id).toBe("ep-30");
  });

  it("commits what is still pending when closed, before the file is let go", async () => {
    const path = join(tempDir(), "echo.db");
    const store = open(path);
    const pending = store.append([recordAt(0), recordAt(1)]);
    await store.close();
    await pending;
    expect(open(path).size).toBe(2);
  });

  it("group-commits: many concurrent appends share a few transactions and all resolve after commit", async () => {
    const path = join(tempDir(), "echo.db");
    const store = open(path);
    const reader = new BetterSqlite3(path, { readonly: true });
    const count = reader.prepare("SELECT count(*) FROM episodes").pluck();
    const visible: number[] = [];
    try {
      const appends = Array.from({ length: 300 }, (_, k) =>
        store.append([recordAt(k)]).then(() => visible.push(count.get() as number)),
      );
      await Promise.all(appends);
      expect(store.transactions).toBeLessThanOrEqual(2);
      expect(store.size).toBe(300);
      // Another connection already saw every caller's row when that caller resolved: it was committed.
      expect(Math.min(...visible)).toBe(300);
      const next = await Promise.all([store.append([recordAt(300)]), store.append([recordAt(301)])]);
      expect(next).toHaveLength(2);
      expect(store.transactions).toBeLessThanOrEqual(3);
    } finally {
      reader.close();
    }
  });

  it("keeps a failed append to itself: the others in its group commit, it alone rejects", async () => {
    for (const writerThread of [true, false]) {
      const path = join(tempDir(), "echo.db");
      const store = open(path, { writerThread });
      const bad = recordAt(1, { reward: Number.NaN }); // NaN binds as NULL: the NOT NULL constraint refuses it
      const results = await Promise.allSettled([
        store.append([recordAt(0)]),
        store.append([bad, recordAt(2)]),
        store.append([recordAt(3)]),
      ]);
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      expect(store.size).toBe(2);
      expect([...store.all()].map((r) => r.episode_id)).toEqual(["ep-0", "ep-3"]);
      await store.append([recordAt(4)]);
      expect(store.recent({}, 1)[0]?.episode_id).toBe("ep-4");
    }
  });

  it("answers filtered metrics over all of history, not a window of it", async () => {
    const store = open(join(tempDir(), "echo.db"));
    const records = Array.from({ length: 2000 }, (_, i) => recordAt(i));
    await store.append(records);
    const ws = records.filter((r) => r.channel === "ws");
    expect(computeMetrics(store.outcomes({ channel: "ws" }))).toEqual(computeMetrics(ws.map(outcomeOf)));
    expect(store.page({ channel: "ws" }, 1, 0).total).toBe(ws.length);
  });
});

/** How many times each episode id is stored, read through a connection of its own. */
function storedCounts(path: string): Map<string, number> {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    const rows = db.prepare("SELECT episode_id, count(*) AS n FROM episodes GROUP BY episode_id").all();
    return new Map((rows as { episode_id: string; n: number }[]).map((r) => [r.episode_id, r.n]));
  } finally {
    db.close();
  }
}

/** Every append either resolved with its rows stored exactly once, or rejected with none of them stored. */
function expectAllOrNothing(path: string, groups: EpisodeRecord[][], results: PromiseSettledResult<void>[]) {
  const counts = storedCounts(path);
  groups.forEach((group, i) => {
    const want = results[i]?.status === "fulfilled" ? 1 : 0;
    for (const record of group) expect(counts.get(record.episode_id) ?? 0, record.episode_id).toBe(want);
  });
}

/** Holds the database's write lock from another thread for `ms`; resolves once it is held. */
async function holdWriteLock(path: string, ms: number): Promise<{ released: Promise<void> }> {
  const source = `
    const { parentPort, workerData } = require("node:worker_threads");
    const db = new (require(workerData.driver))(workerData.path);
    db.exec("BEGIN IMMEDIATE");
    parentPort.postMessage("locked");
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.ms);
    db.exec("ROLLBACK");
    db.close();
  `;
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const holder = new Worker(source, { eval: true, workerData: { driver, path, ms }, execArgv: [] });
  await once(holder, "message");
  return { released: once(holder, "exit").then(() => undefined) };
}

/** Blocks this thread (no event-loop turn, so no acknowledgement is read) until `done` or 10 s. */
function blockUntil(done: () => boolean): void {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const until = Date.now() + 10_000;
  while (!done() && Date.now() < until) Atomics.wait(cell, 0, 0, 1);
}

describe("SqliteHistory when its writer thread dies", () => {
  it("resolves groups the writer committed but never acknowledged, storing them once", async () => {
    const path = join(tempDir(), "echo.db");
    const store = open(path);
    await store.append([recordAt(0)]); // the writer has opened the file
    const groups = [[recordAt(1), recordAt(2)], [recordAt(3)]];
    const appends = groups.map((group) => store.append(group));
    await new Promise(setImmediate); // sent to the writer
    const reader = new BetterSqlite3(path, { readonly: true });
    const count = reader.prepare("SELECT count(*) FROM episodes").pluck();
    blockUntil(() => count.get() === 4);
    expect(count.get()).toBe(4);
    reader.close();
    store.terminateWriterForTests();
    const results = await Promise.allSettled(appends);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expectAllOrNothing(path, groups, results);
    expect(store.size).toBe(4);
    expect(store.transactions).toBe(1); // resolved from the file, not committed again here
    await store.append([recordAt(4)]);
    expect([...store.all()].map((r) => r.episode_id)).toEqual(["ep-0", "ep-1", "ep-2", "ep-3", "ep-4"]);
  });

  it("commits here, in order, the groups the writer had not committed", async () => {
    const path = join(tempDir(), "echo.db");
    const store = open(path);
    await store.append([recordAt(0)]);
    const { released } = await holdWriteLock(path, 300); // the writer will wait for the lock, committing nothing
    const groups = [[recordAt(1)], [recordAt(2), recordAt(3)], [recordAt(4)]];
    const order: number[] = [];
    const appends = groups.map((group, i) => store.append(group).then(() => void order.push(i)));
    await new Promise((resolve) => setTimeout(resolve, 50)); // sent, and the writer is waiting for the lock
    store.terminateWriterForTests();
    const results = await Promise.allSettled(appends);
    await released;
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);
    expect(order).toEqual([0, 1, 2]);
    expectAllOrNothing(path, groups, results);
    expect(store.transactions).toBe(2); // the writer's first commit, then one here
    expect(store.size).toBe(5);
  });

  it("keeps every append all-or-nothing when killed at any moment under load, and keeps serving", async () => {
    for (let round = 0; round < 12; round++) {
      const path = join(tempDir(), "echo.db");
      const store = open(path);
      await store.append([recordAt(0)]);
      const groups: EpisodeRecord[][] = [];
      const appends: Promise<void>[] = [];
      let next = 1;
      const killAt = round * 2;
      for (let turn = 0; turn < 30; turn++) {
        if (turn === killAt) store.terminateWriterForTests();
        for (let k = 0; k < 1 + (turn % 4); k++) {
          const group = Array.from({ length: 1 + ((turn + k) % 3) }, () => recordAt(next++));
          groups.push(group);
          appends.push(store.append(group));
        }
        await new Promise((resolve) =>
          turn % 3 === 0 ? setTimeout(resolve, round % 3) : setImmediate(resolve),
        );
      }
      const results = await Promise.allSettled(appends);
      expectAllOrNothing(path, groups, results);
      const stored = results.filter((r) => r.status === "fulfilled").length;
      expect(stored, `round ${round}`).toBe(groups.length);
      // Live counts are the file's: a restart would count the same.
      expect(store.size).toBe([...storedCounts(path).values()].reduce((a, b) => a + b, 0));
      await store.append([recordAt(next)]);
      expect(store.recent({}, 1)[0]?.episode_id).toBe(`ep-${next}`);
      await store.close();
      const again = open(path);
      expect(again.size).toBe(next + 1);
    }
  });
});

describe("SqliteHistory schema versions", () => {
  it("creates the current schema in a new or empty file", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "empty.db"), "");
    for (const name of ["new.db", "empty.db"]) {
      await open(join(dir, name)).close();
      const db = new BetterSqlite3(join(dir, name), { readonly: true });
      expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.pragma("application_id", { simple: true })).toBe(ECHO_APPLICATION_ID);
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      db.close();
    }
  });

  it("migrates a v1 database made by hand, keeping its episodes", async () => {
    const path = join(tempDir(), "v1.db");
    handMade(path, V1_SCHEMA);
    const store = open(path);
    expect(store.size).toBe(1);
    expect(store.recent({ session: "ws-9" })[0]).toMatchObject({
      episode_id: "old-1",
      seed: 42,
      abstained: false,
      is_correct: true,
      components: { accuracy: 0.5, brier: 0.48, format: 0.05 },
    });
    store.recordPhaseChange({ after_episodes: 1, phase: 2, pinned: false, changed_at: 1 });
    await store.append([recordAt(7)]);
    await store.close();
    const db = new BetterSqlite3(path, { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
    expect(open(path).phaseChanges()).toHaveLength(1);
  });

  it("migrates a v3 database made by hand to answerable: older rows are answerable", async () => {
    const path = join(tempDir(), "v3.db");
    handMade(path, V3_SCHEMA);
    const store = open(path);
    expect(store.recent({})[0]).toMatchObject({ episode_id: "old-1", answerable: true, eval_task: null });
    const fresh = recordAt(2, { answerable: false });
    await store.append([fresh]);
    expect(store.recent({}).at(-1)).toEqual(fresh);
    expect([...store.outcomes({})].map((o) => o.answerable)).toEqual([true, false]);
    await store.close();
    const db = new BetterSqlite3(path, { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT episode_id, answerable FROM episodes ORDER BY id").all()).toEqual([
      { episode_id: "old-1", answerable: 1 },
      { episode_id: "ep-2", answerable: 0 },
    ]);
    db.close();
  });

  it("migrates a v2 database made by hand to eval_task, keeping its episodes and curriculum changes", async () => {
    const path = join(tempDir(), "v2.db");
    handMade(path, V2_SCHEMA);
    const store = open(path);
    expect(store.size).toBe(1);
    // Older rows say no evaluation task drew them, so they count for none.
    expect(store.recent({})[0]).toMatchObject({ episode_id: "old-1", session_id: "ws-9", eval_task: null });
    expect(store.phaseChanges()).toEqual([
      { after_episodes: 1, phase: 3, pinned: true, changed_at: 1700000000200 },
    ]);
    const fresh = recordAt(1, { eval_task: "anti_hallucination" });
    await store.append([fresh]);
    expect(store.recent({ eval_task: "anti_hallucination" })).toEqual([fresh]);
    await store.close();
    const db = new BetterSqlite3(path, { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT episode_id, eval_task FROM episodes ORDER BY id").all()).toEqual([
      { episode_id: "old-1", eval_task: null },
      { episode_id: "ep-1", eval_task: "anti_hallucination" },
    ]);
    db.close();
  });

  it("migrates a v3 database made by hand to c_length: older rows have no length component", async () => {
    const path = join(tempDir(), "v3.db");
    handMade(path, `${V2_SCHEMA}; ALTER TABLE episodes ADD COLUMN eval_task TEXT; PRAGMA user_version = 3;`);
    const store = open(path);
    const old = store.recent({}).find((r) => r.episode_id === "old-1");
    expect(old).toMatchObject({ episode_id: "old-1", components: { accuracy: 0.5, clip: 0 } });
    expect(old?.components).not.toHaveProperty("length");
    const withLength = recordAt(6);
    expect(withLength.components.length).toBe(-0.5);
    await store.append([withLength, recordAt(1)]);
    const byId = (id: string) => store.recent({}).find((r) => r.episode_id === id);
    expect(byId("ep-6")).toEqual(withLength);
    expect(byId("ep-1")).toEqual(recordAt(1));
    await store.close();
    const db = new BetterSqlite3(path, { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT episode_id, c_length FROM episodes ORDER BY id").all()).toEqual([
      { episode_id: "old-1", c_length: null },
      { episode_id: "ep-6", c_length: -0.5 },
      { episode_id: "ep-1", c_length: null },
    ]);
    db.close();
  });

  it("refuses a database from a newer ECHO, saying so, and leaves it untouched", () => {
    const path = join(tempDir(), "newer.db");
    handMade(path, `${V1_SCHEMA}; PRAGMA user_version = ${SCHEMA_VERSION + 1};`);
    expectRefused(path, new RegExp(`version ${SCHEMA_VERSION + 1}, newer than this ECHO`));
  });

  it("refuses another program's SQLite database", () => {
    const dir = tempDir();
    handMade(join(dir, "other.db"), "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine');");
    expectRefused(join(dir, "other.db"), /another program/);
    handMade(join(dir, "versioned.db"), "CREATE TABLE t (x); PRAGMA user_version = 1;");
    expectRefused(join(dir, "versioned.db"), /another program/);
  });
});

describe("SqliteHistory refuses to start on a bad place or file", () => {
  it("refuses a file that is not SQLite, byte for byte untouched", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "notes.db"), "these are my notes, not a database\n".repeat(200));
    expectRefused(join(dir, "notes.db"), /is not a SQLite database \(it was left untouched\)/);
    writeFileSync(join(dir, "short.db"), "SQLite");
    expectRefused(join(dir, "short.db"), /not a SQLite database/);
  });

  it("refuses a SQLite file whose pages are damaged, byte for byte untouched", async () => {
    const path = join(tempDir(), "damaged.db");
    const store = new SqliteHistory(path);
    await store.append(Array.from({ length: 400 }, (_, i) => recordAt(i)));
    await store.close();
    const bytes = readFileSync(path);
    expect(bytes.length).toBeGreaterThan(8 * 4096);
    bytes.fill(0xa5, 3 * 4096, 6 * 4096); // wipe three pages of the episodes table
    writeFileSync(path, bytes);
    expectRefused(path, /is damaged \(SQLite quick_check/);
  });

  it("refuses a path that is a directory", () => {
    const dir = tempDir();
    expect(() => new SqliteHistory(dir)).toThrow(/points at a directory .*point it at a file/);
  });

  it("refuses a data directory it cannot create", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "file"), "");
    expect(() => new SqliteHistory(join(dir, "file", "sub", "echo.db"))).toThrow(
      /cannot create the data directory .*ECHO_DB=:memory:/,
    );
  });

  it.skipIf(process.getuid?.() === 0)("refuses a data directory it cannot write to", () => {
    const dir = join(tempDir(), "locked");
    mkdirSync(dir);
    chmodSync(dir, 0o500);
    expect(() => new SqliteHistory(join(dir, "echo.db"))).toThrow(/data directory .* is not writable/);
  });

  // Root writes through permission bits, but not into /proc.
  it.runIf(process.getuid?.() === 0 && existsSync("/proc/self"))(
    "refuses a data directory it cannot write to, even as root",
    () => {
      expect(() => new SqliteHistory("/proc/echo-test.db")).toThrow(/data directory \/proc is not writable/);
    },
  );
});
