// `echo-env tasks download`: fetch real datasets from the Hugging Face Hub into the local cache, resumably.
import type { Command } from "commander";
import {
  DATASET_NAMES,
  DEFAULT_DATASET_NAMES,
  HUB_DATASETS,
  resolveDatasetNames,
} from "../../tasks/sources/hub/dataset-specs.js";
import { downloadDatasets, planDownloads } from "../../tasks/sources/hub/download-datasets.js";
import type { DownloadEvent } from "../../tasks/sources/hub/download-event.js";
import { dataDirFromEnv, hubCachePaths } from "../../tasks/sources/hub/hub-cache.js";
import { accessTokenProblem, createHubClient, DEFAULT_HUB_URL } from "../../tasks/sources/hub/hub-client.js";
import type { CliIo } from "../io.js";

export interface TasksDownloadOptions {
  /** Comma-separated dataset names (see DATASET_NAMES). */
  datasets?: string | undefined;
  /** Comma-separated splits. */
  split?: string | undefined;
  perBucket?: string | number | undefined;
  dataDir?: string | undefined;
  hubUrl?: string | undefined;
  revision?: string | undefined;
  force?: boolean | undefined;
}

/** The shared CLI io plus what a download needs: the clock, Ctrl-C, and (in tests) fetch. */
export interface TasksDownloadIo extends CliIo {
  now: () => Date;
  signal?: AbortSignal | undefined;
  /** Replaces global fetch (tests). */
  fetch?: typeof fetch | undefined;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERRUPTED = 130;

const list = (value: string | undefined, fallback: readonly string[]) => {
  const items = (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  return items.length > 0 ? items : [...fallback];
};

/** The command's logic, with every effect passed in; resolves to the exit code. */
export async function runTasksDownload(options: TasksDownloadOptions, io: TasksDownloadIo): Promise<number> {
  const fail = (message: string) => {
    io.stderr.write(`error: ${message}\n`);
    return EXIT_USAGE;
  };
  const names = resolveDatasetNames(list(options.datasets, DEFAULT_DATASET_NAMES));
  if (!names.ok) {
    return fail(
      `unknown dataset(s) ${names.unknown.join(", ")}; valid: ${Object.keys(DATASET_NAMES).join(", ")}`,
    );
  }
  const splits = list(options.split, ["train"]);
  const { problems } = planDownloads(names.keys, splits);
  if (problems.length > 0) return fail(problems.join("\nerror: "));
  const perBucket = Number(options.perBucket ?? 500);
  if (!Number.isInteger(perBucket) || perBucket < 1 || perBucket > 1_000_000) {
    return fail(`--per-bucket must be a whole number from 1 to 1000000, got ${options.perBucket}`);
  }
  const token = io.env.HF_TOKEN?.trim() || undefined;
  const tokenProblem = token === undefined ? null : accessTokenProblem(token);
  if (tokenProblem) return fail(tokenProblem);
  const hubUrl = (options.hubUrl ?? (io.env.HF_ENDPOINT?.trim() || DEFAULT_HUB_URL)).replace(/\/+$/, "");
  if (!/^https?:\/\/[^/]/.test(hubUrl) || !URL.canParse(hubUrl)) {
    return fail(`the hub URL must be an http(s) URL, got '${hubUrl}'`);
  }
  const dataDir = options.dataDir ?? dataDirFromEnv(io.env);

  const client = createHubClient({ hubUrl, accessToken: token, fetch: io.fetch, signal: io.signal });
  const summary = await downloadDatasets({
    dataDir,
    keys: names.keys,
    splits,
    perBucket,
    revision: options.revision,
    force: options.force,
    downloadedAt: io.now().toISOString(),
    client,
    signal: io.signal,
    onEvent: createProgressPrinter(io),
  });

  const failed = summary.outcomes.filter((outcome) => outcome.status === "failed");
  for (const outcome of failed) io.stderr.write(`error: ${outcome.error}\n`);
  const tasks = summary.outcomes.reduce(
    (sum, o) => sum + (o.status === "failed" ? 0 : o.entry.task_count),
    0,
  );
  const root = hubCachePaths(dataDir).root;
  io.stdout.write(
    `${tasks} tasks from ${summary.outcomes.length - failed.length} split(s) cached in ${root}\n`,
  );
  if (summary.aborted) {
    io.stderr.write("interrupted: completed datasets are kept; run the same command again to resume\n");
    return EXIT_INTERRUPTED;
  }
  return failed.length > 0 ? EXIT_FAILED : EXIT_OK;
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** Prints progress lines: each file in quarters, rows every 50,000, one line per finished split. */
export function createProgressPrinter(io: Pick<TasksDownloadIo, "stdout" | "stderr">) {
  const quarterShown = new Map<string, number>();
  const rowsShown = new Map<string, number>();
  return (event: DownloadEvent) => {
    const at = event.key ? `${event.key}/${event.split}: ` : "";
    switch (event.type) {
      case "warning":
        io.stderr.write(`warning: ${at}${event.message}\n`);
        return;
      case "cached":
        io.stdout.write(`${at}already cached (${event.task_count} tasks); --force downloads it again\n`);
        return;
      case "resolved":
        io.stdout.write(`${at}commit ${event.commit}\n`);
        return;
      case "file":
        io.stdout.write(
          `${at}${event.path} (${megabytes(event.size)})${event.cached ? " already downloaded" : ""}\n`,
        );
        return;
      case "bytes": {
        const quarter = event.total > 0 ? Math.floor((4 * event.received) / event.total) : 4;
        if (quarter > (quarterShown.get(at + event.path) ?? 0)) {
          quarterShown.set(at + event.path, quarter);
          io.stdout.write(`${at}${event.path} ${quarter * 25}% (${megabytes(event.received)})\n`);
        }
        return;
      }
      case "rows": {
        const step = Math.floor(event.rows_read / 50_000);
        if (step > (rowsShown.get(at) ?? 0)) {
          rowsShown.set(at, step);
          io.stdout.write(`${at}${event.rows_read} rows read\n`);
        }
        return;
      }
      case "done": {
        const { easy, medium, hard } = event.selected;
        io.stdout.write(`${at}${event.task_count} tasks (easy ${easy}, medium ${medium}, hard ${hard})\n`);
        return;
      }
    }
  };
}

const difficultyHelp = () =>
  `\nDatasets and difficulty rules:\n${HUB_DATASETS.map(
    (spec) =>
      `  ${spec.key.padEnd(14)} ${spec.repo} (${spec.config}, ${spec.license}): ${spec.difficultyRule}`,
  ).join("\n")}\n`;

/** Adds `download` to the `tasks` command; Ctrl-C aborts cleanly and a rerun resumes. */
export function registerTasksDownload(tasks: Command): Command {
  return tasks
    .command("download")
    .description(
      "Download real datasets from the Hugging Face Hub into the local cache (resumable, then offline)",
    )
    .option(
      "--datasets <names>",
      `comma-separated: ${Object.keys(DATASET_NAMES).join(", ")}`,
      DEFAULT_DATASET_NAMES.join(","),
    )
    .option("--split <splits>", "split(s) to take tasks from, comma-separated", "train")
    .option("--per-bucket <n>", "tasks per domain x difficulty bucket", "500")
    .option("--data-dir <dir>", "data directory (default: $ECHO_DATA_DIR or ./data)")
    .option("--hub-url <url>", `Hub endpoint (default: $HF_ENDPOINT or ${DEFAULT_HUB_URL})`)
    .option(
      "--revision <rev>",
      "branch, tag or commit SHA for every selected dataset (default: each one's own)",
    )
    .option("--force", "download and normalise again even when the cache matches")
    .addHelpText("after", difficultyHelp())
    .action(async (options: TasksDownloadOptions) => {
      const controller = new AbortController();
      const interrupt = () => controller.abort(new Error("interrupted"));
      process.once("SIGINT", interrupt);
      try {
        process.exitCode = await runTasksDownload(options, {
          stdout: process.stdout,
          stderr: process.stderr,
          env: process.env,
          now: () => new Date(),
          signal: controller.signal,
        });
      } finally {
        process.off("SIGINT", interrupt);
      }
    });
}
