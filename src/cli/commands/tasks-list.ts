// `echo-env tasks list` and `echo-env tasks validate`: what the bank holds, and whether every gold grades.
import type { Command } from "commander";
import { DIFFICULTIES } from "../../core/taxonomy.js";
import { GENERATORS } from "../../tasks/generators/index.js";
import { loadBank } from "../../tasks/load-bank.js";
import { loadCuratedTasks } from "../../tasks/sources/curated.js";
import { loadCachedHubTasks } from "../../tasks/sources/hub/load-cached.js";
import { validateTasks } from "../../tasks/validate-tasks.js";
import { type CliIo, processIo, table } from "../io.js";

const dataDirOf = (options: { dataDir?: string | undefined }, io: CliIo) =>
  options.dataDir ?? io.env.ECHO_DATA_DIR ?? "data";

export function runTasksList(options: { dataDir?: string; json?: boolean }, io: CliIo = processIo): number {
  const { bank, warnings } = loadBank(dataDirOf(options, io));
  for (const warning of warnings) io.stderr.write(`warning: ${warning}\n`);
  const summary = bank.summary();
  if (options.json) {
    io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return 0;
  }
  const rows = summary.counts.map((c) => [c.domain, c.difficulty, c.source, String(c.count)]);
  io.stdout.write(
    `${table([["domain", "difficulty", "source", "count"], ...rows])}\n\ntotal ${summary.total}\n`,
  );
  return 0;
}

export function runTasksValidate(
  options: { dataDir?: string; perGenerator?: string },
  io: CliIo = processIo,
): number {
  const per = Number(options.perGenerator ?? "1000");
  if (!Number.isInteger(per) || per < 1) {
    io.stderr.write("error: --per-generator must be a positive integer\n");
    return 2;
  }
  const hub = loadCachedHubTasks(dataDirOf(options, io));
  const groups = [
    { name: "curated", tasks: loadCuratedTasks() },
    { name: "hub (cached)", tasks: hub.tasks },
    ...GENERATORS.map((g) => ({
      name: `gen/${g.name}`,
      tasks: DIFFICULTIES.flatMap((d) => Array.from({ length: per }, (_, i) => g.generate(d, i))),
    })),
  ];
  let failed = 0;
  for (const group of groups) {
    const { checked, problems } = validateTasks(group.tasks);
    failed += problems.length;
    io.stdout.write(`${group.name}: ${checked} checked, ${problems.length} problems\n`);
    for (const p of problems.slice(0, 20)) io.stdout.write(`  ${p.task_id}: ${p.problem}\n`);
    if (problems.length > 20) io.stdout.write(`  ... and ${problems.length - 20} more\n`);
  }
  return failed === 0 ? 0 : 1;
}

export function registerTasksList(tasks: Command): void {
  tasks
    .command("list")
    .description("Show what the bank holds: counts per domain x difficulty x source")
    .option("--data-dir <dir>", "data directory with cached datasets (default: $ECHO_DATA_DIR or ./data)")
    .option("--json", "print the summary as JSON")
    .action((options: { dataDir?: string; json?: boolean }) => {
      process.exitCode = runTasksList(options);
    });
  tasks
    .command("validate")
    .description("Check that every task's own gold grades correct and obvious wrong answers grade wrong")
    .option("--data-dir <dir>", "data directory with cached datasets (default: $ECHO_DATA_DIR or ./data)")
    .option("--per-generator <n>", "generated tasks checked per generator and difficulty", "1000")
    .action((options: { dataDir?: string; perGenerator?: string }) => {
      process.exitCode = runTasksValidate(options);
    });
}
