import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  dataDirFromEnv,
  emptyManifest,
  hubCachePaths,
  readManifest,
  writeFileAtomic,
  writeManifest,
} from "../../../../src/tasks/sources/hub/hub-cache.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "echo-cache-"));
  dirs.push(dir);
  return dir;
};

describe("dataDirFromEnv", () => {
  it("uses ECHO_DATA_DIR, else ./data", () => {
    expect(dataDirFromEnv({})).toBe("./data");
    expect(dataDirFromEnv({ ECHO_DATA_DIR: "  " })).toBe("./data");
    expect(dataDirFromEnv({ ECHO_DATA_DIR: "/srv/echo" })).toBe("/srv/echo");
  });
});

describe("hubCachePaths", () => {
  it("lays the cache out under <dataDir>/datasets", () => {
    const paths = hubCachePaths("/d");
    expect(paths.manifest).toBe(join("/d", "datasets", "manifest.json"));
    expect(paths.rawRelative("openai/gsm8k", "abc", "main/train.parquet")).toBe(
      join("raw", "openai--gsm8k", "abc", "main", "train.parquet"),
    );
    expect(paths.tasksRelative("arc-easy", "test")).toBe(join("tasks", "arc-easy", "test.jsonl"));
  });
});

describe("writeFileAtomic and the manifest", () => {
  it("writes through a temporary file and leaves none behind", async () => {
    const path = join(tempDir(), "a", "b.txt");
    await writeFileAtomic(path, "hello");
    expect(readFileSync(path, "utf8")).toBe("hello");
    expect(existsSync(`${path}.incomplete`)).toBe(false);
  });

  it("round-trips, and an invalid manifest reads as empty with a warning", async () => {
    const dataDir = tempDir();
    expect(readManifest(dataDir)).toEqual({ manifest: emptyManifest(), warnings: [] });
    await writeManifest(dataDir, emptyManifest());
    expect(readManifest(dataDir)).toEqual({ manifest: emptyManifest(), warnings: [] });
    await writeFileAtomic(hubCachePaths(dataDir).manifest, JSON.stringify({ version: 2, entries: {} }));
    const { manifest, warnings } = readManifest(dataDir);
    expect(manifest).toEqual(emptyManifest());
    expect(warnings[0]).toContain("is not a valid manifest");
  });
});
