// Unit conversions with exact factors; the gold is the exact value rounded to the precision the question states.
import type { Rng } from "../../../core/rng.js";
import type { Difficulty } from "../../../core/taxonomy.js";
import { defineGenerator, drawUntil, generatorRng } from "../generator.js";
import {
  add,
  distanceToTie,
  div,
  mul,
  pow,
  type Rational,
  ratio,
  sub,
  toDecimalString,
  toFixedExact,
  toNumber,
} from "../rational.js";
import {
  DEGREE_SIZE,
  POWER_UNITS,
  type Quantity,
  TEMPERATURE_NAMES,
  type TemperatureScale,
  UNITS,
  type Unit,
  ZERO_IN_KELVIN,
} from "./units.js";

const NAME = "unit-conversion";
const VERSION = 1;

export interface Conversion {
  kind: "simple" | "rate" | "temperature" | "temperature-difference" | "area-volume";
  question: string;
  exact: Rational;
  places: number;
  adversarial: boolean;
}

/** A value with `decimals` decimals in [min, max], never exactly 1 (so plural unit names always read right). */
function drawValue(rng: Rng, min: number, max: number, decimals: number): Rational | null {
  const scale = 10 ** decimals;
  const v = ratio(rng.int(min * scale, max * scale), scale);
  return v.n === v.d ? null : v;
}

const valueText = (v: Rational) => toDecimalString(v) as string; // values are drawn as short decimals

/**
 * Roughly four significant figures (59.867 -> 2 places, 3000 -> 0, 0.0032 -> 6), but never more places than an
 * exact terminating value needs (250 -> 0, 0.024 -> 3).
 */
export function placesFor(x: Rational): number {
  const a = Math.abs(toNumber(x));
  const sig = a === 0 ? 2 : Math.min(6, Math.max(0, 3 - Math.floor(Math.log10(a))));
  const exact = toDecimalString(x, sig);
  return exact === null ? sig : (exact.split(".")[1] ?? "").length;
}

const roundingText = (places: number) =>
  places === 0
    ? "Round your answer to the nearest whole number."
    : `Round your answer to ${places} decimal ${places === 1 ? "place" : "places"}.`;

function finish(
  kind: Conversion["kind"],
  ask: string,
  exact: Rational,
  adversarial: boolean,
): Conversion | null {
  const magnitude = Math.abs(toNumber(exact));
  if (magnitude >= 1e7 || magnitude < 1e-4) return null; // keep answers readable
  const places = placesFor(exact);
  // A near-tie would let the rounding convention, not the conversion, decide the gold.
  if (distanceToTie(exact, places) < 0.05 || /^-?0(\.0*)?$/.test(toFixedExact(exact, places))) return null;
  return { kind, question: `${ask} ${roundingText(places)}`, exact, places, adversarial };
}

function simple(rng: Rng, difficulty: Difficulty): Conversion | null {
  const quantity = rng.pick<Quantity>(
    difficulty === "easy"
      ? ["length", "mass", "time", "volume"]
      : ["length", "mass", "time", "volume", "speed"],
  );
  const allowed = UNITS[quantity].filter((x) => difficulty === "hard" || x.tier !== "hard");
  const [from, to] = rng.shuffle(allowed) as [Unit, Unit];
  if (!from || !to) return null;
  const tiers = [from.tier, to.tier];
  if (difficulty === "easy" && tiers.some((t) => t !== "easy")) return null;
  if (difficulty === "medium" && !tiers.includes("medium")) return null;
  if (difficulty === "hard" && !tiers.includes("hard")) return null;
  const factor = div(from.factor, to.factor);
  if (difficulty === "easy" && (toNumber(factor) > 3600 || toNumber(factor) < 1 / 3600)) return null;
  const value =
    difficulty === "easy"
      ? drawValue(rng, 2, 400, rng.chance(0.3) ? 1 : 0)
      : drawValue(rng, 1, 500, difficulty === "hard" ? 2 : 1);
  if (!value) return null;
  return finish(
    "simple",
    `Convert ${valueText(value)} ${from.plural} to ${to.plural}.`,
    mul(value, factor),
    false,
  );
}

/** A rate such as liters per minute to US gallons per hour: two conversions chained. */
function rate(rng: Rng): Conversion | null {
  const quantity = rng.pick<Quantity>(["length", "mass", "volume"]);
  const [a, b] = rng.shuffle(UNITS[quantity].filter((x) => x.tier !== "hard")) as [Unit, Unit];
  const [s, t] = rng.shuffle(UNITS.time.filter((x) => x.singular !== "millisecond")) as [Unit, Unit];
  const value = drawValue(rng, 1, 900, 1);
  if (!value) return null;
  const factor = div(div(a.factor, s.factor), div(b.factor, t.factor));
  const ask = `Convert ${valueText(value)} ${a.plural} per ${s.singular} to ${b.plural} per ${t.singular}.`;
  return finish("rate", ask, mul(value, factor), false);
}

function temperature(rng: Rng, difficulty: Difficulty): Conversion | null {
  const scales: TemperatureScale[] =
    difficulty === "hard" ? rng.shuffle(["C", "F", "K"]) : rng.shuffle(["C", "F"]);
  const [from, to] = scales as [TemperatureScale, TemperatureScale];
  const [min, max] = from === "K" ? [150, 600] : from === "F" ? [-40, 450] : [-40, 250];
  const value = drawValue(rng, min, max, difficulty === "hard" ? 2 : 1);
  if (!value) return null;
  const kelvin = add(mul(value, DEGREE_SIZE[from]), ZERO_IN_KELVIN[from]);
  const exact = div(sub(kelvin, ZERO_IN_KELVIN[to]), DEGREE_SIZE[to]);
  return finish(
    "temperature",
    `Convert ${valueText(value)} ${TEMPERATURE_NAMES[from]} to ${TEMPERATURE_NAMES[to]}.`,
    exact,
    false,
  );
}

/** Trap: a temperature change converts without the offset. */
function temperatureDifference(rng: Rng): Conversion | null {
  const [from, to] = rng.shuffle<TemperatureScale>(["C", "F", "K"]) as [TemperatureScale, TemperatureScale];
  const value = drawValue(rng, 2, 90, rng.chance(0.5) ? 0 : 1);
  if (!value) return null;
  const ask = `Over one afternoon the air temperature rises by ${valueText(value)} ${TEMPERATURE_NAMES[from]}. By how many ${TEMPERATURE_NAMES[to]} does it rise?`;
  return finish("temperature-difference", ask, div(mul(value, DEGREE_SIZE[from]), DEGREE_SIZE[to]), true);
}

/** Trap: square and cubic units scale by the length factor squared or cubed. */
function areaVolume(rng: Rng): Conversion | null {
  const power = rng.chance(0.5) ? 2 : 3;
  const [from, to] = rng.shuffle(POWER_UNITS.filter((x) => x.power === power));
  if (!from || !to) return null;
  const length = (name: string) => UNITS.length.find((x) => x.singular === name)?.factor ?? ratio(1);
  const factor = pow(div(length(from.length), length(to.length)), power);
  const value = drawValue(rng, 1, 80, rng.chance(0.5) ? 1 : 2);
  if (!value) return null;
  return finish(
    "area-volume",
    `Convert ${valueText(value)} ${from.plural} to ${to.plural}.`,
    mul(value, factor),
    true,
  );
}

function drawConversion(rng: Rng, difficulty: Difficulty): Conversion {
  return drawUntil(rng, (r) => {
    if (difficulty === "easy") return simple(r, difficulty);
    if (difficulty === "medium") return r.chance(0.2) ? temperature(r, difficulty) : simple(r, difficulty);
    if (r.chance(0.25)) return r.chance(0.5) ? temperatureDifference(r) : areaVolume(r);
    const kind = r.int(0, 2);
    return kind === 0 ? simple(r, difficulty) : kind === 1 ? rate(r) : temperature(r, difficulty);
  });
}

/** The conversion behind a task, with its exact value (tests read it). */
export function conversionProblem(difficulty: Difficulty, index: number): Conversion {
  return drawConversion(generatorRng(NAME, VERSION, difficulty, index), difficulty);
}

export const unitConversionGenerator = defineGenerator(
  {
    name: NAME,
    version: VERSION,
    domain: "math",
    description:
      "Length, mass, time, volume, speed and temperature conversions with exact factors; hard chains rates and sets unit traps",
  },
  (rng, difficulty) => {
    const c = drawConversion(rng, difficulty);
    return {
      question: c.question,
      answer: toFixedExact(c.exact, c.places),
      grader: "numeric",
      adversarial: c.adversarial,
    };
  },
);
