import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeMetrics, computeMetricsBy } from "../../../src/core/metrics/compute-metrics.js";
import { createDomainMetrics, GroupedMetrics } from "../../../src/core/metrics/grouped-metrics.js";
import { DOMAINS } from "../../../src/core/taxonomy.js";
import { expectReportsClose, outcome, outcomeArb } from "./outcome-fixtures.js";

describe("GroupedMetrics", () => {
  it("gives the empty report for a group never seen", () => {
    const live = createDomainMetrics();
    expect(live.report("coding")).toEqual(computeMetrics([]));
    expect(live.reports()).toEqual({});
  });

  it("rejects a bad window at creation", () => {
    expect(() => createDomainMetrics({ window: 0 })).toThrow(RangeError);
  });

  it("groups by any key", () => {
    const byCorrect = new GroupedMetrics((o) => (o.correct ? "right" : "wrong"));
    byCorrect.add(outcome(80, true));
    byCorrect.add(outcome(80, false));
    byCorrect.add(outcome(60, false));
    expect(byCorrect.report("wrong").count).toBe(2);
    expect(Object.keys(byCorrect.reports())).toEqual(["right", "wrong"]);
  });

  it("matches computeMetricsBy per domain", () => {
    fc.assert(
      fc.property(fc.array(outcomeArb, { maxLength: 80 }), (records) => {
        const live = createDomainMetrics();
        for (const r of records) live.add(r);
        const batch = computeMetricsBy(records, "domain");
        expect(Object.keys(live.reports()).sort()).toEqual(Object.keys(batch).sort());
        for (const domain of DOMAINS) {
          expectReportsClose(live.report(domain), batch[domain] ?? computeMetrics([]));
        }
      }),
      { numRuns: 100 },
    );
  });

  it("keeps a rolling window per domain", () => {
    fc.assert(
      fc.property(fc.array(outcomeArb, { maxLength: 80 }), (records) => {
        const live = createDomainMetrics({ window: 5 });
        for (const r of records) live.add(r);
        for (const domain of DOMAINS) {
          const own = records.filter((r) => r.domain === domain).slice(-5);
          expectReportsClose(live.report(domain), computeMetrics(own));
        }
      }),
      { numRuns: 100 },
    );
  });
});
