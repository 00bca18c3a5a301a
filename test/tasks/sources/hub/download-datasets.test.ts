import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { downloadDatasets, planDownloads } from "../../../../src/tasks/sources/hub/download-datasets.js";
import type { DownloadEvent } from "../../../../src/tasks/sources/hub/download-event.js";
import { readManifest } from "../../../../src/tasks/sources/hub/hub-cache.js";
import { createHubClient } from "../../../../src/tasks/sources/hub/hub-client.js";
import { loadCachedHubTasks } from "../../../../src/tasks/sources/hub/load-cached.js";
import { type FakeHub, type FakeHubOptions, startFakeHub } from "./helpers/fake-hub.js";
import { fixtureRepos, SHAS } from "./helpers/hub-repos.js";
import { medmcqaParquet } from "./helpers/parquet-fixtures.js";
import { medmcqaRows } from "./helpers/sample-rows.js";

const ALL = ["gsm8k", "arc-easy", "arc-challenge", "trivia_qa", "sciq", "medmcqa"];
const AT = "2025-01-02T03:04:05.000Z";
let hub: FakeHub | undefined;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "echo-download-"));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  await hub?.close();
  hub = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const run = (dataDir: string, url: string, extra: Partial<Parameters<typeof downloadDatasets>[0]> = {}) =>
  downloadDatasets({
    dataDir,
    keys: ALL,
    splits: ["train"],
    perBucket: 3,
    downloadedAt: AT,
    client: createHubClient({ hubUrl: url, signal: extra.signal }),
    chunkRows: 10,
    ...extra,
  });

const startHub = async (options?: FakeHubOptions) => {
  const started = await startFakeHub(fixtureRepos(), options);
  hub = started;
  return started;
};

/** Every file under a folder, relative. */
const filesUnder = (root: string): string[] =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1));

describe("downloadDatasets end to end", () => {
  it("downloads, normalises and caches; then loads and resumes with the server stopped", async () => {
    const server = await startHub();
    const dataDir = tempDir();
    const summary = await run(dataDir, server.url);
    expect(summary.aborted).toBe(false);
    expect(summary.outcomes.map((o) => [o.key, o.status])).toEqual(ALL.map((key) => [key, "downloaded"]));

    const { manifest } = readManifest(dataDir);
    expect(Object.keys(manifest.entries)).toEqual(ALL.map((key) => `${key}/train`));
    expect(manifest.entries["sciq/train"]).toMatchObject({
      repo: "allenai/sciq",
      requested_revision: "refs/convert/parquet",
      commit_sha: SHAS.sciqConvert,
      files: [{ path: "default/train/0000.parquet" }],
      row_count: 30,
      selected: { easy: 3, medium: 3, hard: 3 },
      license: "CC-BY-NC-3.0",
      downloaded_at: AT,
    });
    expect(manifest.entries["medmcqa/train"]).toMatchObject({
      row_count: 40,
      skipped_rows: 0,
      eligible: { easy: 14, medium: 13, hard: 13 },
    });
    expect(manifest.entries["arc-easy/train"]?.selected).toEqual({ easy: 3, medium: 0, hard: 0 });
    expect(manifest.entries["arc-challenge/train"]?.selected).toEqual({ easy: 0, medium: 3, hard: 3 });
    const raw = join(
      dataDir,
      "datasets",
      "raw",
      "openai--gsm8k",
      SHAS.gsm8k,
      "main",
      "train-00000-of-00001.parquet",
    );
    expect(existsSync(raw)).toBe(true);
    expect(filesUnder(join(dataDir, "datasets")).filter((f) => f.endsWith(".incomplete"))).toEqual([]);

    await server.close();
    hub = undefined;

    const cached = loadCachedHubTasks(dataDir);
    expect(cached.warnings).toEqual([]);
    expect(cached.tasks).toHaveLength(9 + 3 + 6 + 9 + 9 + 9);
    const medmcqa = cached.tasks.filter((t) => t.source.dataset === "openlifescienceai/medmcqa");
    for (const task of medmcqa) {
      expect(task.id).toBe(`medmcqa/train/${task.source.index}`);
      expect(task.answer_index).toBe(task.source.index % 4); // cop = index % 4 in the fixture, read as BigInt
      expect(task.source.revision).toBe(SHAS.medmcqa);
    }

    const events: DownloadEvent[] = [];
    const resumed = await run(dataDir, server.url, { onEvent: (event) => events.push(event) });
    expect(resumed.outcomes.map((o) => o.status)).toEqual(ALL.map(() => "cached"));
    expect(events.every((event) => event.type === "cached")).toBe(true);
  });

  it("selects the same tasks on every run", async () => {
    const server = await startHub();
    const [first, second] = [tempDir(), tempDir()];
    await run(first, server.url, { keys: ["sciq", "medmcqa"] });
    await run(second, server.url, { keys: ["sciq", "medmcqa"] });
    for (const file of ["tasks/sciq/train.jsonl", "tasks/medmcqa/train.jsonl"]) {
      const text = readFileSync(join(first, "datasets", file), "utf8");
      expect(text.split("\n").filter(Boolean)).toHaveLength(9);
      expect(readFileSync(join(second, "datasets", file), "utf8")).toBe(text);
    }
  });

  it("re-selects offline from cached Parquet when only --per-bucket changes", async () => {
    const server = await startHub();
    const dataDir = tempDir();
    await run(dataDir, server.url, { keys: ["gsm8k"] });
    await server.close();
    hub = undefined;
    const summary = await run(dataDir, server.url, { keys: ["gsm8k"], perBucket: 5 });
    expect(summary.outcomes[0]).toMatchObject({
      status: "reselected",
      entry: { per_bucket: 5, task_count: 15 },
    });
    expect(loadCachedHubTasks(dataDir).tasks).toHaveLength(15);
  });

  it("with force and no server, fails naming the dataset and the host, and keeps the old cache", async () => {
    const server = await startHub();
    const dataDir = tempDir();
    await run(dataDir, server.url, { keys: ["gsm8k"] });
    await server.close();
    hub = undefined;
    const summary = await run(dataDir, server.url, { keys: ["gsm8k"], force: true });
    const outcome = summary.outcomes[0];
    expect(outcome?.status).toBe("failed");
    expect(outcome?.status === "failed" && outcome.error).toMatch(
      new RegExp(`^gsm8k \\(openai/gsm8k\\): could not reach ${new URL(server.url).host}`),
    );
    expect(loadCachedHubTasks(dataDir).tasks).toHaveLength(9);
  });

  it("reuses downloaded Parquet when the manifest was lost", async () => {
    const server = await startHub();
    const dataDir = tempDir();
    await run(dataDir, server.url, { keys: ["gsm8k"] });
    rmSync(join(dataDir, "datasets", "manifest.json"));
    const events: DownloadEvent[] = [];
    const before = server.requests.length;
    await run(dataDir, server.url, { keys: ["gsm8k"], onEvent: (event) => events.push(event) });
    expect(events.find((event) => event.type === "file")).toMatchObject({ cached: true });
    expect(server.requests.slice(before).some((r) => r.url.includes("/resolve/"))).toBe(false);
  });

  it("on abort keeps completed datasets, removes partial files, and resumes", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const server = await startHub({
      beforeBody: (path) => (path.startsWith("ARC-Easy/") ? held : Promise.resolve()),
    });
    const dataDir = tempDir();
    const controller = new AbortController();
    const keys = ["gsm8k", "arc-easy"];
    let summary: Awaited<ReturnType<typeof downloadDatasets>>;
    try {
      summary = await run(dataDir, server.url, {
        keys,
        signal: controller.signal,
        onEvent: (event) => {
          if (event.type === "bytes" && event.key === "arc-easy") controller.abort(new Error("interrupted"));
        },
      });
    } finally {
      release();
    }
    expect(summary.aborted).toBe(true);
    expect(summary.outcomes.map((o) => [o.key, o.status])).toEqual([["gsm8k", "downloaded"]]);
    const files = filesUnder(join(dataDir, "datasets"));
    expect(
      files.filter((f) => f.includes("ai2_arc") || f.includes("arc-easy") || f.endsWith(".incomplete")),
    ).toEqual([]);
    expect(Object.keys(readManifest(dataDir).manifest.entries)).toEqual(["gsm8k/train"]);

    const resumed = await run(dataDir, server.url, { keys });
    expect(resumed.outcomes.map((o) => [o.key, o.status])).toEqual([
      ["gsm8k", "cached"],
      ["arc-easy", "downloaded"],
    ]);
  });

  it("refuses a split whose rows are all unlabeled", async () => {
    const repos = fixtureRepos();
    const medmcqa = repos["openlifescienceai/medmcqa"];
    if (medmcqa)
      medmcqa.files["data/validation-00000-of-00001.parquet"] = medmcqaParquet(medmcqaRows(5, true));
    hub = await startFakeHub(repos);
    const dataDir = tempDir();
    const summary = await run(dataDir, hub.url, { keys: ["medmcqa"], splits: ["validation"] });
    const outcome = summary.outcomes[0];
    expect(outcome?.status === "failed" && outcome.error).toBe(
      "medmcqa (openlifescienceai/medmcqa): the validation split has no usable rows (5 unlabeled or malformed); refusing it",
    );
    expect(existsSync(join(dataDir, "datasets", "tasks", "medmcqa", "validation.jsonl"))).toBe(false);
  });

  it("takes several splits, each under its own stable ids", async () => {
    const server = await startHub();
    const dataDir = tempDir();
    const summary = await run(dataDir, server.url, { keys: ["trivia_qa"], splits: ["train", "validation"] });
    expect(summary.outcomes.map((o) => o.status)).toEqual(["downloaded", "downloaded"]);
    const ids = loadCachedHubTasks(dataDir).tasks.map((t) => t.id);
    expect(ids.some((id) => id.startsWith("trivia_qa/validation/"))).toBe(true);
    expect(ids.some((id) => id.startsWith("trivia_qa/train/"))).toBe(true);
  });
});

describe("planDownloads", () => {
  it("refuses unlabeled and absent splits, naming dataset and split", () => {
    const { jobs, problems } = planDownloads(["gsm8k", "trivia_qa", "medmcqa", "nope"], ["test"]);
    expect(jobs.map((job) => `${job.spec.key}/${job.split}`)).toEqual(["gsm8k/test"]);
    expect(problems).toEqual([
      expect.stringContaining("trivia_qa (mandarjoshi/trivia_qa): the test split has no answers"),
      expect.stringContaining("medmcqa (openlifescienceai/medmcqa): the test split has no answers"),
      "unknown dataset key nope",
    ]);
  });

  it("makes downloadDatasets throw before any request", async () => {
    await expect(
      downloadDatasets({
        dataDir: tempDir(),
        keys: ["trivia_qa"],
        splits: ["test"],
        perBucket: 1,
        downloadedAt: AT,
        client: createHubClient({ hubUrl: "http://127.0.0.1:9" }),
      }),
    ).rejects.toThrow(/trivia_qa .* the test split has no answers/);
  });
});
