import { describe, expect, it } from "vitest";
import { DIFFICULTIES, DOMAINS } from "../../src/core/taxonomy.js";
import {
  DEFAULT_SKILL,
  SkillProfile,
  skillFor,
  skillProfile,
  uniformSkill,
} from "../../src/eval/skill-profile.js";

describe("skill profiles", () => {
  it("rejects skills outside [0, 1]", () => {
    for (const p of [-0.1, 1.01, Number.NaN]) expect(() => uniformSkill(p)).toThrow(RangeError);
    expect(uniformSkill(0).math.easy).toBe(0);
    expect(uniformSkill(1).creative.hard).toBe(1);
  });

  it("clamps a rule into [0, 1] and covers every bucket", () => {
    const profile = skillProfile((_, d) => (d === "easy" ? 2 : -1));
    expect(SkillProfile.parse(profile)).toEqual(profile);
    for (const domain of DOMAINS) {
      expect(profile[domain]).toEqual({ easy: 1, medium: 0, hard: 0 });
    }
  });

  it("the default profile is harder for harder questions in every domain", () => {
    for (const domain of DOMAINS) {
      const [easy, medium, hard] = DIFFICULTIES.map((d) => DEFAULT_SKILL[domain][d]);
      expect(easy).toBeGreaterThan(medium as number);
      expect(medium).toBeGreaterThan(hard as number);
    }
    expect(skillFor(DEFAULT_SKILL, { domain: "factual", difficulty: "easy" })).toBe(0.91);
    expect(skillFor(DEFAULT_SKILL, { domain: "medical", difficulty: "hard" })).toBe(0.28);
  });
});
