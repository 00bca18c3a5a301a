// The Python examples: every file compiles, and the client plus the TRL reward function work against a live server.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, loopbackEnv, startLiveServer } from "./live-server.js";

const EXAMPLES = fileURLToPath(new URL("../../examples/python/", import.meta.url));
const EXERCISE = fileURLToPath(new URL("./exercise_client.py", import.meta.url));
const PYTHON_FILES = [
  ...readdirSync(EXAMPLES)
    .filter((f) => f.endsWith(".py"))
    .map((f) => `${EXAMPLES}${f}`),
  EXERCISE,
];

const hasPython = spawnSync("python3", ["--version"]).status === 0;
const hasRequests = hasPython && spawnSync("python3", ["-c", "import requests"]).status === 0;
if (!hasPython) console.warn("python3 is not installed: skipping the Python example tests");
else if (!hasRequests) console.warn("python3 has no `requests` module: skipping the live Python client test");

/** Runs python3 without blocking the event loop (the server under test lives in this process). */
function python(args: string[], timeoutMs: number): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("python3", args, {
      cwd: EXAMPLES,
      env: loopbackEnv({ PYTHONDONTWRITEBYTECODE: "1", PYTHONUNBUFFERED: "1" }),
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, out });
    });
  });
}

describe.skipIf(!hasPython)("Python examples", () => {
  it("ships the client, the trainer and its requirements", () => {
    const names = readdirSync(EXAMPLES);
    expect(names).toEqual(
      expect.arrayContaining(["echo_client.py", "train_grpo.py", "requirements.txt", "README.md"]),
    );
  });

  // py_compile's bytecode goes to a temporary prefix, so the tree gets no __pycache__.
  const pyCompile = (file: string) =>
    spawnSync("python3", ["-m", "py_compile", file], {
      encoding: "utf8",
      env: { ...process.env, PYTHONPYCACHEPREFIX: mkdtempSync(join(tmpdir(), "echo-pyc-")) },
    });

  it.each(PYTHON_FILES)("%s compiles", (file) => {
    const result = pyCompile(file);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("a syntax error does fail the compile check", () => {
    const broken = join(mkdtempSync(join(tmpdir(), "echo-py-")), "broken.py");
    writeFileSync(broken, "def broken(:\n");
    expect(pyCompile(broken).status).not.toBe(0);
  });

  it.skipIf(!hasRequests)("imports without torch, trl, peft or datasets", async () => {
    const code =
      "import sys; import echo_client, train_grpo; " +
      "heavy = [m for m in ('torch', 'trl', 'peft', 'datasets', 'transformers') if m in sys.modules]; " +
      "assert not heavy, heavy; print('imported')";
    const { status, out } = await python(["-c", code], 30_000);
    expect(out).toContain("imported");
    expect(status).toBe(0);
  });

  describe.skipIf(!hasRequests)("against a live server", () => {
    let server: LiveServer;
    beforeAll(async () => {
      server = await startLiveServer();
    });
    afterAll(async () => {
      await server?.close();
    });

    it("reset, step, score_batch, questions, metrics and the TRL reward function behave", async () => {
      const { status, out } = await python([EXERCISE, server.url, EXAMPLES], 120_000);
      expect(out).toContain("ALL OK");
      expect(status).toBe(0);
      // The exercise recorded its reward-function batches: the server saw them.
      const metrics = await (await fetch(`${server.url}/metrics?channel=batch`)).json();
      expect((metrics as { count: number }).count).toBeGreaterThanOrEqual(4);
    }, 150_000);
  });
});
