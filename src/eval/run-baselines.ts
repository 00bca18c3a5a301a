// Runs every baseline agent over one evaluation set and reports their calibration side by side.
import { z } from "zod";
import type { RewardPreset } from "../core/reward/preset.js";
import { SOURCE_KINDS, type Task } from "../tasks/task.js";
import { type AgentResponse, agentResponses } from "./agent-responses.js";
import type { BaselineAgent } from "./baselines.js";
import { EvalReport } from "./eval-report.js";
import { summarizeRun } from "./evaluate.js";
import { gradeEntry } from "./graded-record.js";
import { RunIntervals, runIntervals } from "./run-intervals.js";
import type { SkillProfile } from "./skill-profile.js";

export const BaselineAgentRun = z
  .object({
    agent: z.string().describe("Agent name"),
    description: z.string().describe("How the agent picks its confidence"),
    abstain_rate: z.number().describe('Chance of answering "I don\'t know" on a task it does not know'),
    knew: z
      .number()
      .int()
      .describe("Tasks the seeded simulation let the agent know (the most it can get right)"),
    expected_accuracy: z.number().describe("Mean configured skill over the set: the accuracy to expect"),
    report: EvalReport,
    intervals: RunIntervals.nullable().describe("Bootstrap intervals of ECE and Brier; null when disabled"),
  })
  .meta({ id: "BaselineAgentRun" });
export type BaselineAgentRun = z.infer<typeof BaselineAgentRun>;

export const BaselineReport = z
  .object({
    eval_set: z
      .object({
        n: z.number().int().describe("Tasks in the evaluation set"),
        seed: z.number().int().describe("Seed of the set, the knowledge simulation and the bootstrap"),
        preset: z.string().describe("Reward preset of mean_reward"),
        skill: z.string().describe("Skill profile of the agents ('default' or 'uniform p')"),
        sources: z
          .partialRecord(z.enum(SOURCE_KINDS), z.number().int())
          .describe("Tasks per source in the set (generated, curated, hub)"),
      })
      .describe("What the agents were evaluated on"),
    bootstrap: z
      .object({ replicates: z.number().int(), level: z.number() })
      .nullable()
      .describe("Bootstrap settings of the intervals; null when disabled"),
    agents: z.array(BaselineAgentRun).describe("One run per agent, in registry order"),
  })
  .meta({ id: "BaselineReport" });
export type BaselineReport = z.infer<typeof BaselineReport>;

export interface BaselineRunOptions {
  agents: readonly BaselineAgent[];
  seed: number;
  preset: RewardPreset;
  skill: SkillProfile;
  skillLabel: string;
  /** Bootstrap resamples per agent (0: no intervals). */
  replicates: number;
  /** Told after each agent is graded (and bootstrapped): long runs show progress. */
  onAgentDone?: (agent: string, done: number, total: number) => void;
}

/**
 * Every agent answers the same tasks with the same knowledge draws; the responses go through the same
 * parser, graders and reward as a model's.
 * @example runBaselines(buildEvalSet(bank, { n: 500, seed: 1 }), { agents: BASELINE_AGENTS, seed: 1, ... }).report
 */
export function runBaselines(
  tasks: readonly Task[],
  options: BaselineRunOptions,
): { report: BaselineReport; responses: Map<string, AgentResponse[]> } {
  const responses = new Map<string, AgentResponse[]>();
  const sources: Partial<Record<Task["source"]["kind"], number>> = {};
  for (const t of tasks) sources[t.source.kind] = (sources[t.source.kind] ?? 0) + 1;
  const agents = options.agents.map((agent, index): BaselineAgentRun => {
    const answers = agentResponses(agent, tasks, { seed: options.seed, skill: options.skill });
    responses.set(agent.name, answers);
    const records = answers.map((a, i) => {
      const task = tasks[i] as Task;
      const entry = { line: i + 1, key: task.id, taskId: task.id, spec: task, response: a.response };
      return gradeEntry({ ...entry, domain: task.domain, difficulty: task.difficulty }, options.preset);
    });
    const report = summarizeRun(records, { label: agent.name, preset: options.preset.name, problems: [] });
    const intervals =
      options.replicates > 0
        ? runIntervals(records, { replicates: options.replicates, seed: options.seed }, agent.name)
        : null;
    options.onAgentDone?.(agent.name, index + 1, options.agents.length);
    return {
      agent: agent.name,
      description: agent.description,
      abstain_rate: agent.abstainRate,
      knew: answers.filter((a) => a.knows).length,
      expected_accuracy: answers.reduce((sum, a) => sum + a.skill, 0) / Math.max(1, answers.length),
      report,
      intervals,
    };
  });
  return {
    report: {
      eval_set: {
        n: tasks.length,
        seed: options.seed,
        preset: options.preset.name,
        skill: options.skillLabel,
        sources,
      },
      bootstrap: options.replicates > 0 ? { replicates: options.replicates, level: 0.95 } : null,
      agents,
    },
    responses,
  };
}
