import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBaseline } from "../../src/cli/commands/baseline.js";
import { runEval } from "../../src/cli/commands/eval.js";
import { EvalReport } from "../../src/eval/eval-report.js";
import { BaselineReport } from "../../src/eval/run-baselines.js";
import { parseXml } from "../eval/xml-tree.js";
import { captureIo } from "../helpers/capture-io.js";

const env = { ECHO_DATA_DIR: "/nonexistent-echo" };

describe("echo-env baseline", () => {
  it("explains bad usage with exit code 2", () => {
    const cases: [Parameters<typeof runBaseline>[0], RegExp][] = [
      [{ n: "0" }, /--n must be an integer from 1/],
      [{ n: "ten" }, /--n must be an integer/],
      [{ seed: "-1" }, /--seed must be an integer from 0/],
      [{ bootstrap: "1.5" }, /--bootstrap must be an integer from 0/],
      [{ preset: "nope" }, /unknown reward preset "nope"/],
      [{ agents: "oracle,psychic" }, /unknown agent\(s\) psychic; agents: always-50, always-90/],
      [{ skill: "1.5" }, /--skill must be a probability/],
      [{ skill: "x" }, /--skill must be a probability/],
    ];
    for (const [options, message] of cases) {
      const io = captureIo(env);
      expect(runBaseline(options, io)).toBe(2);
      expect(io.err()).toMatch(message);
    }
  });

  it("prints every agent side by side, the same way for the same seed", () => {
    const run = () => {
      const io = captureIo(env);
      expect(runBaseline({ n: "63", bootstrap: "50" }, io)).toBe(0);
      return io.out();
    };
    const out = run();
    expect(out).toMatch(
      /^baselines on 63 tasks \(\d+ generated, \d+ curated\), seed 1, preset calibrated, skill default/,
    );
    expect(out).toMatch(
      /^agent\s+knew\s+acc\s+conf\s+ECE\s+ECE 95% CI\s+MCE\s+Brier\s+Brier 95% CI\s+AUROC\s+over\s+reward$/m,
    );
    for (const agent of ["always-50", "always-90", "keyword-heuristic", "overconfident", "oracle"]) {
      expect(out).toMatch(new RegExp(`^${agent}\\s+\\d+/63\\s`, "m"));
    }
    expect(out).toMatch(/^always-90\s+\S+\s+\S+\s+0\.900\s/m);
    expect(out).toContain("Simulated agents");
    expect(run()).toBe(out);
  });

  it("shows progress on stderr, one line per agent, and keeps stdout to the report", () => {
    const io = captureIo(env);
    expect(runBaseline({ n: "20", agents: "always-50,oracle", bootstrap: "10", json: true }, io)).toBe(0);
    expect(io.err()).toBe(
      "[1/2] always-50: 20 tasks graded and 10 bootstrap resamples\n" +
        "[2/2] oracle: 20 tasks graded and 10 bootstrap resamples\n",
    );
    expect(() => JSON.parse(io.out())).not.toThrow();
  });

  it("prints JSON that validates, for a subset of agents and a uniform skill", () => {
    const io = captureIo(env);
    expect(
      runBaseline({ n: "42", json: true, agents: "oracle, always-90", skill: "0.5", bootstrap: "0" }, io),
    ).toBe(0);
    const report = BaselineReport.parse(JSON.parse(io.out()));
    expect(report.agents.map((a) => a.agent)).toEqual(["always-90", "oracle"]);
    expect(report.eval_set).toMatchObject({ n: 42, seed: 1, skill: "uniform 0.5" });
    expect(report.bootstrap).toBeNull();
    expect(report.agents[1]!.report.overall.mean_confidence).toBe(0.5);
  });

  it("writes responses that `echo-env eval` grades to the same figures, plus the set's prompts and HTML", () => {
    const dir = mkdtempSync(join(tmpdir(), "echo-baseline-"));
    const io = captureIo(env);
    const options = {
      n: "42",
      bootstrap: "0",
      json: join(dir, "baselines.json"),
      responsesDir: join(dir, "responses"),
      exportSet: join(dir, "set.jsonl"),
      html: join(dir, "baselines.html"),
    };
    expect(runBaseline(options, io)).toBe(0);
    expect(io.out()).toContain(`wrote ${join(dir, "responses", "oracle.jsonl")}`);
    const baseline = BaselineReport.parse(JSON.parse(readFileSync(options.json, "utf8")));
    const evalIo = captureIo(env);
    expect(runEval(join(dir, "responses", "oracle.jsonl"), { json: true }, evalIo)).toBe(0);
    const evaluated = EvalReport.parse(JSON.parse(evalIo.out()));
    expect(evaluated.overall).toEqual(baseline.agents.find((a) => a.agent === "oracle")!.report.overall);
    const set = readFileSync(options.exportSet, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(set).toHaveLength(42);
    expect(set[0]).toMatchObject({
      task_id: expect.any(String),
      prompt: expect.stringContaining("<confidence>"),
    });
    expect(Object.keys(set[0]).sort()).toEqual(["difficulty", "domain", "messages", "prompt", "task_id"]); // no gold
    expect(parseXml(readFileSync(options.html, "utf8")).name).toBe("html");
  });
});
