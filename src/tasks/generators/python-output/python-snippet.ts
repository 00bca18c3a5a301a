// The shape of a Python snippet template, and the word pools the templates share.
import type { Rng } from "../../../core/rng.js";
import type { Difficulty } from "../../../core/taxonomy.js";

/** Source code with the exact text CPython would print (lines joined by "\n", no trailing newline). */
export interface Snippet {
  template: string;
  code: string;
  output: string;
  adversarial: boolean;
}

/** Draws a snippet for a difficulty, or null to ask for another draw. */
export type SnippetTemplate = (rng: Rng, difficulty: Difficulty) => Snippet | null;

/** Lowercase words without quotes, for string and list templates. */
export const WORDS = [
  "python",
  "banana",
  "keyboard",
  "elephant",
  "river",
  "galaxy",
  "lantern",
  "mosaic",
  "orchard",
  "pancake",
  "quartz",
  "rhythm",
  "saddle",
  "thunder",
  "umbrella",
  "violet",
  "window",
  "zephyr",
  "cascade",
  "dolphin",
  "harbor",
  "island",
  "jigsaw",
  "kitten",
  "meadow",
  "noodle",
  "octopus",
  "pepper",
  "rocket",
  "sunset",
  "tomato",
  "walnut",
  "apple",
  "cherry",
  "mango",
  "level",
  "balloon",
  "coffee",
  "mississippi",
  "abracadabra",
  "bookkeeper",
  "committee",
  "parallel",
  "programming",
  "assessment",
  "butterfly",
  "chocolate",
  "dinosaur",
  "firework",
  "hedgehog",
  "jellyfish",
  "labyrinth",
  "marathon",
  "notebook",
  "pineapple",
  "raccoon",
  "scissors",
  "treasure",
  "volcano",
  "whistle",
] as const;

/** Identifier pairs that read naturally as two variables. */
export const VAR_PAIRS = [
  ["a", "b"],
  ["x", "y"],
  ["m", "n"],
  ["p", "q"],
  ["left", "right"],
  ["first", "second"],
  ["price", "count"],
  ["width", "height"],
] as const;

/** Small ints in [min, max] (repeats allowed), for lists. */
export function intList(rng: Rng, length: number, min: number, max: number): number[] {
  return Array.from({ length }, () => rng.int(min, max));
}

export function snippet(
  template: string,
  codeLines: readonly string[],
  output: string,
  adversarial = false,
): Snippet {
  return { template, code: codeLines.join("\n"), output, adversarial };
}
