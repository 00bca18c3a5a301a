// `echo-env compare`: two runs (e.g. before and after training) side by side, with bootstrap intervals.
import { basename } from "node:path";
import type { Command } from "commander";
import type { RewardPreset } from "../../core/reward/preset.js";
import { PRESET_NAMES } from "../../core/reward/presets.js";
import { type Comparison, compareRuns, differenceVerdict } from "../../eval/compare.js";
import { compareReportHtml } from "../../eval/report-html.js";
import { type CliIo, fixed, processIo, table } from "../io.js";
import { BASIC_NOTE } from "./baseline.js";
import { evaluateFile, intOption, lazyBankLookup, presetFrom, printReport, writeOutputs } from "./eval.js";
import { writeProblems } from "./eval-text.js";

export interface CompareOptions {
  labels?: string | undefined;
  bootstrap?: string | undefined;
  seed?: string | undefined;
  preset?: string | undefined;
  json?: string | boolean | undefined;
  html?: string | undefined;
  dataDir?: string | undefined;
}

const signed = (x: number | null) => (x === null ? "-" : `${x > 0 ? "+" : ""}${x.toFixed(3)}`);
const ci = (i: { lower: number; upper: number } | null | undefined) =>
  i ? `[${fixed(i.lower)}, ${fixed(i.upper)}]` : "-";

export function formatComparison(c: Comparison): string {
  const [la, lb] = c.labels;
  const lines = [
    `${la}: ${c.a.lines.graded} graded lines · ${lb}: ${c.b.lines.graded} graded lines (preset ${c.a.preset})`,
    "",
    table([
      ["metric", la, lb, `${lb} - ${la}`],
      ...c.deltas.map((d) => [d.metric, fixed(d.a), fixed(d.b), signed(d.difference)]),
    ]),
  ];
  const bs = c.bootstrap;
  if (bs) {
    lines.push(
      "",
      `${Math.round(bs.level * 100)}% bootstrap intervals (${bs.replicates} resamples, seed ${bs.seed}); ` +
        `difference: ${bs.pairing.method} (${bs.pairing.reason})`,
      table([
        ["metric", la, lb, `${lb} - ${la}`, "reading"],
        ...(["ece", "brier"] as const).map((m) => [
          m,
          ci(bs.a[m]),
          ci(bs.b[m]),
          `${signed(bs.difference[m]?.estimate ?? null)} ${ci(bs.difference[m])}`,
          differenceVerdict(bs.difference[m]).replace(/ b$/, ` ${lb}`),
        ]),
      ]),
      BASIC_NOTE,
    );
  }
  return `${lines.join("\n")}\n`;
}

interface CompareSettings {
  preset: RewardPreset;
  replicates: number;
  seed: number;
  labels: [string, string];
}

function settingsFrom(
  fileA: string,
  fileB: string,
  options: CompareOptions,
  io: CliIo,
): CompareSettings | string {
  const preset = presetFrom(options.preset, io);
  if (typeof preset === "string") return preset;
  const replicates = intOption(options.bootstrap, "--bootstrap", 0, 1000);
  if (typeof replicates === "string") return replicates;
  const seed = intOption(options.seed, "--seed", 0, 1);
  if (typeof seed === "string") return seed;
  const names = [basename(fileA), basename(fileB)];
  const fallback = names[0] === names[1] || names.some((n) => n.includes(",")) ? "a,b" : names.join(",");
  const [la, lb, ...rest] = (options.labels ?? fallback).split(",").map((x) => x.trim());
  if (!la || !lb || rest.length > 0 || la === lb) {
    return "--labels takes two different names separated by a comma, e.g. before,after";
  }
  return { preset, replicates, seed, labels: [la, lb] };
}

export function runCompare(
  fileA: string,
  fileB: string,
  options: CompareOptions,
  io: CliIo = processIo,
): number {
  const settings = settingsFrom(fileA, fileB, options, io);
  if (typeof settings === "string") {
    io.stderr.write(`error: ${settings}\n`);
    return 2;
  }
  const { preset, replicates, seed, labels } = settings;
  const lookup = lazyBankLookup(options.dataDir, io);
  // Progress on stderr, so stdout stays the report (or its JSON).
  const a = evaluateFile(fileA, preset, lookup, labels[0]);
  if (typeof a !== "string") io.stderr.write(`[1/3] ${labels[0]}: ${a.report.lines.graded} lines graded\n`);
  const b = evaluateFile(fileB, preset, lookup, labels[1]);
  if (typeof b !== "string") io.stderr.write(`[2/3] ${labels[1]}: ${b.report.lines.graded} lines graded\n`);
  for (const run of [a, b]) {
    if (typeof run === "string") {
      io.stderr.write(`error: ${run}\n`);
      return 2;
    }
    writeProblems(run.report, io);
  }
  if (typeof a === "string" || typeof b === "string") return 2;
  if (replicates > 0)
    io.stderr.write(`[3/3] bootstrap: ${replicates} resamples of each run and the difference\n`);
  const comparison = compareRuns(a, b, labels, { replicates, seed });
  const outputs = printReport(
    io,
    options,
    comparison,
    () => formatComparison(comparison),
    () => compareReportHtml(comparison),
  );
  const written = writeOutputs(outputs, [fileA, fileB], io, options.json !== true);
  if (written !== 0) return written;
  if (a.report.lines.graded === 0 || b.report.lines.graded === 0) {
    io.stderr.write("error: a run has no gradable line\n");
    return 1;
  }
  return 0;
}

export function registerCompare(program: Command): Command {
  return program
    .command("compare")
    .description("Compare two response files (e.g. before and after training) with bootstrap intervals")
    .argument("<a>", "first responses JSONL (e.g. before)")
    .argument("<b>", "second responses JSONL (e.g. after)")
    .option("--labels <a,b>", "names of the two runs, e.g. before,after (default: the file names)")
    .option("--bootstrap <n>", "bootstrap resamples for the ECE and Brier intervals (0: none)", "1000")
    .option("--seed <seed>", "seed of the bootstrap", "1")
    .option(
      "--preset <name>",
      `reward preset: ${PRESET_NAMES.join(", ")} (default: $REWARD_PRESET or calibrated)`,
    )
    .option("--json [file]", "print the comparison as JSON, or write it to a file")
    .option("--html <file>", "write a self-contained HTML report")
    .option("--data-dir <dir>", "data directory with cached datasets (default: $ECHO_DATA_DIR or ./data)")
    .action((a: string, b: string, options: CompareOptions) => {
      process.exitCode = runCompare(a, b, options);
    });
}
