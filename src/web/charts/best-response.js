// Best responses of the reward presets: the confidence that maximises expected reward, per true probability.
import { s } from "../dom.js";
import { axisX, axisY, chartSvg, linear, linePath } from "./axes.js";

const W = 440;
const H = 350;
const L = 60;
const R = 422;
const TOP = 12;
const BOTTOM = 312;

/** Line styles by preset position, so lines differ by dash as well as colour. */
export const SERIES = ["series-0", "series-1", "series-2", "series-3", "series-4", "series-5"];

/** A short summary for screen readers. */
export function describePresets(presets) {
  return presets
    .map((p) => `${p.name}: ${p.audit.proper ? "proper" : "not proper"}. ${p.audit.verdict}`)
    .join(" ");
}

/** The best-response curves of the presets (GET /rewards?curve=true) as an <svg>. */
export function bestResponseChart(presets) {
  const svg = chartSvg({
    width: W,
    height: H,
    title:
      "Best response of each reward preset: the confidence to state against the true chance of being right",
    desc: describePresets(presets),
    className: "best-response",
  });
  const x = linear(0, 1, L, R);
  const y = linear(0, 1, BOTTOM, TOP);
  const tenths = [0, 0.2, 0.4, 0.6, 0.8, 1];
  svg.append(
    axisY(y, tenths, L, (v) => `${Math.round(v * 100)}`, {
      right: R,
      label: "Best confidence to state",
      labelX: 14,
    }),
  );
  svg.append(
    axisX(x, tenths, BOTTOM, (v) => `${Math.round(v * 100)}%`, {
      top: TOP,
      label: "True probability of being right",
      labelY: H - 6,
    }),
  );
  svg.append(s("line", { x1: x(0), y1: y(0), x2: x(1), y2: y(1), class: "diagonal", "aria-hidden": "true" }));
  presets.forEach((preset, i) => {
    const curve = preset.audit.best_response ?? [];
    const d = linePath(curve.map((p) => [x(p.q), y(p.confidence / 100)]));
    svg.append(
      s(
        "path",
        { d, class: `line ${SERIES[i % SERIES.length]}`, "data-preset": preset.name },
        s("title", {}, `${preset.name}: ${preset.audit.verdict}`),
      ),
    );
  });
  return svg;
}
