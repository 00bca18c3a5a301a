// Headline cards: the calibration figures of GET /metrics, the curriculum phase and the default preset.
import { h, replace } from "./dom.js";
import { dec, int, pct, signed } from "./format.js";

/** Each card: the figure, how it is written, and a hint on how to read it. */
const CARDS = [
  {
    key: "count",
    label: "Episodes",
    format: int,
    hint: (m) => `${int(m.calibrated_count)} with a stated confidence`,
  },
  { key: "accuracy", label: "Accuracy", format: pct, hint: () => "share of answers that were right" },
  {
    key: "mean_confidence",
    label: "Mean confidence",
    format: pct,
    hint: () => "close to accuracy when calibrated",
  },
  { key: "ece", label: "ECE", format: dec, hint: () => "expected calibration error; lower is better" },
  { key: "mce", label: "MCE", format: dec, hint: () => "worst bin's gap; lower is better" },
  {
    key: "brier",
    label: "Brier",
    format: dec,
    hint: () => "squared error of the confidence; lower is better",
  },
  {
    key: "auroc",
    label: "AUROC",
    format: dec,
    hint: () => "does confidence separate right from wrong? 0.5 = no",
  },
  {
    key: "overconfidence_rate",
    label: "Overconfidence",
    format: pct,
    hint: () => "wrong answers stated at ≥ 80%",
  },
  {
    key: "false_confidence_rate",
    label: "False confidence",
    format: pct,
    hint: () => "wrong among answers stated at ≥ 80%",
  },
  {
    key: "abstention_rate",
    label: "Abstention",
    format: pct,
    hint: () => "answers that said “I don't know”",
  },
  {
    key: "refusal_rate_answerable",
    label: "Refusals (answerable)",
    format: pct,
    hint: () => "declined questions that have an answer",
  },
  {
    key: "refusal_rate_unanswerable",
    label: "Refusals (unanswerable)",
    format: pct,
    hint: () => "declined questions no one can answer; higher is better",
  },
  {
    key: "confident_fabrication_rate",
    label: "Confident fabrication",
    format: pct,
    hint: () => "unanswerable questions answered at ≥ 80%; lower is better",
  },
  {
    key: "mean_reward",
    label: "Mean reward",
    format: signed,
    hint: (_m, c) => `paid by the ${c.preset ?? "default"} preset`,
  },
];

function card(key, label) {
  return h(
    "div",
    { class: "card", "data-metric": key },
    h("dt", {}, label),
    h("dd", { class: "value" }, "—"),
    h("dd", { class: "card-hint" }, ""),
  );
}

/** Builds the cards once; update them with updateCards. */
export function initCards(list) {
  replace(
    list,
    ...CARDS.map((c) => card(c.key, c.label)),
    card("phase", "Curriculum phase"),
    card("preset", "Reward preset"),
  );
}

function set(list, key, text, value, hint) {
  const node = list.querySelector(`[data-metric="${key}"]`);
  if (!node) return;
  const [valueNode, hintNode] = node.querySelectorAll("dd");
  valueNode.textContent = text;
  if (value === null || value === undefined) valueNode.removeAttribute("data-value");
  else valueNode.setAttribute("data-value", String(value));
  hintNode.textContent = hint;
}

/** Fills the cards from a CalibrationReport, the curriculum state and the default preset's name. */
export function updateCards(list, metrics, curriculum, preset) {
  if (metrics) {
    for (const c of CARDS)
      set(list, c.key, c.format(metrics[c.key]), metrics[c.key], c.hint(metrics, { preset }));
  }
  if (curriculum) {
    const pinned = curriculum.pinned ? " (pinned)" : "";
    set(
      list,
      "phase",
      `${curriculum.phase}${pinned}`,
      curriculum.phase,
      `${int(curriculum.episodes_in_phase)} episodes in phase; rolling ECE ${dec(curriculum.rolling_ece)}`,
    );
  }
  if (preset !== undefined) set(list, "preset", preset ?? "—", preset, "used when a request names none");
}
