import { beforeAll, describe, expect, it } from "vitest";
import { getPreset } from "../../src/core/reward/presets.js";
import { scoreResponse } from "../../src/core/score-response.js";
import { agentResponses } from "../../src/eval/agent-responses.js";
import { BASELINE_AGENTS, BASELINE_NAMES, findBaseline, overconfident } from "../../src/eval/baselines.js";
import { buildEvalSet } from "../../src/eval/eval-set.js";
import { BaselineReport, runBaselines } from "../../src/eval/run-baselines.js";
import { DEFAULT_SKILL, uniformSkill } from "../../src/eval/skill-profile.js";
import { loadBank } from "../../src/tasks/load-bank.js";
import type { Task } from "../../src/tasks/task.js";

const preset = getPreset("calibrated");
let tasks: Task[];

beforeAll(() => {
  tasks = buildEvalSet(loadBank("/nonexistent-echo").bank, { n: 630, seed: 1 });
});

const agent = (name: string) => findBaseline(name)!;

describe("baseline registry", () => {
  it("holds the four original agents and the oracle, with unique names", () => {
    expect(BASELINE_NAMES).toEqual([
      "always-50",
      "always-90",
      "keyword-heuristic",
      "overconfident",
      "oracle",
    ]);
    expect(findBaseline("nope")).toBeUndefined();
  });

  it("the overconfident transform raises every probability above ~15%", () => {
    expect(overconfident(0.5)).toBeCloseTo(0.881, 3);
    expect(overconfident(0.8)).toBeGreaterThan(0.98);
    for (const p of [0.2, 0.3, 0.5, 0.7, 0.9]) expect(overconfident(p)).toBeGreaterThan(p);
    expect(overconfident(0)).toBeGreaterThan(0);
    expect(overconfident(1)).toBeLessThan(1);
  });
});

describe("agent responses", () => {
  it("are deterministic for a seed and change with it", () => {
    for (const a of BASELINE_AGENTS) {
      const first = agentResponses(a, tasks, { seed: 1, skill: DEFAULT_SKILL });
      expect(agentResponses(a, tasks, { seed: 1, skill: DEFAULT_SKILL })).toEqual(first);
      expect(agentResponses(a, tasks, { seed: 2, skill: DEFAULT_SKILL })).not.toEqual(first);
    }
  });

  it("choose confidence without looking at whether they know (same confidences under other draws)", () => {
    const confidence = (r: { response: string }) => /<confidence>(\d+)</.exec(r.response)?.[1];
    for (const a of BASELINE_AGENTS) {
      const one = agentResponses(a, tasks, { seed: 1, skill: DEFAULT_SKILL });
      const two = agentResponses(a, tasks, { seed: 99, skill: DEFAULT_SKILL });
      expect(one.some((r, i) => r.knows !== two[i]!.knows)).toBe(true);
      expect(one.map(confidence)).toEqual(two.map(confidence));
    }
  });

  it("never score without knowing: every correct answer is a known one (no peeking at the gold)", () => {
    for (const a of BASELINE_AGENTS) {
      const responses = agentResponses(a, tasks, { seed: 1, skill: DEFAULT_SKILL });
      responses.forEach((r, i) => {
        const { grade, parsed } = scoreResponse(tasks[i]!, r.response, preset);
        expect(grade.correct, `${a.name} ${r.task_id}`).toBe(r.knows);
        expect(parsed.format).toBe("clean");
        if (parsed.abstained) expect(r.knows).toBe(false);
      });
    }
  });

  it("abstain only on unknown tasks, at about the agent's abstention rate", () => {
    const responses = agentResponses(agent("keyword-heuristic"), tasks, { seed: 1, skill: DEFAULT_SKILL });
    const unknown = responses.filter((r) => !r.knows);
    const abstained = unknown.filter((r) => r.response.includes("I don't know"));
    expect(responses.filter((r) => r.knows && r.response.includes("I don't know"))).toEqual([]);
    expect(abstained.length / unknown.length).toBeGreaterThan(0.04);
    expect(abstained.length / unknown.length).toBeLessThan(0.16);
  });
});

describe("baseline runs (known-in-advance metrics)", () => {
  const run = (skill = DEFAULT_SKILL, replicates = 400) =>
    runBaselines(tasks, { agents: BASELINE_AGENTS, seed: 1, preset, skill, skillLabel: "test", replicates })
      .report;

  it("produce a report that validates against its schema, one run per agent", () => {
    const report = run(DEFAULT_SKILL, 50);
    expect(BaselineReport.parse(report)).toEqual(report);
    expect(report.agents.map((a) => a.agent)).toEqual(BASELINE_NAMES);
    expect(report.eval_set.n).toBe(630);
    expect(report.agents[0]!.report.by_domain.math?.count).toBe(90);
  });

  it("keep every agent's accuracy within sampling error of its configured skill", () => {
    for (const a of run(DEFAULT_SKILL, 0).agents) {
      const accuracy = a.report.overall.accuracy!;
      const sd = Math.sqrt((a.expected_accuracy * (1 - a.expected_accuracy)) / 630);
      expect(accuracy, a.agent).toBeLessThanOrEqual(a.expected_accuracy + 3 * sd);
      expect(accuracy, a.agent).toBeGreaterThanOrEqual(a.expected_accuracy - 3 * sd);
      expect(a.report.overall.accuracy! * 630).toBeLessThanOrEqual(a.knew);
    }
  });

  it("give the oracle an ECE near 0: its interval reaches 0 and the estimate is small", () => {
    const oracle = run().agents.find((a) => a.agent === "oracle")!;
    expect(oracle.report.overall.ece!).toBeLessThan(0.06);
    expect(oracle.intervals!.ece!.lower).toBe(0);
    expect(oracle.intervals!.ece!.bias).toBeGreaterThan(0); // noise only raises ECE
  });

  it("give always-90 on a 50%-accuracy set an ECE of about 0.4, inside its interval", () => {
    const always90 = run(uniformSkill(0.5)).agents.find((a) => a.agent === "always-90")!;
    const ece = always90.intervals!.ece!;
    expect(ece.lower).toBeLessThanOrEqual(0.4);
    expect(ece.upper).toBeGreaterThanOrEqual(0.4);
    expect(ece.upper - ece.lower).toBeLessThan(0.1);
    expect(always90.report.overall.mean_confidence).toBe(0.9);
  });

  it("rank the agents as their design says: oracle best calibrated, always-90 and overconfident worst", () => {
    const byName = Object.fromEntries(run(DEFAULT_SKILL, 0).agents.map((a) => [a.agent, a.report.overall]));
    expect(byName.oracle!.ece!).toBeLessThan(byName["keyword-heuristic"]!.ece!);
    expect(byName["keyword-heuristic"]!.ece!).toBeLessThan(byName.overconfident!.ece!);
    expect(byName.oracle!.brier!).toBeLessThan(byName["always-50"]!.brier!);
    expect(byName["always-50"]!.brier).toBe(0.25);
    expect(byName["always-90"]!.overconfidence_rate).toBe(1);
    expect(byName.oracle!.mean_reward!).toBeGreaterThan(byName["always-90"]!.mean_reward!);
  });
});
