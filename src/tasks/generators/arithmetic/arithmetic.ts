// Multi-step arithmetic word problems (collections, shopping, travel, rates, ratios) and, on hard, classic traps.
import type { Rng } from "../../../core/rng.js";
import type { Difficulty } from "../../../core/taxonomy.js";
import { defineGenerator, drawUntil, generatorRng } from "../generator.js";
import { toDecimalString } from "../rational.js";
import type { ArithmeticProblem, ArithmeticTemplate } from "./arithmetic-problem.js";
import { ratioShare, travel, workRate } from "./arithmetic-rates.js";
import { shopping } from "./arithmetic-shopping.js";
import { collectionStory } from "./arithmetic-stories.js";
import { TRAPS } from "./arithmetic-traps.js";

const NAME = "arithmetic";
const VERSION = 1;

const TEMPLATES: Record<Difficulty, readonly ArithmeticTemplate[]> = {
  easy: [collectionStory, collectionStory, shopping, travel],
  medium: [collectionStory, shopping, travel, workRate, ratioShare],
  hard: [collectionStory, shopping, travel, workRate, ratioShare],
};

/** Share of hard items drawn from the trap templates. */
export const TRAP_SHARE = 0.25;

function drawProblem(rng: Rng, difficulty: Difficulty): ArithmeticProblem {
  const pool = difficulty === "hard" && rng.chance(TRAP_SHARE) ? TRAPS : TEMPLATES[difficulty];
  return drawUntil(rng, (r) => r.pick(pool)(r, difficulty));
}

/** The problem behind a task, with its kind and step count (tests and difficulty checks read these). */
export function arithmeticProblem(difficulty: Difficulty, index: number): ArithmeticProblem {
  return drawProblem(generatorRng(NAME, VERSION, difficulty, index), difficulty);
}

export const arithmeticGenerator = defineGenerator(
  {
    name: NAME,
    version: VERSION,
    domain: "math",
    description:
      "Multi-step word problems (collections, shopping, travel, work rates, ratios); hard adds traps such as bat-and-ball and fenceposts",
  },
  (rng, difficulty) => {
    const problem = drawProblem(rng, difficulty);
    const answer = toDecimalString(problem.answer, 2);
    if (answer === null) throw new Error(`arithmetic ${problem.kind} produced an unclean answer`);
    return { question: problem.question, answer, grader: "numeric", adversarial: problem.adversarial };
  },
);
