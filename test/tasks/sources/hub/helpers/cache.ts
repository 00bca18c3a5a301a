// A Hub cache written by hand (manifest + tasks file) for tests that load one without a download.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  emptyManifest,
  type ManifestEntry,
  writeManifest,
} from "../../../../../src/tasks/sources/hub/hub-cache.js";
import { normaliseGsm8k } from "../../../../../src/tasks/sources/hub/normalise-gsm8k.js";
import type { Task } from "../../../../../src/tasks/task.js";
import { contextFor, SHA } from "./context.js";
import { gsm8kRows } from "./sample-rows.js";

const context = contextFor({ key: "gsm8k", repo: "openai/gsm8k", config: "main" });

/** `n` GSM8K tasks normalised from the sample rows. */
export const gsm8kTasks = (n: number): Task[] =>
  gsm8kRows(n).map((row, i) => normaliseGsm8k({ ...row }, i, context) as Task);

const entry = (taskCount: number): ManifestEntry => ({
  key: "gsm8k",
  repo: "openai/gsm8k",
  config: "main",
  split: "train",
  domain: "math",
  license: "MIT",
  requested_revision: "main",
  commit_sha: SHA,
  files: [],
  row_count: 3,
  skipped_rows: 0,
  per_bucket: 500,
  eligible: { easy: 2, medium: 1, hard: 0 },
  selected: { easy: 2, medium: 1, hard: 0 },
  tasks_file: "tasks/gsm8k/train.jsonl",
  task_count: taskCount,
  difficulty_rule: "steps",
  downloaded_at: "2025-01-01T00:00:00.000Z",
});

/** A gsm8k/train cache in `dataDir` holding `lines` (JSONL), listed with `taskCount` tasks. */
export async function writeCache(dataDir: string, lines: string[], taskCount = lines.length): Promise<void> {
  const manifest = emptyManifest();
  manifest.entries["gsm8k/train"] = entry(taskCount);
  await writeManifest(dataDir, manifest);
  mkdirSync(join(dataDir, "datasets", "tasks", "gsm8k"), { recursive: true });
  writeFileSync(join(dataDir, "datasets", "tasks", "gsm8k", "train.jsonl"), `${lines.join("\n")}\n`);
}
