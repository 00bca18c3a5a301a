// The layer rule in biome.json (core <- tasks, store <- env <- server, eval <- cli): the repository's own
// configuration, run on a scratch tree, rejects each kind of upward import and accepts the allowed ones.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const biome = join(root, "node_modules", "@biomejs", "biome", "bin", "biome");

/** Each scratch file (path under src/) and the one import it makes. */
const FILES: Record<string, string> = {
  "core/bad-env.ts": 'import type { X } from "../env/errors.js";',
  "core/grading/bad-tasks.ts": 'export { Y as X } from "../../tasks/task.js";',
  "core/bad-version.ts": 'import type { X } from "../version.js";',
  "core/bad-dynamic.ts": 'export const load = () => import("../store/history-store.js");',
  "tasks/bad-env.ts": 'import type { X } from "../env/episode-record.js";',
  "store/bad-env.ts": 'import type { X } from "../env/episode-record.js";',
  "store/bad-tasks.ts": 'import type { X } from "../tasks/task.js";',
  "env/bad-server.ts": 'import type { X } from "../server/app.js";',
  "server/routes/bad-cli.ts": 'import type { X } from "../../cli/program.js";',
  "eval/bad-server.ts": 'import type { X } from "../server/app.js";',
  "core/ok.ts": 'import type { X } from "./taxonomy.js";',
  "tasks/sources/hub/ok.ts": 'import type { X } from "../../../core/taxonomy.js";',
  "store/ok.ts": 'import type { X } from "../core/episode-record.js";',
  "env/ok.ts": 'import type { X } from "../store/history-store.js";',
  "server/ok.ts": 'import type { X } from "../env/calibration-env.js";',
  "cli/ok.ts": 'import type { X } from "../server/app.js";',
};

let dir: string;
let rejected: Map<string, string>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "echo-layers-"));
  const config = JSON.parse(readFileSync(join(root, "biome.json"), "utf8"));
  config.$schema = undefined;
  config.vcs = { enabled: false };
  writeFileSync(join(dir, "biome.json"), JSON.stringify(config));
  for (const [path, line] of Object.entries(FILES)) {
    const file = join(dir, "src", path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${line}\nexport type Z = X;\n`);
  }
  const run = spawnSync(process.execPath, [biome, "lint", "--reporter=json", "src"], {
    cwd: dir,
    encoding: "utf8",
  });
  const report = JSON.parse(run.stdout) as {
    diagnostics: Array<{ category: string; location: { path: string | { file: string } }; message: string }>;
  };
  rejected = new Map();
  for (const d of report.diagnostics) {
    if (d.category !== "lint/style/noRestrictedImports") continue;
    const path = typeof d.location.path === "string" ? d.location.path : d.location.path.file;
    rejected.set(path.replace(/^src\//, ""), d.message);
  }
}, 30_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("layer rule (biome.json noRestrictedImports)", () => {
  const bad = Object.keys(FILES).filter((path) => path.includes("bad-"));
  const ok = Object.keys(FILES).filter((path) => !path.includes("bad-"));

  it.each(bad)("rejects the upward import in %s", (path) => {
    expect(rejected.get(path)).toMatch(/^Layer rule: /);
  });

  it.each(ok)("accepts the allowed import in %s", (path) => {
    expect(rejected.has(path)).toBe(false);
  });

  it("names the layer's rule in its message", () => {
    expect(rejected.get("store/bad-env.ts")).toBe("Layer rule: store imports only core.");
  });
});
