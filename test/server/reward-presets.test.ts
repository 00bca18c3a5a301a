// GET /rewards through inject(): presets, formulas, properness audits and the active default.
import { describe, expect, it } from "vitest";
import { auditPreset } from "../../src/core/reward/audit.js";
import { summariseAudit } from "../../src/core/reward/audit-report.js";
import { getPreset } from "../../src/core/reward/presets.js";
import type { EchoApp } from "../../src/server/app.js";
import type { PresetInfo } from "../../src/server/routes/reward-presets.js";
import { build } from "../helpers/build-app.js";

async function presets(app: EchoApp, query = "") {
  const res = await app.inject({ method: "GET", url: `/rewards${query}` });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { default_preset: string; presets: PresetInfo[] };
  return { ...body, byName: Object.fromEntries(body.presets.map((p) => [p.name, p])) };
}

describe("GET /rewards", () => {
  it("lists every preset with its formula, config and audit; echo is not proper, calibrated is", async () => {
    const app = await build();
    const { default_preset, presets: list, byName } = await presets(app);
    expect(list.map((p) => p.name)).toEqual(["echo", "rlcr", "calibrated", "boolq"]);
    expect(default_preset).toBe("calibrated");
    expect(list.filter((p) => p.default).map((p) => p.name)).toEqual(["calibrated"]);
    expect(byName.echo?.audit.proper).toBe(false);
    expect(byName.echo?.audit.verdict).toMatch(/NOT proper/);
    expect(byName.calibrated?.audit.proper).toBe(true);
    expect(byName.rlcr?.formula).toBe(getPreset("rlcr").formula);
    expect(byName.rlcr?.config).toEqual(getPreset("rlcr").config);
  });

  it("leaves the best-response curve out unless ?curve=true", async () => {
    const app = await build();
    const without = await presets(app);
    for (const p of without.presets) expect(p.audit).not.toHaveProperty("best_response");
    const curve = await presets(app, "?curve=true");
    const full = auditPreset(getPreset("echo"));
    expect(curve.byName.echo?.audit).toEqual(full);
    expect(curve.byName.echo?.audit.best_response).toHaveLength(101);
    expect(curve.byName.echo?.audit.unanswerable.best_response).toHaveLength(101);
    expect(without.byName.echo?.audit).toEqual(summariseAudit(full));
    expect(without.byName.echo?.audit.unanswerable).not.toHaveProperty("best_response");
    expect(without.byName.echo?.audit.unanswerable.cross_pool).not.toHaveProperty("points");
    expect(without.byName.calibrated?.audit.unanswerable.verdict).toMatch(/^calibrated on unanswerable/);
    const bad = await app.inject({ method: "GET", url: "/rewards?curve=yes" });
    expect(bad.statusCode).toBe(422);
  });

  it("names the default preset REWARD_PRESET chose", async () => {
    const app = await build({ REWARD_PRESET: "rlcr" });
    const { default_preset, byName } = await presets(app);
    expect(default_preset).toBe("rlcr");
    expect(byName.rlcr?.default).toBe(true);
    expect(byName.calibrated?.default).toBe(false);
  });
});
