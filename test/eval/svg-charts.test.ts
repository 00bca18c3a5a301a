import { describe, expect, it } from "vitest";
import { computeMetrics } from "../../src/core/metrics/compute-metrics.js";
import { fingerprintOf } from "../../src/core/metrics/fingerprint.js";
import { DOMAINS } from "../../src/core/taxonomy.js";
import { metricsOf } from "../../src/eval/evaluate.js";
import { confidenceHistogram, fingerprintRadar, reliabilityDiagram } from "../../src/eval/svg-charts.js";
import { halfRight, record } from "./records.js";
import { byTag, parseXml } from "./xml-tree.js";

const report = metricsOf([
  ...halfRight(10, 95),
  record("x", 35, true),
  record("y", 35, false),
  record("z", 0, false),
]);

describe("reliabilityDiagram", () => {
  it("is well-formed SVG with exactly 10 bins, empty ones flat", () => {
    const svg = parseXml(reliabilityDiagram(report.bins, "run"));
    expect(svg.name).toBe("svg");
    expect(svg.attributes.xmlns).toBe("http://www.w3.org/2000/svg");
    const bins = byTag(svg, "rect", "bin");
    expect(bins).toHaveLength(10);
    expect(byTag(svg, "rect", "empty")).toHaveLength(7);
    expect(bins[9]!.attributes.height).toBe(String(0.5 * 244));
    expect(bins[3]!.attributes.height).toBe(String(0.5 * 244));
    expect(bins[0]!.attributes.height).toBe("0");
    expect(byTag(svg, "rect", "gap")).toHaveLength(3);
    expect(byTag(svg, "line", "diagonal")).toHaveLength(1);
  });

  it("draws 10 empty bins for no data, and escapes its title", () => {
    const svg = parseXml(reliabilityDiagram(computeMetrics([]).bins, 'a <b> & "c"'));
    expect(byTag(svg, "rect", "empty")).toHaveLength(10);
    expect(byTag(svg, "title")[0]!.text).toBe("a &lt;b&gt; &amp; &quot;c&quot;");
  });
});

describe("fingerprintRadar", () => {
  const fp = fingerprintOf({ math: report, factual: metricsOf(halfRight(8, 50)) });

  it("has one axis per domain, in domain order, and one polygon per run", () => {
    const svg = parseXml(
      fingerprintRadar([
        { label: "a", fingerprint: fp },
        { label: "b", fingerprint: fp },
      ]),
    );
    const axes = byTag(svg, "line", "axis");
    expect(axes.map((a) => a.attributes["data-domain"])).toEqual([...DOMAINS]);
    expect(byTag(svg, "polygon", "series")).toHaveLength(2);
    expect(byTag(svg, "polygon", "ring")).toHaveLength(4);
    const labels = byTag(svg, "text").map((t) => t.text);
    expect(labels).toContain("math");
    expect(labels).toContain("coding (no data)");
  });

  it("follows the fingerprint's own domain list and survives no runs", () => {
    const three = fingerprintOf({}, 5, ["math", "logic", "coding"]);
    expect(
      byTag(parseXml(fingerprintRadar([{ label: "x", fingerprint: three }])), "line", "axis"),
    ).toHaveLength(3);
    expect(byTag(parseXml(fingerprintRadar([])), "line", "axis")).toHaveLength(0);
  });
});

describe("confidenceHistogram", () => {
  it("stacks correct and wrong answers per bin for every run", () => {
    const svg = parseXml(
      confidenceHistogram([
        { label: "a", bins: report.bins },
        { label: "b", bins: report.bins },
      ]),
    );
    expect(byTag(svg, "rect", "bar-right")).toHaveLength(20);
    expect(byTag(svg, "rect", "bar-wrong")).toHaveLength(20);
    // The tallest bin (10 answers at 0.9-1.0) fills the 180px plot: 5 right + 5 wrong.
    const right9 = byTag(svg, "rect", "bar-right")[9]!;
    const wrong9 = byTag(svg, "rect", "bar-wrong")[9]!;
    expect(Number(right9.attributes.height) + Number(wrong9.attributes.height)).toBeCloseTo(180, 5);
    expect(Number(right9.attributes.height)).toBeCloseTo(90, 5);
  });

  it("is well-formed with no data and with many runs", () => {
    expect(() => parseXml(confidenceHistogram([]))).not.toThrow();
    const many = Array.from({ length: 9 }, (_, i) => ({ label: `run-${i}`, bins: report.bins }));
    expect(byTag(parseXml(confidenceHistogram(many)), "rect", "bar-right")).toHaveLength(90);
  });
});
