// The server as a child process (`echo-env serve`): graceful shutdown on SIGTERM/SIGINT with work in flight,
// and start-up failures reported as a clear message with exit code 1.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { SHUTDOWN_GRACE_MS } from "../../src/server/main.js";
import { withTimeout } from "../helpers/ws-client.js";

const ROOT = new URL("../../", import.meta.url);
const ANSWER = "<confidence>70</confidence><answer>4</answer>";
const START_MS = 30_000; // tsx compiles the sources on first start; CI machines are slow

interface Server {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first log line (already seen or still to come) that matches. */
  line(match: (line: Record<string, unknown>) => boolean, what: string): Promise<Record<string, unknown>>;
}

const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function serve(env: Record<string, string>): Server {
  const dataDir = mkdtempSync(join(tmpdir(), "echo-lifecycle-"));
  dirs.push(dataDir);
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve"], {
    cwd: ROOT,
    // Only what the server needs: no inherited ECHO_* or test-runner variables.
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "info",
      ECHO_DATA_DIR: dataDir,
      ECHO_DB: join(dataDir, "history.db"),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const lines: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  let pending = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    pending += chunk.toString("utf8");
    const parts = pending.split("\n");
    pending = parts.pop() ?? "";
    for (const part of parts.filter(Boolean)) lines.push(JSON.parse(part) as Record<string, unknown>);
    for (const wake of waiters.splice(0)) wake();
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const line = (match: (l: Record<string, unknown>) => boolean, what: string) =>
    withTimeout(
      new Promise<Record<string, unknown>>((resolve) => {
        const look = () => {
          const found = lines.find(match);
          if (found) resolve(found);
          else waiters.push(look);
        };
        look();
      }),
      START_MS,
      `the log line: ${what} (stderr: ${stderr})`,
    );
  return { child, lines, stderr: () => stderr, exited, line };
}

async function ready(server: Server): Promise<string> {
  const line = await server.line((l) => String(l.msg).startsWith("ECHO ready on "), "ECHO ready on");
  return (/on (http:\/\/\S+)/.exec(String(line.msg)) as RegExpExecArray)[1] as string;
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request on its own connection (no agent), whose body is written in two parts: `first`, then `finish()`. */
function splitRequest(url: string, path: string, body: string, requestId: string) {
  const split = Math.floor(body.length / 2);
  const req = http.request(`${url}${path}`, {
    method: "POST",
    agent: false,
    headers: {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      "x-request-id": requestId,
    },
  });
  const reply = new Promise<Reply>((resolve, reject) => {
    req.on("response", (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => {
        text += chunk.toString("utf8");
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
  });
  req.write(body.slice(0, split));
  return { reply, finish: () => req.end(body.slice(split)) };
}

/** A fresh connection's fate: its HTTP status, or the connection error's code. */
function probe(url: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = http.get(`${url}/health`, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
  });
}

async function post(url: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", connection: "close" },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}

describe("graceful shutdown", () => {
  it("on SIGTERM: refuses new connections, finishes the request in flight, closes sockets with 1001, exits 0", async () => {
    const server = serve({});
    const url = await ready(server);
    const reset = (await post(url, "/reset", { seed: 5 })) as { observation: { episode_id: string } };
    const episode = reset.observation.episode_id;

    // A step whose body is half sent: in flight from the server's point of view.
    const body = JSON.stringify({ episode_id: episode, action: { response: ANSWER } });
    const step = splitRequest(url, "/step", body, "in-flight-step");
    await server.line(
      (l) => l.reqId === "in-flight-step" && l.msg === "incoming request",
      "the step arriving",
    );

    const ws = new WebSocket(`${url.replace("http", "ws")}/ws`);
    ws.on("error", () => {});
    const wsClosed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
    await withTimeout(new Promise((resolve) => ws.once("open", resolve)), 5_000, "the WebSocket handshake");

    server.child.kill("SIGTERM");
    await server.line((l) => l.msg === "shutting down", "shutting down");
    expect(await withTimeout(wsClosed, 5_000, "the WebSocket close")).toBe(1001);

    // The listener closes while the step is still waiting for its body.
    let fate = await probe(url);
    for (let i = 0; i < 100 && fate !== "ECONNREFUSED"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      fate = await probe(url);
    }
    expect(fate).toBe("ECONNREFUSED");

    step.finish();
    const reply = await withTimeout(step.reply, 5_000, "the in-flight step's reply");
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ done: true, observation: { episode_id: episode } });
    expect(reply.headers.connection).toBe("close");

    const exit = await withTimeout(server.exited, SHUTDOWN_GRACE_MS, "the process to exit");
    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.lines.some((l) => l.msg === "shut down cleanly")).toBe(true);
    expect(server.stderr()).toBe("");
  }, 60_000);

  it("on SIGINT with nothing in flight: exits 0 promptly", async () => {
    const server = serve({});
    await ready(server);
    server.child.kill("SIGINT");
    expect(await withTimeout(server.exited, SHUTDOWN_GRACE_MS, "the process to exit")).toEqual({
      code: 0,
      signal: null,
    });
  }, 60_000);
});

describe("start-up failures", () => {
  async function failure(env: Record<string, string>) {
    const server = serve(env);
    const exit = await withTimeout(server.exited, START_MS, "the process to exit");
    return { exit, stderr: server.stderr(), lines: server.lines };
  }

  it("exits 1 naming each bad variable, and never prints a rejected key", async () => {
    const [port, preset, privateRead, shortKey, spacedKey, blankPort] = await Promise.all([
      failure({ PORT: "abc" }),
      failure({ REWARD_PRESET: "nope" }),
      failure({ ECHO_PUBLIC_READ: "false" }),
      failure({ ECHO_API_KEY: "k3y-7ch" }),
      failure({ ECHO_API_KEY: "k3y-with inner-space" }),
      failure({ PORT: " " }),
    ]);
    for (const run of [port, preset, privateRead, shortKey, spacedKey, blankPort]) {
      expect(run.exit).toEqual({ code: 1, signal: null });
      expect(run.stderr).toMatch(/^error: invalid configuration:\n/);
    }
    expect(port.stderr).toContain('PORT="abc"');
    expect(preset.stderr).toContain('REWARD_PRESET="nope"');
    expect(preset.stderr).toContain("calibrated");
    expect(privateRead.stderr).toContain("ECHO_API_KEY");
    expect(shortKey.stderr).toContain("ECHO_API_KEY");
    expect(shortKey.stderr).not.toContain("k3y-7ch");
    expect(spacedKey.stderr).toContain("ECHO_API_KEY=(hidden): ECHO_API_KEY must not contain spaces");
    expect(spacedKey.stderr).not.toContain("inner-space");
    expect(blankPort.stderr).toContain('PORT=" ": PORT is blank');
  }, 60_000);

  it("exits 1 with one line when the port is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const run = await failure({ PORT: String(port) });
      expect(run.exit).toEqual({ code: 1, signal: null });
      expect(run.stderr).toMatch(/^error: could not start: .*EADDRINUSE.*\n$/);
    } finally {
      blocker.close();
    }
  }, 60_000);
});
