// The echo-env command tree: serve (default), score, tasks, rewards, eval, baseline, compare.
import { Command } from "commander";
import { VERSION } from "../version.js";
import { registerBaseline } from "./commands/baseline.js";
import { registerCompare } from "./commands/compare.js";
import { registerEval } from "./commands/eval.js";
import { registerRewards } from "./commands/rewards-audit.js";
import { registerScore } from "./commands/score.js";
import { registerServe } from "./commands/serve.js";
import { registerTasksDownload } from "./commands/tasks-download.js";
import { registerTasksList } from "./commands/tasks-list.js";

export function buildProgram(): Command {
  const program = new Command("echo-env")
    .description("ECHO: an OpenEnv environment that rewards calibrated confidence")
    .version(VERSION);
  registerServe(program);
  registerScore(program);
  const tasks = program.command("tasks").description("The task bank: list, validate, download real datasets");
  registerTasksList(tasks);
  registerTasksDownload(tasks);
  registerRewards(program);
  registerEval(program);
  registerBaseline(program);
  registerCompare(program);
  return program;
}
