// Collection stories: a count changed by a chain of events, one sentence per event; difficulty sets the chain length.
import type { Rng } from "../../../core/rng.js";
import type { Difficulty } from "../../../core/taxonomy.js";
import { ratio } from "../rational.js";
import { type ArithmeticProblem, COLLECTIBLES, NAMES } from "./arithmetic-problem.js";

interface Event {
  text: string;
  next: number;
  steps: number;
}

interface Ctx {
  rng: Rng;
  who: string;
  noun: string;
  big: boolean;
  bound: number;
}

type EventMaker = (q: number, c: Ctx) => Event | null;

const divisorsIn = (q: number, options: readonly number[]) => options.filter((k) => q % k === 0);

const addMore: EventMaker = (q, { rng, who, noun, big }) => {
  const k = big ? rng.int(10, 150) : rng.int(2, 12);
  const text = rng.chance(0.5)
    ? `${who} finds ${k} more ${noun}.`
    : `${who} gets ${k} more ${noun} as a gift.`;
  return { text, next: q + k, steps: 1 };
};

const giveAway: EventMaker = (q, { rng, who, noun }) => {
  if (q < 5) return null;
  const k = rng.int(2, Math.floor(q / 2));
  const text = rng.chance(0.5) ? `${who} gives ${k} ${noun} to a friend.` : `${who} loses ${k} ${noun}.`;
  return { text, next: q - k, steps: 1 };
};

const buyPacks: EventMaker = (q, { rng, who, noun, big, bound }) => {
  const g = rng.int(2, big ? 9 : 5);
  const k = rng.int(big ? 6 : 2, big ? 25 : 10);
  if (q + g * k > bound) return null;
  return {
    text: `${who} buys ${g} packs of ${noun} with ${k} ${noun} in each pack.`,
    next: q + g * k,
    steps: 2,
  };
};

const multiply: EventMaker = (q, { rng, who, bound }) => {
  const m = rng.chance(0.7) ? 2 : 3;
  if (q * m > bound) return null;
  return { text: `${who}'s collection ${m === 2 ? "doubles" : "triples"}.`, next: q * m, steps: 1 };
};

const keepShare: EventMaker = (q, { rng, who, noun }) => {
  const ks = divisorsIn(q, [2, 3, 4, 5, 6]);
  if (ks.length === 0) return null;
  const k = rng.pick(ks);
  return {
    text: `${who} splits the ${noun} equally into ${k} boxes and keeps one box.`,
    next: q / k,
    steps: 1,
  };
};

const giveFraction: EventMaker = (q, { rng, who, noun }) => {
  const bs = divisorsIn(q, [2, 3, 4, 5, 6, 8, 10]);
  if (bs.length === 0) return null;
  const b = rng.pick(bs);
  const a = rng.int(1, b - 1);
  return { text: `${who} gives away ${a}/${b} of the ${noun}.`, next: q - (q / b) * a, steps: 2 };
};

const sellPercent: EventMaker = (q, { rng, who, noun }) => {
  const ps = [5, 10, 15, 20, 25, 30, 40, 50, 60, 75].filter((p) => (q * p) % 100 === 0);
  if (ps.length === 0) return null;
  const p = rng.pick(ps);
  return { text: `${who} sells ${p}% of the ${noun}.`, next: q - (q * p) / 100, steps: 2 };
};

const MAKERS: Record<Difficulty, readonly EventMaker[]> = {
  easy: [addMore, giveAway, buyPacks, multiply, keepShare],
  medium: [
    addMore,
    giveAway,
    buyPacks,
    multiply,
    keepShare,
    giveFraction,
    sellPercent,
    giveFraction,
    sellPercent,
  ],
  hard: [
    addMore,
    giveAway,
    buyPacks,
    multiply,
    keepShare,
    giveFraction,
    sellPercent,
    giveFraction,
    sellPercent,
  ],
};

const STEP_RANGE: Record<Difficulty, [number, number]> = { easy: [1, 2], medium: [3, 4], hard: [5, 8] };

/** A collection story whose steps rise with difficulty; hard ones may end with a quotient or remainder. */
export function collectionStory(rng: Rng, difficulty: Difficulty): ArithmeticProblem | null {
  const big = difficulty === "hard";
  const ctx: Ctx = {
    rng,
    who: rng.pick(NAMES),
    noun: rng.pick(COLLECTIBLES),
    big,
    bound: { easy: 80, medium: 400, hard: 5000 }[difficulty],
  };
  const [minSteps, maxSteps] = STEP_RANGE[difficulty];
  const endsWithBags = big && rng.chance(0.5);
  const target = rng.int(minSteps, maxSteps) - (endsWithBags ? 1 : 0);
  let q = big ? rng.int(60, 600) : difficulty === "medium" ? rng.int(12, 90) : rng.int(3, 30);
  const sentences = [`${ctx.who} has ${q} ${ctx.noun}.`];
  let steps = 0;
  for (let tries = 0; steps < target && tries < 60; tries++) {
    const event = rng.pick(MAKERS[difficulty])(q, ctx);
    if (!event || steps + event.steps > target || event.next < 1) continue;
    sentences.push(event.text);
    q = event.next;
    steps += event.steps;
  }
  if (steps < target) return null;
  let answer = q;
  if (endsWithBags) {
    const k = rng.int(4, 15);
    if (q % k === 0 || q < k) return null;
    const asksLeft = rng.chance(0.5);
    sentences.push(`${ctx.who} then packs all of them into bags of ${k}.`);
    sentences.push(
      asksLeft ? `How many ${ctx.noun} are left over?` : `How many full bags can ${ctx.who} fill?`,
    );
    answer = asksLeft ? q % k : Math.floor(q / k);
    steps += 1;
  } else {
    sentences.push(`How many ${ctx.noun} does ${ctx.who} have now?`);
  }
  return {
    kind: "collection",
    question: sentences.join(" "),
    answer: ratio(answer),
    steps,
    adversarial: false,
  };
}
