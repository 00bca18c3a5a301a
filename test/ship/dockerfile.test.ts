// The Dockerfile's promises that can be checked without a Docker engine: its instructions, then its build and
// start sequence replayed in a clean directory (npm ci, build, prune, serve) and the result driven over HTTP.
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  argsOf,
  copiesOf,
  envOf,
  execForm,
  healthcheckOf,
  instructionsOf,
  parseCopy,
  parseDockerfile,
  type Stage,
} from "./dockerfile.js";
import { loopbackEnv } from "./live-server.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const read = (file: string) => readFileSync(join(ROOT, file), "utf8");
const pkg = JSON.parse(read("package.json")) as {
  version: string;
  engines: { node: string };
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};
const dockerfile = parseDockerfile(read("Dockerfile"));
const build = dockerfile.stages[0] as Stage;
const runtime = dockerfile.stages.at(-1) as Stage;
const CMD = ["node", "dist/cli/main.js", "serve"];

describe("Dockerfile parser", () => {
  it("joins continuations, drops comments and substitutes global ARGs in FROM", () => {
    const text = '# c\nARG V=22\nFROM node:$V-slim AS b\nRUN a \\\n  # inside\n  && b\n\nCMD ["x"]\n';
    expect(instructionsOf(text).map((i) => i.keyword)).toEqual(["ARG", "FROM", "RUN", "CMD"]);
    const parsed = parseDockerfile(text);
    expect(parsed.stages[0]?.image).toBe("node:22-slim");
    expect(parsed.stages[0]?.name).toBe("b");
    expect(argsOf(parsed.stages[0] as Stage, "RUN")).toEqual(["a && b"]);
    expect(execForm('["x", "y"]')).toEqual(["x", "y"]);
    expect(execForm("x y")).toBeUndefined();
  });
});

/** End of maintenance of Node's LTS lines (nodejs.org release schedule). */
const NODE_LTS_END: Record<number, string> = {
  20: "2026-04-30",
  22: "2027-04-30",
  24: "2028-04-30",
  26: "2029-04-30",
};

describe("Dockerfile: what it promises", () => {
  it("builds in a stage of its own and runs from a current Node LTS image the engines field allows", () => {
    expect(dockerfile.stages).toHaveLength(2);
    expect(build.name).toBe("build");
    const minimum = Number(/>=\s*(\d+)/.exec(pkg.engines.node)?.[1]);
    for (const stage of dockerfile.stages) {
      const major = Number(/^node:(\d+)-/.exec(stage.image)?.[1]);
      expect(major).toBeGreaterThanOrEqual(minimum);
      // An LTS line still maintained today: when this fails, the image's line reached its end of life.
      const end = NODE_LTS_END[major];
      expect(end, `node ${major} is not an LTS line`).toBeDefined();
      expect(Date.now(), `node ${major} was maintained until ${end}`).toBeLessThan(Date.parse(end as string));
    }
  });

  it("can compile better-sqlite3 in the build stage", () => {
    const run = argsOf(build, "RUN").join("\n");
    for (const tool of ["python3", "make", "g++"]) expect(run).toContain(tool);
  });

  it("builds, then keeps production dependencies only", () => {
    const npm = argsOf(build, "RUN").filter((r) => r.startsWith("npm "));
    expect(npm).toEqual([
      expect.stringMatching(/^npm ci\b/),
      "npm run build",
      expect.stringMatching(/^npm prune --omit=dev\b/),
    ]);
    expect(argsOf(runtime, "RUN").filter((r) => /\bnpm\b/.test(r))).toEqual([]);
    expect(copiesOf(runtime).find((c) => c.sources.includes("/app/node_modules"))?.from).toBe("build");
  });

  it("serves on port 8000 as uid 1000 with its data in a volume", () => {
    expect(argsOf(runtime, "EXPOSE")).toEqual(["8000"]);
    expect(envOf(runtime)).toMatchObject({ PORT: "8000", HOST: "0.0.0.0", ECHO_DATA_DIR: "/data" });
    expect(argsOf(runtime, "VOLUME").flatMap((v) => execForm(v) ?? [v])).toContain("/data");
    expect(argsOf(runtime, "USER").at(-1)).toMatch(/^1000(:1000)?$/);
    expect(copiesOf(runtime).find((c) => c.sources.includes("/data"))?.chown).toMatch(
      /^(node|1000):(node|1000)$/,
    );
    const keywords = runtime.instructions.map((i) => i.keyword);
    expect(keywords.lastIndexOf("COPY")).toBeLessThan(keywords.lastIndexOf("USER"));
  });

  it("checks /health with node itself and starts `echo-env serve`", () => {
    const health = healthcheckOf(runtime);
    expect(health?.command?.slice(0, 2)).toEqual(["node", "-e"]);
    expect(health?.command?.[2]).toContain("/health");
    expect(health?.options).toMatch(/--interval=\d+s/);
    expect(execForm(argsOf(runtime, "CMD").at(-1) ?? "")).toEqual(CMD);
    expect(pkg.scripts.start).toBe(CMD.join(" "));
  });

  it("can bake real datasets in at build time", () => {
    expect(argsOf(build, "ARG")).toContain('ECHO_DATASETS=""');
    expect(argsOf(build, "RUN").join("\n")).toMatch(/tasks download --datasets "\$ECHO_DATASETS"/);
  });

  it("keeps host builds and secrets out of the build context", () => {
    const ignored = read(".dockerignore").split("\n");
    for (const entry of ["node_modules", "dist", "data", ".git", ".env"]) expect(ignored).toContain(entry);
  });
});

/** Runs a shell command in `cwd` without blocking the event loop; rejects on a non-zero exit. */
function sh(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-c", command], { cwd, env });
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString("utf8");
    });
    child.stderr.on("data", (c: Buffer) => {
      out += c.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (status) =>
      status === 0 ? resolve(out) : reject(new Error(`${command} exited ${status}:\n${out.slice(-4000)}`)),
    );
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/** The environment npm runs with: ours, without the npm_* variables of the npm that started vitest. */
function npmEnv(): NodeJS.ProcessEnv {
  const env = loopbackEnv({
    CI: "true",
    // Docker builds may fetch better-sqlite3's prebuilt binary; here only the npm registry is reachable, so
    // compile it as the Dockerfile's fallback would.
    npm_config_build_from_source: "true",
  });
  for (const key of Object.keys(env)) {
    if (key.startsWith("npm_") && key !== "npm_config_build_from_source") delete env[key];
  }
  return env;
}

describe("Dockerfile: its build and start sequence, replayed in a clean directory", () => {
  // Made in beforeAll, so a run that skips these tests leaves no directory behind.
  let tmp = "";
  let buildDir = "";
  let appDir = "";
  let dataDir = "";
  let server: ChildProcess | undefined;
  let url = "";
  let log = "";

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), "echo-docker-"));
    buildDir = join(tmp, "build");
    appDir = join(tmp, "app");
    dataDir = join(tmp, "data");
    mkdirSync(buildDir);
    // The build stage: its COPY lines from the repository, then its npm steps, in order.
    for (const instruction of build.instructions) {
      if (instruction.keyword === "COPY") {
        const copy = parseCopy(instruction.args);
        for (const source of copy.sources) {
          const target = copy.dest.endsWith("/")
            ? join(buildDir, copy.dest, basename(source))
            : join(buildDir, copy.dest);
          cpSync(join(ROOT, source), target, { recursive: true });
        }
      } else if (instruction.keyword === "RUN" && instruction.args.startsWith("npm ")) {
        await sh(instruction.args, buildDir, npmEnv());
      }
    }
    // The runtime stage: only what it copies from the build stage (/app there is buildDir here).
    mkdirSync(appDir);
    mkdirSync(dataDir);
    for (const copy of copiesOf(runtime)) {
      for (const source of copy.sources) {
        if (!source.startsWith("/app/")) continue; // /data: the data directory, dataDir here
        const from = join(buildDir, source.slice("/app/".length));
        const target = copy.dest.endsWith("/")
          ? join(appDir, copy.dest, basename(source))
          : join(appDir, copy.dest);
        cpSync(from, target, { recursive: true, verbatimSymlinks: true });
      }
    }
    // CMD with the image's ENV, on a free loopback port.
    const [command, ...args] = CMD as [string, ...string[]];
    server = spawn(command, args, {
      cwd: appDir,
      env: loopbackEnv({
        ...envOf(runtime),
        PORT: "0",
        HOST: "127.0.0.1",
        ECHO_DATA_DIR: dataDir,
        LOG_LEVEL: "info",
      }),
    });
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start:\n${log}`)), 60_000);
      const onData = (chunk: Buffer) => {
        log += chunk.toString("utf8");
        const found = /ECHO ready on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
        if (found) {
          clearTimeout(timer);
          resolve(found[1] as string);
        }
      };
      server?.stdout?.on("data", onData);
      server?.stderr?.on("data", onData);
      server?.once("exit", (code) => reject(new Error(`the server exited (${code}):\n${log}`)));
    });
  }, 20 * 60_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = exitOf(server);
      server.kill("SIGKILL");
      await exited;
    }
    if (tmp !== "") await rm(tmp, { recursive: true, force: true });
  }, 120_000);

  it("ships production dependencies only, with better-sqlite3 built and loadable", async () => {
    const modules = join(appDir, "node_modules");
    for (const dep of ["fastify", "zod", "better-sqlite3"]) expect(existsSync(join(modules, dep))).toBe(true);
    // Development tools are gone (some devDependencies, such as ws, are also production dependencies' deps).
    for (const dev of ["typescript", "vitest", "tsx", "@biomejs/biome", "fast-check", "playwright-core"]) {
      expect(pkg.devDependencies).toHaveProperty([dev]);
      expect(existsSync(join(modules, dev))).toBe(false);
    }
    // Only the dashboard's static files come from src/ (no TypeScript sources in the image).
    expect(readdirSync(join(appDir, "src"))).toEqual(["web"]);
    const probe =
      "const D = require('better-sqlite3'); console.log(new D(':memory:').prepare('select 41 + 1 as x').get().x)";
    expect((await sh(`node -e "${probe}"`, appDir, loopbackEnv())).trim()).toBe("42");
  });

  it("answers /health, /metadata, the dashboard and an OpenEnv reset/step", async () => {
    expect(await (await fetch(`${url}/health`)).json()).toMatchObject({
      status: "healthy",
      storage: { writable: true },
    });
    const page = await fetch(`${url}/web/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    const meta = (await (await fetch(`${url}/metadata`)).json()) as { name: string; version: string };
    expect(meta).toMatchObject({ name: "echo_calibration", version: pkg.version });
    const reset = await fetch(`${url}/reset`, { method: "POST" });
    expect(reset.status).toBe(200);
    const first = (await reset.json()) as { observation: { task_id: string }; done: boolean };
    expect(first.done).toBe(false);
    expect(first.observation.task_id).not.toBe("");
    const step = await fetch(`${url}/step`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ action: { response: "<confidence>70</confidence><answer>4</answer>" } }),
    });
    const graded = (await step.json()) as { reward: number; done: boolean };
    expect(step.status).toBe(200);
    expect(graded.done).toBe(true);
    expect(typeof graded.reward).toBe("number");
  });

  it("passes its own HEALTHCHECK, and the check fails when nothing listens", async () => {
    const [node, flag, script] = healthcheckOf(runtime)?.command ?? [];
    const port = new URL(url).port;
    const check = (p: string) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(node as string, [flag as string, script as string], {
          env: loopbackEnv({ PORT: p }),
        });
        child.once("exit", (code) => resolve(code));
      });
    expect(await check(port)).toBe(0);
    expect(await check("1")).toBe(1);
  });

  it("shuts down cleanly on SIGTERM", async () => {
    const exited = exitOf(server as ChildProcess);
    server?.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
