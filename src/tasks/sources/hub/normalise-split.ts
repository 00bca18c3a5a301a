// Turns a split's cached Parquet files into selected, normalised tasks (JSONL) and its manifest entry.
import type { HubDatasetSpec } from "./dataset-specs.js";
import type { DownloadEvent } from "./download-event.js";
import { hubCachePaths, type ManifestEntry, writeFileAtomic } from "./hub-cache.js";
import type { NormaliseContext } from "./hub-task.js";
import { readParquetChunks } from "./read-parquet.js";
import { createBucketSelector } from "./select-tasks.js";

export interface NormaliseSplitInput {
  spec: HubDatasetSpec;
  split: string;
  /** The revision that was asked for, recorded for resume matching. */
  requested: string;
  commit: string;
  /** Cached Parquet files of the split, in row order. */
  files: ManifestEntry["files"];
  dataDir: string;
  perBucket: number;
  downloadedAt: string;
  signal?: AbortSignal | undefined;
  onEvent?: ((event: DownloadEvent) => void) | undefined;
  chunkRows?: number | undefined;
}

/**
 * Reads a split's cached Parquet in chunks, normalises every row (row index = position across the split's
 * files), keeps a seeded selection per difficulty, and writes it as JSONL atomically; returns the
 * manifest entry (not yet saved). A split without one usable row is refused.
 */
export async function normaliseSplit(input: NormaliseSplitInput): Promise<ManifestEntry> {
  const { spec, split, files, commit, requested } = input;
  const paths = hubCachePaths(input.dataDir);
  const context: NormaliseContext = {
    key: spec.key,
    repo: spec.repo,
    config: spec.config,
    split,
    revision: commit,
    license: spec.license,
    domain: spec.domain,
  };
  const selector = createBucketSelector(`echo-hub/${spec.key}/${split}`, input.perBucket);
  let offset = 0;
  let skipped = 0;
  for (const file of files) {
    let fileRows = 0;
    const chunks = readParquetChunks(paths.resolve(file.local_path), {
      columns: spec.columns,
      chunkRows: input.chunkRows,
      signal: input.signal,
    });
    for await (const chunk of chunks) {
      chunk.rows.forEach((row, i) => {
        const task = spec.normalise(row, offset + chunk.rowStart + i, context);
        if (task) selector.add(task);
        else skipped += 1;
      });
      fileRows = chunk.rowStart + chunk.rows.length;
      input.onEvent?.({ type: "rows", key: spec.key, split, rows_read: offset + fileRows });
    }
    offset += fileRows;
  }
  const { tasks, eligible, selected } = selector.result();
  if (tasks.length === 0) {
    throw new Error(`the ${split} split has no usable rows (${skipped} unlabeled or malformed); refusing it`);
  }
  const tasksFile = paths.tasksRelative(spec.key, split);
  await writeFileAtomic(
    paths.resolve(tasksFile),
    `${tasks.map((task) => JSON.stringify(task)).join("\n")}\n`,
  );
  input.onEvent?.({ type: "done", key: spec.key, split, selected, task_count: tasks.length });
  return {
    key: spec.key,
    repo: spec.repo,
    config: spec.config,
    split,
    domain: spec.domain,
    license: spec.license,
    requested_revision: requested,
    commit_sha: commit,
    files,
    row_count: offset,
    skipped_rows: skipped,
    per_bucket: input.perBucket,
    eligible,
    selected,
    tasks_file: tasksFile,
    task_count: tasks.length,
    difficulty_rule: spec.difficultyRule,
    downloaded_at: input.downloadedAt,
  };
}
