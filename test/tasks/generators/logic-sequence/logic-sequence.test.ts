import { describe, expect, it } from "vitest";
import { DIFFICULTIES, type Difficulty } from "../../../../src/core/taxonomy.js";
import {
  logicSequenceGenerator,
  sequenceProblem,
} from "../../../../src/tasks/generators/logic-sequence/logic-sequence.js";

type Rule = (xs: number[]) => number | null;

const diffs = (xs: number[]) => xs.slice(1).map((x, i) => x - (xs[i] as number));
const constant = (xs: number[]) => xs.every((x) => x === xs[0]);
const last = (xs: number[], back = 1) => xs[xs.length - back] as number;

/** Fits a polynomial of the given degree by finite differences (needs degree + 2 terms); null if it does not fit. */
function polynomial(degree: number): Rule {
  return (xs) => {
    if (xs.length < degree + 2) return null;
    const table = [xs];
    for (let k = 0; k < degree; k++) table.push(diffs(table[k] as number[]));
    if (!constant(table[degree] as number[])) return null;
    return table.reduce((sum, row) => sum + last(row), 0);
  };
}

const geometric: Rule = (xs) => {
  if (xs.length < 3 || xs.includes(0)) return null;
  const r = (xs[1] as number) / (xs[0] as number);
  return xs.every((x, i) => i === 0 || x === (xs[i - 1] as number) * r) ? last(xs) * r : null;
};

const additive =
  (width: number): Rule =>
  (xs) =>
    xs.length >= width + 2 &&
    xs.every((x, i) => i < width || x === xs.slice(i - width, i).reduce((a, b) => a + b, 0))
      ? xs.slice(-width).reduce((a, b) => a + b, 0)
      : null;

const linearRecurrence: Rule = (xs) => {
  const [a, b, c] = xs as [number, number, number];
  if (xs.length < 4 || a === b) return null;
  const m = (c - b) / (b - a);
  const k = b - m * a;
  return xs.every((x, i) => i === 0 || x === m * (xs[i - 1] as number) + k) ? m * last(xs) + k : null;
};

/** Splits into even and odd positions and predicts the next position with `inner`. */
const interleaved =
  (even: Rule, odd: Rule): Rule =>
  (xs) => {
    const evens = xs.filter((_, i) => i % 2 === 0);
    const odds = xs.filter((_, i) => i % 2 === 1);
    return xs.length % 2 === 0 ? even(evens) : odd(odds);
  };

const alternatingOps: Rule = (xs) => {
  const adds = xs
    .slice(1)
    .map((x, i) => x - (xs[i] as number))
    .filter((_, i) => i % 2 === 0);
  const muls = xs
    .slice(1)
    .map((x, i) => x / (xs[i] as number))
    .filter((_, i) => i % 2 === 1);
  if (!constant(adds) || !constant(muls) || !Number.isInteger(muls[0])) return null;
  return xs.length % 2 === 1 ? last(xs) + (adds[0] as number) : last(xs) * (muls[0] as number);
};

/** What each family's rule predicts (each one verifies the rule on every shown term). */
const FAMILY_RULES: Record<string, Rule> = {
  arithmetic: polynomial(1),
  geometric,
  squares: polynomial(2),
  cubes: polynomial(3),
  "second-order": polynomial(2),
  "cumulative-squares": polynomial(3),
  fibonacci: additive(2),
  tribonacci: additive(3),
  "linear-recurrence": linearRecurrence,
  "alternating-ops": alternatingOps,
  interleaved: interleaved(polynomial(1), polynomial(1)),
  "interleaved-geometric": interleaved(polynomial(1), geometric),
};

/** Simple rules a solver might try: if one fits the shown terms, it must agree with the gold. */
const GENERIC_RULES: Rule[] = [
  polynomial(1),
  polynomial(2),
  polynomial(3),
  geometric,
  additive(2),
  additive(3),
];

const parseTerms = (q: string) => (/sequence (.+?), \.\.\./.exec(q)?.[1] ?? "").split(", ").map(Number);

describe("logic-sequence", () => {
  it.each(DIFFICULTIES)("re-derives every %s next term from the shown terms", (difficulty) => {
    for (let i = 0; i < 1000; i++) {
      const p = sequenceProblem(difficulty, i);
      const task = logicSequenceGenerator.generate(difficulty, i);
      const gold = Number(task.choices?.[task.answer_index ?? -1]);
      expect(gold).toBe(p.answer);
      if (p.family === "nth-term") {
        const [a, b] = parseTerms(task.question) as [number, number];
        const n = Number(/term number (\d+)/.exec(task.question)?.[1]);
        expect(gold, task.question).toBe(a + (n - 1) * (b - a));
        continue;
      }
      if (p.family === "term-count") {
        const [a, b] = parseTerms(task.question) as [number, number];
        const end = Number(/\.\.\., (-?\d+) have/.exec(task.question)?.[1]);
        let count = 0;
        for (let x = a; x <= end; x += b - a) count++;
        expect(gold, task.question).toBe(count);
        continue;
      }
      const shown = parseTerms(task.question);
      expect(shown).toEqual(p.shown);
      const rule = FAMILY_RULES[p.family];
      if (!rule) throw new Error(`no rule for ${p.family}`);
      expect(rule(shown), `${p.family}: ${task.question}`).toBe(gold);
      for (const alternative of GENERIC_RULES) {
        const other = alternative(shown);
        if (other !== null) expect(other, `an alternative rule disagrees on ${task.question}`).toBe(gold);
      }
      for (const c of task.choices ?? []) expect(Number.isInteger(Number(c))).toBe(true);
    }
  });

  it("uses harder families, more terms and more options as difficulty rises", () => {
    const families = (d: Difficulty) =>
      new Set(Array.from({ length: 400 }, (_, i) => sequenceProblem(d, i).family));
    expect(families("easy")).toEqual(new Set(["arithmetic", "geometric", "squares"]));
    expect(
      [...families("medium")].some((f) => ["fibonacci", "interleaved", "second-order", "cubes"].includes(f)),
    ).toBe(true);
    expect(families("hard").has("arithmetic")).toBe(false);
    expect(families("hard").has("nth-term")).toBe(true);
    const shown = (d: Difficulty) => sequenceProblem(d, 7).shown.length;
    expect(shown("easy")).toBeLessThan(shown("medium"));
    expect(logicSequenceGenerator.generate("easy", 3).choices).toHaveLength(4);
    expect(logicSequenceGenerator.generate("hard", 3).choices).toHaveLength(5);
  });

  it("offers the off-by-one lure in every fencepost trap", () => {
    for (let i = 0; i < 1000; i++) {
      const p = sequenceProblem("hard", i);
      if (p.family === "nth-term") {
        const d = (p.shown[1] as number) - (p.shown[0] as number);
        expect(p.distractors).toContain(String(p.answer + d));
      }
      if (p.family === "term-count") expect(p.distractors).toContain(String(p.answer - 1));
      expect(p.adversarial).toBe(p.family === "nth-term" || p.family === "term-count");
    }
  });
});
