// `echo-env baseline`: the baseline agents on a fixed, seeded evaluation set, their calibration side by side.
import { join } from "node:path";
import type { Command } from "commander";
import type { RewardPreset } from "../../core/reward/preset.js";
import { PRESET_NAMES } from "../../core/reward/presets.js";
import { BASELINE_AGENTS, BASELINE_NAMES, type BaselineAgent, findBaseline } from "../../eval/baselines.js";
import { buildEvalSet } from "../../eval/eval-set.js";
import { baselineReportHtml } from "../../eval/report-html.js";
import { type BaselineReport, runBaselines } from "../../eval/run-baselines.js";
import { DEFAULT_SKILL, type SkillProfile, uniformSkill } from "../../eval/skill-profile.js";
import { loadBank } from "../../tasks/load-bank.js";
import { buildPrompt } from "../../tasks/prompt.js";
import { type CliIo, fixed, processIo, table } from "../io.js";
import { intOption, presetFrom, printReport, writeOutputs } from "./eval.js";

export interface BaselineOptions {
  n?: string | undefined;
  seed?: string | undefined;
  preset?: string | undefined;
  json?: string | boolean | undefined;
  html?: string | undefined;
  bootstrap?: string | undefined;
  agents?: string | undefined;
  skill?: string | undefined;
  responsesDir?: string | undefined;
  exportSet?: string | undefined;
  dataDir?: string | undefined;
}

function agentsFrom(list: string | undefined): BaselineAgent[] | string {
  if (!list) return [...BASELINE_AGENTS];
  const names = list
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !findBaseline(n));
  if (unknown.length > 0)
    return `unknown agent(s) ${unknown.join(", ")}; agents: ${BASELINE_NAMES.join(", ")}`;
  return BASELINE_AGENTS.filter((a) => names.includes(a.name));
}

const ci = (i: { lower: number; upper: number } | null | undefined) =>
  i ? `[${fixed(i.lower)}, ${fixed(i.upper)}]` : "-";

/** Why an ECE interval can end below the ECE itself. */
export const BASIC_NOTE =
  "Intervals are basic bootstrap intervals: they correct for sampling noise inflating ECE, so a calibrated\n" +
  "run's interval can end below its raw ECE.";

export function formatBaselineReport(report: BaselineReport): string {
  const set = report.eval_set;
  const sources = Object.entries(set.sources)
    .map(([k, v]) => `${v} ${k}`)
    .join(", ");
  const rows = report.agents.map((a) => {
    const o = a.report.overall;
    return [
      a.agent,
      `${a.knew}/${set.n}`,
      fixed(o.accuracy),
      fixed(o.mean_confidence),
      fixed(o.ece),
      ci(a.intervals?.ece),
      fixed(o.mce),
      fixed(o.brier),
      ci(a.intervals?.brier),
      fixed(o.auroc),
      fixed(o.overconfidence_rate),
      fixed(o.mean_reward),
    ];
  });
  const header = [
    "agent",
    "knew",
    "acc",
    "conf",
    "ECE",
    "ECE 95% CI",
    "MCE",
    "Brier",
    "Brier 95% CI",
    "AUROC",
    "over",
    "reward",
  ];
  return [
    `baselines on ${set.n} tasks (${sources}), seed ${set.seed}, preset ${set.preset}, skill ${set.skill}` +
      (report.bootstrap ? `; intervals from ${report.bootstrap.replicates} bootstrap resamples` : ""),
    "",
    table([header, ...rows]),
    "",
    "Simulated agents: each knows a task with a seeded probability (its skill for the domain and difficulty),",
    'answers the gold when it knows and a wrong answer (or "I don\'t know") when not; confidence follows the',
    "agent's rule without looking at whether it knows (the oracle states its skill). 'knew' bounds accuracy.",
    ...(report.bootstrap ? [BASIC_NOTE] : []),
    "",
  ].join("\n");
}

interface BaselineSettings {
  n: number;
  seed: number;
  replicates: number;
  preset: RewardPreset;
  agents: BaselineAgent[];
  skill: SkillProfile;
  skillLabel: string;
}

function settingsFrom(options: BaselineOptions, io: CliIo): BaselineSettings | string {
  const n = intOption(options.n, "--n", 1, 500);
  if (typeof n === "string") return n;
  const seed = intOption(options.seed, "--seed", 0, 1);
  if (typeof seed === "string") return seed;
  const replicates = intOption(options.bootstrap, "--bootstrap", 0, 1000);
  if (typeof replicates === "string") return replicates;
  const preset = presetFrom(options.preset, io);
  if (typeof preset === "string") return preset;
  const agents = agentsFrom(options.agents);
  if (typeof agents === "string") return agents;
  if (options.skill === undefined) {
    return { n, seed, replicates, preset, agents, skill: DEFAULT_SKILL, skillLabel: "default" };
  }
  const p = Number(options.skill);
  if (!(p >= 0 && p <= 1)) return "--skill must be a probability from 0 to 1";
  return { n, seed, replicates, preset, agents, skill: uniformSkill(p), skillLabel: `uniform ${p}` };
}

export function runBaseline(options: BaselineOptions, io: CliIo = processIo): number {
  const settings = settingsFrom(options, io);
  if (typeof settings === "string") {
    io.stderr.write(`error: ${settings}\n`);
    return 2;
  }
  const { bank, warnings } = loadBank(options.dataDir ?? io.env.ECHO_DATA_DIR ?? "data");
  for (const warning of warnings) io.stderr.write(`warning: ${warning}\n`);
  const tasks = buildEvalSet(bank, { n: settings.n, seed: settings.seed });
  const bootstrapNote = settings.replicates > 0 ? ` and ${settings.replicates} bootstrap resamples` : "";
  const { report, responses } = runBaselines(tasks, {
    ...settings,
    // On stderr, so stdout stays the report (or its JSON).
    onAgentDone: (agent, done, total) =>
      io.stderr.write(`[${done}/${total}] ${agent}: ${tasks.length} tasks graded${bootstrapNote}\n`),
  });
  const outputs = printReport(
    io,
    options,
    report,
    () => formatBaselineReport(report),
    () => baselineReportHtml(report),
  );
  if (options.responsesDir) {
    for (const [agent, answers] of responses) {
      const lines = answers.map((a) => JSON.stringify({ task_id: a.task_id, response: a.response }));
      outputs.push([join(options.responsesDir, `${agent}.jsonl`), `${lines.join("\n")}\n`]);
    }
  }
  if (options.exportSet) {
    const lines = tasks.map((t) => {
      const prompt = buildPrompt(t, { showDifficulty: false });
      return JSON.stringify({
        task_id: t.id,
        domain: t.domain,
        difficulty: t.difficulty,
        prompt: prompt.text,
        messages: prompt.messages,
      });
    });
    outputs.push([options.exportSet, `${lines.join("\n")}\n`]);
  }
  return writeOutputs(outputs, [], io, options.json !== true);
}

export function registerBaseline(program: Command): Command {
  return program
    .command("baseline")
    .description("Run the baseline agents over a fixed, seeded evaluation set and compare their calibration")
    .option("--n <n>", "tasks in the evaluation set, spread evenly over domains and difficulties", "500")
    .option("--seed <seed>", "seed of the set, the simulated knowledge and the bootstrap", "1")
    .option(
      "--preset <name>",
      `reward preset: ${PRESET_NAMES.join(", ")} (default: $REWARD_PRESET or calibrated)`,
    )
    .option("--agents <list>", `comma-separated subset of: ${BASELINE_NAMES.join(", ")}`)
    .option("--skill <p>", "give every agent the same skill p everywhere (default: a built-in profile)")
    .option("--bootstrap <n>", "bootstrap resamples for the ECE and Brier intervals (0: none)", "1000")
    .option("--json [file]", "print the report as JSON, or write it to a file")
    .option("--html <file>", "write a self-contained HTML report")
    .option(
      "--responses-dir <dir>",
      "write each agent's responses as <agent>.jsonl (input for eval and compare)",
    )
    .option(
      "--export-set <file>",
      "write the evaluation set's prompts as JSONL, to run a real model on the same tasks",
    )
    .option("--data-dir <dir>", "data directory with cached datasets (default: $ECHO_DATA_DIR or ./data)")
    .action((options: BaselineOptions) => {
      process.exitCode = runBaseline(options);
    });
}
