// Orchestrates a download: per dataset split resolve, fetch Parquet, normalise, select, cache; resumable.
import { existsSync, statSync } from "node:fs";
import { posix } from "node:path";
import { findHubDataset, type HubDatasetSpec, splitProblem } from "./dataset-specs.js";
import type { DatasetSplit, DownloadEvent } from "./download-event.js";
import {
  entryKey,
  type HubManifest,
  hubCachePaths,
  type ManifestEntry,
  readManifest,
  writeManifest,
} from "./hub-cache.js";
import type { HubClient } from "./hub-client.js";
import { normaliseSplit } from "./normalise-split.js";

export interface DownloadDatasetsOptions {
  dataDir: string;
  /** Registry keys (see resolveDatasetNames). */
  keys: readonly string[];
  splits: readonly string[];
  perBucket: number;
  /** Revision for every dataset instead of each one's default (branch, tag or commit SHA). */
  revision?: string | undefined;
  /** Download and normalise again even when the cache already matches. */
  force?: boolean | undefined;
  /** ISO time recorded in the manifest; time comes from the caller, never from here. */
  downloadedAt: string;
  client: HubClient;
  signal?: AbortSignal | undefined;
  onEvent?: ((event: DownloadEvent) => void) | undefined;
  /** Rows decoded at a time (rounded up to whole row groups). */
  chunkRows?: number | undefined;
}

export type SplitOutcome =
  | ({ status: "cached" | "downloaded" | "reselected"; entry: ManifestEntry } & DatasetSplit)
  | ({ status: "failed"; error: string } & DatasetSplit);

export interface DownloadSummary {
  outcomes: SplitOutcome[];
  /** True when the signal stopped the run; completed splits are kept, the one in progress is not. */
  aborted: boolean;
}

/** The (dataset, split) pairs to fetch, or why some cannot be (unknown key, absent or unlabeled split). */
export function planDownloads(
  keys: readonly string[],
  splits: readonly string[],
): { jobs: Array<{ spec: HubDatasetSpec; split: string }>; problems: string[] } {
  const jobs: Array<{ spec: HubDatasetSpec; split: string }> = [];
  const problems: string[] = [];
  for (const key of keys) {
    const spec = findHubDataset(key);
    if (!spec) {
      problems.push(`unknown dataset key ${key}`);
      continue;
    }
    for (const split of splits) {
      const problem = splitProblem(spec, split);
      if (problem) problems.push(problem);
      else jobs.push({ spec, split });
    }
  }
  return { jobs, problems };
}

export async function downloadDatasets(options: DownloadDatasetsOptions): Promise<DownloadSummary> {
  const { jobs, problems } = planDownloads(options.keys, options.splits);
  if (problems.length > 0) throw new Error(problems.join("\n"));
  const { manifest, warnings } = readManifest(options.dataDir);
  for (const message of warnings) options.onEvent?.({ type: "warning", message });
  const outcomes: SplitOutcome[] = [];
  for (const { spec, split } of jobs) {
    if (options.signal?.aborted) return { outcomes, aborted: true };
    try {
      outcomes.push(await fetchSplit(spec, split, manifest, options));
    } catch (error) {
      if (options.signal?.aborted) return { outcomes, aborted: true };
      const reason = error instanceof Error ? error.message : String(error);
      outcomes.push({
        key: spec.key,
        split,
        status: "failed",
        error: `${spec.key} (${spec.repo}): ${reason}`,
      });
    }
  }
  return { outcomes, aborted: false };
}

async function fetchSplit(
  spec: HubDatasetSpec,
  split: string,
  manifest: HubManifest,
  options: DownloadDatasetsOptions,
): Promise<SplitOutcome> {
  const at = { key: spec.key, split };
  const paths = hubCachePaths(options.dataDir);
  const requested = options.revision ?? spec.revision;
  const previous = manifest.entries[entryKey(spec.key, split)];
  const reusable =
    !options.force &&
    previous !== undefined &&
    previous.repo === spec.repo &&
    previous.config === spec.config &&
    previous.requested_revision === requested &&
    existsSync(paths.resolve(previous.tasks_file));
  if (reusable && previous.per_bucket === options.perBucket) {
    options.onEvent?.({ type: "cached", ...at, task_count: previous.task_count });
    return { ...at, status: "cached", entry: previous };
  }
  const rawOnDisk = (file: { local_path: string; size: number }) =>
    existsSync(paths.resolve(file.local_path)) && statSync(paths.resolve(file.local_path)).size === file.size;
  if (reusable && previous.files.every(rawOnDisk)) {
    // Only the selection size changed: re-select from the cached Parquet, offline.
    const entry = await normaliseSplit({
      ...options,
      spec,
      split,
      requested,
      commit: previous.commit_sha,
      files: previous.files,
    });
    await saveEntry(manifest, entry, options.dataDir);
    return { ...at, status: "reselected", entry };
  }

  const { client } = options;
  const commit = await client.resolveCommit(spec.repo, requested);
  options.onEvent?.({ type: "resolved", ...at, commit });
  const listings = new Map<string, Map<string, number>>();
  const files: ManifestEntry["files"] = [];
  for (const path of spec.splits[split] ?? []) {
    const dir = posix.dirname(path);
    if (!listings.has(dir)) {
      const listed = await client.listFiles(spec.repo, commit, dir);
      listings.set(dir, new Map(listed.map((file) => [file.path, file.size])));
    }
    const size = listings.get(dir)?.get(path);
    if (size === undefined) {
      const there = [...(listings.get(dir)?.keys() ?? [])].filter((name) => name.endsWith(".parquet"));
      throw new Error(
        `${path} is not in the repo at ${commit} (Parquet files there: ${there.join(", ") || "none"})`,
      );
    }
    const file = { path, size, local_path: paths.rawRelative(spec.repo, commit, path) };
    const cached = !options.force && rawOnDisk(file);
    options.onEvent?.({ type: "file", ...at, path, size, cached });
    if (!cached) {
      await client.download(spec.repo, commit, path, paths.resolve(file.local_path), (received, total) =>
        options.onEvent?.({ type: "bytes", ...at, path, received, total }),
      );
    }
    files.push(file);
  }
  const entry = await normaliseSplit({ ...options, spec, split, requested, commit, files });
  await saveEntry(manifest, entry, options.dataDir);
  return { ...at, status: "downloaded", entry };
}

async function saveEntry(manifest: HubManifest, entry: ManifestEntry, dataDir: string): Promise<void> {
  manifest.entries[entryKey(entry.key, entry.split)] = entry;
  await writeManifest(dataDir, manifest);
}
