// GET /metrics/timeline through inject(): bounded points, windows and filters, and the same figures as timelineOf.
import { describe, expect, it } from "vitest";
import { timelineOf } from "../../src/core/metrics/timeline.js";
import type { EchoApp } from "../../src/server/app.js";
import { MAX_TIMELINE_WINDOW } from "../../src/server/routes/timeline.js";
import { build } from "../helpers/build-app.js";
import { says, scoreOutcomes } from "../helpers/score-batch.js";

const A = "gen/arithmetic/v1/easy/3";
const B = "curated/creative/easy/001";

async function timeline(app: EchoApp, query = "") {
  const res = await app.inject({ method: "GET", url: `/metrics/timeline${query}` });
  return { status: res.statusCode, body: res.json() };
}

function sixItems(app: EchoApp) {
  const a = app.echo.task(A).answer;
  const b = app.echo.task(B).answer;
  return [
    { task_id: A, response: says(90, a) },
    { task_id: A, response: says(80, "-1") },
    { task_id: B, response: says(30, b) },
    { task_id: B, response: says(95, b === "A" ? "B" : "A") },
    { task_id: A, response: "" },
    { task_id: A, response: says(60, a) },
  ];
}

describe("GET /metrics/timeline", () => {
  it("has no points before any episode", async () => {
    const app = await build();
    expect(await timeline(app)).toEqual({
      status: 200,
      body: { total: 0, offset: 0, covered: 0, rolling: 200, points: [] },
    });
  });

  it("matches timelineOf over the recorded outcomes", async () => {
    const app = await build();
    const outcomes = await scoreOutcomes(app, sixItems(app));
    const { status, body } = await timeline(app, "?points=4&rolling=3");
    expect(status).toBe(200);
    expect(body).toEqual({ total: 6, offset: 0, covered: 6, rolling: 3, points: timelineOf(outcomes, 4, 3) });
    expect(body.points.at(-1).episode).toBe(6);
  });

  it("covers only the newest `window` episodes and says how many came before", async () => {
    const app = await build();
    const outcomes = await scoreOutcomes(app, sixItems(app));
    const { body } = await timeline(app, "?window=4&points=10&rolling=2");
    expect(body.total).toBe(6);
    expect(body.offset).toBe(2);
    expect(body.covered).toBe(4);
    expect(body.points).toEqual(timelineOf(outcomes.slice(2), 10, 2));
  });

  it("takes the filters of /metrics", async () => {
    const app = await build();
    const outcomes = await scoreOutcomes(app, sixItems(app));
    const { body } = await timeline(app, "?domain=creative&rolling=5");
    expect(body.total).toBe(2);
    expect(body.points).toEqual(
      timelineOf(
        outcomes.filter((o) => o.domain === "creative"),
        200,
        5,
      ),
    );
    expect((await timeline(app, "?channel=http")).body.points).toEqual([]);
  });

  it("answers afresh once more episodes are recorded", async () => {
    const app = await build();
    await scoreOutcomes(app, sixItems(app).slice(0, 2));
    expect((await timeline(app)).body.covered).toBe(2);
    expect((await timeline(app)).body.covered).toBe(2);
    await scoreOutcomes(app, sixItems(app).slice(0, 3));
    expect((await timeline(app)).body.covered).toBe(5);
  });

  it.each([
    "?points=0",
    "?points=1001",
    "?points=abc",
    "?rolling=0",
    "?rolling=100001",
    "?window=0",
    "?window=100001",
    "?window=1000000",
    "?points=2.5",
    "?domain=astrology",
  ])("refuses %s with 422", async (query) => {
    const app = await build();
    const { status, body } = await timeline(app, query);
    expect(status).toBe(422);
    expect(body.code).toBe("VALIDATION_ERROR");
  });

  it("caps the window at MAX_TIMELINE_WINDOW, saying so", async () => {
    const app = await build();
    expect((await timeline(app, `?window=${MAX_TIMELINE_WINDOW}`)).status).toBe(200);
    const { status, body } = await timeline(app, `?window=${MAX_TIMELINE_WINDOW + 1}`);
    expect(status).toBe(422);
    expect(body.detail[0]).toMatchObject({ loc: ["querystring", "window"] });
    expect(body.detail[0].msg).toContain(String(MAX_TIMELINE_WINDOW));
  });
});
