// The download layer over @huggingface/hub: resolve a revision to a commit, list files, stream one to disk.
import { mkdir, open, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { datasetInfo, downloadFile, HubApiError, listFiles } from "@huggingface/hub";
import { temporaryPath } from "./hub-cache.js";

export const DEFAULT_HUB_URL = "https://huggingface.co";
const COMMIT_SHA = /^[0-9a-f]{40}$/;

export interface HubClientOptions {
  hubUrl: string;
  /** Sent as `Authorization: Bearer`; the library insists it starts with "hf_". */
  accessToken?: string | undefined;
  fetch?: typeof fetch | undefined;
  /** Aborts every request and download in flight. */
  signal?: AbortSignal | undefined;
}

export interface HubFile {
  path: string;
  size: number;
}

export interface HubClient {
  /** Host of the hub URL, for error messages. */
  readonly host: string;
  /** The 40-hex commit SHA a branch, tag or SHA points at. */
  resolveCommit(repo: string, revision: string): Promise<string>;
  /** Files directly inside `dir` of the repo at `commit`. */
  listFiles(repo: string, commit: string, dir: string): Promise<HubFile[]>;
  /** Streams a file to `destination` (via a temporary name); returns its size. */
  download(
    repo: string,
    commit: string,
    path: string,
    destination: string,
    onBytes?: (received: number, total: number) => void,
  ): Promise<number>;
}

/** A failed Hub request, naming the host (and the HTTP status when there was one). */
export class HubRequestError extends Error {
  constructor(
    message: string,
    readonly host: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = "HubRequestError";
  }
}

/** Why an access token would be refused, or null when it looks right. */
export function accessTokenProblem(token: string): string | null {
  return token.startsWith("hf_") ? null : "HF_TOKEN must be a Hugging Face access token starting with 'hf_'";
}

export function isCommitSha(revision: string): boolean {
  return COMMIT_SHA.test(revision);
}

export function createHubClient(options: HubClientOptions): HubClient {
  const host = new URL(options.hubUrl).host;
  const baseFetch = options.fetch ?? globalThis.fetch;
  const signal = options.signal;
  const fetchWithSignal: typeof fetch = (input, init) =>
    baseFetch(input, signal ? { ...init, signal } : init);
  const common = { hubUrl: options.hubUrl, accessToken: options.accessToken, fetch: fetchWithSignal };
  const dataset = (name: string) => ({ type: "dataset" as const, name });

  const describe = (error: unknown, what: string): unknown => {
    if (signal?.aborted) return signal.reason;
    if (error instanceof HubRequestError) return error;
    if (error instanceof HubApiError) {
      const status = error.statusCode;
      const hint = status === 401 || status === 403 ? " (gated or private? set HF_TOKEN)" : "";
      return new HubRequestError(
        `${host} answered ${status} to ${what}${hint}: ${error.message}`,
        host,
        status,
      );
    }
    const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
    if (error instanceof TypeError && cause) {
      // undici's "fetch failed" / "terminated": the cause says what went wrong on the wire
      return new HubRequestError(
        `could not reach ${host} to ${what}: ${cause.code ?? cause.message}`,
        host,
        null,
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    return new HubRequestError(`${what} failed: ${reason}`, host, null);
  };
  const guarded = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      throw describe(error, what);
    }
  };

  return {
    host,
    resolveCommit: (repo, revision) =>
      guarded(`resolve ${repo}@${revision}`, async () => {
        if (isCommitSha(revision)) return revision;
        const info = await datasetInfo({ ...common, name: repo, revision, additionalFields: ["sha"] });
        if (typeof info.sha !== "string" || !isCommitSha(info.sha)) {
          throw new HubRequestError(`${host} gave no commit SHA for ${repo}@${revision}`, host, null);
        }
        return info.sha;
      }),
    listFiles: (repo, commit, dir) =>
      guarded(`list ${repo}/${dir}`, async () => {
        const files: HubFile[] = [];
        // A commit SHA needs no URL-encoding (listFiles does not encode revisions; branches like refs/convert/parquet would).
        for await (const entry of listFiles({
          ...common,
          repo: dataset(repo),
          revision: commit,
          path: dir,
        })) {
          if (entry.type === "file") files.push({ path: entry.path, size: entry.size });
        }
        return files;
      }),
    download: (repo, commit, path, destination, onBytes) =>
      guarded(`download ${repo}/${path}`, async () => {
        const blob = await downloadFile({
          ...common,
          repo: dataset(repo),
          path,
          revision: commit,
          xet: false,
        });
        if (!blob) throw new HubRequestError(`${path} is not in ${repo} at ${commit}`, host, 404);
        return streamToFile(blob, destination, signal, onBytes);
      }),
  };
}

async function streamToFile(
  blob: Blob,
  destination: string,
  signal: AbortSignal | undefined,
  onBytes?: (received: number, total: number) => void,
): Promise<number> {
  await mkdir(dirname(destination), { recursive: true });
  const temporary = temporaryPath(destination);
  const handle = await open(temporary, "w");
  const reader = blob.stream().getReader();
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      signal?.throwIfAborted();
      await handle.write(value);
      received += value.byteLength;
      onBytes?.(received, blob.size);
    }
    await handle.close();
    if (received !== blob.size) throw new Error(`truncated download: ${received} of ${blob.size} bytes`);
    await rename(temporary, destination);
    return received;
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    // WebBlob reports a failed body as a bare string.
    throw typeof error === "string" ? new Error(error) : error;
  }
}
