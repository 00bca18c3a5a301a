// The baseline agents: four from the original ECHO plus an oracle-calibrated reference, in one registry.
import type { Difficulty } from "../core/taxonomy.js";
import { heuristicConfidence, type VisibleQuestion } from "./keyword-heuristic.js";
import { type SkillProfile, skillFor } from "./skill-profile.js";

/** What an agent sees when it picks its confidence: the question, never the gold nor whether it knows. */
export interface AgentView extends VisibleQuestion {
  difficulty: Difficulty;
}

export interface BaselineAgent {
  name: string;
  description: string;
  /** Chance of answering "I don't know" on a task it does not know (otherwise it guesses wrong). */
  abstainRate: number;
  /** Stated confidence in percent (0..100); may read the question and the agent's own skill profile. */
  confidence(view: AgentView, skill: SkillProfile): number;
}

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const percent = (p: number) => Math.min(100, Math.max(0, Math.round(p * 100)));

/** Temperature and shift of the overconfident agent: sharpened and pushed up, as RLHF'd models often are. */
export const OVERCONFIDENT_TEMPERATURE = 0.5;
export const OVERCONFIDENT_SHIFT = 1;

/**
 * The overconfident agent's stated probability for an inner probability p: sigmoid((logit(p) + 1) / 0.5).
 * @example overconfident(0.5) // ~0.88
 */
export function overconfident(p: number): number {
  const q = Math.min(0.999, Math.max(0.001, p));
  return sigmoid((logit(q) + OVERCONFIDENT_SHIFT) / OVERCONFIDENT_TEMPERATURE);
}

export const BASELINE_AGENTS: readonly BaselineAgent[] = [
  {
    name: "always-50",
    description: "States 50 on every question (the parser's own default; no information).",
    abstainRate: 0,
    confidence: () => 50,
  },
  {
    name: "always-90",
    description: "States 90 on every question (the typical overconfident chatbot).",
    abstainRate: 0,
    confidence: () => 90,
  },
  {
    name: "keyword-heuristic",
    description:
      "Confidence from the domain and question features (length, numbers, 'which of the following', " +
      'negations); says "I don\'t know" on 10% of the questions it does not know.',
    abstainRate: 0.1,
    confidence: (view) => heuristicConfidence(view),
  },
  {
    name: "overconfident",
    description:
      "Knows its accuracy per domain and difficulty but states it temperature-sharpened and shifted up: " +
      "sigmoid((logit(p) + 1) / 0.5), so 50% becomes 88% and 80% becomes 99%.",
    abstainRate: 0,
    confidence: (view, skill) => percent(overconfident(skillFor(skill, view))),
  },
  {
    name: "oracle",
    description:
      "Reference: states its own probability of knowing the question's domain and difficulty, so it is " +
      "calibrated by construction (ECE differs from 0 only by sampling error).",
    abstainRate: 0,
    confidence: (view, skill) => percent(skillFor(skill, view)),
  },
];

export const BASELINE_NAMES = BASELINE_AGENTS.map((a) => a.name);

/** A baseline by name, or undefined. */
export function findBaseline(name: string): BaselineAgent | undefined {
  return BASELINE_AGENTS.find((a) => a.name === name);
}
