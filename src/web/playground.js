// Playground: draw a question with POST /reset, answer it with POST /step, and see every reward component.
import { api } from "./api.js";
import { byId, h, replace } from "./dom.js";
import { dec, signed } from "./format.js";

const COMPONENTS = [
  ["accuracy", "Accuracy", "for being right"],
  ["brier", "Brier", "for a confidence close to the outcome"],
  ["overconfidence", "Overconfidence", "confident wrong answers lose, confident right ones may gain"],
  ["underconfidence", "Underconfidence", "right answers stated too low"],
  ["format", "Format", "bonus for the format, or the reward of a broken one"],
  ["abstention", "Abstention", "fixed reward for “I don't know”"],
  ["clip", "Clip", "adjustment when the total was clipped"],
];

let episodeId = null;
let onPlayed = () => {};

/** The response built from the confidence and answer fields. */
function structuredText() {
  const confidence = byId("pg-confidence").value.trim();
  return `<confidence>${confidence}</confidence><answer>${byId("pg-answer").value}</answer>`;
}

/** The response the form would send. */
function responseText() {
  return byId("pg-mode-raw").checked ? byId("pg-response").value : structuredText();
}

function showError(error) {
  const box = byId("pg-error");
  box.textContent = error ? `Could not do that: ${error.message}` : "";
  box.hidden = !error;
}

function fillSelect(select, options) {
  replace(select, ...options.map(([value, label]) => h("option", { value }, label)));
}

/** Fills the draw form's choices: the bank's domains and the server's presets. */
export function setChoices({ domains, presets, defaultPreset, phase }) {
  fillSelect(byId("pg-domain"), [["", "Any domain"], ...domains.map((d) => [d, d])]);
  fillSelect(
    byId("pg-preset"),
    presets.map((p) => [p, p === defaultPreset ? `${p} (default)` : p]),
  );
  byId("pg-preset").value = defaultPreset;
  setCurrentPhase(phase);
}

/** Names the curriculum's phase in the phase choice ("Current phase (2)"). */
export function setCurrentPhase(phase) {
  const option = byId("pg-phase").options[0];
  const text = `Current phase (${phase})`;
  if (option.textContent !== text) option.textContent = text;
}

function renderQuestion(obs) {
  const difficulty = obs.difficulty ?? "difficulty hidden in this phase";
  byId("pg-meta").textContent =
    `${obs.domain} · ${difficulty} · phase ${obs.phase} · preset ${obs.reward_preset} · ${obs.task_id}`;
  byId("pg-text").textContent = obs.question;
  const choices = byId("pg-choices");
  replace(choices, ...(obs.choices ?? []).map((c) => h("li", {}, c)));
  choices.hidden = !obs.choices;
  byId("pg-question").hidden = false;
  byId("answer-form").hidden = false;
  byId("pg-submit").disabled = false;
  byId("pg-result").hidden = true;
}

function verdictLine(obs) {
  if (["missing_confidence", "missing_answer", "empty"].includes(obs.format))
    return ["Format problem", "format"];
  if (obs.abstained) return ["Abstained", "abstained"];
  return obs.is_correct ? ["Right", "right"] : ["Wrong", "wrong"];
}

function renderResult(result) {
  const obs = result.observation;
  const [word, cls] = verdictLine(obs);
  const verdict = byId("pg-verdict");
  verdict.className = `verdict-line ${cls}`;
  replace(
    verdict,
    `${word} — reward `,
    h("strong", { id: "pg-reward", "data-value": result.reward }, signed(result.reward)),
  );
  const details = [
    ["Gold answer", obs.true_answer],
    ["Parsed answer", obs.parsed_answer],
    ["Parsed confidence", obs.parsed_confidence === null ? "—" : `${obs.parsed_confidence}%`],
    ["Format", obs.format_issues?.length ? `${obs.format} (${obs.format_issues.join(", ")})` : obs.format],
    ["Grading", `${obs.grading_method} (score ${dec(obs.score, 2)})`],
    ["Feedback", obs.feedback],
  ];
  replace(byId("pg-details"), ...details.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v ?? "—")]));

  const parts = obs.reward_components;
  const span = Math.max(1e-9, ...COMPONENTS.map(([key]) => Math.abs(parts[key])), Math.abs(result.reward));
  const bar = (value) => {
    const fill = h("span", { class: value < 0 ? "bar-fill negative" : "bar-fill" });
    fill.style.width = `${(Math.abs(value) / span) * 50}%`;
    if (value < 0) fill.style.right = "50%";
    else fill.style.left = "50%";
    return h("span", { class: "bar-track", "aria-hidden": "true" }, fill);
  };
  replace(
    byId("pg-components-body"),
    ...COMPONENTS.map(([key, label, hint]) =>
      h(
        "tr",
        { "data-component": key, class: parts[key] === 0 ? "zero" : "" },
        h("th", { scope: "row" }, label, h("br"), h("span", { class: "muted" }, hint)),
        h("td", { class: "num", "data-value": parts[key] }, signed(parts[key])),
        h("td", { class: "bar-cell" }, bar(parts[key])),
      ),
    ),
  );
  replace(
    byId("pg-components-foot"),
    h(
      "tr",
      {},
      h("th", { scope: "row" }, "Reward (sum of the above)"),
      h("td", { class: "num", "data-value": result.reward }, signed(result.reward)),
      h("td", { class: "bar-cell" }, bar(result.reward)),
    ),
  );
  byId("pg-result").hidden = false;
}

async function draw(event) {
  event.preventDefault();
  showError(null);
  const body = {};
  for (const [key, id] of [
    ["domain", "pg-domain"],
    ["difficulty", "pg-difficulty"],
    ["reward_preset", "pg-preset"],
  ]) {
    const value = byId(id).value;
    if (value) body[key] = value;
  }
  const phase = byId("pg-phase").value;
  if (phase) body.phase = Number(phase);
  const button = byId("pg-draw");
  button.disabled = true;
  try {
    const result = await api("/reset", { method: "POST", body, ask: true });
    episodeId = result.observation.episode_id;
    renderQuestion(result.observation);
    updatePreview();
    (byId("pg-mode-raw").checked ? byId("pg-response") : byId("pg-confidence")).focus();
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
  }
}

async function submit(event) {
  event.preventDefault();
  showError(null);
  if (!episodeId) return;
  const button = byId("pg-submit");
  button.disabled = true;
  try {
    const result = await api("/step", {
      method: "POST",
      body: { action: { response: responseText() }, episode_id: episodeId },
      ask: true,
    });
    episodeId = null;
    renderResult(result);
    byId("pg-result").focus();
    onPlayed();
  } catch (error) {
    button.disabled = false;
    showError(error);
  }
}

function updatePreview() {
  byId("pg-preview").textContent = responseText();
}

function switchMode() {
  const raw = byId("pg-mode-raw").checked;
  byId("pg-structured").hidden = raw;
  byId("pg-raw").hidden = !raw;
  // Start the raw text from what the fields say, so switching is a small edit away.
  if (raw && !byId("pg-response").value) byId("pg-response").value = structuredText();
  updatePreview();
}

/** Wires the forms; `played` runs after each graded answer (to refresh the dashboard at once). */
export function initPlayground(played) {
  onPlayed = played;
  byId("draw-form").addEventListener("submit", draw);
  byId("answer-form").addEventListener("submit", submit);
  const number = byId("pg-confidence");
  const range = byId("pg-confidence-range");
  number.addEventListener("input", () => {
    range.value = number.value;
    updatePreview();
  });
  range.addEventListener("input", () => {
    number.value = range.value;
    updatePreview();
  });
  for (const id of ["pg-answer", "pg-response"]) byId(id).addEventListener("input", updatePreview);
  for (const id of ["pg-mode-fields", "pg-mode-raw"]) byId(id).addEventListener("change", switchMode);
}
