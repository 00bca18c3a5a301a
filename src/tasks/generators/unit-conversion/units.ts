// Unit tables for the conversion generator: exact factors to a base unit (all are exact by definition).
import { decimal, type Rational, ratio } from "../rational.js";

/** easy: metric and clock units; medium: everyday imperial; hard: awkward units. */
export type UnitTier = "easy" | "medium" | "hard";

export interface Unit {
  singular: string;
  plural: string;
  /** How many base units one of this unit is. */
  factor: Rational;
  tier: UnitTier;
}

export type Quantity = "length" | "mass" | "time" | "volume" | "speed";

const u = (singular: string, plural: string, factor: Rational | string, tier: UnitTier): Unit => ({
  singular,
  plural,
  factor: typeof factor === "string" ? decimal(factor) : factor,
  tier,
});

export const UNITS: Record<Quantity, readonly Unit[]> = {
  // base: meter
  length: [
    u("millimeter", "millimeters", "0.001", "easy"),
    u("centimeter", "centimeters", "0.01", "easy"),
    u("meter", "meters", "1", "easy"),
    u("kilometer", "kilometers", "1000", "easy"),
    u("inch", "inches", "0.0254", "medium"),
    u("foot", "feet", "0.3048", "medium"),
    u("mile", "miles", "1609.344", "medium"),
    u("yard", "yards", "0.9144", "hard"),
    u("nautical mile", "nautical miles", "1852", "hard"),
  ],
  // base: gram
  mass: [
    u("milligram", "milligrams", "0.001", "easy"),
    u("gram", "grams", "1", "easy"),
    u("kilogram", "kilograms", "1000", "easy"),
    u("metric ton", "metric tons", "1000000", "medium"),
    u("ounce", "ounces", "28.349523125", "medium"),
    u("pound", "pounds", "453.59237", "medium"),
    u("stone", "stone", "6350.29318", "hard"),
    u("US short ton", "US short tons", "907184.74", "hard"),
  ],
  // base: second
  time: [
    u("second", "seconds", "1", "easy"),
    u("minute", "minutes", "60", "easy"),
    u("hour", "hours", "3600", "easy"),
    u("day", "days", "86400", "easy"),
    u("week", "weeks", "604800", "medium"),
    u("millisecond", "milliseconds", "0.001", "medium"),
  ],
  // base: milliliter
  volume: [
    u("milliliter", "milliliters", "1", "easy"),
    u("liter", "liters", "1000", "easy"),
    u("US gallon", "US gallons", "3785.411784", "medium"),
    u("US quart", "US quarts", "946.352946", "hard"),
    u("US fluid ounce", "US fluid ounces", "29.5735295625", "hard"),
    u("imperial gallon", "imperial gallons", "4546.09", "hard"),
  ],
  // base: meter per second
  speed: [
    u("meter per second", "meters per second", "1", "medium"),
    u("kilometer per hour", "kilometers per hour", ratio(1000, 3600), "medium"),
    u("mile per hour", "miles per hour", ratio(1609344, 3600000), "medium"),
    u("foot per second", "feet per second", "0.3048", "hard"),
    u("knot", "knots", ratio(1852, 3600), "hard"),
  ],
};

export type TemperatureScale = "C" | "F" | "K";

export const TEMPERATURE_NAMES: Record<TemperatureScale, string> = {
  C: "degrees Celsius",
  F: "degrees Fahrenheit",
  K: "kelvins",
};

/** Size of one degree of each scale, in kelvins (for temperature differences). */
export const DEGREE_SIZE: Record<TemperatureScale, Rational> = { C: ratio(1), F: ratio(5, 9), K: ratio(1) };

/** Offset such that kelvin = value * DEGREE_SIZE + offset. */
export const ZERO_IN_KELVIN: Record<TemperatureScale, Rational> = {
  C: decimal("273.15"),
  F: ratio(45967, 180), // 273.15 - 32 * 5/9
  K: ratio(0),
};

/** Area and volume units whose factor is a length factor squared or cubed: the classic trap. */
export const POWER_UNITS = [
  { singular: "square meter", plural: "square meters", length: "meter", power: 2 },
  { singular: "square centimeter", plural: "square centimeters", length: "centimeter", power: 2 },
  { singular: "square kilometer", plural: "square kilometers", length: "kilometer", power: 2 },
  { singular: "square millimeter", plural: "square millimeters", length: "millimeter", power: 2 },
  { singular: "square foot", plural: "square feet", length: "foot", power: 2 },
  { singular: "square inch", plural: "square inches", length: "inch", power: 2 },
  { singular: "cubic meter", plural: "cubic meters", length: "meter", power: 3 },
  { singular: "cubic centimeter", plural: "cubic centimeters", length: "centimeter", power: 3 },
  { singular: "cubic foot", plural: "cubic feet", length: "foot", power: 3 },
  { singular: "cubic inch", plural: "cubic inches", length: "inch", power: 3 },
] as const;
