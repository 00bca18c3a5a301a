import { describe, expect, it } from "vitest";
import { getPreset } from "../../src/core/reward/presets.js";
import { BASELINE_AGENTS } from "../../src/eval/baselines.js";
import { compareRuns } from "../../src/eval/compare.js";
import { buildEvalSet } from "../../src/eval/eval-set.js";
import { evaluateResponses } from "../../src/eval/evaluate.js";
import {
  baselineReportHtml,
  compareReportHtml,
  evalCharts,
  evalReportHtml,
} from "../../src/eval/report-html.js";
import { runBaselines } from "../../src/eval/run-baselines.js";
import { DEFAULT_SKILL } from "../../src/eval/skill-profile.js";
import { loadBank } from "../../src/tasks/load-bank.js";
import { MIXED_LINES } from "./fixtures.js";
import { byTag, parseXml } from "./xml-tree.js";

const { bank } = loadBank("/nonexistent-echo");
const preset = getPreset("calibrated");
const evaluated = evaluateResponses(MIXED_LINES, {
  lookup: (id) => bank.get(id),
  preset,
  label: "run <1> & co",
});

/** A self-contained page: well-formed, no scripts, no external or embedded resources, no links. */
function expectSelfContained(html: string) {
  expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
  const root = parseXml(html);
  expect(root.name).toBe("html");
  for (const banned of [/src=/i, /href=/i, /<script/i, /<link/i, /url\(/i, /@import/i, /<iframe/i, /<img/i]) {
    expect(html).not.toMatch(banned);
  }
  return root;
}

describe("evalReportHtml", () => {
  it("is one self-contained, well-formed page with the three charts", () => {
    const root = expectSelfContained(evalReportHtml(evaluated.report));
    const svgs = byTag(root, "svg");
    expect(svgs.map((s) => s.attributes.class)).toEqual([
      "chart reliability",
      "chart radar",
      "chart histogram",
    ]);
    expect(byTag(svgs[0]!, "rect", "bin")).toHaveLength(10);
    expect(byTag(svgs[1]!, "line", "axis")).toHaveLength(7);
  });

  it("escapes the label and lists the lines left out", () => {
    const html = evalReportHtml(evaluated.report);
    expect(html).toContain("run &lt;1&gt; &amp; co");
    expect(html).toContain("Lines left out (5)");
    expect(html).toContain("unknown_task_id");
    expect(html).toContain("By difficulty");
  });

  it("shows the unanswerable-question figures in every metrics table and defines them", () => {
    const html = evalReportHtml(evaluated.report);
    for (const header of ["false conf.", "refuse (ans.)", "refuse (unans.)", "fabrication", "overconf. ≥95"])
      expect(html).toContain(`<th>${header}</th>`);
    expect(html).toMatch(/<dt>fabrication<\/dt><dd>Questions no one can answer/);
  });

  it("writes the same charts as standalone SVG files", () => {
    const charts = evalCharts(evaluated.report);
    expect(Object.keys(charts)).toEqual(["reliability.svg", "fingerprint.svg", "histogram.svg"]);
    for (const svg of Object.values(charts))
      expect(parseXml(svg).attributes.xmlns).toBe("http://www.w3.org/2000/svg");
  });
});

describe("compareReportHtml", () => {
  it("shows both runs, their radar polygons and the bootstrap table", () => {
    const other = evaluateResponses(MIXED_LINES.replace(/<confidence>\d+/g, "<confidence>50"), {
      lookup: (id) => bank.get(id),
      preset,
      label: "after",
    });
    const c = compareRuns(evaluated, other, ["before", "after"], { replicates: 50, seed: 1 });
    const root = expectSelfContained(compareReportHtml(c));
    expect(byTag(root, "svg", "reliability")).toHaveLength(2);
    expect(byTag(byTag(root, "svg", "radar")[0]!, "polygon", "series")).toHaveLength(2);
    expect(compareReportHtml(c)).toContain("paired</b> resampling");
    expect(compareReportHtml({ ...c, bootstrap: null })).not.toContain("Bootstrap");
  });
});

describe("baselineReportHtml", () => {
  it("draws one reliability diagram per agent and explains the simulation", () => {
    const tasks = buildEvalSet(bank, { n: 42, seed: 1 });
    const { report } = runBaselines(tasks, {
      agents: BASELINE_AGENTS,
      seed: 1,
      preset,
      skill: DEFAULT_SKILL,
      skillLabel: "default",
      replicates: 20,
    });
    const html = baselineReportHtml(report);
    const root = expectSelfContained(html);
    expect(byTag(root, "svg", "reliability")).toHaveLength(BASELINE_AGENTS.length);
    expect(byTag(byTag(root, "svg", "radar")[0]!, "polygon", "series")).toHaveLength(BASELINE_AGENTS.length);
    expect(html).toContain("The agents are simulations, not models.");
  });
});
