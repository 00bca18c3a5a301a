// Deduction puzzles: categorical syllogisms and ordering puzzles, as multiple choice; hard adds "nothing follows" traps.
import type { Difficulty } from "../../../core/taxonomy.js";
import { defineGenerator, drawUntil } from "../generator.js";
import { categoricalSyllogism } from "./categorical-syllogism.js";
import { orderingPuzzle } from "./ordering-puzzle.js";

export const logicSyllogismGenerator = defineGenerator(
  {
    name: "logic-syllogism",
    version: 1,
    domain: "logic",
    description:
      "Categorical syllogisms (which conclusion must follow) and ordering puzzles (who is tallest, what must be true); hard adds invalid-but-plausible traps",
  },
  (rng, difficulty: Difficulty) => {
    const trap = difficulty === "hard" && rng.chance(0.25);
    const categorical = rng.chance(0.5);
    return drawUntil(rng, (r) =>
      categorical ? categoricalSyllogism(r, difficulty, trap) : orderingPuzzle(r, difficulty, trap),
    );
  },
);
