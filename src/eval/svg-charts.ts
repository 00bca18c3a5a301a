// The report's charts as self-contained SVG strings: reliability diagram, fingerprint radar, confidence histogram.
import type { ReliabilityBin } from "../core/metrics/calibration-report.js";
import type { Fingerprint } from "../core/metrics/fingerprint.js";
import { escapeXml, figure, legend, num, seriesColor, svgRoot, text } from "./svg-util.js";

const tip = (content: string) => `<title>${escapeXml(content)}</title>`;

/**
 * Accuracy per confidence bin (always 10 bars, empty bins flat), the gap to the bin's mean confidence shaded,
 * and the diagonal of perfect calibration.
 * @example reliabilityDiagram(report.bins, "after GRPO: ECE 0.041")
 */
export function reliabilityDiagram(
  bins: readonly ReliabilityBin[],
  title: string,
  color = seriesColor(0),
): string {
  const [w, h, left, top, pw, ph] = [320, 320, 46, 30, 258, 244];
  const px = (x: number) => left + x * pw;
  const py = (y: number) => top + (1 - y) * ph;
  const parts: string[] = [text(w / 2, 18, title, "middle", ' font-size="12" font-weight="bold"')];
  for (let t = 0; t <= 1.0001; t += 0.2) {
    parts.push(
      `<line class="grid" x1="${num(px(0))}" y1="${num(py(t))}" x2="${num(px(1))}" y2="${num(py(t))}" stroke="#ddd"/>`,
    );
    parts.push(text(px(0) - 6, py(t) + 4, t.toFixed(1), "end"), text(px(t), py(0) + 15, t.toFixed(1)));
  }
  bins.forEach((bin, i) => {
    const acc = bin.accuracy ?? 0;
    const x = px(i / bins.length) + 1;
    const bw = pw / bins.length - 2;
    const label = `[${bin.lower.toFixed(1)}, ${bin.upper.toFixed(1)}${i === bins.length - 1 ? "]" : ")"}: n=${bin.count}, confidence ${figure(bin.mean_confidence)}, accuracy ${figure(bin.accuracy)}`;
    parts.push(
      `<rect class="bin${bin.count === 0 ? " empty" : ""}" x="${num(x)}" y="${num(py(acc))}" width="${num(bw)}" ` +
        `height="${num(acc * ph)}" fill="${color}" fill-opacity="0.75">${tip(label)}</rect>`,
    );
    if (bin.count > 0 && bin.mean_confidence !== null) {
      const [lo, hi] = [Math.min(acc, bin.mean_confidence), Math.max(acc, bin.mean_confidence)];
      parts.push(
        `<rect class="gap" x="${num(x)}" y="${num(py(hi))}" width="${num(bw)}" height="${num((hi - lo) * ph)}" ` +
          `fill="#d62728" fill-opacity="0.25" stroke="#d62728" stroke-width="0.8"/>`,
      );
    }
  });
  parts.push(
    `<line class="diagonal" x1="${num(px(0))}" y1="${num(py(0))}" x2="${num(px(1))}" y2="${num(py(1))}" stroke="#444" stroke-dasharray="4 3"/>`,
    `<rect x="${num(px(0))}" y="${num(py(1))}" width="${num(pw)}" height="${num(ph)}" fill="none" stroke="#888"/>`,
    text(px(0.5), h - 6, "stated confidence"),
    text(12, py(0.5), "accuracy", "middle", ` transform="rotate(-90 12 ${num(py(0.5))})"`),
  );
  return svgRoot(w, h, title, "reliability", parts.join(""));
}

export interface RadarSeries {
  label: string;
  fingerprint: Fingerprint;
}

/**
 * Calibration score (1 - ECE) per domain: one axis per domain of the fingerprint, one polygon per run.
 * Domains without data sit at the centre and are labelled "(no data)".
 * @example fingerprintRadar([{ label: "before", fingerprint: a }, { label: "after", fingerprint: b }])
 */
export function fingerprintRadar(
  series: readonly RadarSeries[],
  title = "Calibration score (1 - ECE) per domain",
): string {
  const [w, cx, cy, r] = [380, 190, 170, 112];
  const key = legend(
    series.map((s) => s.label),
    16,
    cy + r + 48,
    w - 32,
  );
  const h = cy + r + 40 + key.height;
  const domains = series[0]?.fingerprint.domains.map((d) => d.domain) ?? [];
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, domains.length);
  const at = (i: number, v: number): [number, number] => [
    cx + r * v * Math.cos(angle(i)),
    cy + r * v * Math.sin(angle(i)),
  ];
  const points = (values: readonly number[]) => values.map((v, i) => at(i, v).map(num).join(",")).join(" ");
  const parts: string[] = [text(w / 2, 18, title, "middle", ' font-size="12" font-weight="bold"')];
  for (const ring of [0.25, 0.5, 0.75, 1]) {
    parts.push(
      `<polygon class="ring" points="${points(domains.map(() => ring))}" fill="none" stroke="#ddd"/>`,
    );
    // Between the first two axes, where no data point sits.
    const [lx, ly] = at(0.5, ring);
    parts.push(text(lx, ly, ring.toFixed(2), "middle", ' fill="#999" font-size="9"'));
  }
  domains.forEach((domain, i) => {
    const [x, y] = at(i, 1);
    const [lx, ly] = at(i, 1.16);
    const empty = series.every((s) => s.fingerprint.domains[i]?.empty ?? true);
    parts.push(
      `<line class="axis" data-domain="${domain}" x1="${cx}" y1="${cy}" x2="${num(x)}" y2="${num(y)}" stroke="#bbb"/>`,
      text(lx, ly + 4, empty ? `${domain} (no data)` : domain),
    );
  });
  series.forEach((s, k) => {
    const values = s.fingerprint.domains.map((d) => d.calibration_score ?? 0);
    const color = seriesColor(k);
    parts.push(
      `<polygon class="series" points="${points(values)}" fill="${color}" fill-opacity="0.15" stroke="${color}" stroke-width="2"/>`,
    );
    s.fingerprint.domains.forEach((d, i) => {
      const [x, y] = at(i, d.calibration_score ?? 0);
      const label = `${s.label} / ${d.domain}: ${d.empty ? "no data" : `1 - ECE = ${figure(d.calibration_score)} (n=${d.count})`}`;
      parts.push(
        `<circle cx="${num(x)}" cy="${num(y)}" r="3" fill="${d.empty ? "#fff" : color}" stroke="${color}">${tip(label)}</circle>`,
      );
    });
  });
  parts.push(key.svg);
  return svgRoot(w, h, title, "radar", parts.join(""));
}

export interface HistogramSeries {
  label: string;
  bins: readonly ReliabilityBin[];
}

/**
 * How often each confidence bin was stated, split into correct (solid) and wrong (pale), grouped by run.
 * @example confidenceHistogram([{ label: "run", bins: report.bins }])
 */
export function confidenceHistogram(series: readonly HistogramSeries[], title = "Stated confidence"): string {
  const [w, left, top, pw, ph] = [420, 46, 30, 360, 180];
  const key = legend(
    series.map((s) => s.label),
    left,
    top + ph + 56,
    pw,
  );
  const h = top + ph + 50 + key.height;
  const max = Math.max(1, ...series.flatMap((s) => s.bins.map((b) => b.count)));
  const py = (c: number) => top + ph - (c / max) * ph;
  const group = pw / 10;
  const bw = (group - 4) / Math.max(1, series.length);
  const parts: string[] = [text(w / 2, 18, title, "middle", ' font-size="12" font-weight="bold"')];
  parts.push(text(left - 6, top + 4, String(max), "end"), text(left - 6, top + ph + 4, "0", "end"));
  series.forEach((s, k) => {
    const color = seriesColor(k);
    s.bins.forEach((bin, i) => {
      const right = Math.round(bin.count * (bin.accuracy ?? 0));
      const x = num(left + i * group + 2 + k * bw);
      const label = `${s.label} [${bin.lower.toFixed(1)}, ${bin.upper.toFixed(1)}]: ${bin.count} stated, ${right} correct`;
      parts.push(
        `<rect class="bar-right" x="${x}" y="${num(py(right))}" width="${num(bw)}" height="${num(ph - (py(right) - top))}" fill="${color}">${tip(label)}</rect>`,
        `<rect class="bar-wrong" x="${x}" y="${num(py(bin.count))}" width="${num(bw)}" height="${num(py(right) - py(bin.count))}" fill="${color}" fill-opacity="0.3">${tip(label)}</rect>`,
      );
    });
  });
  for (let i = 0; i <= 10; i += 2) parts.push(text(left + i * group, top + ph + 15, (i / 10).toFixed(1)));
  parts.push(
    `<line x1="${left}" y1="${top + ph}" x2="${left + pw}" y2="${top + ph}" stroke="#888"/>`,
    text(left + pw / 2, top + ph + 32, "stated confidence (solid: correct, pale: wrong)"),
    key.svg,
  );
  return svgRoot(w, h, title, "histogram", parts.join(""));
}
