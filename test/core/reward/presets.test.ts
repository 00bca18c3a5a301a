import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createPreset, RewardPreset, tryCreatePreset } from "../../../src/core/reward/preset.js";
import { RewardPresetConfig } from "../../../src/core/reward/preset-config.js";
import {
  BUILT_IN_PRESETS,
  DEFAULT_PRESET,
  getPreset,
  isPresetName,
  PRESET_NAMES,
  resolvePreset,
} from "../../../src/core/reward/presets.js";

const minimal = {
  name: "plain",
  description: "correctness plus Brier, a = b",
  accuracy: { weight: 0.5, uses: "outcome" },
  brier: { weight: 0.5, form: "one_minus_bs" },
} as const;

describe("the registry", () => {
  it("lists echo, rlcr, calibrated and boolq, with calibrated as the default", () => {
    expect(PRESET_NAMES).toEqual(["echo", "rlcr", "calibrated", "boolq"]);
    expect(DEFAULT_PRESET).toBe("calibrated");
    expect(isPresetName(DEFAULT_PRESET)).toBe(true);
  });

  it.each(PRESET_NAMES)("%s is a valid, frozen preset named for its key", (name) => {
    const preset = getPreset(name);
    expect(preset).toBe(BUILT_IN_PRESETS[name]);
    expect(preset.name).toBe(name);
    expect(RewardPreset.parse(preset)).toEqual(preset);
    expect(RewardPresetConfig.parse(preset.config)).toEqual(preset.config);
    expect(Object.isFrozen(preset.config.brier)).toBe(true);
    expect(preset.description.length).toBeGreaterThan(40);
  });

  it("says plainly that echo is the original formula, kept for reproduction, and not proper", () => {
    const text = getPreset("echo").description;
    expect(text).toMatch(/original ECHO formula/);
    expect(text).toMatch(/reproduce/);
    expect(text).toMatch(/NOT proper/);
  });

  it("describes boolq as the BoolQ setup: 1 - Brier plus a length bucket of 1/5..4/5 of the budget", () => {
    const boolq = getPreset("boolq");
    expect(boolq.description).toMatch(/BoolQ/);
    expect(boolq.description).toMatch(/length term is 0/);
    expect(boolq.config.length).toEqual({
      kind: "bucket",
      min_fraction: 0.2,
      max_fraction: 0.8,
      weight: 0.5,
    });
    expect(boolq.formula).toBe(
      "1*(1 - BS) + [f outside [0.2, 0.8] -> -0.5]; o = correct; " +
        "f = completion_tokens/max_tokens (no counts -> 0); abstain -> 0; format failure -> 0",
    );
  });

  it("rejects unknown names with a RangeError listing the valid ones", () => {
    expect(() => getPreset("")).toThrow(RangeError);
    expect(() => getPreset("Echo")).toThrow(
      'unknown reward preset "Echo"; valid presets: echo, rlcr, calibrated, boolq',
    );
    expect(() => getPreset("toString")).toThrow(RangeError);
    expect(isPresetName("constructor")).toBe(false);
  });

  it("resolves a name among given presets, own keys only, or says which names are valid", () => {
    expect(resolvePreset("rlcr")).toEqual({ ok: true, preset: BUILT_IN_PRESETS.rlcr });
    expect(resolvePreset("mine", { mine: 1 })).toEqual({ ok: true, preset: 1 });
    for (const name of ["nope", "toString", "__proto__"]) {
      expect(resolvePreset(name)).toEqual({
        ok: false,
        error: {
          name,
          valid: ["echo", "rlcr", "calibrated", "boolq"],
          message: `unknown reward preset "${name}"; valid presets: echo, rlcr, calibrated, boolq`,
        },
      });
    }
  });

  it("writes each formula out", () => {
    expect(getPreset("echo").formula).toBe(
      "0.4*acc + 0.4*(1 - 2*BS) + [wrong: conf>=95 -> -0.8, else conf>=80 -> -0.6] + " +
        "[right: conf<=20 -> -0.1]; o = (score >= 0.5); acc = score; clip to [-1.5, 2]",
    );
    expect(getPreset("rlcr").formula).toBe(
      "0.5*format + format*(0.5*o + 0.5*(1 - BS)); format = 1 only when clean; o = correct",
    );
    expect(getPreset("calibrated").formula).toBe(
      "0.5*o + 0.25*(1 - 2*BS) + proper_overconfidence(t=0.8, lambda=2); o = correct; abstain -> 0.3; " +
        "format failure -> -1",
    );
  });
});

describe("createPreset", () => {
  it("fills in defaults for the optional parts", () => {
    const preset = createPreset(minimal);
    expect(preset.config).toMatchObject({
      outcome: { from: "correct", score_threshold: 0.5 },
      overconfidence: { kind: "none" },
      underconfidence: { kind: "none" },
      format: { accepts: "clean", bonus: 0, gate: false, failure_reward: null },
      length: { kind: "none" },
      abstention_reward: null,
      clip: null,
    });
    expect(preset.formula).toBe("0.5*o + 0.5*(1 - BS); o = correct");
  });

  it("sorts cliff tiers so the order they are written in does not matter", () => {
    const preset = createPreset({
      ...minimal,
      overconfidence: {
        kind: "cliff",
        tiers: [
          { min_confidence: 80, penalty: -0.6 },
          { min_confidence: 95, penalty: -0.8 },
        ],
      },
    });
    const tiers = preset.config.overconfidence.kind === "cliff" ? preset.config.overconfidence.tiers : [];
    expect(tiers.map((t) => t.min_confidence)).toEqual([95, 80]);
  });

  it("throws a ZodError for an invalid configuration", () => {
    expect(() => createPreset({ ...minimal, brier: { weight: -1, form: "one_minus_bs" } })).toThrow(
      z.ZodError,
    );
  });
});

describe("tryCreatePreset", () => {
  it("accepts a configuration read from JSON", () => {
    const result = tryCreatePreset(JSON.parse(JSON.stringify(minimal)));
    expect(result.ok && result.preset.name).toBe("plain");
  });

  it.each([
    [null, "expected object"],
    ["calibrated", "expected object"],
    [{}, "→ at name"],
    [{ ...minimal, name: "My Preset" }, "→ at name"],
    [{ ...minimal, description: "   " }, "→ at description"],
    [{ ...minimal, accuracy: { weight: -0.5, uses: "outcome" } }, "→ at accuracy.weight"],
    [{ ...minimal, brier: { weight: 0.5, form: "1-bs" } }, '"one_minus_bs"|"one_minus_two_bs"'],
    [
      { ...minimal, overconfidence: { kind: "proper", threshold: 1, lambda: 2 } },
      "→ at overconfidence.threshold",
    ],
    [{ ...minimal, overconfidence: { kind: "steep" } }, "→ at overconfidence.kind"],
    [{ ...minimal, overconfidence: { kind: "cliff", tiers: [] } }, "→ at overconfidence.tiers"],
    [
      {
        ...minimal,
        overconfidence: {
          kind: "cliff",
          tiers: [
            { min_confidence: 80, penalty: -0.6 },
            { min_confidence: 80, penalty: -0.8 },
          ],
        },
      },
      "distinct min_confidence",
    ],
    [
      { ...minimal, underconfidence: { kind: "cliff", max_confidence: 20, penalty: 0.1 } },
      "underconfidence.penalty",
    ],
    [{ ...minimal, clip: { min: 2, max: -1.5 } }, "clip.min must be below clip.max"],
    [
      { ...minimal, length: { kind: "bucket", min_fraction: 0.8, max_fraction: 0.2, weight: 0.5 } },
      "length.min_fraction must not be above length.max_fraction",
    ],
    [
      { ...minimal, length: { kind: "bucket", min_fraction: 0.2, max_fraction: 1.5, weight: 0.5 } },
      "→ at length.max_fraction",
    ],
    [
      { ...minimal, length: { kind: "bucket", min_fraction: 0.2, max_fraction: 0.8, weight: -1 } },
      "→ at length.weight",
    ],
    [{ ...minimal, abstention_reward: "0.3" }, "→ at abstention_reward"],
  ])("reports what is wrong with %j readably", (input, message) => {
    const result = tryCreatePreset(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain("✖");
      expect(result.error).toContain(message);
    }
  });
});

describe("schemas", () => {
  it("convert to JSON Schema for the wire", () => {
    const schema = z.toJSONSchema(RewardPresetConfig) as { $defs?: Record<string, unknown> };
    expect(schema.$defs).toHaveProperty("RewardPresetConfig");
    expect(() => z.toJSONSchema(RewardPreset)).not.toThrow();
  });
});
