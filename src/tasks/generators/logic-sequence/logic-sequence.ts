// Number sequences: find the next term (or, on hard traps, the n-th term or the term count) among shuffled options.
import type { Rng } from "../../../core/rng.js";
import type { Difficulty } from "../../../core/taxonomy.js";
import { pickDistractors, shuffledChoices } from "../choices.js";
import { defineGenerator, drawUntil, generatorRng } from "../generator.js";

const NAME = "logic-sequence";
const VERSION = 1;

/** A family draws the shown terms plus the next one. */
type Family = (rng: Rng, length: number) => number[];

const build = (length: number, first: number[], step: (prev: number[], k: number) => number): number[] => {
  const out = first.slice();
  while (out.length < length) out.push(step(out, out.length));
  return out;
};
const last = (xs: number[], back = 1) => xs[xs.length - back] as number;
const sign = (rng: Rng) => (rng.chance(0.5) ? 1 : -1);

const FAMILIES: Record<string, Family> = {
  arithmetic: (rng, n) => {
    const a = rng.int(1, 200);
    const d = sign(rng) * rng.int(1, 20);
    return build(n, [a], (p) => last(p) + d);
  },
  geometric: (rng, n) => {
    const r = rng.pick([2, 3, 4, 10]);
    const up = build(n, [rng.int(1, 99)], (p) => last(p) * r);
    return rng.chance(0.5) ? up : up.slice().reverse(); // descending: each term divides by r
  },
  squares: (rng, n) => {
    const s = rng.int(1, 60);
    const t = rng.int(1, 2);
    const c = rng.int(-3, 3);
    return Array.from({ length: n }, (_, k) => (s + k * t) ** 2 + c);
  },
  cubes: (rng, n) => {
    const s = rng.int(1, 15);
    const c = rng.int(-20, 20);
    return Array.from({ length: n }, (_, k) => (s + k) ** 3 + c);
  },
  "second-order": (rng, n) => {
    const d0 = rng.int(-10, 15);
    const c = sign(rng) * rng.int(1, 6);
    return build(n, [rng.int(-20, 100)], (p, k) => last(p) + d0 + c * (k - 1));
  },
  fibonacci: (rng, n) => build(n, [rng.int(1, 40), rng.int(1, 40)], (p) => last(p) + last(p, 2)),
  interleaved: (rng, n) => {
    const [a, b] = [rng.int(1, 60), rng.int(1, 60)];
    const [da, db] = [sign(rng) * rng.int(1, 12), sign(rng) * rng.int(1, 12)];
    return Array.from({ length: n }, (_, k) => (k % 2 === 0 ? a + (k / 2) * da : b + ((k - 1) / 2) * db));
  },
  "alternating-ops": (rng, n) => {
    const add = sign(rng) * rng.int(1, 15);
    const times = rng.pick([2, 3]);
    return build(n, [rng.int(1, 30)], (p, k) => (k % 2 === 1 ? last(p) + add : last(p) * times));
  },
  "linear-recurrence": (rng, n) => {
    const m = rng.pick([2, 3, -2]);
    const c = sign(rng) * rng.int(1, 9);
    return build(n, [rng.int(-10, 20)], (p) => m * last(p) + c);
  },
  tribonacci: (rng, n) =>
    build(n, [rng.int(0, 20), rng.int(0, 20), rng.int(1, 20)], (p) => last(p) + last(p, 2) + last(p, 3)),
  "interleaved-geometric": (rng, n) => {
    const [a, d] = [rng.int(1, 50), sign(rng) * rng.int(2, 9)];
    const [b, r] = [rng.int(1, 5), rng.pick([2, 3])];
    return Array.from({ length: n }, (_, k) => (k % 2 === 0 ? a + (k / 2) * d : b * r ** ((k - 1) / 2)));
  },
  "cumulative-squares": (rng, n) => {
    const s = rng.int(1, 10);
    return build(n, [rng.int(-30, 60)], (p, k) => last(p) + (s + k - 1) ** 2);
  },
};

const POOLS: Record<Difficulty, readonly string[]> = {
  easy: ["arithmetic", "arithmetic", "arithmetic", "arithmetic", "geometric", "geometric", "squares"],
  medium: ["second-order", "fibonacci", "interleaved", "cubes", "geometric", "squares"],
  hard: [
    "alternating-ops",
    "linear-recurrence",
    "tribonacci",
    "interleaved-geometric",
    "cumulative-squares",
    "second-order",
  ],
};

const SHOWN: Record<Difficulty, number> = { easy: 5, medium: 6, hard: 7 };
const OPTIONS: Record<Difficulty, number> = { easy: 4, medium: 5, hard: 5 };

export interface SequenceProblem {
  family: string;
  shown: number[];
  answer: number;
  question: string;
  distractors: string[];
  adversarial: boolean;
}

/** Tempting wrong continuations: the last difference or ratio carried on, near misses, the term after next. */
function nextTermLures(shown: number[], answer: number): number[] {
  const [a, b] = [last(shown), last(shown, 2)];
  const diff = answer - a;
  const lures = [
    a + (a - b),
    answer + 1,
    answer - 1,
    answer + diff,
    a + (a - b) + 1,
    answer + (a - b),
    2 * a,
    answer - diff + 2,
  ];
  if (b !== 0 && a % b === 0) lures.push(a * (a / b));
  return lures;
}

function nextTerm(rng: Rng, difficulty: Difficulty): SequenceProblem | null {
  const family = rng.pick(POOLS[difficulty]);
  const terms = (FAMILIES[family] as Family)(rng, SHOWN[difficulty] + 1);
  const shown = terms.slice(0, -1);
  const answer = last(terms);
  const cap = difficulty === "hard" ? 1e9 : 1e7;
  if (terms.some((t) => !Number.isSafeInteger(t) || Math.abs(t) > cap)) return null;
  if (new Set(terms).size < terms.length - 1) return null; // no constant or stuck sequences
  if (family === "alternating-ops" && terms.includes(0)) return null; // 0 hides the multiplier
  const lures = nextTermLures(shown, answer).map(String);
  const distractors = pickDistractors(rng, String(answer), lures, OPTIONS[difficulty] - 1);
  if (!distractors) return null;
  const question = `What number comes next in the sequence ${shown.join(", ")}, ...?`;
  return { family, shown, answer, question, distractors, adversarial: false };
}

/** Fencepost traps on an arithmetic sequence: the n-th term is a + (n-1)d, and a..L spans (L-a)/d + 1 terms. */
function fencepost(rng: Rng): SequenceProblem | null {
  const a = rng.int(1, 60);
  const d = rng.int(2, 15);
  const shown = [0, 1, 2, 3].map((k) => a + k * d);
  if (rng.chance(0.5)) {
    const n = rng.int(15, 120);
    const answer = a + (n - 1) * d;
    // The off-by-one lure a + n*d is always offered; the rest are drawn.
    const rest = pickDistractors(
      rng,
      String(answer),
      [a + (n - 2) * d, n * d, answer + 1, a * n].map(String),
      3,
    );
    const distractors =
      rest && [String(a + n * d), ...rest.filter((x) => x !== String(a + n * d))].slice(0, 4);
    const question = `The sequence ${shown.join(", ")}, ... goes up by the same amount each time. What is its term number ${n} (the first term, ${a}, is term number 1)?`;
    return distractors && { family: "nth-term", shown, answer, question, distractors, adversarial: true };
  }
  const count = rng.int(15, 150);
  const end = a + (count - 1) * d;
  const rest = pickDistractors(
    rng,
    String(count),
    [count + 1, Math.round(end / d), count - 2, count + 2].map(String),
    3,
  );
  const distractors = rest && [String(count - 1), ...rest.filter((x) => x !== String(count - 1))].slice(0, 4);
  const question = `How many terms does the sequence ${shown.join(", ")}, ..., ${end} have, counting both ${a} and ${end}?`;
  return (
    distractors && { family: "term-count", shown, answer: count, question, distractors, adversarial: true }
  );
}

function drawSequence(rng: Rng, difficulty: Difficulty): SequenceProblem {
  const trap = difficulty === "hard" && rng.chance(0.25);
  return drawUntil(rng, (r) => (trap ? fencepost(r) : nextTerm(r, difficulty)));
}

/** The problem behind a task, with its family and shown terms (tests read these). */
export function sequenceProblem(difficulty: Difficulty, index: number): SequenceProblem {
  return drawSequence(generatorRng(NAME, VERSION, difficulty, index), difficulty);
}

export const logicSequenceGenerator = defineGenerator(
  {
    name: NAME,
    version: VERSION,
    domain: "logic",
    description:
      "Next term of a number sequence (arithmetic, geometric, squares, Fibonacci-like, interleaved, recurrences); hard adds fencepost traps",
  },
  (rng, difficulty) => {
    const p = drawSequence(rng, difficulty);
    return {
      question: p.question,
      ...shuffledChoices(rng, String(p.answer), p.distractors),
      grader: "multiple_choice",
      adversarial: p.adversarial,
    };
  },
);
