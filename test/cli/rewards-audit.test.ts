import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRewardsAudit } from "../../src/cli/commands/rewards-audit.js";
import { captureIo } from "../helpers/capture-io.js";

describe("echo-env rewards audit", () => {
  it("prints echo's best report of 79 at q = 0.90 and calls it improper", () => {
    const io = captureIo();
    expect(runRewardsAudit({ preset: "echo" }, io)).toBe(0);
    expect(io.out()).toMatch(/proper: false/);
    expect(io.out()).toMatch(/^0\.90\s+79\s/m);
  });

  it("shows calibrated as proper with best report = 100q", () => {
    const io = captureIo();
    runRewardsAudit({ preset: "calibrated", step: "0.1" }, io);
    expect(io.out()).toMatch(/proper: true/);
    expect(io.out()).toMatch(/^0\.70\s+70\s/m);
    // Two tables of 11 rows: answerable questions, then unanswerable ones (best move per q).
    expect(io.out().match(/^\d\.\d\d\s/gm)).toHaveLength(22);
    expect(io.out()).toMatch(/^unanswerable: calibrated on unanswerable questions: proper/m);
    expect(io.out()).toMatch(/^0\.30\s+answer\s+70\s/m);
    expect(io.out()).toMatch(/^0\.70\s+decline\s+70\s/m);
  });

  it("audits a custom preset from a JSON file and reports bad files clearly", () => {
    const dir = mkdtempSync(join(tmpdir(), "echo-audit-"));
    const good = join(dir, "good.json");
    writeFileSync(
      good,
      JSON.stringify({
        name: "mine",
        description: "test",
        accuracy: { weight: 0.2, uses: "outcome" },
        brier: { weight: 0.8, form: "one_minus_bs" },
      }),
    );
    const io = captureIo();
    expect(runRewardsAudit({ config: good, json: true }, io)).toBe(0);
    expect(JSON.parse(io.out())[0]).toMatchObject({ preset: "mine", honest_answering: false });
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ name: "x", brier: { form: "cubic" } }));
    const err = captureIo();
    expect(runRewardsAudit({ config: bad }, err)).toBe(2);
    expect(err.err()).toMatch(/invalid preset config/);
    expect(runRewardsAudit({ preset: "nope" }, captureIo())).toBe(2);
    expect(runRewardsAudit({ step: "0.3" }, captureIo())).toBe(2);
  });
});
