// openenv.yaml and the README's Hugging Face Space front-matter agree with package.json, the Dockerfile and /metadata.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { EnvConfig, loadConfig } from "../../src/server/config.js";
import { build } from "../helpers/build-app.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const read = (file: string) => readFileSync(`${ROOT}${file}`, "utf8");
const pkg = JSON.parse(read("package.json")) as { version: string; description: string };

/** The YAML block between the leading `---` lines, or null when the text does not start with one. */
function frontMatter(markdown: string): Record<string, unknown> | null {
  const found = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  return found ? (parseYaml(found[1] as string) as Record<string, unknown>) : null;
}

describe("front-matter reader", () => {
  it("reads a leading block only", () => {
    expect(frontMatter("---\na: 1\n---\n# T\n")).toEqual({ a: 1 });
    expect(frontMatter("# T\n---\na: 1\n---\n")).toBeNull();
    expect(frontMatter("")).toBeNull();
  });
});

describe("openenv.yaml", () => {
  const manifest = parseYaml(read("openenv.yaml")) as Record<string, unknown>;

  it("has the OpenEnv manifest fields", () => {
    expect(manifest).toMatchObject({
      spec_version: 1,
      name: "echo_calibration",
      type: "space",
      runtime: "docker",
      port: 8000,
    });
    expect(typeof manifest.description).toBe("string");
    expect((manifest.description as string).length).toBeGreaterThan(40);
  });

  it("names the Python client's typed models, which OpenEnv's discovery looks up by these names", () => {
    expect(manifest).toMatchObject({
      action: "EchoCalibrationAction",
      observation: "EchoCalibrationObservation",
    });
    const client = read("echo_calibration/__init__.py");
    for (const name of ["EchoCalibrationEnv", manifest.action, manifest.observation]) {
      expect(client).toContain(`"${name as string}"`);
    }
  });

  it("declares variables the server reads, at the server's defaults", () => {
    const variables = manifest.variables as Record<string, string>;
    expect(Object.keys(variables)).toEqual(
      expect.arrayContaining(["REWARD_PRESET", "MAX_CONCURRENT_ENVS", "SESSION_TIMEOUT_S"]),
    );
    for (const [key, value] of Object.entries(variables)) {
      expect(typeof value, key).toBe("string");
      expect(Object.keys(EnvConfig.shape), key).toContain(key);
      expect(String(loadConfig({ [key]: value })[key as keyof EnvConfig]), key).toBe(
        String(loadConfig({})[key as keyof EnvConfig]),
      );
    }
    expect(Object.keys(variables)).not.toContain("ECHO_API_KEY");
  });

  it("names the package's version and start command", () => {
    const scripts = (JSON.parse(read("package.json")) as { scripts: { start: string } }).scripts;
    expect(manifest.version).toBe(pkg.version);
    expect(`node ${manifest.app}`).toBe(scripts.start);
  });

  it("uses the name and version the server reports in /metadata", async () => {
    const app = await build();
    const meta = (await app.inject({ method: "GET", url: "/metadata" })).json() as Record<string, unknown>;
    expect(meta.name).toBe(manifest.name);
    expect(meta.version).toBe(manifest.version);
  });
});

describe("README front-matter for a Hugging Face Docker Space", () => {
  const readme = read("README.md");
  const meta = frontMatter(readme);
  const COLORS = ["red", "yellow", "green", "blue", "indigo", "purple", "pink", "gray"];

  it("sits at the very top", () => {
    expect(readme.startsWith("---\n")).toBe(true);
    expect(meta).not.toBeNull();
  });

  it("declares a Docker Space on port 8000 tagged openenv, with the dashboard at /web", () => {
    expect(meta).toMatchObject({ sdk: "docker", app_port: 8000, pinned: false, base_path: "/web" });
    expect(meta?.tags).toContain("openenv");
    expect(typeof meta?.title).toBe("string");
    expect(typeof meta?.emoji).toBe("string");
    expect(COLORS).toContain(meta?.colorFrom);
    expect(COLORS).toContain(meta?.colorTo);
  });

  it("keeps the title heading right after it", () => {
    expect(readme.replace(/^---\n[\s\S]*?\n---\n+/, "").startsWith("# ECHO")).toBe(true);
  });

  it("documents deploying, Docker and Python training", () => {
    for (const heading of [
      "## Deploying to a Hugging Face Space",
      "## Docker",
      "## Training with GRPO (Python)",
    ]) {
      expect(readme).toContain(`\n${heading}\n`);
    }
    expect(readme).toContain("examples/python");
  });
});
