// Reliability diagram: per confidence bin, how often the answers were right against what was stated.

import { s } from "../dom.js";
import { dec, int, pct } from "../format.js";
import { axisX, axisY, chartSvg, emptyNote, linear } from "./axes.js";

const W = 440;
const H = 352;
const L = 60;
const R = 422;
const TOP = 12;
const BOTTOM = 250; // of the accuracy panel
const STRIP_TOP = 264;
const STRIP_BOTTOM = 312; // of the count strip, which sits on the x axis

const binName = (bin) => `${Math.round(bin.lower * 100)}–${Math.round(bin.upper * 100)}%`;

/** One sentence per non-empty bin, for screen readers and the data table. */
export function describeBins(report) {
  const used = report.bins.filter((b) => b.count > 0);
  if (used.length === 0) return "No answer with a stated confidence yet.";
  const parts = used.map(
    (b) =>
      `${binName(b)}: ${int(b.count)} answers, stated ${pct(b.mean_confidence)}, right ${pct(b.accuracy)}`,
  );
  return `${int(report.calibrated_count)} answers with a stated confidence; ECE ${dec(report.ece)}. ${parts.join("; ")}.`;
}

/** The reliability diagram of a CalibrationReport as an <svg>. */
export function reliabilityChart(report) {
  const svg = chartSvg({
    width: W,
    height: H,
    title: "Reliability diagram: accuracy against stated confidence",
    desc: describeBins(report),
    className: "reliability",
  });
  const x = linear(0, 1, L, R);
  const y = linear(0, 1, BOTTOM, TOP);
  const maxCount = Math.max(1, ...report.bins.map((b) => b.count));
  const strip = linear(0, maxCount, STRIP_BOTTOM, STRIP_TOP + 12);
  const tenths = [0, 0.2, 0.4, 0.6, 0.8, 1];
  svg.append(axisY(y, tenths, L, (v) => `${v * 100}%`, { right: R, label: "Accuracy", labelX: 14 }));
  svg.append(
    axisX(x, tenths, STRIP_BOTTOM, (v) => `${Math.round(v * 100)}%`, {
      label: "Stated confidence",
      labelY: STRIP_BOTTOM + 34,
    }),
  );
  svg.append(s("line", { x1: L, x2: R, y1: BOTTOM, y2: BOTTOM, class: "axis-line", "aria-hidden": "true" }));
  svg.append(
    s(
      "text",
      { x: L - 7, y: (STRIP_TOP + STRIP_BOTTOM) / 2 + 4, "text-anchor": "end", class: "axis-note" },
      "count",
    ),
  );

  const bars = s("g", { class: "bins" });
  report.bins.forEach((bin, i) => {
    if (bin.count === 0) return;
    const x0 = x(bin.lower) + 2;
    const width = x(bin.upper) - x(bin.lower) - 4;
    const acc = bin.accuracy ?? 0;
    const conf = bin.mean_confidence ?? 0;
    const g = s("g", {
      class: "bin",
      "data-bin": i,
      "data-count": bin.count,
      "data-accuracy": acc,
      "data-confidence": conf,
    });
    g.append(
      s(
        "title",
        {},
        `Confidence ${binName(bin)}: ${int(bin.count)} answers, stated ${pct(conf)}, right ${pct(acc)}`,
      ),
    );
    g.append(s("rect", { x: x0, y: y(acc), width, height: y(0) - y(acc), class: "bar" }));
    const over = conf > acc;
    g.append(
      s("rect", {
        x: x0,
        y: y(Math.max(acc, conf)),
        width,
        height: Math.abs(y(acc) - y(conf)),
        class: over ? "gap over" : "gap under",
      }),
    );
    g.append(
      s("rect", {
        x: x0,
        y: strip(bin.count),
        width,
        height: STRIP_BOTTOM - strip(bin.count),
        class: "count",
      }),
    );
    g.append(
      s(
        "text",
        { x: x0 + width / 2, y: strip(bin.count) - 3, "text-anchor": "middle", class: "count-label" },
        int(bin.count),
      ),
    );
    bars.append(g);
  });
  svg.append(bars);
  svg.append(s("line", { x1: x(0), y1: y(0), x2: x(1), y2: y(1), class: "diagonal", "aria-hidden": "true" }));
  if (report.calibrated_count === 0) {
    emptyNote(svg, (L + R) / 2, (TOP + BOTTOM) / 2, "No answers with a stated confidence yet");
  }
  return svg;
}
