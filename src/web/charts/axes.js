// Shared pieces of the hand-drawn SVG charts: the accessible <svg> shell, linear scales, ticks and axes.
import { s, uniqueId } from "../dom.js";

/** An <svg> that scales to its container, named by a <title> and described by a <desc> for screen readers. */
export function chartSvg({ width, height, title, desc, className }) {
  const titleId = uniqueId("chart-title");
  const descId = uniqueId("chart-desc");
  return s(
    "svg",
    {
      viewBox: `0 0 ${width} ${height}`,
      class: `chart ${className ?? ""}`.trim(),
      role: "img",
      "aria-labelledby": `${titleId} ${descId}`,
      preserveAspectRatio: "xMidYMid meet",
    },
    s("title", { id: titleId }, title),
    s("desc", { id: descId }, desc),
  );
}

/** Maps [d0, d1] linearly onto [r0, r1]. */
export function linear(d0, d1, r0, r1) {
  const span = d1 - d0 || 1;
  const f = (x) => r0 + ((x - d0) / span) * (r1 - r0);
  f.domain = [d0, d1];
  return f;
}

/** About `count` round tick values covering [min, max]. */
export function ticks(min, max, count = 5) {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((m) => m >= raw) ?? raw;
  const out = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
    out.push(Number(v.toFixed(10)));
  }
  return out;
}

/** A horizontal axis along y = `at`, with grid lines up to `top` when given. */
export function axisX(x, values, at, format, { top, label, labelY } = {}) {
  const [d0, d1] = x.domain;
  const g = s("g", { class: "axis axis-x", "aria-hidden": "true" });
  g.append(s("line", { x1: x(d0), x2: x(d1), y1: at, y2: at, class: "axis-line" }));
  for (const v of values) {
    if (top !== undefined) g.append(s("line", { x1: x(v), x2: x(v), y1: top, y2: at, class: "grid" }));
    g.append(s("line", { x1: x(v), x2: x(v), y1: at, y2: at + 4, class: "tick" }));
    g.append(s("text", { x: x(v), y: at + 16, "text-anchor": "middle" }, format(v)));
  }
  if (label) {
    g.append(
      s(
        "text",
        { x: (x(d0) + x(d1)) / 2, y: labelY ?? at + 32, "text-anchor": "middle", class: "axis-label" },
        label,
      ),
    );
  }
  return g;
}

/** A vertical axis along x = `at`, with grid lines across to `right` when given. */
export function axisY(y, values, at, format, { right, label, labelX } = {}) {
  const [d0, d1] = y.domain;
  const g = s("g", { class: "axis axis-y", "aria-hidden": "true" });
  g.append(s("line", { x1: at, x2: at, y1: y(d0), y2: y(d1), class: "axis-line" }));
  for (const v of values) {
    if (right !== undefined) g.append(s("line", { x1: at, x2: right, y1: y(v), y2: y(v), class: "grid" }));
    g.append(s("line", { x1: at - 4, x2: at, y1: y(v), y2: y(v), class: "tick" }));
    g.append(s("text", { x: at - 7, y: y(v) + 4, "text-anchor": "end" }, format(v)));
  }
  if (label) {
    const lx = labelX ?? at - 40;
    const my = (y(d0) + y(d1)) / 2;
    g.append(
      s(
        "text",
        { x: lx, y: my, "text-anchor": "middle", transform: `rotate(-90 ${lx} ${my})`, class: "axis-label" },
        label,
      ),
    );
  }
  return g;
}

/** An SVG path through points, skipping gaps (null y) by starting a new segment. */
export function linePath(points) {
  let d = "";
  let pen = false;
  for (const [px, py] of points) {
    if (py === null || Number.isNaN(py)) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${px.toFixed(2)},${py.toFixed(2)}`;
    pen = true;
  }
  return d;
}

/** A note centred on (cx, cy), for a chart without data. */
export function emptyNote(svg, cx, cy, text) {
  svg.append(s("text", { x: cx, y: cy, "text-anchor": "middle", class: "empty-note" }, text));
}
