// Epistemic fingerprint radar: one spoke per domain, the calibration score (1 - ECE) along it.

import { s } from "../dom.js";
import { dec, int } from "../format.js";
import { chartSvg, linePath } from "./axes.js";

const W = 380;
const H = 340;
const CX = W / 2;
const CY = H / 2 + 2;
const RADIUS = 112;
const RINGS = [0.25, 0.5, 0.75, 1];

/** A short summary for screen readers. */
export function describeFingerprint(fp) {
  const scored = fp.domains.filter((d) => !d.empty);
  if (scored.length === 0) return "No domain has an answer with a stated confidence yet.";
  const parts = fp.domains.map((d) =>
    d.empty
      ? `${d.domain}: no data`
      : `${d.domain}: ${dec(d.calibration_score, 2)} (${int(d.count)} answers)`,
  );
  const extremes = [
    fp.weakest ? `Weakest: ${fp.weakest}.` : "",
    fp.strongest ? `Strongest: ${fp.strongest}.` : "",
  ].join(" ");
  return `Calibration score (1 − ECE, higher is better) per domain. ${parts.join("; ")}. ${extremes}`.trim();
}

/** The radar of a Fingerprint as an <svg>. Empty domains keep their spoke, dashed, with no point. */
export function radarChart(fp) {
  const svg = chartSvg({
    width: W,
    height: H,
    title: "Epistemic fingerprint: calibration score per domain",
    desc: describeFingerprint(fp),
    className: "radar",
  });
  const n = fp.domains.length;
  const angle = (i) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const at = (i, r) => [CX + Math.cos(angle(i)) * r * RADIUS, CY + Math.sin(angle(i)) * r * RADIUS];

  const grid = s("g", { class: "radar-grid", "aria-hidden": "true" });
  for (const ring of RINGS) {
    const ringPoints = fp.domains.map((_, i) => at(i, ring));
    grid.append(s("path", { d: `${linePath(ringPoints)}Z`, class: "grid" }));
    grid.append(s("text", { x: CX + 3, y: CY - ring * RADIUS + 11, class: "ring-label" }, ring.toFixed(2)));
  }
  fp.domains.forEach((d, i) => {
    const [ex, ey] = at(i, 1);
    grid.append(s("line", { x1: CX, y1: CY, x2: ex, y2: ey, class: d.empty ? "spoke empty" : "spoke" }));
    const [lx, ly] = at(i, 1.16);
    const anchor = Math.abs(lx - CX) < 8 ? "middle" : lx > CX ? "start" : "end";
    const label = s("text", {
      x: lx,
      y: ly + 4,
      "text-anchor": anchor,
      class: d.empty ? "spoke-label empty" : "spoke-label",
    });
    label.append(d.domain);
    if (d.empty) label.append(s("tspan", { x: lx, dy: 13, class: "spoke-note" }, "no data"));
    grid.append(label);
  });
  svg.append(grid);

  const scored = fp.domains.map((d, i) => ({ d, i })).filter(({ d }) => !d.empty);
  if (scored.length >= 2) {
    const pts = scored.map(({ d, i }) => at(i, Math.max(0, d.calibration_score ?? 0)));
    svg.append(s("path", { d: `${linePath(pts)}${scored.length >= 3 ? "Z" : ""}`, class: "radar-area" }));
  }
  for (const { d, i } of scored) {
    const [px, py] = at(i, Math.max(0, d.calibration_score ?? 0));
    const cls = d.domain === fp.weakest ? "weakest" : d.domain === fp.strongest ? "strongest" : "";
    svg.append(
      s(
        "circle",
        { cx: px, cy: py, r: 4.5, class: `radar-point ${cls}`.trim(), "data-domain": d.domain },
        s(
          "title",
          {},
          `${d.domain}: calibration score ${dec(d.calibration_score, 3)}, ${int(d.count)} answers`,
        ),
      ),
    );
  }
  if (scored.length === 0) {
    svg.append(s("text", { x: CX, y: CY + 4, "text-anchor": "middle", class: "empty-note" }, "No data yet"));
  }
  return svg;
}
