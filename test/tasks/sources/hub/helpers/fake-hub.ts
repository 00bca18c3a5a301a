// A stand-in for the Hugging Face Hub on 127.0.0.1, answering exactly the endpoints @huggingface/hub calls.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeRepo {
  /** Branch or ref name -> commit SHA, e.g. { main: "ab12..." }. */
  refs: Record<string, string>;
  /** Files (path -> bytes), served at every commit in refs. */
  files: Record<string, Uint8Array>;
}

export interface FakeHubOptions {
  /** When set, every request must carry `Authorization: Bearer <token>`. */
  token?: string;
  /** Called before a file body is sent; resolve it to let the body go (lets tests interrupt a download). */
  beforeBody?: (path: string) => Promise<void>;
}

export interface RecordedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
}

export interface FakeHub {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

export async function startFakeHub(
  repos: Record<string, FakeRepo>,
  options: FakeHubOptions = {},
): Promise<FakeHub> {
  const requests: RecordedRequest[] = [];
  const commitOf = (repo: FakeRepo, rev: string) =>
    Object.values(repo.refs).includes(rev) ? rev : repo.refs[rev];

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push({
      method: req.method ?? "GET",
      url: req.url ?? "",
      authorization: req.headers.authorization,
    });
    if (options.token && req.headers.authorization !== `Bearer ${options.token}`) {
      return json(res, 401, { error: "Invalid credentials in Authorization header" });
    }
    // GET /api/datasets/<owner>/<name>/revision/<rev, URL-encoded>?expand=...
    let match = url.pathname.match(/^\/api\/datasets\/([^/]+\/[^/]+)\/revision\/([^/]+)$/);
    if (match) {
      const [, name, rev] = match as unknown as [string, string, string];
      const repo = repos[name];
      const sha = repo && commitOf(repo, decodeURIComponent(rev));
      if (!repo) return json(res, 404, { error: "Repository not found" });
      if (!sha) return json(res, 404, { error: "Invalid rev id" });
      return json(res, 200, {
        _id: `id-${name}`,
        id: name,
        private: false,
        downloads: 0,
        likes: 0,
        gated: false,
        lastModified: "2024-01-01T00:00:00.000Z",
        sha,
      });
    }
    // GET /api/datasets/<owner>/<name>/tree/<rev>/<dir>?recursive=false&expand=false
    match = url.pathname.match(/^\/api\/datasets\/([^/]+\/[^/]+)\/tree\/([^/]+)\/?(.*)$/);
    if (match) {
      const [, name, rev, dir] = match as unknown as [string, string, string, string];
      const repo = repos[name];
      if (!repo || !commitOf(repo, decodeURIComponent(rev))) return json(res, 404, { error: "Not found" });
      const prefix = dir === "" ? "" : `${decodeURIComponent(dir)}/`;
      const entries = Object.entries(repo.files)
        .filter(([path]) => path.startsWith(prefix) && !path.slice(prefix.length).includes("/"))
        .map(([path, bytes]) => {
          const oid = createHash("sha256").update(bytes).digest("hex");
          return {
            type: "file",
            oid,
            size: bytes.byteLength,
            path,
            lfs: { oid, size: bytes.byteLength, pointerSize: 134 },
          };
        });
      return json(res, 200, entries);
    }
    // GET/HEAD /datasets/<owner>/<name>/resolve/<rev, URL-encoded>/<path>
    match = url.pathname.match(/^\/datasets\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/);
    if (match) {
      const [, name, rev, path] = match as unknown as [string, string, string, string];
      const repo = repos[name];
      const sha = repo && commitOf(repo, decodeURIComponent(rev));
      const bytes = repo?.files[decodeURIComponent(path)];
      if (!repo || !sha || !bytes) {
        res.writeHead(404, { "X-Error-Code": "EntryNotFound", "Content-Type": "text/plain" });
        return res.end("Entry not found");
      }
      const headers = {
        "Content-Type": "application/octet-stream",
        "Accept-Ranges": "bytes",
        ETag: `"${createHash("sha256").update(bytes).digest("hex")}"`,
        "X-Repo-Commit": sha,
      };
      const range = req.headers.range?.match(/^bytes=(\d+)-(\d+)$/);
      if (range) {
        const start = Number(range[1]);
        const end = Math.min(Number(range[2]), bytes.byteLength - 1);
        res.writeHead(206, { ...headers, "Content-Range": `bytes ${start}-${end}/${bytes.byteLength}` });
        return res.end(req.method === "HEAD" ? undefined : bytes.subarray(start, end + 1));
      }
      res.writeHead(200, { ...headers, "Content-Length": String(bytes.byteLength) });
      if (req.method === "HEAD") return res.end();
      const half = Math.floor(bytes.byteLength / 2);
      res.write(bytes.subarray(0, half));
      await options.beforeBody?.(decodeURIComponent(path));
      return res.end(bytes.subarray(half));
    }
    return json(res, 404, { error: `no route for ${url.pathname}` });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
