// The SQLite history under real faults: another connection holding the write lock, the file renamed away or
// deleted under it, and (where a tmpfs can be mounted) a full disk. Each refused append rejects with the code
// that names the cause, nothing refused is in the file, and writes work again once the cause is gone.
import { mkdtempSync, renameSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import type { EpisodeRecord } from "../../src/core/episode-record.js";
import { SqliteHistory } from "../../src/store/sqlite-history.js";
import { storageFaultOf } from "../../src/store/storage-fault.js";
import { fillDisk, mountTmpfs, tmpfsAvailable } from "../helpers/tmpfs.js";
import { recordAt } from "./history-store.contract.js";

const dirs: string[] = [];
const stores: SqliteHistory[] = [];

afterEach(async () => {
  await Promise.allSettled(stores.splice(0).map((store) => store.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), "echo-faults-"));
  dirs.push(dir);
  return join(dir, "echo.db");
}

function open(path: string, writerThread = true): SqliteHistory {
  const store = new SqliteHistory(path, { writerThread, busyTimeoutMs: 150 });
  stores.push(store);
  return store;
}

/** The cause an append's rejection names (or "stored" when it resolved). */
async function causeOf(append: Promise<void>): Promise<string> {
  try {
    await append;
    return "stored";
  } catch (error) {
    return storageFaultOf(error).cause;
  }
}

function probeCause(store: SqliteHistory): string {
  try {
    store.checkWritable();
    return "writable";
  } catch (error) {
    return storageFaultOf(error).cause;
  }
}

/** Episode ids in the file, read by a fresh connection as a restart would. */
function storedIds(path: string): string[] {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return db.prepare("SELECT episode_id FROM episodes ORDER BY id").pluck().all() as string[];
  } finally {
    db.close();
  }
}

const ids = (records: readonly EpisodeRecord[]) => records.map((record) => record.episode_id);

describe.each([
  ["with a writer thread", true],
  ["without one", false],
] as const)("SqliteHistory %s", (_name, writerThread) => {
  it("refuses appends as locked while another connection holds the write lock, then takes them", async () => {
    const path = tempDb();
    const store = open(path, writerThread);
    await store.append([recordAt(0)]);
    const other = new BetterSqlite3(path);
    other.exec("BEGIN IMMEDIATE");
    // Two appends in one turn share one refused group commit; each learns the cause.
    const refused = await Promise.all([
      causeOf(store.append([recordAt(1)])),
      causeOf(store.append([recordAt(2)])),
    ]);
    expect(refused).toEqual(["locked", "locked"]);
    expect(probeCause(store)).toBe("locked");
    other.exec("COMMIT");
    other.close();
    expect(probeCause(store)).toBe("writable");
    await store.append([recordAt(3)]);
    await store.close();
    expect(storedIds(path)).toEqual(ids([recordAt(0), recordAt(3)]));
  });

  it("refuses appends as removed while the file is renamed away, writing nothing to it, and recovers when it is back", async () => {
    const path = tempDb();
    const store = open(path, writerThread);
    await store.append([recordAt(0)]);
    renameSync(path, `${path}.moved`);
    expect(await causeOf(store.append([recordAt(1)]))).toBe("removed");
    expect(probeCause(store)).toBe("removed");
    expect(() =>
      store.recordPhaseChange({ after_episodes: 1, phase: 2, pinned: false, changed_at: 1 }),
    ).toThrow(/no longer exists/);
    renameSync(`${path}.moved`, path);
    expect(probeCause(store)).toBe("writable");
    await store.append([recordAt(2)]);
    await store.close();
    expect(storedIds(path)).toEqual(ids([recordAt(0), recordAt(2)]));
  });

  it("refuses appends as removed once the file is deleted, instead of writing to its orphaned inode", async () => {
    const path = tempDb();
    const store = open(path, writerThread);
    await store.append([recordAt(0)]);
    unlinkSync(path);
    expect(await causeOf(store.append([recordAt(1)]))).toBe("removed");
    expect(probeCause(store)).toBe("removed");
  });
});

describe.skipIf(!tmpfsAvailable)("SqliteHistory on a full disk (a 2 MiB tmpfs)", () => {
  it("refuses appends as disk_full, loses none it acknowledged, and takes appends again once space is freed", async () => {
    const dir = mountTmpfs(2048);
    const path = join(dir, "echo.db");
    const store = open(path);
    const acknowledged: EpisodeRecord[] = [];
    for (let i = 0; i < 5; i++) {
      await store.append([recordAt(i)]);
      acknowledged.push(recordAt(i));
    }
    fillDisk(join(dir, "filler"));
    // The WAL may still have room for a few frames: append until the disk refuses, counting what it took.
    let cause = "stored";
    for (let i = 5; i < 400 && cause === "stored"; i++) {
      cause = await causeOf(store.append([recordAt(i, { response: "x".repeat(4000) })]));
      if (cause === "stored") acknowledged.push(recordAt(i));
    }
    expect(cause).toBe("disk_full");
    expect(probeCause(store)).toBe("disk_full");
    unlinkSync(join(dir, "filler"));
    expect(probeCause(store)).toBe("writable");
    await store.append([recordAt(1000)]);
    acknowledged.push(recordAt(1000));
    await store.close();
    expect(storedIds(path)).toEqual(ids(acknowledged));
  });
});
