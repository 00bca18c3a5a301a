// `echo-env eval`: grade a JSONL file of model responses and report calibration overall, per domain and difficulty.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import type { ParseOptions } from "../../core/parse-response.js";
import { RESPONSE_FORMATS, ResponseFormat } from "../../core/response-format.js";
import type { RewardPreset } from "../../core/reward/preset.js";
import { DEFAULT_PRESET, PRESET_NAMES, resolvePreset } from "../../core/reward/presets.js";
import { type EvaluatedRun, evaluateResponses } from "../../eval/evaluate.js";
import type { GradedRecord } from "../../eval/graded-record.js";
import { evalCharts, evalReportHtml } from "../../eval/report-html.js";
import { loadBank } from "../../tasks/load-bank.js";
import type { Task } from "../../tasks/task.js";
import { type CliIo, processIo } from "../io.js";
import { formatEvalReport, writeProblems } from "./eval-text.js";

export interface EvalOptions {
  preset?: string | undefined;
  responseFormat?: string | undefined;
  /** true: print JSON instead of tables; a path: also write the JSON there. */
  json?: string | boolean | undefined;
  html?: string | undefined;
  svgDir?: string | undefined;
  dataDir?: string | undefined;
  label?: string | undefined;
  /** A path: write one JSON line per graded input line (its verdict), in input order. */
  records?: string | undefined;
}

/** The verdicts of graded records as JSON lines, in input order. */
export function verdictLines(records: readonly GradedRecord[]): string {
  return records.map((r) => (r.verdict === undefined ? "" : `${JSON.stringify(r.verdict)}\n`)).join("");
}

/** The preset named by an option or $REWARD_PRESET, or an error message. */
export function presetFrom(name: string | undefined, io: CliIo): RewardPreset | string {
  const resolved = resolvePreset(name ?? io.env.REWARD_PRESET ?? DEFAULT_PRESET);
  return resolved.ok ? resolved.preset : resolved.error.message;
}

/** The response format named by --response-format (tags when not given), or an error message. */
export function responseFormatFrom(name: string | undefined): { format: ResponseFormat } | { error: string } {
  const parsed = ResponseFormat.safeParse(name);
  if (parsed.success) return { format: parsed.data };
  return { error: `--response-format must be one of ${RESPONSE_FORMATS.join(", ")}, got "${name}"` };
}

/** A lookup that loads the bank on first use only, so files without task ids never touch it. */
export function lazyBankLookup(dataDir: string | undefined, io: CliIo): (id: string) => Task | undefined {
  let get: ((id: string) => Task | undefined) | undefined;
  return (id) => {
    if (!get) {
      const { bank, warnings } = loadBank(dataDir ?? io.env.ECHO_DATA_DIR ?? "data");
      for (const warning of warnings) io.stderr.write(`warning: ${warning}\n`);
      get = (taskId) => bank.get(taskId);
    }
    return get(id);
  };
}

/**
 * A whole number option within bounds, or an error message.
 * @example intOption("500", "--n", 1) // 500
 */
export function intOption(
  value: string | undefined,
  name: string,
  min: number,
  fallback: number,
): number | string {
  if (value === undefined) return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= 1_000_000
    ? n
    : `${name} must be an integer from ${min} to 1000000`;
}

/** Reads and grades one responses file; an error message when the file cannot be read. */
export function evaluateFile(
  file: string,
  preset: RewardPreset,
  lookup: (id: string) => Task | undefined,
  label?: string,
  parseOptions?: ParseOptions,
): EvaluatedRun | string {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    return `cannot read ${file}: ${(error as Error).message}`;
  }
  return evaluateResponses(text, { lookup, preset, label: label ?? basename(file), parseOptions });
}

/**
 * Prints a report (its JSON with a bare --json, else its text) and lists the files --json <file> and --html
 * <file> ask for, for writeOutputs. The text and HTML are only rendered when wanted.
 */
export function printReport(
  io: CliIo,
  options: { json?: string | boolean; html?: string },
  report: unknown,
  text: () => string,
  html: () => string,
): [string, string][] {
  const json = `${JSON.stringify(report, null, 2)}\n`;
  io.stdout.write(options.json === true ? json : text());
  const outputs: [string, string][] = [];
  if (typeof options.json === "string") outputs.push([options.json, json]);
  if (options.html) outputs.push([options.html, html()]);
  return outputs;
}

/**
 * Writes each [path, content], creating folders; refuses to overwrite an input (`--json` takes an optional
 * value, so `--json a.jsonl b.jsonl` would otherwise write over a.jsonl). Returns the exit code.
 */
export function writeOutputs(
  outputs: readonly [string, string][],
  inputs: readonly string[],
  io: CliIo,
  announce: boolean,
): number {
  const protectedPaths = new Set(inputs.map((p) => resolve(p)));
  const clash = outputs.find(([path]) => protectedPaths.has(resolve(path)));
  if (clash) {
    io.stderr.write(
      `error: refusing to overwrite the input ${clash[0]}; give --json a different file or put it last\n`,
    );
    return 2;
  }
  for (const [path, content] of outputs) {
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    } catch (error) {
      io.stderr.write(`error: cannot write ${path}: ${(error as Error).message}\n`);
      return 2;
    }
    if (announce) io.stdout.write(`wrote ${path}\n`);
  }
  return 0;
}

export function runEval(file: string, options: EvalOptions, io: CliIo = processIo): number {
  const preset = presetFrom(options.preset, io);
  if (typeof preset === "string") {
    io.stderr.write(`error: ${preset}\n`);
    return 2;
  }
  const format = responseFormatFrom(options.responseFormat);
  if ("error" in format) {
    io.stderr.write(`error: ${format.error}\n`);
    return 2;
  }
  const lookup = lazyBankLookup(options.dataDir, io);
  const run = evaluateFile(file, preset, lookup, options.label, { responseFormat: format.format });
  if (typeof run === "string") {
    io.stderr.write(`error: ${run}\n`);
    return 2;
  }
  const { report } = run;
  writeProblems(report, io);
  const outputs = printReport(
    io,
    options,
    report,
    () => formatEvalReport(report),
    () => evalReportHtml(report),
  );
  if (options.svgDir) {
    for (const [name, svg] of Object.entries(evalCharts(report)))
      outputs.push([join(options.svgDir, name), svg]);
  }
  if (options.records) outputs.push([options.records, verdictLines(run.records)]);
  const written = writeOutputs(outputs, [file], io, options.json !== true);
  if (written !== 0) return written;
  if (report.lines.graded === 0) {
    io.stderr.write("error: no line could be graded\n");
    return 1;
  }
  return 0;
}

export function registerEval(program: Command): Command {
  return program
    .command("eval")
    .description("Grade a JSONL file of model responses and report calibration metrics")
    .argument(
      "<responses>",
      "JSONL: {task_id, response} or {question, response, answer, grader?, choices?, ...}",
    )
    .option(
      "--preset <name>",
      `reward preset: ${PRESET_NAMES.join(", ")} (default: $REWARD_PRESET or calibrated)`,
    )
    .option(
      "--response-format <format>",
      `how the responses are written: ${RESPONSE_FORMATS.join(", ")} (default: tags)`,
    )
    .option("--json [file]", "print the report as JSON, or write it to a file")
    .option("--html <file>", "write a self-contained HTML report (inline CSS and SVG)")
    .option("--svg-dir <dir>", "also write the charts as SVG files")
    .option("--label <name>", "name of the run in reports (default: the file name)")
    .option(
      "--records <file>",
      "write one JSON line per graded input line: line, task_id, is_correct, score, parsed_answer, " +
        "parsed_confidence, format, grading_method, reward",
    )
    .option("--data-dir <dir>", "data directory with cached datasets (default: $ECHO_DATA_DIR or ./data)")
    .addHelpText(
      "after",
      '\nLine formats:\n  {"task_id": "curated/factual/easy/001", "response": "<confidence>90</confidence><answer>Paris</answer>"}\n' +
        '  {"question": "2+2?", "answer": "4", "response": "<confidence>99</confidence><answer>4</answer>"}\n' +
        "Bad lines and unknown task ids are reported with their line numbers and left out.\n",
    )
    .action((responses: string, options: EvalOptions) => {
      process.exitCode = runEval(responses, options);
    });
}
