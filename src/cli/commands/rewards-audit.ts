// `echo-env rewards audit`: a preset's best-response table and its properness verdicts.
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { auditPreset } from "../../core/reward/audit.js";
import type { RewardPreset } from "../../core/reward/preset.js";
import { tryCreatePreset } from "../../core/reward/preset.js";
import { BUILT_IN_PRESETS, PRESET_NAMES, resolvePreset } from "../../core/reward/presets.js";
import { type CliIo, fixed, processIo, table } from "../io.js";

export interface AuditOptions {
  preset?: string | undefined;
  config?: string | undefined;
  step?: string | undefined;
  json?: boolean | undefined;
}

function presetsFrom(options: AuditOptions): RewardPreset[] | string {
  if (options.config) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(options.config, "utf8"));
    } catch (error) {
      return `cannot read preset config ${options.config}: ${(error as Error).message}`;
    }
    const created = tryCreatePreset(json);
    return created.ok ? [created.preset] : `invalid preset config ${options.config}:\n${created.error}`;
  }
  if (!options.preset) return Object.values(BUILT_IN_PRESETS);
  const resolved = resolvePreset(options.preset);
  return resolved.ok ? [resolved.preset] : resolved.error.message;
}

export function runRewardsAudit(options: AuditOptions, io: CliIo = processIo): number {
  const presets = presetsFrom(options);
  if (typeof presets === "string") {
    io.stderr.write(`error: ${presets}\n`);
    return 2;
  }
  const step = Number(options.step ?? "0.05");
  if (
    !(step > 0 && step <= 0.5) ||
    !Number.isInteger(Math.round(1 / step)) ||
    Math.abs(1 / step - Math.round(1 / step)) > 1e-9
  ) {
    io.stderr.write("error: --step must divide 1 evenly, e.g. 0.01, 0.05, 0.1\n");
    return 2;
  }
  const reports = presets.map((preset) => auditPreset(preset));
  if (options.json) {
    io.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
    return 0;
  }
  const every = Math.round(step * 100);
  for (const [i, report] of reports.entries()) {
    const preset = presets[i] as RewardPreset;
    const rows = report.best_response
      .filter((_, k) => k % every === 0)
      .map((b) => [
        b.q.toFixed(2),
        String(b.confidence),
        fixed(b.expected_reward, 4),
        fixed(b.confidence / 100 - b.q, 2),
      ]);
    const unanswerableRows = report.unanswerable.best_response
      .filter((_, k) => k % every === 0)
      .map((b) => [b.q.toFixed(2), b.move, String(b.confidence), fixed(b.expected_reward, 4)]);
    io.stdout.write(
      [
        `${preset.name}: ${preset.formula}`,
        `verdict: ${report.verdict}`,
        `proper: ${report.proper} (max gap ${fixed(report.max_gap.value, 2)} at q=${fixed(report.max_gap.q, 2)}), ` +
          `monotone: ${report.monotone}, honest answering: ${report.honest_answering}`,
        table([["true q", "best confidence", "expected reward", "gap"], ...rows]),
        `unanswerable: ${report.unanswerable.verdict}`,
        table([["q (decline right)", "best move", "confidence", "expected reward"], ...unanswerableRows]),
        "",
      ].join("\n"),
    );
  }
  return 0;
}

export function registerRewards(program: Command): Command {
  const rewards = program.command("rewards").description("Reward presets");
  rewards
    .command("audit")
    .description(
      "Print a preset's best-response table: the confidence that maximises expected reward for each q",
    )
    .option("--preset <name>", `one built-in preset: ${PRESET_NAMES.join(", ")} (default: all)`)
    .option("--config <file>", "a custom preset as JSON (RewardPresetConfig) to audit instead")
    .option("--step <q>", "spacing of the printed q rows", "0.05")
    .option("--json", "print the full audit reports as JSON")
    .action((options: AuditOptions) => {
      process.exitCode = runRewardsAudit(options);
    });
  return rewards;
}
