// Simulated knowledge: each baseline agent's probability of knowing a task, per domain and difficulty.
import { z } from "zod";
import { DIFFICULTIES, type Difficulty, DOMAINS, type Domain } from "../core/taxonomy.js";

const probability = z.number().min(0).max(1);

export const SkillProfile = z
  .record(z.enum(DOMAINS), z.record(z.enum(DIFFICULTIES), probability.describe("P(knows) in this bucket")))
  .describe("Probability that the simulated agent knows a task, per domain and difficulty (0..1)");
export type SkillProfile = z.infer<typeof SkillProfile>;

const BY_DIFFICULTY: Readonly<Record<Difficulty, number>> = { easy: 0.85, medium: 0.62, hard: 0.38 };
const DOMAIN_SHIFT: Readonly<Record<Domain, number>> = {
  math: -0.05,
  logic: -0.08,
  factual: 0.06,
  science: 0.02,
  medical: -0.1,
  coding: -0.06,
  creative: 0.04,
};

/** A profile from a rule applied to every bucket. */
export function skillProfile(rule: (domain: Domain, difficulty: Difficulty) => number): SkillProfile {
  const profile = {} as Record<Domain, Record<Difficulty, number>>;
  for (const domain of DOMAINS) {
    const row = {} as Record<Difficulty, number>;
    for (const difficulty of DIFFICULTIES) {
      row[difficulty] = Math.min(1, Math.max(0, rule(domain, difficulty)));
    }
    profile[domain] = row;
  }
  return profile;
}

/**
 * A made-up but plausible mid-size model: easy 0.85, medium 0.62, hard 0.38, shifted a few points per domain
 * (medical and logic harder, factual easier). Not measured from any real model.
 */
export const DEFAULT_SKILL: SkillProfile = skillProfile(
  (domain, difficulty) => Math.round((BY_DIFFICULTY[difficulty] + DOMAIN_SHIFT[domain]) * 100) / 100,
);

/**
 * The same skill everywhere, e.g. 0.5 for a set where a coin flip decides.
 * @example uniformSkill(0.5).math.hard // 0.5
 */
export function uniformSkill(p: number): SkillProfile {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`skill must be a probability in [0, 1], got ${p}`);
  return skillProfile(() => p);
}

/** The skill for one task's bucket. */
export function skillFor(profile: SkillProfile, task: { domain: Domain; difficulty: Difficulty }): number {
  return profile[task.domain][task.difficulty];
}
