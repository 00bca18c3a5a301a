import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { emptyManifest } from "../../../../src/tasks/sources/hub/hub-cache.js";
import { loadCachedHubTasks } from "../../../../src/tasks/sources/hub/load-cached.js";
import { gsm8kTasks, writeCache } from "./helpers/cache.js";
import { SHA } from "./helpers/context.js";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "echo-cached-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const tasks = gsm8kTasks(3);

describe("loadCachedHubTasks", () => {
  it("gives nothing, without error, when there is no cache", () => {
    const result = loadCachedHubTasks(join(tempDir(), "does-not-exist"));
    expect(result).toEqual({ tasks: [], manifest: emptyManifest(), warnings: [] });
  });

  it("loads the tasks the manifest lists", async () => {
    const dataDir = tempDir();
    await writeCache(
      dataDir,
      tasks.map((t) => JSON.stringify(t)),
    );
    const result = loadCachedHubTasks(dataDir);
    expect(result.warnings).toEqual([]);
    expect(result.tasks).toEqual(tasks);
    expect(result.manifest.entries["gsm8k/train"]?.commit_sha).toBe(SHA);
  });

  it("skips bad lines and duplicate ids with warnings and keeps the rest", async () => {
    const dataDir = tempDir();
    const [a, b] = tasks.map((t) => JSON.stringify(t));
    await writeCache(dataDir, [a as string, "{not json", '{"id":"x"}', a as string, b as string], 2);
    const result = loadCachedHubTasks(dataDir);
    expect(result.tasks.map((t) => t.id)).toEqual(["gsm8k/train/0", "gsm8k/train/1"]);
    expect(result.warnings).toEqual([
      "tasks/gsm8k/train.jsonl:2: not a valid task; skipped",
      "tasks/gsm8k/train.jsonl:3: not a valid task; skipped",
      "tasks/gsm8k/train.jsonl:4: duplicate id gsm8k/train/0; skipped",
    ]);
  });

  it("warns when a listed file is missing or holds fewer tasks than listed", async () => {
    const dataDir = tempDir();
    await writeCache(dataDir, [JSON.stringify(tasks[0])], 3);
    expect(loadCachedHubTasks(dataDir).warnings).toEqual([
      "gsm8k/train: loaded 1 tasks, the manifest lists 3",
    ]);
    rmSync(join(dataDir, "datasets", "tasks"), { recursive: true });
    const result = loadCachedHubTasks(dataDir);
    expect(result.tasks).toEqual([]);
    expect(result.warnings[0]).toMatch(/^gsm8k\/train: tasks\/gsm8k\/train\.jsonl is missing/);
  });

  it("ignores a damaged manifest with a warning", () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, "datasets"), { recursive: true });
    writeFileSync(join(dataDir, "datasets", "manifest.json"), "{ half a manif");
    const result = loadCachedHubTasks(dataDir);
    expect(result.tasks).toEqual([]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain("manifest.json cannot be read");
  });
});
