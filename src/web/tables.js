// Data tables beside the charts: the reliability bins and the per-domain fingerprint, as text.
import { h, replace } from "./dom.js";
import { dec, int, pct } from "./format.js";

const row = (cells, attrs = {}) => h("tr", attrs, ...cells);
const num = (text) => h("td", { class: "num" }, text);

/** The ten reliability bins of a CalibrationReport. */
export function renderReliabilityTable(table, report) {
  replace(
    table,
    h("caption", {}, "Reliability bins (answers with a stated confidence)"),
    h(
      "thead",
      {},
      row(["Confidence", "Answers", "Stated", "Right", "Gap"].map((t) => h("th", { scope: "col" }, t))),
    ),
    h(
      "tbody",
      {},
      report.bins.map((b) =>
        row([
          h("th", { scope: "row" }, `${Math.round(b.lower * 100)}–${Math.round(b.upper * 100)}%`),
          num(int(b.count)),
          num(pct(b.mean_confidence)),
          num(pct(b.accuracy)),
          num(b.gap === null ? "—" : `${b.gap > 0 ? "+" : ""}${(b.gap * 100).toFixed(1)} pts`),
        ]),
      ),
    ),
  );
}

/** One row per domain of a Fingerprint; empty domains say so. */
export function renderFingerprintTable(table, fp) {
  const head = ["Domain", "Answers", "Score", "ECE", "Accuracy", "Confidence", "Overconf."];
  replace(
    table,
    h("caption", {}, "Calibration per domain"),
    h("thead", {}, row(head.map((t) => h("th", { scope: "col" }, t)))),
    h(
      "tbody",
      {},
      fp.domains.map((d) => {
        const tag =
          d.domain === fp.weakest
            ? h("span", { class: "tag weak" }, "weakest")
            : d.domain === fp.strongest
              ? h("span", { class: "tag strong" }, "strongest")
              : null;
        const name = h("th", { scope: "row" }, d.domain, tag ? " " : "", tag);
        if (d.empty) {
          return row([name, num("0"), h("td", { colspan: 5, class: "no-data" }, "no data yet")], {
            class: "empty",
            "data-domain": d.domain,
          });
        }
        return row(
          [
            name,
            num(int(d.count)),
            num(dec(d.calibration_score)),
            num(dec(d.ece)),
            num(pct(d.accuracy)),
            num(pct(d.mean_confidence)),
            num(pct(d.overconfidence_rate)),
          ],
          { "data-domain": d.domain },
        );
      }),
    ),
  );
}
