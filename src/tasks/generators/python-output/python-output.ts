// "What does this Python snippet print?": programs built from templates together with their exactly computed output.
import type { Rng } from "../../../core/rng.js";
import type { Difficulty } from "../../../core/taxonomy.js";
import { defineGenerator, drawUntil, generatorRng } from "../generator.js";
import type { Snippet, SnippetTemplate } from "./python-snippet.js";
import { dictCounting, dictOps } from "./python-snippets-dicts.js";
import { aggregates, comprehension, listMethods, listSlicing } from "./python-snippets-lists.js";
import { rangeLoop, whileLoop } from "./python-snippets-loops.js";
import { comparisons, division, divMod, precedence } from "./python-snippets-numbers.js";
import { stringBuilding, stringLists, stringMethods, stringSlicing } from "./python-snippets-strings.js";
import { TRAP_SNIPPETS } from "./python-snippets-traps.js";

const NAME = "python-output";
const VERSION = 1;

/** Every non-trap template, drawn with equal weight; the order is part of the output (bump VERSION to change it). */
const TEMPLATES: readonly SnippetTemplate[] = [
  precedence,
  divMod,
  rangeLoop,
  whileLoop,
  division,
  comparisons,
  stringSlicing,
  stringMethods,
  stringBuilding,
  stringLists,
  listMethods,
  listSlicing,
  comprehension,
  aggregates,
  dictCounting,
  dictOps,
];

function drawSnippet(rng: Rng, difficulty: Difficulty): Snippet {
  const pool = difficulty === "hard" && rng.chance(0.25) ? TRAP_SNIPPETS : TEMPLATES;
  return drawUntil(rng, (r) => r.pick(pool)(r, difficulty));
}

/** The snippet behind a task (tests run a sample through CPython when it is installed). */
export function pythonSnippet(difficulty: Difficulty, index: number): Snippet {
  return drawSnippet(generatorRng(NAME, VERSION, difficulty, index), difficulty);
}

/** A single printed int is graded numerically; anything else (floats, lists, several values) exactly. */
const isIntegerOutput = (output: string) => /^-?\d+$/.test(output);

export const pythonOutputGenerator = defineGenerator(
  {
    name: NAME,
    version: VERSION,
    domain: "coding",
    description:
      "What a short Python 3 program prints: integer and float arithmetic, strings, lists, dicts, loops; hard adds aliasing and floor-division traps",
  },
  (rng, difficulty) => {
    const s = drawSnippet(rng, difficulty);
    const question = `What does this Python 3 program print? Give the exact output.\n\n\`\`\`python\n${s.code}\n\`\`\``;
    return {
      question,
      answer: s.output,
      grader: isIntegerOutput(s.output) ? "numeric" : "exact",
      adversarial: s.adversarial,
    };
  },
);
