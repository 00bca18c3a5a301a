import { describe, expect, it } from "vitest";
import { DIFFICULTIES, type Difficulty } from "../../../../src/core/taxonomy.js";
import {
  arithmeticGenerator,
  arithmeticProblem,
} from "../../../../src/tasks/generators/arithmetic/arithmetic.js";
import type { ArithmeticProblem } from "../../../../src/tasks/generators/arithmetic/arithmetic-problem.js";
import { toDecimalString } from "../../../../src/tasks/generators/rational.js";

// An independent solver: it reads the numbers back out of the question text and works the problem in floats.
const num = (s: string | undefined) => Number(s);
const all = (text: string, re: RegExp) => [...text.matchAll(re)];

/** Sentence rules of the collection stories: each maps the count before to the count after. */
const EVENTS: ReadonlyArray<[RegExp, (m: RegExpExecArray, n: number) => number]> = [
  [/(?:finds|gets) (\d+) more/, (m, n) => n + num(m[1])],
  [/gives away (\d+)\/(\d+) of the/, (m, n) => n - (n * num(m[1])) / num(m[2])],
  [/(?:gives (\d+) .+ to a friend|loses (\d+) )/, (m, n) => n - num(m[1] ?? m[2])],
  [/buys (\d+) packs of .+ with (\d+) .+ in each pack/, (m, n) => n + num(m[1]) * num(m[2])],
  [/collection doubles/, (_m, n) => n * 2],
  [/collection triples/, (_m, n) => n * 3],
  [/into (\d+) boxes and keeps one box/, (m, n) => n / num(m[1])],
  [/sells (\d+)% of the/, (m, n) => n - (n * num(m[1])) / 100],
];

function solveCollection(q: string): number {
  const sentences = q.split(/(?<=[.?])\s+/);
  let n = num(/^\w+ has (\d+) /.exec(sentences[0] ?? "")?.[1]);
  let bag = 0;
  for (const s of sentences.slice(1)) {
    const bagMatch = /into bags of (\d+)\./.exec(s);
    if (bagMatch) {
      bag = num(bagMatch[1]);
      continue;
    }
    if (/are left over\?$/.test(s)) return n % bag;
    if (/How many full bags/.test(s)) return Math.floor(n / bag);
    if (/does \w+ have now\?$/.test(s)) return n;
    const rule = EVENTS.map(([re, f]) => [re.exec(s), f] as const).find(([m]) => m !== null);
    if (!rule) throw new Error(`unparsed sentence: ${s}`);
    n = rule[1](rule[0] as RegExpExecArray, n);
    expect(Number.isInteger(n) && n >= 0, `whole count after "${s}"`).toBe(true);
  }
  throw new Error(`no question in ${q}`);
}

function solveShopping(q: string): number {
  let total = all(q, /(\d+) [a-z ]+? at \$([\d.]+) each/g).reduce((t, m) => t + num(m[1]) * num(m[2]), 0);
  const bill = /pays with a \$(\d+) bill/.exec(q);
  if (bill) return num(bill[1]) - total;
  const off = /takes (\d+)% off the total/.exec(q);
  if (off) total *= 1 - num(off[1]) / 100;
  const split = /and (\d+) friends? split/.exec(q);
  return split ? total / (num(split[1]) + 1) : total;
}

function solveTravel(q: string): number {
  const one = /travels at (\d+) km\/h for (\d+) hours\. How many kilometers/.exec(q);
  if (one) return num(one[1]) * num(one[2]);
  const time = /travels (\d+) km at a steady (\d+) km\/h/.exec(q);
  if (time) return num(time[1]) / num(time[2]);
  const two = /at (\d+) km\/h for (\d+) hours, then at (\d+) km\/h for (\d+) minutes/.exec(q);
  if (two) return num(two[1]) * num(two[2]) + (num(two[3]) * num(two[4])) / 60;
  const legs = all(q, /([\d.]+) km at (\d+) km\/h/g);
  expect(legs).toHaveLength(3);
  const dist = legs.reduce((t, l) => t + num(l[1]), 0);
  return dist / legs.reduce((t, l) => t + num(l[1]) / num(l[2]), 0);
}

function solveWork(q: string): number {
  const m =
    /(\d+) printers each print (\d+) pages per minute\. They all run for (\d+) minutes, and (\d+)%/.exec(q);
  if (m) return num(m[1]) * num(m[2]) * num(m[3]) * (1 - num(m[4]) / 100);
  const hours = all(q, /in (\d+) hours/g).map((x) => num(x[1]));
  const rate =
    1 / (hours[0] as number) + 1 / (hours[1] as number) - (/drain/.test(q) ? 1 / (hours[2] as number) : 0);
  return 1 / rate;
}

function solveRatio(q: string): number {
  const two = /share (\d+) .+ in the ratio (\d+):(\d+)\. How many .+ does (\w+) get/.exec(q);
  if (two) {
    const m = two;
    expect(q.startsWith(`${q.split(" and ")[0]} and ${m[4]}`)).toBe(true); // asks about the second person
    return (num(m[1]) * num(m[3])) / (num(m[2]) + num(m[3]));
  }
  const m = /share \$(\d+) in the ratio (\d+):(\d+):(\d+)\. \w+ then gives half of that share/.exec(q);
  if (!m) throw new Error(`unparsed ratio problem: ${q}`);
  const [t, a, b, c] = [num(m[1]), num(m[2]), num(m[3]), num(m[4])];
  return (t * c) / (a + b + c) + (t * a) / (a + b + c) / 2;
}

function solveTrap(kind: string, q: string): number {
  const g = (re: RegExp) => {
    const m = re.exec(q);
    if (!m) throw new Error(`${kind}: unparsed ${q}`);
    return m.slice(1).map(num);
  };
  switch (kind) {
    case "bat-and-ball": {
      const [total, diff] = g(/cost \$([\d.]+) in total\. The .+ costs \$([\d.]+) more/) as [number, number];
      return (total - diff) / 2;
    }
    case "fencepost": {
      const [length, gap] = g(/(\d+) meters long\. A \w+ stands every (\d+) meters/) as [number, number];
      return length / gap + 1;
    }
    case "clock-strikes": {
      const [t, a, b] = g(
        /takes (\d+) seconds to strike (\d+) o'clock.* to strike (\d+) o'clock/,
      ) as number[];
      return ((t as number) / ((a as number) - 1)) * ((b as number) - 1);
    }
    case "machines": {
      const [a, m, w, b, v] = g(
        /If (\d+) machines take (\d+) minutes to make (\d+) widgets, how many minutes would (\d+) machines take to make (\d+) widgets/,
      ) as number[];
      return (m as number) * ((v as number) / (w as number)) * ((a as number) / (b as number));
    }
    case "percent-up-down": {
      const [p, up, down] = g(
        /costs \$(\d+)\. Its price rises by (\d+)%, and then the new price falls by (\d+)%/,
      ) as number[];
      return (p as number) * (1 + (up as number) / 100) * (1 - (down as number) / 100);
    }
    case "doubling": {
      const m =
        /On day (\d+) it covers the whole pond\. On which day did it cover (half|a quarter|an eighth) /.exec(
          q,
        );
      return num(m?.[1]) - { half: 1, "a quarter": 2, "an eighth": 3 }[m?.[2] as "half"];
    }
    case "round-trip": {
      const [v1, v2] = g(/at (\d+) km\/h and returns along the same road at (\d+) km\/h/) as [number, number];
      return (2 * v1 * v2) / (v1 + v2); // total distance over total time
    }
    case "snail": {
      const [depth, up, down] = g(
        /well (\d+) meters deep\. Each day it climbs (\d+) meters, and each night it slides back (\d+)/,
      ) as number[];
      let [height, day] = [0, 1];
      for (;;) {
        height += up as number;
        if (height >= (depth as number)) return day;
        height -= down as number;
        day += 1;
      }
    }
  }
  throw new Error(`unknown trap kind ${kind}`);
}

function solve(p: ArithmeticProblem): number {
  if (p.adversarial) return solveTrap(p.kind, p.question);
  const solver = {
    collection: solveCollection,
    shopping: solveShopping,
    travel: solveTravel,
    work: solveWork,
    ratio: solveRatio,
  }[p.kind];
  if (!solver) throw new Error(`unknown kind ${p.kind}`);
  return solver(p.question);
}

const problems = (difficulty: Difficulty, count = 1000) =>
  Array.from({ length: count }, (_, i) => arithmeticProblem(difficulty, i));

describe("arithmetic", () => {
  it.each(DIFFICULTIES)("re-derives every %s answer from the question text", (difficulty) => {
    for (const [i, p] of problems(difficulty).entries()) {
      const gold = Number(arithmeticGenerator.generate(difficulty, i).answer);
      const derived = solve(p);
      expect(Math.abs(derived - gold), `${difficulty}/${i}: ${p.question}`).toBeLessThan(
        1e-9 * Math.max(1, Math.abs(gold)),
      );
    }
  });

  it("gives clean answers: integers or at most two decimals, never negative", () => {
    for (const difficulty of DIFFICULTIES) {
      for (const p of problems(difficulty, 300)) {
        expect(toDecimalString(p.answer, 2)).not.toBeNull();
        expect(p.answer.n >= 0n).toBe(true);
      }
    }
  });

  it("uses more steps as difficulty rises: easy 1-2, medium 3-4, hard 5+ outside the traps", () => {
    const steps = (d: Difficulty) =>
      problems(d, 500)
        .filter((p) => !p.adversarial)
        .map((p) => p.steps);
    const [easy, medium, hard] = [steps("easy"), steps("medium"), steps("hard")];
    expect(Math.max(...easy)).toBeLessThanOrEqual(2);
    expect(Math.min(...medium)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...medium)).toBeLessThanOrEqual(4);
    expect(Math.min(...hard)).toBeGreaterThanOrEqual(4);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(hard)).toBeGreaterThanOrEqual(5);
  });

  it("uses larger numbers as difficulty rises", () => {
    const largest = (d: Difficulty) => {
      const xs = problems(d, 500).map((p) =>
        Math.max(...(p.question.match(/\d+(\.\d+)?/g) ?? ["0"]).map(Number)),
      );
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(largest("medium")).toBeGreaterThan(largest("easy"));
    expect(largest("hard")).toBeGreaterThan(largest("medium"));
  });

  it("draws hard traps from every trap template and flags only those", () => {
    const hard = problems("hard");
    const kinds = new Set(hard.filter((p) => p.adversarial).map((p) => p.kind));
    expect([...kinds].sort()).toEqual([
      "bat-and-ball",
      "clock-strikes",
      "doubling",
      "fencepost",
      "machines",
      "percent-up-down",
      "round-trip",
      "snail",
    ]);
    const plain = new Set(hard.filter((p) => !p.adversarial).map((p) => p.kind));
    expect([...plain].sort()).toEqual(["collection", "ratio", "shopping", "travel", "work"]);
  });

  it("knows the classic trap answers", () => {
    // The bat-and-ball lure is total minus difference; the answer is half of that.
    expect(
      solveTrap(
        "bat-and-ball",
        "A bat and a ball cost $1.10 in total. The bat costs $1 more than the ball. How much does the ball cost, in dollars?",
      ),
    ).toBeCloseTo(0.05, 12);
    expect(
      solveTrap(
        "fencepost",
        "A straight path is 100 meters long. A post stands every 10 meters along it, including one at each end. How many posts are there?",
      ),
    ).toBe(11);
    expect(
      solveTrap(
        "snail",
        "A snail is at the bottom of a well 30 meters deep. Each day it climbs 3 meters, and each night it slides back 2 meters. On which day does it first reach the top?",
      ),
    ).toBe(28);
  });
});
