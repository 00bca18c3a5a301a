// Shared pieces of the arithmetic word problems: the problem shape, name and item pools, money text.
import type { Rng } from "../../../core/rng.js";
import type { Difficulty } from "../../../core/taxonomy.js";
import type { Rational } from "../rational.js";

/** One word problem before it becomes a Task; `steps` counts the arithmetic operations needed. */
export interface ArithmeticProblem {
  kind: string;
  question: string;
  answer: Rational;
  steps: number;
  adversarial: boolean;
}

/** A template draws a problem, or null to ask for another draw (e.g. an answer that is not clean). */
export type ArithmeticTemplate = (rng: Rng, difficulty: Difficulty) => ArithmeticProblem | null;

export const NAMES = [
  "Maya",
  "Omar",
  "Lena",
  "Tariq",
  "Sofia",
  "Kenji",
  "Amara",
  "Lucas",
  "Priya",
  "Diego",
  "Hana",
  "Felix",
  "Zara",
  "Mateo",
  "Ingrid",
  "Kwame",
  "Elena",
  "Ravi",
  "Chloe",
  "Yusuf",
] as const;

/** Countable things for the collection stories, as plurals. */
export const COLLECTIBLES = [
  "marbles",
  "stickers",
  "stamps",
  "beads",
  "trading cards",
  "seashells",
  "apples",
  "pencils",
  "buttons",
  "postcards",
] as const;

/** Shop items as [singular, plural]. */
export const SHOP_ITEMS = [
  ["notebook", "notebooks"],
  ["pen", "pens"],
  ["mug", "mugs"],
  ["scarf", "scarves"],
  ["candle", "candles"],
  ["poster", "posters"],
  ["sandwich", "sandwiches"],
  ["ticket", "tickets"],
  ["plant", "plants"],
  ["towel", "towels"],
  ["lamp", "lamps"],
  ["puzzle", "puzzles"],
] as const;

/** Two different names. */
export function twoNames(rng: Rng): [string, string] {
  const [a, b] = rng.shuffle(NAMES);
  return [a as string, b as string];
}

/** Dollar text from integer cents: 1250 -> "$12.50", 2000 -> "$20". */
export function money(cents: number): string {
  const dollars = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? `$${dollars}` : `$${dollars}.${String(rest).padStart(2, "0")}`;
}

/** Picks a value from [min, max] that is a multiple of `step`. */
export function multipleOf(rng: Rng, step: number, min: number, max: number): number {
  return step * rng.int(Math.ceil(min / step), Math.floor(max / step));
}
