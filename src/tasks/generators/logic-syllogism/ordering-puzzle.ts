// Ordering puzzles ("A is taller than B"): who is first, second..., or what must be true when the facts run out.
import type { Rng } from "../../../core/rng.js";
import type { Difficulty } from "../../../core/taxonomy.js";
import { NAMES } from "../arithmetic/arithmetic-problem.js";
import { shuffledChoices } from "../choices.js";
import type { GeneratedBody } from "../generator.js";

const ATTRIBUTES = [
  { more: "taller", less: "shorter", most: "tallest", least: "shortest", topic: "heights" },
  { more: "older", less: "younger", most: "oldest", least: "youngest", topic: "ages" },
  { more: "faster", less: "slower", most: "fastest", least: "slowest", topic: "running speeds" },
  { more: "heavier", less: "lighter", most: "heaviest", least: "lightest", topic: "weights" },
] as const;

const COUNT_WORDS = ["", "", "Two", "Three", "Four", "Five", "Six"] as const;
const ORDINALS = ["", "", "second", "third", "fourth"] as const;

export const CANNOT_TELL = "Cannot be determined";

/** Reachability over stated facts: above[i][j] means person i is known to rank above person j. */
export function closure(n: number, facts: ReadonlyArray<readonly [number, number]>): boolean[][] {
  const above = Array.from({ length: n }, () => Array<boolean>(n).fill(false));
  for (const [i, j] of facts) (above[i] as boolean[])[j] = true;
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) if (above[i]?.[k] && above[k]?.[j]) (above[i] as boolean[])[j] = true;
  return above;
}

/**
 * People 0..n-1 are ranked in hidden order (0 ranks highest). Facts are pairs (i, j), i above j, stated as
 * "i is taller than j" or "j is shorter than i".
 */
export function orderingPuzzle(rng: Rng, difficulty: Difficulty, trap = false): GeneratedBody | null {
  const n = difficulty === "easy" ? 3 : difficulty === "medium" ? rng.int(4, 5) : rng.int(5, 6);
  const attr = rng.pick(ATTRIBUTES);
  const people = rng.shuffle(NAMES).slice(0, n);
  const name = (i: number) => people[i] as string;
  const adjacent = Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as const);
  const allPairs = adjacent.flatMap(([i]) =>
    Array.from({ length: n - i - 1 }, (_, k) => [i, i + 1 + k] as const),
  );
  let facts: Array<readonly [number, number]>;
  if (trap) {
    facts = rng.shuffle(allPairs).slice(0, rng.int(n - 2, n));
    const named = new Set(facts.flat());
    if (named.size < n) return null; // everyone must appear in some fact
  } else {
    const extra = difficulty === "easy" ? 0 : rng.int(0, difficulty === "hard" ? 2 : 1);
    const redundant = rng.shuffle(allPairs.filter(([i, j]) => j - i > 1)).slice(0, extra);
    facts = [...adjacent, ...redundant];
  }
  facts = rng.shuffle(facts);
  const above = closure(n, facts);
  const lines = facts.map(([i, j]) =>
    rng.chance(0.5)
      ? `${name(i)} is ${attr.more} than ${name(j)}.`
      : `${name(j)} is ${attr.less} than ${name(i)}.`,
  );
  const intro = `${COUNT_WORDS[n]} friends compare their ${attr.topic}.`;
  const ask = (q: string) => [intro, ...lines, q].join("\n");
  const others = (i: number) => rng.shuffle(people.filter((_, k) => k !== i));

  if (trap && rng.chance(0.5)) {
    // Which fact is forced? Only a chain through the stated facts forces one; lures are true in the hidden order.
    const stated = new Set(facts.map(([i, j]) => `${i},${j}`));
    const forced = allPairs.filter(([i, j]) => above[i]?.[j] && !stated.has(`${i},${j}`));
    const open = allPairs.filter(([i, j]) => !above[i]?.[j]);
    if (forced.length === 0 || open.length < 3) return null;
    const say = ([i, j]: readonly [number, number]) => `${name(i)} is ${attr.more} than ${name(j)}.`;
    const [answer] = rng.shuffle(forced) as [readonly [number, number]];
    const lures = rng.shuffle(open).slice(0, 3).map(say);
    lures.push(`${name(answer[1])} is ${attr.more} than ${name(answer[0])}.`);
    const question = ask("Which of the following must be true?");
    return {
      question,
      ...shuffledChoices(rng, say(answer), lures),
      grader: "multiple_choice",
      adversarial: true,
    };
  }
  if (trap) {
    const tops = people.map((_, i) => i).filter((i) => !people.some((_, k) => above[k]?.[i]));
    if (tops.length < 2) return null;
    const lures = [...rng.shuffle(tops), ...others(-1).map((p) => people.indexOf(p))]
      .filter((i, k, xs) => xs.indexOf(i) === k)
      .slice(0, 4)
      .map(name);
    const question = ask(`Who is the ${attr.most}?`);
    return {
      question,
      ...shuffledChoices(rng, CANNOT_TELL, lures),
      grader: "multiple_choice",
      adversarial: true,
    };
  }
  // Fully determined: person i is in position i. Ask for an end on easy, an inner position later.
  const fromTop = rng.chance(0.5);
  const depth =
    difficulty === "easy" ? 1 : difficulty === "medium" ? rng.int(1, 2) : rng.int(2, Math.min(4, n - 1));
  const target = fromTop ? depth - 1 : n - depth;
  const word = fromTop ? attr.most : attr.least;
  const question = ask(`Who is the ${depth === 1 ? "" : `${ORDINALS[depth]} `}${word}?`);
  const distractors: string[] = others(target).slice(0, difficulty === "hard" ? 3 : 4);
  if (difficulty === "hard") distractors.push(CANNOT_TELL);
  return {
    question,
    ...shuffledChoices(rng, name(target), distractors),
    grader: "multiple_choice",
    adversarial: false,
  };
}
