import { describe, expect, it } from "vitest";
import { DIFFICULTIES, type Difficulty } from "../../../../src/core/taxonomy.js";
import { decimal, ratio } from "../../../../src/tasks/generators/rational.js";
import {
  conversionProblem,
  placesFor,
  unitConversionGenerator,
} from "../../../../src/tasks/generators/unit-conversion/unit-conversion.js";

// Independent float factors, typed from the definitions (to m, g, s, mL, m/s, m^2, m^3).
const FACTORS: Record<string, number> = {
  millimeters: 0.001,
  centimeters: 0.01,
  meters: 1,
  kilometers: 1000,
  inches: 0.0254,
  feet: 0.3048,
  yards: 0.9144,
  miles: 1609.344,
  "nautical miles": 1852,
  milligrams: 0.001,
  grams: 1,
  kilograms: 1000,
  "metric tons": 1e6,
  ounces: 453.59237 / 16,
  pounds: 453.59237,
  stone: 14 * 453.59237,
  "US short tons": 2000 * 453.59237,
  milliseconds: 0.001,
  seconds: 1,
  minutes: 60,
  hours: 3600,
  days: 86400,
  weeks: 7 * 86400,
  milliliters: 1,
  liters: 1000,
  "US gallons": 231 * 16.387064, // 231 cubic inches
  "US quarts": (231 * 16.387064) / 4,
  "US fluid ounces": (231 * 16.387064) / 128,
  "imperial gallons": 4546.09,
  "meters per second": 1,
  "kilometers per hour": 1 / 3.6,
  "miles per hour": 0.44704,
  "feet per second": 0.3048,
  knots: 1852 / 3600,
  "square meters": 1,
  "square centimeters": 1e-4,
  "square kilometers": 1e6,
  "square millimeters": 1e-6,
  "square feet": 0.3048 ** 2,
  "square inches": 0.0254 ** 2,
  "cubic meters": 1,
  "cubic centimeters": 1e-6,
  "cubic feet": 0.3048 ** 3,
  "cubic inches": 0.0254 ** 3,
};
const SINGULAR_TIME: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86400, week: 604800 };

function factor(unit: string): number {
  if (unit in FACTORS) return FACTORS[unit] as number;
  const m = /^(.+) per (second|minute|hour|day|week)$/.exec(unit);
  if (!m || !((m[1] as string) in FACTORS)) throw new Error(`unknown unit ${unit}`);
  return (FACTORS[m[1] as string] as number) / (SINGULAR_TIME[m[2] as string] as number);
}

const TO_KELVIN: Record<string, (x: number) => number> = {
  "degrees Celsius": (c) => c + 273.15,
  "degrees Fahrenheit": (f) => ((f - 32) * 5) / 9 + 273.15,
  kelvins: (k) => k,
};
const FROM_KELVIN: Record<string, (k: number) => number> = {
  "degrees Celsius": (k) => k - 273.15,
  "degrees Fahrenheit": (k) => ((k - 273.15) * 9) / 5 + 32,
  kelvins: (k) => k,
};
const DEGREE: Record<string, number> = { "degrees Celsius": 1, "degrees Fahrenheit": 5 / 9, kelvins: 1 };

/** Reads the question back and converts in floats; returns the value and the stated decimal places. */
function solve(question: string): { value: number; places: number } {
  const rounding = /Round your answer to (?:(\d+) decimal places?|the nearest whole number)\.$/.exec(
    question,
  );
  if (!rounding) throw new Error(`no rounding instruction: ${question}`);
  const places = rounding[1] === undefined ? 0 : Number(rounding[1]);
  const delta = /rises by ([\d.]+) (.+?)\. By how many (.+?) does it rise\?/.exec(question);
  if (delta) {
    const [, v, from, to] = delta as unknown as [string, string, string, string];
    return { value: (Number(v) * (DEGREE[from] as number)) / (DEGREE[to] as number), places };
  }
  const m = /^Convert (-?[\d.]+) (.+?) to (.+?)\. Round/.exec(question);
  if (!m) throw new Error(`unparsed: ${question}`);
  const [, v, from, to] = m as unknown as [string, string, string, string];
  if (from in TO_KELVIN)
    return {
      value: (FROM_KELVIN[to] as (k: number) => number)(
        (TO_KELVIN[from] as (x: number) => number)(Number(v)),
      ),
      places,
    };
  return { value: (Number(v) * factor(from)) / factor(to), places };
}

describe("unit-conversion", () => {
  it.each(DIFFICULTIES)("re-derives every %s gold with independent float factors", (difficulty) => {
    for (let i = 0; i < 1000; i++) {
      const task = unitConversionGenerator.generate(difficulty, i);
      const { value, places } = solve(task.question);
      const decimals = task.answer.split(".")[1]?.length ?? 0;
      expect(decimals, task.question).toBe(places);
      const scaled = value * 10 ** places;
      expect(Math.abs(scaled - Math.round(scaled)), `${task.question} -> ${value}`).not.toBeCloseTo(0.5, 1);
      expect(Number(task.answer), `${task.question} (${value})`).toBeCloseTo(
        Math.round(scaled) / 10 ** places,
        9,
      );
    }
  });

  it("chooses about four significant figures but no padding beyond an exact value", () => {
    expect(placesFor(decimal("59.867"))).toBe(2);
    expect(placesFor(ratio(3000))).toBe(0);
    expect(placesFor(decimal("0.0032"))).toBe(4);
    expect(placesFor(ratio(1, 300))).toBe(6);
    expect(placesFor(ratio(250))).toBe(0);
    expect(placesFor(decimal("0.024"))).toBe(3);
    expect(placesFor(ratio(0))).toBe(0);
  });

  it("keeps the classic traps on hard only and flags them", () => {
    for (const difficulty of DIFFICULTIES) {
      for (let i = 0; i < 500; i++) {
        const c = conversionProblem(difficulty, i);
        const trap = c.kind === "temperature-difference" || c.kind === "area-volume";
        expect(c.adversarial).toBe(trap);
        if (trap) expect(difficulty).toBe("hard");
      }
    }
    // A 10 degree rise is 18 Fahrenheit degrees, not 50 degrees Fahrenheit.
    expect(
      solve(
        "Over one afternoon the air temperature rises by 10 degrees Celsius. By how many degrees Fahrenheit does it rise? Round your answer to the nearest whole number.",
      ).value,
    ).toBeCloseTo(18, 12);
  });

  it("moves from metric to imperial to chained and awkward units as difficulty rises", () => {
    const kinds = (d: Difficulty) => Array.from({ length: 400 }, (_, i) => conversionProblem(d, i).kind);
    expect(new Set(kinds("easy"))).toEqual(new Set(["simple"]));
    expect(new Set(kinds("medium"))).toEqual(new Set(["simple", "temperature"]));
    expect(new Set(kinds("hard"))).toEqual(
      new Set(["simple", "rate", "temperature", "temperature-difference", "area-volume"]),
    );
    const imperial = /inches|feet|miles|ounces|pounds|gallons|Fahrenheit|knots|yards|stone|quarts/;
    const share = (d: Difficulty) =>
      Array.from({ length: 400 }, (_, i) => unitConversionGenerator.generate(d, i).question).filter((q) =>
        imperial.test(q),
      ).length;
    expect(share("easy")).toBe(0);
    expect(share("medium")).toBeGreaterThan(200);
    const decimalsIn = (d: Difficulty) =>
      Array.from(
        { length: 400 },
        (_, i) => /-?\d+(?:\.(\d+))?/.exec(unitConversionGenerator.generate(d, i).question)?.[1]?.length ?? 0,
      ).reduce((a, b) => a + b, 0);
    expect(decimalsIn("hard")).toBeGreaterThan(decimalsIn("medium"));
    expect(decimalsIn("medium")).toBeGreaterThan(decimalsIn("easy"));
  });
});
