// The three HTML reports (evaluation, comparison, baselines), each one self-contained page.
import type { CalibrationReport } from "../core/metrics/calibration-report.js";
import type { BootstrapInterval } from "./bootstrap.js";
import { type Comparison, differenceVerdict } from "./compare.js";
import type { EvalReport } from "./eval-report.js";
import { binsTable, esc, GLOSSARY, htmlPage, htmlTable, metricsTable } from "./html-page.js";
import type { BaselineReport } from "./run-baselines.js";
import { confidenceHistogram, fingerprintRadar, reliabilityDiagram } from "./svg-charts.js";
import { figure, seriesColor } from "./svg-util.js";

/** The charts of one run, by the file name `--svg-dir` writes them under. */
export function evalCharts(
  report: EvalReport,
): Record<"reliability.svg" | "fingerprint.svg" | "histogram.svg", string> {
  const o = report.overall;
  return {
    "reliability.svg": reliabilityDiagram(
      o.bins,
      `${report.label}: ECE ${figure(o.ece)} (n=${o.calibrated_count})`,
    ),
    "fingerprint.svg": fingerprintRadar([{ label: report.label, fingerprint: report.fingerprint }]),
    "histogram.svg": confidenceHistogram([{ label: report.label, bins: o.bins }]),
  };
}

const groups = (
  reports: Partial<Record<string, CalibrationReport>>,
): [string, CalibrationReport | undefined][] => Object.entries(reports);

const interval = (i: BootstrapInterval | null | undefined) =>
  i ? `${figure(i.estimate)} [${figure(i.lower)}, ${figure(i.upper)}]` : "–";

function fingerprintSection(report: EvalReport): string {
  const f = report.fingerprint;
  return (
    `<p>Weakest domain: <b>${esc(f.weakest ?? "–")}</b>; strongest: <b>${esc(f.strongest ?? "–")}</b> ` +
    `(domains with at least ${f.min_episodes} stated confidences are ranked).</p>` +
    htmlTable(
      ["domain", "n", "1 - ECE", "ECE", "Brier", "accuracy", "mean conf.", "overconf."],
      f.domains.map((d) => [
        d.domain,
        String(d.count),
        figure(d.calibration_score),
        figure(d.ece),
        figure(d.brier),
        figure(d.accuracy),
        figure(d.mean_confidence),
        figure(d.overconfidence_rate),
      ]),
    )
  );
}

function groupsSection(report: EvalReport): string {
  const g = report.groups;
  if (!g) return "";
  return (
    `<h2>Self-consistency (${g.tasks} tasks with several responses)</h2>` +
    '<p class="note">Responses to one task are votes, compared after the grader\'s normalisation; abstentions and ' +
    "unreadable answers cast none. Agreement is the share of a task's responses equal to its majority answer; " +
    "the weighted vote weighs each answer by its stated confidence. The AUROCs say how well a response's " +
    "agreement, and its stated confidence, separate right from wrong answers.</p>" +
    htmlTable(
      [
        "responses",
        "mean agreement",
        "single accuracy",
        "majority accuracy",
        "weighted-vote accuracy",
        "AUROC agreement",
        "AUROC confidence",
      ],
      [
        [
          String(g.responses),
          figure(g.mean_agreement),
          figure(g.single_accuracy),
          figure(g.majority_accuracy),
          figure(g.weighted_vote_accuracy),
          figure(g.auroc_agreement),
          figure(g.auroc_confidence),
        ],
      ],
    )
  );
}

function problemsSection(report: EvalReport): string {
  if (report.problems.length === 0) return "";
  const shown = report.problems.slice(0, 200).map((p) => [String(p.line), p.kind, p.message]);
  const more =
    report.problems.length > 200 ? `<p class="note">… and ${report.problems.length - 200} more.</p>` : "";
  return `<h2>Lines left out (${report.problems.length})</h2>${htmlTable(["line", "kind", "reason"], shown, "prose")}${more}`;
}

/** The offline evaluation of one run. */
export function evalReportHtml(report: EvalReport): string {
  const charts = evalCharts(report);
  const l = report.lines;
  const body = [
    `<h1>ECHO calibration report: ${esc(report.label)}</h1>`,
    `<p class="meta">Reward preset ${esc(report.preset)} · ${l.total} lines: ${l.graded} graded, ${l.bad} bad, ` +
      `${l.unknown_ids} unknown task ids</p>`,
    `<div class="charts">${charts["reliability.svg"]}${charts["fingerprint.svg"]}${charts["histogram.svg"]}</div>`,
    `<h2>Overall</h2>${metricsTable([["all", report.overall]])}`,
    `<h2>By domain</h2>${metricsTable(groups(report.by_domain), "domain")}`,
    `<h2>By difficulty</h2>${metricsTable(groups(report.by_difficulty), "difficulty")}`,
    `<h2>Reliability table</h2>${binsTable(report.overall)}`,
    `<h2>Epistemic fingerprint</h2>${fingerprintSection(report)}`,
    groupsSection(report),
    problemsSection(report),
    GLOSSARY,
  ];
  return htmlPage(`ECHO calibration report: ${report.label}`, body.join("\n"));
}

/** Two runs side by side, with the bootstrap intervals. */
export function compareReportHtml(c: Comparison): string {
  const [la, lb] = c.labels;
  const sign = (d: Comparison["deltas"][number]) => {
    if (d.difference === null || d.better === null || d.difference === 0) return "";
    return (d.better === "lower") === d.difference < 0 ? "better" : "worse";
  };
  const deltas = htmlTable(
    ["metric", la, lb, `${lb} - ${la}`],
    c.deltas.map((d) => [
      d.metric,
      figure(d.a),
      figure(d.b),
      {
        html: `<span class="${sign(d)}">${d.difference === null ? "–" : (d.difference > 0 ? "+" : "") + d.difference.toFixed(3)}</span>`,
      },
    ]),
  );
  const bs = c.bootstrap;
  const ci = bs
    ? `<h2>Bootstrap ${Math.round(bs.level * 100)}% intervals (${bs.replicates} resamples, seed ${bs.seed})</h2>` +
      `<p class="note">Difference: <b>${bs.pairing.method}</b> resampling — ${esc(bs.pairing.reason)} ` +
      `(${bs.pairing.shared_tasks} shared tasks). Basic bootstrap intervals; a difference whose interval ` +
      "excludes 0 is unlikely to be resampling noise.</p>" +
      htmlTable(
        ["metric", la, lb, `${lb} - ${la}`, "reading"],
        (["ece", "brier"] as const).map((m) => [
          m === "ece" ? "ECE" : "Brier",
          interval(bs.a[m]),
          interval(bs.b[m]),
          interval(bs.difference[m]),
          differenceVerdict(bs.difference[m]).replace(" b", ` ${lb}`),
        ]),
      )
    : "";
  const series = [
    { label: la, fingerprint: c.a.fingerprint },
    { label: lb, fingerprint: c.b.fingerprint },
  ];
  const body = [
    `<h1>ECHO comparison: ${esc(la)} vs ${esc(lb)}</h1>`,
    `<p class="meta">Reward preset ${esc(c.a.preset)} · ${esc(la)}: ${c.a.lines.graded} graded lines · ` +
      `${esc(lb)}: ${c.b.lines.graded} graded lines</p>`,
    `<div class="charts">${reliabilityDiagram(c.a.overall.bins, `${la}: ECE ${figure(c.a.overall.ece)}`, seriesColor(0))}` +
      `${reliabilityDiagram(c.b.overall.bins, `${lb}: ECE ${figure(c.b.overall.ece)}`, seriesColor(1))}</div>`,
    `<div class="charts">${fingerprintRadar(series)}${confidenceHistogram([
      { label: la, bins: c.a.overall.bins },
      { label: lb, bins: c.b.overall.bins },
    ])}</div>`,
    `<h2>Headline metrics</h2>${deltas}`,
    ci,
    `<h2>By domain</h2>${metricsTable([
      ...groups(c.a.by_domain).map(([g, r]): [string, CalibrationReport | undefined] => [`${la} / ${g}`, r]),
      ...groups(c.b.by_domain).map(([g, r]): [string, CalibrationReport | undefined] => [`${lb} / ${g}`, r]),
    ])}`,
    `<h2>By difficulty</h2>${metricsTable([
      ...groups(c.a.by_difficulty).map(([g, r]): [string, CalibrationReport | undefined] => [
        `${la} / ${g}`,
        r,
      ]),
      ...groups(c.b.by_difficulty).map(([g, r]): [string, CalibrationReport | undefined] => [
        `${lb} / ${g}`,
        r,
      ]),
    ])}`,
    GLOSSARY,
  ];
  return htmlPage(`ECHO comparison: ${la} vs ${lb}`, body.join("\n"));
}

/** The baseline agents on one evaluation set. */
export function baselineReportHtml(b: BaselineReport): string {
  const set = b.eval_set;
  const sources = Object.entries(set.sources)
    .map(([k, v]) => `${v} ${k}`)
    .join(", ");
  const summary = htmlTable(
    [
      "agent",
      "knew",
      "accuracy",
      "mean conf.",
      "ECE [95% CI]",
      "MCE",
      "Brier [95% CI]",
      "AUROC",
      "overconf.",
      "mean reward",
    ],
    b.agents.map((a) => {
      const o = a.report.overall;
      return [
        a.agent,
        `${a.knew}/${set.n}`,
        figure(o.accuracy),
        figure(o.mean_confidence),
        a.intervals ? interval(a.intervals.ece) : figure(o.ece),
        figure(o.mce),
        a.intervals ? interval(a.intervals.brier) : figure(o.brier),
        figure(o.auroc),
        figure(o.overconfidence_rate),
        figure(o.mean_reward),
      ];
    }),
  );
  const body = [
    "<h1>ECHO baselines</h1>",
    `<p class="meta">${set.n} tasks (${esc(sources)}), spread evenly over domains and difficulties · seed ${set.seed} · ` +
      `reward preset ${esc(set.preset)} · skill profile ${esc(set.skill)}</p>`,
    '<p class="note">The agents are simulations, not models. Each knows a task with a seeded probability (its ' +
      "skill for the task's domain and difficulty); when it knows, it answers with the gold, otherwise it gives " +
      "a wrong answer built to grade wrong, or says it does not know. Its confidence follows its own rule and " +
      "never looks at whether it knows, except the oracle, which states its skill. Every response goes through " +
      "the environment's parser, graders and reward.</p>",
    summary,
    '<p class="note">Intervals are basic bootstrap intervals: they correct for sampling noise inflating ECE, ' +
      "so a calibrated agent's interval can end below its raw ECE.</p>",
    `<h2>Agents</h2>${htmlTable(
      ["agent", "confidence rule"],
      b.agents.map((a) => [a.agent, a.description]),
      "prose",
    )}`,
    `<div class="charts">${b.agents
      .map((a, i) =>
        reliabilityDiagram(
          a.report.overall.bins,
          `${a.agent}: ECE ${figure(a.report.overall.ece)}`,
          seriesColor(i),
        ),
      )
      .join("")}</div>`,
    `<div class="charts">${fingerprintRadar(b.agents.map((a) => ({ label: a.agent, fingerprint: a.report.fingerprint })))}` +
      `${confidenceHistogram(b.agents.map((a) => ({ label: a.agent, bins: a.report.overall.bins })))}</div>`,
    `<h2>Every metric</h2>${metricsTable(
      b.agents.map((a) => [a.agent, a.report.overall]),
      "agent",
    )}`,
    GLOSSARY,
  ];
  return htmlPage("ECHO baselines", body.join("\n"));
}
