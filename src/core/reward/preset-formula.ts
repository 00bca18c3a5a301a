// Renders a preset configuration as a human-readable formula, so every preset (custom ones too) explains itself.
import type { RewardPresetConfig } from "./preset-config.js";

const num = (x: number): string => String(Number(x.toFixed(6)));

function overconfidenceText(c: RewardPresetConfig["overconfidence"]): string | null {
  if (c.kind === "none") return null;
  if (c.kind === "proper") return `proper_overconfidence(t=${num(c.threshold)}, lambda=${num(c.lambda)})`;
  const tiers = c.tiers.map((t) => `conf>=${t.min_confidence} -> ${num(t.penalty)}`).join(", else ");
  return `[wrong: ${tiers}]`;
}

/**
 * A one-line formula for a preset, e.g. "0.5*o + 0.25*(1 - 2*BS) + proper_overconfidence(t=0.8, lambda=2); ...".
 * @example describeFormula(getPreset("rlcr").config)
 * // "0.5*format + format*(0.5*o + 0.5*(1 - BS)); format = 1 only when clean; o = correct"
 */
export function describeFormula(c: RewardPresetConfig): string {
  const terms: string[] = [];
  if (c.accuracy.weight !== 0)
    terms.push(`${num(c.accuracy.weight)}*${c.accuracy.uses === "score" ? "acc" : "o"}`);
  if (c.brier.weight !== 0) {
    terms.push(`${num(c.brier.weight)}*(1 - ${c.brier.form === "one_minus_bs" ? "BS" : "2*BS"})`);
  }
  const over = overconfidenceText(c.overconfidence);
  if (over) terms.push(over);
  const u = c.underconfidence;
  if (u.kind === "cliff") terms.push(`[right: conf<=${u.max_confidence} -> ${num(u.penalty)}]`);
  let body = terms.length > 0 ? terms.join(" + ") : "0";
  if (c.format.gate) body = `format*(${body})`;
  if (c.format.bonus !== 0) body = `${num(c.format.bonus)}*format + ${body}`;
  const l = c.length;
  if (l.kind === "bucket") {
    body += ` + [f outside [${num(l.min_fraction)}, ${num(l.max_fraction)}] -> ${num(-l.weight)}]`;
  }

  const notes: string[] = [];
  if (c.format.gate || c.format.bonus !== 0) {
    notes.push(`format = 1 only when ${c.format.accepts === "clean" ? "clean" : "clean or repaired"}`);
  }
  notes.push(
    c.outcome.from === "correct" ? "o = correct" : `o = (score >= ${num(c.outcome.score_threshold)})`,
  );
  if (c.accuracy.uses === "score") notes.push("acc = score");
  if (l.kind === "bucket") notes.push("f = completion_tokens/max_tokens (no counts -> 0)");
  if (c.abstention_reward !== null) notes.push(`abstain -> ${num(c.abstention_reward)}`);
  if (c.format.failure_reward !== null) notes.push(`format failure -> ${num(c.format.failure_reward)}`);
  if (c.clip) notes.push(`clip to [${num(c.clip.min)}, ${num(c.clip.max)}]`);
  return [body, ...notes].join("; ");
}
