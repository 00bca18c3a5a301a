import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  accessTokenProblem,
  createHubClient,
  HubRequestError,
  isCommitSha,
} from "../../../../src/tasks/sources/hub/hub-client.js";
import { type FakeHub, startFakeHub } from "./helpers/fake-hub.js";
import { fixtureRepos, SHAS } from "./helpers/hub-repos.js";

const TOKEN = "hf_testtoken123";
const GSM8K_TRAIN = "main/train-00000-of-00001.parquet";
let hub: FakeHub | undefined;
let dir: string | undefined;
const tempDir = () => {
  dir = mkdtempSync(join(tmpdir(), "echo-client-"));
  return dir;
};
afterEach(async () => {
  await hub?.close();
  hub = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("accessTokenProblem / isCommitSha", () => {
  it("wants hf_ tokens and 40-hex SHAs", () => {
    expect(accessTokenProblem("hf_abc")).toBeNull();
    expect(accessTokenProblem("abc")).toMatch(/starting with 'hf_'/);
    expect(isCommitSha(SHAS.gsm8k)).toBe(true);
    expect(isCommitSha("main")).toBe(false);
    expect(isCommitSha("A".repeat(40))).toBe(false);
  });
});

describe("createHubClient against a local hub", () => {
  it("resolves branches (URL-encoding refs/convert/parquet) and passes SHAs through without a request", async () => {
    hub = await startFakeHub(fixtureRepos());
    const client = createHubClient({ hubUrl: hub.url });
    expect(await client.resolveCommit("openai/gsm8k", "main")).toBe(SHAS.gsm8k);
    expect(await client.resolveCommit("allenai/sciq", "refs/convert/parquet")).toBe(SHAS.sciqConvert);
    expect(hub.requests.map((r) => r.url.split("?")[0])).toEqual([
      "/api/datasets/openai/gsm8k/revision/main",
      "/api/datasets/allenai/sciq/revision/refs%2Fconvert%2Fparquet",
    ]);
    expect(await client.resolveCommit("openai/gsm8k", SHAS.gsm8k)).toBe(SHAS.gsm8k);
    expect(hub.requests).toHaveLength(2);
  });

  it("lists the files of a folder with their sizes", async () => {
    const repos = fixtureRepos();
    hub = await startFakeHub(repos);
    const files = await createHubClient({ hubUrl: hub.url }).listFiles("openai/gsm8k", SHAS.gsm8k, "main");
    expect(files.map((f) => f.path).sort()).toEqual([
      "main/test-00000-of-00001.parquet",
      "main/train-00000-of-00001.parquet",
    ]);
    expect(files.find((f) => f.path === GSM8K_TRAIN)?.size).toBe(
      repos["openai/gsm8k"]?.files[GSM8K_TRAIN]?.byteLength,
    );
  });

  it("downloads a file with progress and sends HF_TOKEN as Authorization: Bearer on every request", async () => {
    const repos = fixtureRepos();
    hub = await startFakeHub(repos, { token: TOKEN });
    const destination = join(tempDir(), "out", "train.parquet");
    const progress: Array<[number, number]> = [];
    const client = createHubClient({ hubUrl: hub.url, accessToken: TOKEN });
    const commit = await client.resolveCommit("openai/gsm8k", "main");
    const size = await client.download("openai/gsm8k", commit, GSM8K_TRAIN, destination, (r, t) =>
      progress.push([r, t]),
    );
    const expected = repos["openai/gsm8k"]?.files[GSM8K_TRAIN];
    expect(size).toBe(expected?.byteLength);
    expect(new Uint8Array(readFileSync(destination))).toEqual(expected);
    expect(progress.at(-1)).toEqual([size, size]);
    expect(existsSync(`${destination}.incomplete`)).toBe(false);
    expect(hub.requests.length).toBeGreaterThanOrEqual(3);
    expect(hub.requests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("turns a 401 into an error naming the host, the status and HF_TOKEN", async () => {
    hub = await startFakeHub(fixtureRepos(), { token: TOKEN });
    const client = createHubClient({ hubUrl: hub.url });
    const error = await client.resolveCommit("openai/gsm8k", "main").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubRequestError);
    expect((error as HubRequestError).status).toBe(401);
    expect((error as Error).message).toContain(`${new URL(hub.url).host} answered 401`);
    expect((error as Error).message).toContain("HF_TOKEN");
  });

  it("reports a missing file and an unknown revision", async () => {
    hub = await startFakeHub(fixtureRepos());
    const client = createHubClient({ hubUrl: hub.url });
    const missing = client.download("openai/gsm8k", SHAS.gsm8k, "main/nope.parquet", join(tempDir(), "x"));
    await expect(missing).rejects.toThrow(/main\/nope\.parquet is not in openai\/gsm8k/);
    await expect(client.resolveCommit("openai/gsm8k", "v9")).rejects.toThrow(/answered 404/);
  });

  it("names the host when nothing listens there", async () => {
    hub = await startFakeHub({});
    const url = hub.url;
    await hub.close();
    hub = undefined;
    const error = await createHubClient({ hubUrl: url })
      .resolveCommit("openai/gsm8k", "main")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubRequestError);
    expect((error as Error).message).toMatch(
      new RegExp(`could not reach ${new URL(url).host} .*ECONNREFUSED`),
    );
  });

  it("a connection dropped mid-file leaves no file and names the host", async () => {
    hub = await startFakeHub(fixtureRepos(), { beforeBody: () => Promise.reject(new Error("drop")) });
    const destination = join(tempDir(), "train.parquet");
    const run = createHubClient({ hubUrl: hub.url }).download(
      "openai/gsm8k",
      SHAS.gsm8k,
      GSM8K_TRAIN,
      destination,
    );
    await expect(run).rejects.toThrow(new RegExp(`could not reach ${new URL(hub.url).host} to download`));
    expect(existsSync(destination)).toBe(false);
    expect(existsSync(`${destination}.incomplete`)).toBe(false);
  });

  it("aborts a download in flight and leaves no file behind", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    hub = await startFakeHub(fixtureRepos(), { beforeBody: () => held });
    const controller = new AbortController();
    const destination = join(tempDir(), "train.parquet");
    const client = createHubClient({ hubUrl: hub.url, signal: controller.signal });
    try {
      const run = client.download("openai/gsm8k", SHAS.gsm8k, GSM8K_TRAIN, destination, () =>
        controller.abort(),
      );
      await expect(run).rejects.toThrow();
    } finally {
      release();
    }
    expect(controller.signal.aborted).toBe(true);
    expect(existsSync(destination)).toBe(false);
    expect(existsSync(`${destination}.incomplete`)).toBe(false);
  });
});
