import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  EXIT_FAILED,
  EXIT_INTERRUPTED,
  EXIT_OK,
  EXIT_USAGE,
  registerTasksDownload,
  runTasksDownload,
  type TasksDownloadOptions,
} from "../../src/cli/commands/tasks-download.js";
import { readManifest } from "../../src/tasks/sources/hub/hub-cache.js";
import { loadCachedHubTasks } from "../../src/tasks/sources/hub/load-cached.js";
import { type FakeHub, startFakeHub } from "../tasks/sources/hub/helpers/fake-hub.js";
import { fixtureRepos } from "../tasks/sources/hub/helpers/hub-repos.js";

const TOKEN = "hf_cli_token";
let hub: FakeHub | undefined;
const dirs: string[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await hub?.close();
  hub = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "echo-cli-"));
  dirs.push(dir);
  return dir;
};

function cli(options: TasksDownloadOptions, env: Record<string, string | undefined>, signal?: AbortSignal) {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    env,
    now: () => new Date("2025-03-04T05:06:07.000Z"),
    signal,
  };
  return runTasksDownload(options, io).then((code) => ({ code, stdout: out.join(""), stderr: err.join("") }));
}

describe("runTasksDownload", () => {
  it("downloads with the token from HF_TOKEN and the hub from HF_ENDPOINT, then works offline", async () => {
    hub = await startFakeHub(fixtureRepos(), { token: TOKEN });
    const dataDir = tempDir();
    const env = { HF_ENDPOINT: hub.url, HF_TOKEN: TOKEN };
    const first = await cli({ datasets: "gsm8k,sciq", perBucket: "2", dataDir }, env);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(EXIT_OK);
    expect(first.stdout).toContain("gsm8k/train: main/train-00000-of-00001.parquet (0.0 MB)");
    expect(first.stdout).toContain("gsm8k/train: main/train-00000-of-00001.parquet 100%");
    expect(first.stdout).toContain("gsm8k/train: 6 tasks (easy 2, medium 2, hard 2)");
    expect(first.stdout).toContain(`12 tasks from 2 split(s) cached in ${join(dataDir, "datasets")}`);
    expect(hub.requests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(readManifest(dataDir).manifest.entries["gsm8k/train"]?.downloaded_at).toBe(
      "2025-03-04T05:06:07.000Z",
    );

    await hub.close();
    hub = undefined;
    const again = await cli({ datasets: "gsm8k,sciq", perBucket: "2", dataDir }, env);
    expect(again.code).toBe(EXIT_OK);
    expect(again.stdout).toContain("gsm8k/train: already cached (6 tasks)");
    expect(loadCachedHubTasks(dataDir).tasks).toHaveLength(12);
  });

  it("reads the data directory from ECHO_DATA_DIR and lets --hub-url win over HF_ENDPOINT", async () => {
    hub = await startFakeHub(fixtureRepos());
    const dataDir = tempDir();
    const result = await cli(
      { datasets: "arc", perBucket: 1, hubUrl: `${hub.url}/` },
      { ECHO_DATA_DIR: dataDir, HF_ENDPOINT: "http://127.0.0.1:9" },
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(EXIT_OK);
    expect(Object.keys(readManifest(dataDir).manifest.entries)).toEqual([
      "arc-easy/train",
      "arc-challenge/train",
    ]);
  });

  it("fails with the dataset and the host when the hub cannot be reached", async () => {
    hub = await startFakeHub({});
    const url = hub.url;
    await hub.close();
    hub = undefined;
    const result = await cli({ datasets: "gsm8k", dataDir: tempDir() }, { HF_ENDPOINT: url });
    expect(result.code).toBe(EXIT_FAILED);
    expect(result.stderr).toContain(`error: gsm8k (openai/gsm8k): could not reach ${new URL(url).host}`);
  });

  it("reports a server that refuses the request without a token", async () => {
    hub = await startFakeHub(fixtureRepos(), { token: TOKEN });
    const result = await cli({ datasets: "gsm8k", dataDir: tempDir() }, { HF_ENDPOINT: hub.url });
    expect(result.code).toBe(EXIT_FAILED);
    expect(result.stderr).toMatch(/gsm8k \(openai\/gsm8k\): 127\.0\.0\.1:\d+ answered 401 .*HF_TOKEN/);
  });

  it.each([
    [
      { datasets: "gsm8k,mmlu" },
      {},
      "unknown dataset(s) mmlu; valid: gsm8k, arc, arc-easy, arc-challenge, trivia_qa, sciq, medmcqa",
    ],
    [{ datasets: "gsm8k", split: "validation" }, {}, "gsm8k (openai/gsm8k) has no validation split"],
    [{ split: "test" }, {}, "trivia_qa (mandarjoshi/trivia_qa): the test split has no answers"],
    [{ split: "test" }, {}, "medmcqa (openlifescienceai/medmcqa): the test split has no answers"],
    [{ perBucket: "0" }, {}, "--per-bucket must be a whole number"],
    [{ perBucket: "many" }, {}, "--per-bucket must be a whole number"],
    [{}, { HF_TOKEN: "not-a-token" }, "HF_TOKEN must be a Hugging Face access token starting with 'hf_'"],
    [{ hubUrl: "ftp://example" }, {}, "the hub URL must be an http(s) URL"],
  ] as const)("refuses %j %j before any request", async (options, env, message) => {
    const result = await cli(
      { ...options, dataDir: tempDir() },
      { HF_ENDPOINT: "http://127.0.0.1:9", ...env },
    );
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe("");
  });

  it("stops when interrupted and says how to resume", async () => {
    hub = await startFakeHub(fixtureRepos());
    const controller = new AbortController();
    controller.abort(new Error("interrupted"));
    const result = await cli(
      { datasets: "gsm8k", dataDir: tempDir() },
      { HF_ENDPOINT: hub.url },
      controller.signal,
    );
    expect(result.code).toBe(EXIT_INTERRUPTED);
    expect(result.stderr).toContain("interrupted: completed datasets are kept");
    expect(hub.requests).toEqual([]);
  });
});

describe("registerTasksDownload", () => {
  it("adds `download` with its options and documents the difficulty rules in --help", async () => {
    const tasks = new Command("tasks");
    registerTasksDownload(tasks);
    const download = tasks.commands.find((command) => command.name() === "download");
    expect(download).toBeDefined();
    expect(download?.options.map((option) => option.long)).toEqual([
      "--datasets",
      "--split",
      "--per-bucket",
      "--data-dir",
      "--hub-url",
      "--revision",
      "--force",
    ]);
    let help = "";
    download?.exitOverride().configureOutput({
      writeOut: (text) => {
        help += text;
      },
    });
    await expect(tasks.parseAsync(["download", "--help"], { from: "user" })).rejects.toThrow();
    expect(help).toContain("gsm8k");
    expect(help).toContain("<= 2 easy, 3-4 medium, >= 5 hard");
  });
});

describe("the download command on SIGINT", () => {
  it("aborts the download in flight, removes the partial file and exits 130", async () => {
    vi.stubEnv("HF_TOKEN", "");
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    hub = await startFakeHub(fixtureRepos(), {
      beforeBody: () => {
        // half the file has been sent: interrupt as Ctrl-C would
        setTimeout(() => process.emit("SIGINT", "SIGINT"), 20);
        return held;
      },
    });
    const dataDir = tempDir();
    const tasks = new Command("tasks");
    registerTasksDownload(tasks);
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const writeErr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const listeners = process.listenerCount("SIGINT");
    try {
      await tasks.parseAsync(
        ["download", "--datasets", "gsm8k", "--data-dir", dataDir, "--hub-url", hub.url],
        {
          from: "user",
        },
      );
      expect(process.exitCode).toBe(EXIT_INTERRUPTED);
    } finally {
      release();
      write.mockRestore();
      writeErr.mockRestore();
      process.exitCode = undefined;
    }
    expect(process.listenerCount("SIGINT")).toBe(listeners);
    expect(existsSync(join(dataDir, "datasets", "manifest.json"))).toBe(false);
    const raw = join(dataDir, "datasets", "raw", "openai--gsm8k");
    expect(
      existsSync(raw)
        ? readdirRecursive(raw).filter((f) => f.endsWith(".parquet") || f.endsWith(".incomplete"))
        : [],
    ).toEqual([]);
  });
});

function readdirRecursive(root: string): string[] {
  return readdirSync(root, { recursive: true }).map(String);
}
