// `echo-env serve` as a child process on 127.0.0.1 and an OS-chosen port, run from the sources through tsx.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach } from "vitest";
import { withTimeout } from "./ws-client.js";

export const ROOT = join(import.meta.dirname, "../..");
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

export interface ServerProcess {
  child: ChildProcess;
  /** e.g. http://127.0.0.1:43817 */
  url: string;
}

/** Starts the server with `env` (over a minimal base); resolves with its URL from the ready log line. */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      PORT: "0",
      HOST: "127.0.0.1",
      ECHO_DATA_DIR: "/nonexistent-echo-test-data",
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = new Promise<string>((resolve, reject) => {
    let buffered = "";
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      const found = /ECHO ready on (http:\/\/127\.0\.0\.1:\d+)/.exec(buffered);
      if (found) {
        child.stdout?.off("data", onData);
        child.stdout?.resume(); // keep draining request logs so the child never blocks on a full pipe
        resolve(found[1] as string);
      } else buffered = buffered.slice(-4096);
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server exited (${code}) before it was ready: ${stderr}`)));
  });
  return { child, url: await withTimeout(url, 30_000, "the server's ready line") };
}

/** Resident set size of a live process in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) / 1024;
}

/** POSTs JSON and returns the parsed reply; anything but 200 throws with the status and body. */
export async function postJson(url: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}
