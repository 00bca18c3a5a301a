// GET /metrics, /metrics/{domain}, /fingerprint and /history through inject(), after a few scored episodes.
import { describe, expect, it } from "vitest";
import { computeMetrics } from "../../src/core/metrics/compute-metrics.js";
import type { EpisodeOutcome } from "../../src/core/metrics/episode-outcome.js";
import type { EchoApp } from "../../src/server/app.js";
import { build } from "../helpers/build-app.js";
import { says, scoreOutcomes } from "../helpers/score-batch.js";

const A = "gen/arithmetic/v1/easy/3";
const B = "curated/creative/easy/001";

async function get(app: EchoApp, url: string) {
  const res = await app.inject({ method: "GET", url });
  return { status: res.statusCode, body: res.json() };
}

/** Scores five episodes through /reward (recorded; the last is an empty response) and returns their outcomes. */
async function play(app: EchoApp): Promise<EpisodeOutcome[]> {
  const a = app.echo.task(A).answer;
  const b = app.echo.task(B).answer;
  const items = [
    { task_id: A, response: says(90, a) },
    { task_id: A, response: says(60, "-1") },
    { task_id: B, response: says(30, b) },
    { task_id: B, response: says(95, b === "A" ? "B" : "A") },
    { task_id: A, response: "" },
  ];
  return scoreOutcomes(app, items);
}

describe("GET /metrics", () => {
  it("reports no invented numbers before any episode", async () => {
    const app = await build();
    const { status, body } = await get(app, "/metrics");
    expect(status).toBe(200);
    expect(body).toEqual(computeMetrics([]));
    expect(body.ece).toBeNull();
  });

  it("matches computeMetrics over the same outcomes, all-time, windowed and filtered", async () => {
    const app = await build();
    const outcomes = await play(app);
    expect((await get(app, "/metrics")).body).toEqual(computeMetrics(outcomes));
    expect((await get(app, "/metrics?window=2")).body).toEqual(computeMetrics(outcomes.slice(-2)));
    expect((await get(app, "/metrics?window=100")).body).toEqual(computeMetrics(outcomes));
    const creative = outcomes.filter((o) => o.domain === "creative");
    expect((await get(app, "/metrics?domain=creative")).body).toEqual(computeMetrics(creative));
    expect((await get(app, "/metrics?preset=calibrated&channel=batch&phase=1")).body.count).toBe(5);
    for (const query of ["channel=ws", "preset=echo", "session=someone", "phase=2", "difficulty=hard"]) {
      expect((await get(app, `/metrics?${query}`)).body.count, query).toBe(0);
    }
  });

  it("refuses a bad window or filter with 422 naming it", async () => {
    const app = await build();
    for (const [query, field] of [
      ["window=0", "window"],
      ["window=-5", "window"],
      ["window=abc", "window"],
      ["window=1.5", "window"],
      ["window=1000001", "window"],
      ["phase=4", "phase"],
      ["domain=astrology", "domain"],
      ["channel=carrier-pigeon", "channel"],
    ]) {
      const { status, body } = await get(app, `/metrics?${query}`);
      expect(status, query).toBe(422);
      expect(body.detail[0].loc).toEqual(["querystring", field]);
    }
  });
});

describe("GET /metrics/{domain}", () => {
  it("reports one domain, with the same filters and window", async () => {
    const app = await build();
    const outcomes = await play(app);
    const math = outcomes.filter((o) => o.domain === "math");
    expect((await get(app, "/metrics/math")).body).toEqual(computeMetrics(math));
    expect((await get(app, "/metrics/math?window=1")).body).toEqual(computeMetrics(math.slice(-1)));
    expect((await get(app, "/metrics/medical")).body.count).toBe(0);
  });

  it("answers 404 UNKNOWN_DOMAIN listing the valid domains", async () => {
    const app = await build();
    const { status, body } = await get(app, "/metrics/astrology");
    expect(status).toBe(404);
    expect(body.code).toBe("UNKNOWN_DOMAIN");
    expect(body.detail).toMatch(/"astrology".*math, logic, factual, science, medical, coding, creative/);
    expect(body.valid).toContain("medical");
  });
});

describe("GET /fingerprint", () => {
  it("marks domains without stated confidences as empty and scores the others", async () => {
    const app = await build();
    await play(app);
    const { status, body } = await get(app, "/fingerprint");
    expect(status).toBe(200);
    const byDomain = Object.fromEntries(
      body.domains.map((d: { domain: string; empty: boolean; count: number }) => [d.domain, d]),
    );
    expect(byDomain.math).toMatchObject({ empty: false, count: 2 });
    expect(byDomain.creative).toMatchObject({ empty: false, count: 2 });
    for (const domain of ["logic", "factual", "science", "medical", "coding"]) {
      expect(byDomain[domain], domain).toMatchObject({ empty: true, count: 0, calibration_score: null });
    }
    // Fewer than min_episodes per domain: nothing is ranked.
    expect(body.weakest).toBeNull();
    const windowed = (await get(app, "/fingerprint?window=2")).body;
    expect(windowed.domains.find((d: { domain: string }) => d.domain === "math").count).toBe(0);
    expect((await get(app, "/fingerprint?window=0")).status).toBe(422);
  });
});

describe("GET /history", () => {
  it("pages recorded episodes newest first, with filters and totals", async () => {
    const app = await build();
    const empty = (await get(app, "/history")).body;
    expect(empty).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
    const outcomes = await play(app);
    const all = (await get(app, "/history")).body;
    expect(all.total).toBe(5);
    expect(all.items.map((r: { reward: number }) => r.reward)).toEqual(
      outcomes.map((o) => o.reward).reverse(),
    );
    const middle = (await get(app, "/history?limit=2&offset=1")).body;
    expect(middle).toMatchObject({ total: 5, limit: 2, offset: 1 });
    expect(middle.items).toEqual(all.items.slice(1, 3));
    const right = (await get(app, "/history?correct=true")).body;
    expect(right.total).toBe(2);
    for (const r of right.items) expect(r.is_correct).toBe(true);
    const creativeWrong = (await get(app, "/history?domain=creative&correct=false")).body;
    expect(creativeWrong.items.map((r: { parsed_confidence: number }) => r.parsed_confidence)).toEqual([95]);
    expect((await get(app, "/history?channel=ws")).body.total).toBe(0);
  });

  it("refuses bad paging or filters with 422", async () => {
    const app = await build();
    for (const query of ["limit=0", "limit=501", "offset=-1", "correct=maybe", "difficulty=extreme"]) {
      expect((await get(app, `/history?${query}`)).status, query).toBe(422);
    }
  });
});
