// Small helpers for hand-written SVG: escaping, number formatting, the root element, a fixed palette.

/**
 * Escapes text for XML content and attribute values.
 * @example escapeXml('a < "b"') // "a &lt; &quot;b&quot;"
 */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** A coordinate with at most 2 decimals, so output is compact and stable. */
export function num(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** A figure for labels: 3 decimals, or "–" for null. */
export function figure(x: number | null | undefined, digits = 3): string {
  return x === null || x === undefined ? "–" : x.toFixed(digits);
}

/** Colour-blind-safe series colours (Okabe-Ito), in order. */
export const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];

export const seriesColor = (i: number): string => PALETTE[i % PALETTE.length] as string;

/** The root element with a title for screen readers; `body` is the chart's inner markup. */
export function svgRoot(width: number, height: number, title: string, kind: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart ${kind}" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" role="img" font-family="sans-serif" font-size="11">` +
    `<title>${escapeXml(title)}</title>${body}</svg>`
  );
}

/** A text element; `anchor` is start, middle or end. */
export function text(x: number, y: number, content: string, anchor = "middle", extra = ""): string {
  return `<text x="${num(x)}" y="${num(y)}" text-anchor="${anchor}"${extra}>${escapeXml(content)}</text>`;
}

/** Rough width of a label in the charts' 11px sans-serif, enough to lay out legends without overlap. */
const labelWidth = (label: string) => label.length * 6.5;

/**
 * A legend of coloured squares and labels, wrapped into rows that fit `width`, starting at (x, y).
 * Returns the markup and the height it takes.
 * @example legend(["before", "after"], 10, 20, 300).svg
 */
export function legend(
  labels: readonly string[],
  x: number,
  y: number,
  width: number,
): { svg: string; height: number } {
  const step = Math.max(80, ...labels.map(labelWidth)) + 24;
  const perRow = Math.max(1, Math.floor(width / step));
  const svg = labels
    .map((label, i) => {
      const [lx, ly] = [x + (i % perRow) * step, y + Math.floor(i / perRow) * 16];
      return `<rect x="${num(lx)}" y="${num(ly - 9)}" width="10" height="10" fill="${seriesColor(i)}"/>${text(lx + 14, ly, label, "start")}`;
    })
    .join("");
  return { svg, height: Math.ceil(labels.length / perRow) * 16 };
}
