// Runs the README's "Try it with curl" commands exactly as written (only the address changes) against a live server.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, loopbackEnv, startLiveServer } from "./live-server.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const README = readFileSync(`${ROOT}README.md`, "utf8");

/** The text of a `## title` section, up to the next `## ` heading. */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  if (start < 0) return "";
  const next = markdown.indexOf("\n## ", start + 1);
  return markdown.slice(start, next < 0 ? undefined : next);
}

/** Logical commands of every ```bash block: continuation lines joined, blank and comment-only lines dropped. */
function bashCommands(markdown: string): string[] {
  const commands: string[] = [];
  for (const block of markdown.matchAll(/```bash\n([\s\S]*?)```/g)) {
    const joined = (block[1] ?? "").replace(/\\\n\s*/g, "");
    for (const line of joined.split("\n")) {
      const command = line.trim();
      if (command !== "" && !command.startsWith("#")) commands.push(command);
    }
  }
  return commands;
}

const has = (tool: string) => spawnSync("bash", ["-c", `command -v ${tool}`]).status === 0;
const HAS_CURL = has("curl");
const HAS_JQ = has("jq");
const HAS_BUILD = existsSync(`${ROOT}dist/cli/main.js`);

/** Runs a command in bash (async: the server under test lives in this process and must keep answering). */
function run(command: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-o", "pipefail", "-c", command], { cwd: ROOT, env: loopbackEnv() });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

const walkthrough = section(README, "Try it with curl");
const commands = bashCommands(walkthrough);
const curlCommands = commands.filter((c) => c.includes("localhost:8000"));
const cliCommands = commands.filter((c) => c.startsWith("node dist/cli/main.js "));

describe("README walkthrough: parsing", () => {
  it("finds the section and its commands", () => {
    expect(walkthrough).not.toBe("");
    expect(curlCommands.length).toBeGreaterThanOrEqual(4);
    expect(cliCommands.length).toBeGreaterThanOrEqual(3);
  });

  it("joins continuation lines and drops comments", () => {
    const md =
      "```bash\n# note\ncurl -s a \\\n  -d '{}' | jq .x\n\nnode dist/cli/main.js b   # -1.184\n```\n";
    expect(bashCommands(md)).toEqual(["curl -s a -d '{}' | jq .x", "node dist/cli/main.js b   # -1.184"]);
  });
});

describe.skipIf(!HAS_CURL)("README walkthrough: curl against a live server", () => {
  let server: LiveServer;
  beforeAll(async () => {
    server = await startLiveServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  if (!HAS_JQ) console.warn("jq is not installed: running the curl commands without their `| jq` filters");
  const outputs: string[] = [];

  it.each(curlCommands.map((c, i) => [i, c] as const))("command %i runs: %s", async (_i, command) => {
    let local = command.replaceAll("localhost:8000", server.url.replace("http://", ""));
    if (!HAS_JQ) local = local.replace(/\s*\|\s*jq\b.*$/, "");
    const { status, stdout, stderr } = await run(local);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout.trim()).not.toBe("");
    outputs.push(stdout);
  });

  it("prints a question, a graded step, and metrics counting that step", () => {
    const [prompt, step, metrics, fingerprint] = outputs;
    expect(prompt).toContain("<confidence>N</confidence><answer>YOUR ANSWER</answer>");
    expect(step).toMatch(/"done": ?true/);
    expect(step).toMatch(/"reward": ?-?\d/);
    expect(step).toContain("feedback");
    expect(metrics).toMatch(/"count": ?1\b/);
    for (const domain of ["math", "logic", "factual", "science", "medical", "coding", "creative"]) {
      expect(fingerprint).toContain(`"${domain}"`);
    }
  });
});

describe.skipIf(!HAS_BUILD)("README walkthrough: the command line without a server", () => {
  if (!HAS_BUILD) console.warn("dist/ is missing (run `npm run build`): skipping the README's npx commands");

  it.each(cliCommands.map((c, i) => [i, c] as const))("command %i runs: %s", async (_i, command) => {
    const { status, stdout } = await run(command);
    expect(status).toBe(0);
    expect(stdout.trim()).not.toBe("");
    // A trailing "# <number>" in the README is the value the command prints.
    const promised = /#\s*(-?\d+\.\d+)\s*$/.exec(command)?.[1];
    if (promised) expect(stdout).toContain(promised);
  });
});
