// The training curve: reward per group of episodes with its rolling mean, and rolling ECE, over episodes.

import { s } from "../dom.js";
import { dec, int, signed } from "../format.js";
import { axisX, axisY, chartSvg, emptyNote, linear, linePath, ticks } from "./axes.js";

const H = 340;
const L = 56;
const REWARD = [12, 148]; // top, bottom of the reward panel
const ECE = [178, 300];

/** A short summary for screen readers. */
export function describeTimeline(t) {
  if (t.points.length === 0) return "No episodes yet.";
  const first = t.points[0];
  const last = t.points.at(-1);
  return (
    `${int(t.covered)} episodes in ${t.points.length} points; rolling window ${int(t.rolling)} episodes. ` +
    `Rolling mean reward went from ${signed(first.rolling_mean_reward)} to ${signed(last.rolling_mean_reward)}; ` +
    `rolling ECE from ${dec(first.rolling_ece)} to ${dec(last.rolling_ece)}.`
  );
}

function extent(values, { floor, ceil, pad = 0.08 }) {
  const finite = values.filter((v) => v !== null && Number.isFinite(v));
  let lo = Math.min(floor ?? Number.POSITIVE_INFINITY, ...finite);
  let hi = Math.max(ceil ?? Number.NEGATIVE_INFINITY, ...finite);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (hi - lo < 1e-6) hi = lo + 1;
  const margin = (hi - lo) * pad;
  lo = floor !== undefined && lo >= floor ? lo : lo - margin;
  hi += margin;
  return [lo, hi];
}

/**
 * The timeline of a TimelineReply as an <svg> `width` units wide: drawn at the container's width, so its text
 * keeps its size on a wide or a narrow screen.
 */
export function timelineChart(t, width = 640) {
  const W = Math.max(320, Math.round(width));
  const R = W - 14;
  const svg = chartSvg({
    width: W,
    height: H,
    title: "Reward and rolling ECE over episodes",
    desc: describeTimeline(t),
    className: "timeline",
  });
  const pts = t.points.map((p) => ({ ...p, n: t.offset + p.episode }));
  const firstN = pts.length > 0 ? t.offset + pts[0].episode - pts[0].count : 0;
  const lastN = pts.length > 0 ? pts.at(-1).n : 1;
  const x = linear(firstN, Math.max(lastN, firstN + 1), L, R);
  const xTicks = ticks(firstN, Math.max(lastN, firstN + 1), Math.max(3, Math.round(W / 110))).filter((v) =>
    Number.isInteger(v),
  );

  const [r0, r1] = extent(
    pts.flatMap((p) => [p.mean_reward, p.rolling_mean_reward]),
    { floor: 0, ceil: 0 },
  );
  const yr = linear(r0, r1, REWARD[1], REWARD[0]);
  const [, e1] = extent(
    pts.map((p) => p.rolling_ece),
    { floor: 0, ceil: 0.1 },
  );
  const ye = linear(0, e1, ECE[1], ECE[0]);

  svg.append(axisY(yr, ticks(r0, r1, 4), L, (v) => dec(v, 1), { right: R, label: "Reward", labelX: 14 }));
  svg.append(axisY(ye, ticks(0, e1, 4), L, (v) => dec(v, 2), { right: R, label: "Rolling ECE", labelX: 14 }));
  svg.append(axisX(x, xTicks, ECE[1], (v) => int(v), { label: "Episode", labelY: H - 4 }));
  svg.append(s("line", { x1: L, x2: R, y1: yr(0), y2: yr(0), class: "zero", "aria-hidden": "true" }));

  if (pts.length === 0) {
    emptyNote(svg, (L + R) / 2, (REWARD[0] + ECE[1]) / 2, "No episodes yet");
    return svg;
  }
  const dots = s("g", { class: "reward-dots", "aria-hidden": "true" });
  for (const p of pts) dots.append(s("circle", { cx: x(p.n), cy: yr(p.mean_reward), r: 2 }));
  svg.append(dots);
  svg.append(
    s("path", { d: linePath(pts.map((p) => [x(p.n), yr(p.rolling_mean_reward)])), class: "line reward" }),
  );
  svg.append(
    s("path", {
      d: linePath(pts.map((p) => [x(p.n), p.rolling_ece === null ? null : ye(p.rolling_ece)])),
      class: "line ece",
    }),
  );
  if (pts.length === 1) {
    const p = pts[0];
    svg.append(s("circle", { cx: x(p.n), cy: yr(p.rolling_mean_reward), r: 3.5, class: "point reward" }));
    if (p.rolling_ece !== null)
      svg.append(s("circle", { cx: x(p.n), cy: ye(p.rolling_ece), r: 3.5, class: "point ece" }));
  }
  return svg;
}
