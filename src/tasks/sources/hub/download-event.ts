// What a download reports as it goes; its own file so the orchestrator and the split normaliser share it.
import type { DifficultyCounts } from "./select-tasks.js";

/** One split of one dataset, by registry key. */
export type DatasetSplit = { key: string; split: string };

export type DownloadEvent =
  | ({ type: "warning"; message: string } & Partial<DatasetSplit>)
  | ({ type: "cached"; task_count: number } & DatasetSplit)
  | ({ type: "resolved"; commit: string } & DatasetSplit)
  | ({ type: "file"; path: string; size: number; cached: boolean } & DatasetSplit)
  | ({ type: "bytes"; path: string; received: number; total: number } & DatasetSplit)
  | ({ type: "rows"; rows_read: number } & DatasetSplit)
  | ({ type: "done"; selected: DifficultyCounts; task_count: number } & DatasetSplit);
