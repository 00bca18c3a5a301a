// The on-disk cache of Hub datasets: layout under <dataDir>/datasets, the manifest, atomic writes.
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { z } from "zod";
import { Domain } from "../../../core/taxonomy.js";

const Counts = z
  .object({
    easy: z.number().int().min(0).describe("Easy tasks"),
    medium: z.number().int().min(0).describe("Medium tasks"),
    hard: z.number().int().min(0).describe("Hard tasks"),
  })
  .describe("Counts per difficulty");

export const ManifestFile = z
  .object({
    path: z.string().describe("Path of the Parquet file inside the Hub repo"),
    size: z.number().int().min(0).describe("Size in bytes"),
    local_path: z.string().describe("Where the file is cached, relative to <dataDir>/datasets"),
  })
  .describe("One downloaded Parquet file");

export const ManifestEntry = z
  .object({
    key: z.string().describe("Registry key and task id prefix, e.g. 'arc-challenge'"),
    repo: z.string().describe("Hub dataset repo id, e.g. 'allenai/ai2_arc'"),
    config: z.string().describe("Dataset config, e.g. 'ARC-Challenge'"),
    split: z.string().describe("Split the tasks come from"),
    domain: Domain,
    license: z.string().describe("License of the dataset"),
    requested_revision: z.string().describe("Revision asked for (branch, tag or SHA)"),
    commit_sha: z
      .string()
      .regex(/^[0-9a-f]{40}$/)
      .describe("Commit SHA the files were downloaded at"),
    files: z.array(ManifestFile).describe("Parquet files of the split, in row order"),
    row_count: z.number().int().min(0).describe("Rows in the split"),
    skipped_rows: z.number().int().min(0).describe("Rows left out as unlabeled or malformed"),
    per_bucket: z.number().int().min(1).describe("Target tasks per difficulty the selection used"),
    eligible: Counts.describe("Usable rows per difficulty"),
    selected: Counts.describe("Selected tasks per difficulty"),
    tasks_file: z.string().describe("Normalised tasks (JSONL), relative to <dataDir>/datasets"),
    task_count: z.number().int().min(0).describe("Lines in tasks_file"),
    difficulty_rule: z.string().describe("How rows were bucketed by difficulty"),
    downloaded_at: z.string().describe("When the entry was written (ISO 8601), supplied by the caller"),
  })
  .describe("One cached dataset split");
export type ManifestEntry = z.infer<typeof ManifestEntry>;

export const HubManifest = z
  .object({
    version: z.literal(1).describe("Manifest format version"),
    entries: z.record(z.string(), ManifestEntry).describe("Cached splits keyed '<key>/<split>'"),
  })
  .meta({ id: "HubManifest" });
export type HubManifest = z.infer<typeof HubManifest>;

export const emptyManifest = (): HubManifest => ({ version: 1, entries: {} });

/** Key of a split in the manifest, e.g. "gsm8k/train". */
export const entryKey = (key: string, split: string) => `${key}/${split}`;

/** The data directory: ECHO_DATA_DIR, else ./data. */
export function dataDirFromEnv(env: Readonly<Record<string, string | undefined>>): string {
  return env.ECHO_DATA_DIR?.trim() || "./data";
}

/** Paths of the cache, all under <dataDir>/datasets. */
export function hubCachePaths(dataDir: string) {
  const root = join(dataDir, "datasets");
  return {
    root,
    manifest: join(root, "manifest.json"),
    /** Raw Parquet: raw/<owner>--<name>/<sha>/<path in repo>, relative to root. */
    rawRelative: (repo: string, sha: string, path: string) => join("raw", repo.replace("/", "--"), sha, path),
    /** Normalised tasks: tasks/<key>/<split>.jsonl, relative to root. */
    tasksRelative: (key: string, split: string) => join("tasks", key, `${split}.jsonl`),
    resolve: (relative: string) => join(root, relative),
  };
}

/** Reads the manifest; a missing file is an empty manifest, a damaged one too (with a warning). */
export function readManifest(dataDir: string): { manifest: HubManifest; warnings: string[] } {
  const path = hubCachePaths(dataDir).manifest;
  if (!existsSync(path)) return { manifest: emptyManifest(), warnings: [] };
  try {
    const parsed = HubManifest.safeParse(JSON.parse(readFileSync(path, "utf8")));
    if (parsed.success) return { manifest: parsed.data, warnings: [] };
    return {
      manifest: emptyManifest(),
      warnings: [`${path} is not a valid manifest; ignoring the Hub cache`],
    };
  } catch (error) {
    return { manifest: emptyManifest(), warnings: [`${path} cannot be read: ${(error as Error).message}`] };
  }
}

/** The temporary name a file is written under before the rename that makes it visible. */
export const temporaryPath = (path: string) => `${path}.incomplete`;

/** Writes a file atomically: to <path>.incomplete, then a rename; an interrupted write leaves no <path>. */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = temporaryPath(path);
  try {
    await writeFile(temporary, data, "utf8");
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export async function writeManifest(dataDir: string, manifest: HubManifest): Promise<void> {
  await writeFileAtomic(hubCachePaths(dataDir).manifest, `${JSON.stringify(manifest, null, 2)}\n`);
}
