// createService picks the history from ECHO_DB: a SQLite file (default <ECHO_DATA_DIR>/echo.db) or memory.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/server/config.js";
import { createService, historyPath } from "../../src/server/create-service.js";
import { MemoryHistory } from "../../src/store/memory-history.js";
import { SqliteHistory } from "../../src/store/sqlite-history.js";
import { HistoryOpenError } from "../../src/store/sqlite-open.js";

const dirs: string[] = [];
const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "echo-create-"));
  dirs.push(dir);
  return dir;
}

function create(env: Record<string, string>) {
  const { service } = createService(loadConfig({ ECHO_DATA_DIR: "/nonexistent-echo-test-data", ...env }));
  closers.push(() => service.history.close());
  return service;
}

describe("createService's history", () => {
  it("defaults to <ECHO_DATA_DIR>/echo.db, creating the directory, with synchronous FULL", () => {
    const dir = join(tempDir(), "data", "nested");
    expect(historyPath({ ECHO_DATA_DIR: dir, ECHO_DB: undefined })).toBe(join(dir, "echo.db"));
    const service = create({ ECHO_DATA_DIR: dir });
    expect(service.history).toBeInstanceOf(SqliteHistory);
    expect((service.history as SqliteHistory).synchronous).toBe("FULL");
    expect(existsSync(join(dir, "echo.db"))).toBe(true);
  });

  it("takes ECHO_DB and ECHO_DB_SYNC=normal, and refuses another sync mode", () => {
    const path = join(tempDir(), "run.db");
    const service = create({ ECHO_DB: path, ECHO_DB_SYNC: "normal" });
    expect(service.history.durable).toBe(true);
    expect((service.history as SqliteHistory).synchronous).toBe("NORMAL");
    expect(() => loadConfig({ ECHO_DB_SYNC: "off" })).toThrow(/ECHO_DB_SYNC must be full or normal/);
    expect(() => loadConfig({ ECHO_DB_SYNC: "off" })).toThrow(ConfigError);
  });

  it("keeps history in memory with ECHO_DB=:memory:", () => {
    const service = create({ ECHO_DB: ":memory:" });
    expect(service.history).toBeInstanceOf(MemoryHistory);
    expect(service.history.durable).toBe(false);
  });

  it("fails fast, saying why, on a file that is not a database", () => {
    const path = join(tempDir(), "echo.db");
    writeFileSync(path, "not a database");
    expect(() => create({ ECHO_DB: path })).toThrow(HistoryOpenError);
    expect(() => create({ ECHO_DB: path })).toThrow(/is not a SQLite database/);
  });
});
