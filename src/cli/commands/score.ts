// `echo-env score`: parse, grade and reward one response given on the command line.
import type { Command } from "commander";
import { GRADER_KINDS, type GraderKind, type GradingSpec } from "../../core/grading/grade-result.js";
import { RESPONSE_FORMATS } from "../../core/response-format.js";
import { PRESET_NAMES } from "../../core/reward/presets.js";
import type { TokenCounts } from "../../core/reward/reward-input.js";
import { scoreResponse } from "../../core/score-response.js";
import { inferGrader } from "../../eval/response-lines.js";
import { loadBank } from "../../tasks/load-bank.js";
import { optionLetter } from "../../tasks/task.js";
import { type CliIo, fixed, processIo, table } from "../io.js";
import { intOption, presetFrom, responseFormatFrom } from "./eval.js";

export interface ScoreOptions {
  taskId?: string | undefined;
  gold?: string | undefined;
  grader?: string | undefined;
  choices?: string | undefined;
  aliases?: string | undefined;
  preset?: string | undefined;
  responseFormat?: string | undefined;
  completionTokens?: string | undefined;
  maxTokens?: string | undefined;
  json?: boolean | undefined;
  dataDir?: string | undefined;
}

const splitList = (value: string | undefined) =>
  (value ?? "")
    .split("|")
    .map((x) => x.trim())
    .filter(Boolean);

/** The grading spec from --task-id, or from --gold (+ --grader, --choices, --aliases). */
function specFrom(options: ScoreOptions, io: CliIo): GradingSpec | string {
  if (options.taskId) {
    const { bank } = loadBank(options.dataDir ?? io.env.ECHO_DATA_DIR ?? "data");
    return bank.get(options.taskId) ?? `no task with id "${options.taskId}" (try 'echo-env tasks list')`;
  }
  if (options.gold === undefined)
    return "give --task-id ID, or --gold ANSWER (with --grader/--choices/--aliases)";
  const choices = splitList(options.choices);
  const grader = (options.grader ?? inferGrader(options.gold, choices)) as GraderKind;
  if (!GRADER_KINDS.includes(grader)) return `--grader must be one of ${GRADER_KINDS.join(", ")}`;
  if (grader !== "multiple_choice")
    return { grader, answer: options.gold, aliases: splitList(options.aliases) };
  const index = options.gold.trim().toUpperCase().charCodeAt(0) - 65;
  if (options.gold.trim().length !== 1 || index < 0 || index >= choices.length) {
    return `for multiple choice, --gold is the correct option's letter (A to ${optionLetter(Math.max(0, choices.length - 1))})`;
  }
  return { grader, answer: optionLetter(index), aliases: [], choices, answer_index: index };
}

/** --completion-tokens and --max-tokens (for a preset's length term), or an error message. */
function tokensFrom(options: ScoreOptions): TokenCounts | string {
  const completion = intOption(options.completionTokens, "--completion-tokens", 0, -1);
  if (typeof completion === "string") return completion;
  const max = intOption(options.maxTokens, "--max-tokens", 1, -1);
  if (typeof max === "string") return max;
  return {
    completion_tokens: completion < 0 ? undefined : completion,
    max_tokens: max < 0 ? undefined : max,
  };
}

function usageError(io: CliIo, message: string): number {
  io.stderr.write(`error: ${message}\n`);
  return 2;
}

export function runScore(response: string, options: ScoreOptions, io: CliIo = processIo): number {
  const preset = presetFrom(options.preset, io);
  if (typeof preset === "string") return usageError(io, preset);
  const format = responseFormatFrom(options.responseFormat);
  if ("error" in format) return usageError(io, format.error);
  const tokens = tokensFrom(options);
  if (typeof tokens === "string") return usageError(io, tokens);
  const spec = specFrom(options, io);
  if (typeof spec === "string") return usageError(io, spec);
  const parseOptions = { responseFormat: format.format };
  const { parsed, grade, reward } = scoreResponse(spec, response, preset, parseOptions, tokens);
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ parsed, grade, reward }, null, 2)}\n`);
    return 0;
  }
  const lines = [
    `confidence  ${parsed.confidence} (${parsed.confidence_source})`,
    `answer      ${JSON.stringify(parsed.answer)}${parsed.abstained ? " (abstained)" : ""}`,
    `format      ${parsed.format}${parsed.issues.length ? ` [${parsed.issues.map((i) => i.code).join(", ")}]` : ""}`,
    `grade       ${grade.correct ? "correct" : "wrong"} (score ${fixed(grade.score)}, ${grade.method})`,
    `gold        ${spec.answer}`,
    "",
    `reward (${reward.preset})  ${fixed(reward.total, 4)}`,
    table([
      ["component", "value"],
      ...Object.entries(reward.components).map(([name, value]) => [name, fixed(value, 4)]),
    ]),
  ];
  io.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}

export function registerScore(program: Command): Command {
  return program
    .command("score")
    .description("Parse, grade and reward one response, printing the reward breakdown")
    .argument("<response>", 'the model response, e.g. "<confidence>70</confidence><answer>4</answer>"')
    .option("--task-id <id>", "grade against a task of the bank (e.g. curated/factual/easy/001)")
    .option("--gold <answer>", "the gold answer (a number, text, or the correct option's letter)")
    .option("--grader <kind>", `how to grade with --gold: ${GRADER_KINDS.join(", ")}`)
    .option("--choices <a|b|c>", "options for multiple choice, separated by |")
    .option("--aliases <a|b>", "other accepted answers, separated by |")
    .option(
      "--preset <name>",
      `reward preset: ${PRESET_NAMES.join(", ")} (default: $REWARD_PRESET or calibrated)`,
    )
    .option(
      "--response-format <format>",
      `how the response is written: ${RESPONSE_FORMATS.join(", ")} (default: tags)`,
    )
    .option("--completion-tokens <n>", "tokens the completion used (for a preset's length term, e.g. boolq)")
    .option("--max-tokens <n>", "the completion's token budget (for a preset's length term)")
    .option("--data-dir <dir>", "data directory with cached datasets (default: $ECHO_DATA_DIR or ./data)")
    .option("--json", "print the full result as JSON")
    .addHelpText(
      "after",
      '\nExamples:\n  echo-env score "<confidence>70</confidence><answer>4</answer>" --gold 4\n' +
        '  echo-env score "<confidence>90</confidence><answer>B</answer>" --gold B --choices "Mars|Venus|Earth"\n' +
        '  echo-env score "ANSWER: YES with 90% probability" --gold yes --response-format answer_line \\\n' +
        "    --preset boolq --completion-tokens 300 --max-tokens 1000\n",
    )
    .action((response: string, options: ScoreOptions) => {
      process.exitCode = runScore(response, options);
    });
}
