// The ECHO dashboard: polls the API every few seconds and redraws the cards, charts and tables.
import { api } from "./api.js";
import { initAuth } from "./auth.js";
import { initCards, updateCards } from "./cards.js";
import { bestResponseChart, SERIES } from "./charts/best-response.js";
import { radarChart } from "./charts/radar.js";
import { reliabilityChart } from "./charts/reliability.js";
import { timelineChart } from "./charts/timeline.js";
import { byId, h, replace } from "./dom.js";
import { clock, int } from "./format.js";
import { initPlayground, setChoices, setCurrentPhase } from "./playground.js";
import { renderRecent } from "./recent.js";
import { renderFingerprintTable, renderReliabilityTable } from "./tables.js";

// ?interval=ms overrides the poll interval (tests use a short one); never below half a second.
const INTERVAL_MS = Math.max(500, Number(new URLSearchParams(location.search).get("interval")) || 3000);
const RECENT_ROWS = 12;

const state = {
  count: null,
  preset: undefined,
  choicesSet: false,
  timeline: null,
  timelineWidth: 0,
  timer: 0,
  running: false,
  again: false,
};

/** Rolling window of the timeline: about a tenth of the episodes, within 20..500. */
const rollingFor = (count) => Math.max(20, Math.min(500, Math.round(count / 10)));

function setConnection(error) {
  const conn = byId("conn");
  const text = error ? `Not updating: ${error.message}` : "Live";
  if (conn.textContent !== text) conn.textContent = text;
  conn.className = error ? "conn down" : "conn up";
}

async function loadPresets() {
  const rewards = await api("/rewards?curve=true");
  state.preset = rewards.default_preset;
  replace(byId("best-response-chart"), bestResponseChart(rewards.presets));
  replace(
    byId("best-response-legend"),
    ...rewards.presets.map((p, i) =>
      h(
        "li",
        { "data-preset": p.name },
        h("span", { class: `swatch line ${SERIES[i % SERIES.length]}`, "aria-hidden": "true" }),
        h("strong", {}, p.name),
        p.default ? " (default)" : "",
        h(
          "span",
          { class: p.audit.proper ? "tag strong" : "tag weak" },
          p.audit.proper ? "proper" : "not proper",
        ),
        h("br"),
        h("span", { class: "muted" }, p.audit.verdict),
      ),
    ),
  );
  return rewards;
}

/** Draws the last timeline at the width of its box; again on resize. */
function drawTimeline() {
  const box = byId("timeline-chart");
  if (!state.timeline) return;
  state.timelineWidth = box.clientWidth;
  replace(box, timelineChart(state.timeline, state.timelineWidth));
}

async function refresh() {
  const [metrics, curriculum] = await Promise.all([api("/metrics"), api("/curriculum")]);
  updateCards(byId("cards"), metrics, curriculum, state.preset);
  setCurrentPhase(curriculum.phase);
  if (metrics.count !== state.count) {
    replace(byId("reliability-chart"), reliabilityChart(metrics));
    renderReliabilityTable(byId("reliability-table"), metrics);
    const rolling = rollingFor(metrics.count);
    const [fingerprint, timeline, history] = await Promise.all([
      api("/fingerprint"),
      api(`/metrics/timeline?points=200&rolling=${rolling}`),
      api(`/history?limit=${RECENT_ROWS}`),
    ]);
    replace(byId("radar-chart"), radarChart(fingerprint));
    renderFingerprintTable(byId("fingerprint-table"), fingerprint);
    state.timeline = timeline;
    drawTimeline();
    byId("timeline-note").textContent =
      `${int(timeline.covered)} episodes; rolling figures over the last ${int(timeline.rolling)} episodes at each point.`;
    renderRecent(byId("recent-body"), byId("recent-caption"), history);
    if (!state.choicesSet) {
      state.choicesSet = true;
      const presets = (await loadPresetsOnce()).presets.map((p) => p.name);
      setChoices({
        domains: fingerprint.domains.map((d) => d.domain),
        presets,
        defaultPreset: state.preset,
        phase: curriculum.phase,
      });
    }
    state.count = metrics.count;
  }
  byId("updated").textContent = `updated ${clock(Date.now())}`;
  document.body.dataset.episodes = String(metrics.count);
}

let presetsOnce = null;
/** The presets and their curves change only with a restart: load them once (again after a failure). */
const loadPresetsOnce = () => {
  presetsOnce ??= loadPresets().catch((error) => {
    presetsOnce = null;
    throw error;
  });
  return presetsOnce;
};

/** One poll; overlapping calls (a poll and a just-played episode) fold into one more run. */
async function tick() {
  if (state.running) {
    state.again = true;
    return;
  }
  clearTimeout(state.timer);
  state.running = true;
  try {
    await loadPresetsOnce();
    await refresh();
    setConnection(null);
  } catch (error) {
    setConnection(error);
  } finally {
    state.running = false;
  }
  if (state.again) {
    state.again = false;
    return tick();
  }
  schedule();
}

function schedule() {
  clearTimeout(state.timer);
  if (byId("live").checked && !document.hidden) state.timer = setTimeout(tick, INTERVAL_MS);
}

function start() {
  initAuth(() => tick());
  initCards(byId("cards"));
  initPlayground(() => tick());
  let resizing = 0;
  window.addEventListener("resize", () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => {
      if (Math.abs(byId("timeline-chart").clientWidth - state.timelineWidth) > 16) drawTimeline();
    }, 150);
  });
  byId("live").addEventListener("change", () => (byId("live").checked ? tick() : clearTimeout(state.timer)));
  // A hidden tab stops polling and catches up when shown again.
  document.addEventListener("visibilitychange", () => {
    if (document.hidden) clearTimeout(state.timer);
    else tick();
  });
  tick();
}

start();
