// One dataset split downloaded from a fake Hub serving the fixture repos into a fresh folder, then cleaned up.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type DownloadSummary,
  downloadDatasets,
} from "../../../../../src/tasks/sources/hub/download-datasets.js";
import { createHubClient } from "../../../../../src/tasks/sources/hub/hub-client.js";
import { startFakeHub } from "./fake-hub.js";
import { fixtureRepos } from "./hub-repos.js";

export interface FixtureDownload {
  dataDir: string;
  summary: DownloadSummary;
}

/**
 * Downloads `key`'s `split` (100 per bucket, read in chunks of `chunkRows`), hands the result to `check`, and
 * stops the server and removes the folder whatever `check` does.
 */
export async function withFixtureDownload(
  key: string,
  split: string,
  chunkRows: number,
  check: (download: FixtureDownload) => void,
): Promise<void> {
  const hub = await startFakeHub(fixtureRepos());
  const dataDir = mkdtempSync(join(tmpdir(), `echo-${key}-`));
  try {
    const summary = await downloadDatasets({
      dataDir,
      keys: [key],
      splits: [split],
      perBucket: 100,
      downloadedAt: "2025-01-02T03:04:05.000Z",
      client: createHubClient({ hubUrl: hub.url }),
      chunkRows,
    });
    check({ dataDir, summary });
  } finally {
    await hub.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
