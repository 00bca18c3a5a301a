// Classic trap problems (hard, adversarial): each invites a fast, confident and wrong answer.
import type { Rng } from "../../../core/rng.js";
import { ratio, toDecimalString } from "../rational.js";
import {
  type ArithmeticProblem,
  type ArithmeticTemplate,
  money,
  NAMES,
  SHOP_ITEMS,
} from "./arithmetic-problem.js";

const trap = (kind: string, question: string, answer: ReturnType<typeof ratio>, steps: number) =>
  ({ kind, question, answer, steps, adversarial: true }) satisfies ArithmeticProblem;

/** Bat and ball: the tempting answer is total minus difference. */
function batAndBall(rng: Rng) {
  const [[a], [b]] = rng.shuffle(SHOP_ITEMS) as [readonly [string, string], readonly [string, string]];
  const diff = 50 * rng.int(2, 60);
  const cheap = 5 * rng.int(1, 80);
  const total = diff + 2 * cheap;
  const question = `A ${a} and a ${b} cost ${money(total)} in total. The ${a} costs ${money(diff)} more than the ${b}. How much does the ${b} cost, in dollars?`;
  return trap("bat-and-ball", question, ratio(cheap, 100), 3);
}

/** Fencepost: posts at both ends means one more post than gaps. */
function fencepost(rng: Rng) {
  const gap = rng.int(2, 25);
  const gaps = rng.int(4, 60);
  const thing = rng.pick(["lamp", "tree", "post", "bench"]);
  const question = `A straight path is ${gap * gaps} meters long. A ${thing} stands every ${gap} meters along it, including one at each end. How many ${thing}s are there?`;
  return trap("fencepost", question, ratio(gaps + 1), 2);
}

/** Clock strikes: the time is spent in the gaps between strikes, not on the strikes. */
function clockStrikes(rng: Rng) {
  const a = rng.int(3, 7);
  const b = rng.int(a + 2, 12);
  const perGap = rng.int(1, 4);
  const question = `A clock takes ${perGap * (a - 1)} seconds to strike ${a} o'clock: the strikes are evenly spaced and the time runs from the first strike to the last. How many seconds does it take to strike ${b} o'clock?`;
  return trap("clock-strikes", question, ratio(perGap * (b - 1)), 3);
}

/** Machines and widgets: scaling machines and widgets together leaves the time unchanged. */
function machines(rng: Rng) {
  const a = rng.int(3, 12);
  const b = rng.int(20, 150);
  const m = rng.int(3, 20);
  const question = `If ${a} machines take ${m} minutes to make ${a} widgets, how many minutes would ${b} machines take to make ${b} widgets?`;
  return trap("machines", question, ratio(m), 3);
}

/** Up then down by the same percent does not return to the start. */
function percentUpDown(rng: Rng) {
  const [item] = rng.pick(SHOP_ITEMS);
  const dollars = rng.int(20, 500);
  const p = rng.pick([10, 20, 25, 30, 40, 50]);
  const answer = ratio(dollars * (10000 - p * p), 10000);
  if (toDecimalString(answer, 2) === null) return null;
  const question = `A ${item} costs ${money(dollars * 100)}. Its price rises by ${p}%, and then the new price falls by ${p}%. What is the final price, in dollars?`;
  return trap("percent-up-down", question, answer, 4);
}

/** Doubling growth: half coverage is one day before full coverage, not half the days. */
function doubling(rng: Rng) {
  const day = rng.int(12, 60);
  const [fraction, back] = rng.pick([
    ["half", 1],
    ["a quarter", 2],
    ["an eighth", 3],
  ] as const);
  const question = `A patch of algae on a pond doubles in area every day. On day ${day} it covers the whole pond. On which day did it cover ${fraction} of the pond?`;
  return trap("doubling", question, ratio(day - back), 1);
}

/** Round trip: the average speed is the harmonic mean, not the mean of the two speeds. */
function roundTrip(rng: Rng) {
  const v1 = 5 * rng.int(4, 24);
  const v2 = 5 * rng.int(4, 24);
  if (v1 === v2) return null;
  const answer = ratio(2 * v1 * v2, v1 + v2);
  if (toDecimalString(answer, 2) === null) return null;
  const who = rng.pick(NAMES);
  const question = `${who} drives to a town at ${v1} km/h and returns along the same road at ${v2} km/h. What is ${who}'s average speed for the whole round trip, in km/h?`;
  return trap("round-trip", question, answer, 5);
}

/** Snail in a well: on the last day it climbs out before sliding back. */
function snail(rng: Rng) {
  const up = rng.int(3, 9);
  const down = rng.int(1, up - 1);
  const depth = rng.int(up + 2, 60);
  const days = Math.ceil((depth - up) / (up - down)) + 1;
  const question = `A snail is at the bottom of a well ${depth} meters deep. Each day it climbs ${up} meters, and each night it slides back ${down} meters. On which day does it first reach the top?`;
  return trap("snail", question, ratio(days), 4);
}

export const TRAPS: readonly ArithmeticTemplate[] = [
  batAndBall,
  fencepost,
  clockStrikes,
  machines,
  percentUpDown,
  doubling,
  roundTrip,
  snail,
];
