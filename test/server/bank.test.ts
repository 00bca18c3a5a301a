import { describe, expect, it } from "vitest";
import { build } from "../helpers/build-app.js";

describe("GET /bank", () => {
  it("reports counts per domain x difficulty x source and the sampling options", async () => {
    const app = await build();
    const res = await app.inject({ method: "GET", url: "/bank" });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.summary.counts).toContainEqual(
      expect.objectContaining({ domain: "factual", difficulty: "easy", source: "curated" }),
    );
    expect(body.summary.total).toBe(
      body.summary.counts.reduce((sum: number, c: { count: number }) => sum + c.count, 0),
    );
    expect(body.options.domains).toHaveLength(7);
  });

  it("follows the configured domains and sources", async () => {
    const app = await build({ ECHO_DOMAINS: "math,coding", ECHO_SOURCES: "generated" });
    const body = (await app.inject({ method: "GET", url: "/bank" })).json();
    const domains = new Set(body.summary.counts.map((c: { domain: string }) => c.domain));
    expect([...domains].sort()).toEqual(["coding", "math"]);
    expect(body.summary.counts.every((c: { source: string }) => c.source === "generated")).toBe(true);
  });
});
