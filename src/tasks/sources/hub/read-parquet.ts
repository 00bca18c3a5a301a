// Reads Parquet files with hyparquet a few row groups at a time and only the columns asked for.
import { basename } from "node:path";
import {
  type AsyncBuffer,
  asyncBufferFromFile,
  type FileMetaData,
  parquetMetadataAsync,
  parquetReadObjects,
  parquetSchema,
} from "hyparquet";
import { compressors } from "hyparquet-compressors";
import type { HubRow } from "./hub-task.js";
import { plainValue } from "./row-values.js";

export interface ParquetChunk {
  /** Index of the chunk's first row within the file. */
  rowStart: number;
  /** JSON-safe rows (BigInt converted). */
  rows: HubRow[];
}

export interface ReadChunksOptions {
  /** Columns to decode; every one must exist in the file. */
  columns: readonly string[];
  /** Rows per chunk, rounded up to whole row groups so no row group is decoded twice. */
  chunkRows?: number;
  signal?: AbortSignal;
}

interface OpenFile {
  file: AsyncBuffer;
  metadata: FileMetaData;
}

async function openParquet(path: string): Promise<OpenFile> {
  const file = await asyncBufferFromFile(path);
  try {
    return { file, metadata: await parquetMetadataAsync(file) };
  } catch (error) {
    throw new Error(`${basename(path)} is not a readable Parquet file: ${(error as Error).message}`);
  }
}

/** Number of rows in a Parquet file (read from the footer only). */
export async function parquetRowCount(path: string): Promise<number> {
  return Number((await openParquet(path)).metadata.num_rows);
}

/** Top-level column names of a Parquet file. */
export function parquetColumns(metadata: FileMetaData): string[] {
  return parquetSchema(metadata).children.map((child) => child.element.name);
}

/** Row ranges covering whole row groups, each at least `chunkRows` long (except the last). */
export function rowGroupRanges(rowGroupSizes: readonly number[], chunkRows: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  let end = 0;
  for (const size of rowGroupSizes) {
    end += size;
    if (end - start >= chunkRows) {
      ranges.push([start, end]);
      start = end;
    }
  }
  if (end > start) ranges.push([start, end]);
  return ranges;
}

/**
 * Yields the file's rows in chunks of whole row groups, decoding only `columns`, so a 180k-row split
 * never sits in memory at once. Throws when a column is missing or a page uses an unsupported codec.
 */
export async function* readParquetChunks(
  path: string,
  options: ReadChunksOptions,
): AsyncGenerator<ParquetChunk> {
  const { file, metadata } = await openParquet(path);
  const present = parquetColumns(metadata);
  const missing = options.columns.filter((column) => !present.includes(column));
  if (missing.length > 0) {
    throw new Error(`${basename(path)} lacks column(s) ${missing.join(", ")} (has: ${present.join(", ")})`);
  }
  const sizes = metadata.row_groups.map((group) => Number(group.num_rows));
  for (const [rowStart, rowEnd] of rowGroupRanges(sizes, options.chunkRows ?? 10_000)) {
    options.signal?.throwIfAborted();
    let rows: Record<string, unknown>[];
    try {
      // Hub files are mostly snappy, but zstd, gzip, brotli and lz4 files exist too.
      rows = await parquetReadObjects({
        file,
        metadata,
        columns: [...options.columns],
        rowStart,
        rowEnd,
        compressors,
      });
    } catch (error) {
      throw new Error(
        `cannot decode ${basename(path)} rows ${rowStart}-${rowEnd}: ${(error as Error).message}`,
      );
    }
    yield { rowStart, rows: rows.map((row) => plainValue(row) as HubRow) };
  }
}
