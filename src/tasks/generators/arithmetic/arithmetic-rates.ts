// Travel, work-rate and ratio-sharing problems; answers stay exact and are kept only when they are clean decimals.
import type { Rng } from "../../../core/rng.js";
import type { Difficulty } from "../../../core/taxonomy.js";
import { add, div, type Rational, ratio, toDecimalString } from "../rational.js";
import { type ArithmeticProblem, COLLECTIBLES, money, NAMES, twoNames } from "./arithmetic-problem.js";

const VEHICLES = ["train", "bus", "car", "truck", "ferry", "cyclist"] as const;

const clean = (r: Rational) => toDecimalString(r, 2) !== null;

/** easy: distance or time at one speed; medium: two legs, one in minutes; hard: average speed over three legs. */
export function travel(rng: Rng, difficulty: Difficulty): ArithmeticProblem | null {
  const vehicle = rng.pick(VEHICLES);
  if (difficulty === "easy") {
    const s = 5 * rng.int(4, 20);
    const h = rng.int(2, 6);
    if (rng.chance(0.5)) {
      const question = `A ${vehicle} travels at ${s} km/h for ${h} hours. How many kilometers does it travel?`;
      return { kind: "travel", question, answer: ratio(s * h), steps: 1, adversarial: false };
    }
    const question = `A ${vehicle} travels ${s * h} km at a steady ${s} km/h. How many hours does the trip take?`;
    return { kind: "travel", question, answer: ratio(h), steps: 1, adversarial: false };
  }
  if (difficulty === "medium") {
    const [s1, s2] = [5 * rng.int(6, 24), 5 * rng.int(6, 24)];
    const h1 = rng.int(2, 5);
    const m2 = rng.pick([15, 20, 30, 40, 45, 90]);
    const question = `A ${vehicle} travels at ${s1} km/h for ${h1} hours, then at ${s2} km/h for ${m2} minutes. How many kilometers does it travel in total?`;
    const answer = add(ratio(s1 * h1), ratio(s2 * m2, 60));
    return clean(answer) ? { kind: "travel", question, answer, steps: 4, adversarial: false } : null;
  }
  const legs = [0, 1, 2].map(() => {
    const s = 5 * rng.int(6, 24);
    const halfHours = rng.int(1, 8);
    return { s, d: (s * halfHours) / 2 };
  });
  if (legs.some((l) => !Number.isInteger(l.d))) return null;
  const text = legs.map((l) => `${l.d} km at ${l.s} km/h`);
  const question = `A ${vehicle} makes a trip in three legs: ${text[0]}, then ${text[1]}, then ${text[2]}. What is its average speed for the whole trip, in km/h?`;
  const dist = legs.reduce((sum, l) => sum + l.d, 0);
  const time = legs.reduce((sum, l) => add(sum, ratio(l.d, l.s)), ratio(0));
  const answer = div(ratio(dist), time);
  return clean(answer) ? { kind: "travel", question, answer, steps: 8, adversarial: false } : null;
}

/** below hard: printers with a faulty share; hard: two pipes, sometimes against a drain. */
export function workRate(rng: Rng, difficulty: Difficulty): ArithmeticProblem | null {
  if (difficulty !== "hard") {
    const m = rng.int(2, 6);
    const r = rng.int(5, 40);
    const t = rng.int(3, 30);
    const pct = rng.pick([5, 10, 20, 25, 50]);
    const question = `${m} printers each print ${r} pages per minute. They all run for ${t} minutes, and ${pct}% of the printed pages are faulty. How many good pages are printed?`;
    if ((m * r * t * pct) % 100 !== 0) return null; // pages come whole
    const answer = ratio(m * r * t * (100 - pct), 100);
    return clean(answer) ? { kind: "work", question, answer, steps: 4, adversarial: false } : null;
  }
  const a = rng.int(2, 12);
  const b = rng.int(2, 15);
  const withDrain = rng.chance(0.5);
  const c = rng.int(4, 30);
  let rate = add(ratio(1, a), ratio(1, b));
  let question = `Pipe A fills a tank in ${a} hours and pipe B fills it in ${b} hours`;
  if (withDrain) {
    rate = add(rate, ratio(-1, c));
    question += `, while a drain empties the full tank in ${c} hours. With both pipes and the drain open`;
  } else {
    question += `. With both pipes open`;
  }
  question += `, how many hours does it take to fill the empty tank?`;
  if (rate.n <= 0n) return null;
  const answer = div(ratio(1), rate);
  return clean(answer)
    ? { kind: "work", question, answer, steps: withDrain ? 6 : 4, adversarial: false }
    : null;
}

/** medium: two-way split of a collection; hard: three-way split of money, then a transfer. */
export function ratioShare(rng: Rng, difficulty: Difficulty): ArithmeticProblem | null {
  if (difficulty !== "hard") {
    const [p, q] = twoNames(rng);
    const [a, b] = [rng.int(1, 7), rng.int(1, 7)];
    if (a === b) return null;
    const total = (a + b) * rng.int(3, 25);
    const noun = rng.pick(COLLECTIBLES);
    const question = `${p} and ${q} share ${total} ${noun} in the ratio ${a}:${b}. How many ${noun} does ${q} get?`;
    return { kind: "ratio", question, answer: ratio((total / (a + b)) * b), steps: 3, adversarial: false };
  }
  const [p, q, r] = rng.shuffle(NAMES) as [string, string, string];
  const parts = [rng.int(1, 9), rng.int(1, 9), rng.int(1, 9)] as const;
  const sum = parts[0] + parts[1] + parts[2];
  const total = sum * rng.int(5, 60);
  const question = `${p}, ${q} and ${r} share ${money(total * 100)} in the ratio ${parts.join(":")}. ${p} then gives half of that share to ${r}. How much does ${r} have now, in dollars?`;
  const answer = add(ratio((total / sum) * parts[2]), ratio((total / sum) * parts[0], 2));
  return { kind: "ratio", question, answer, steps: 7, adversarial: false };
}
