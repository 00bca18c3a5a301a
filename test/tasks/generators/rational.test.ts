import { describe, expect, it } from "vitest";
import {
  add,
  compare,
  decimal,
  distanceToTie,
  div,
  mul,
  pow,
  ratio,
  sub,
  toDecimalString,
  toFixedExact,
} from "../../../src/tasks/generators/rational.js";

describe("ratio and decimal", () => {
  it("reduces and normalises the sign", () => {
    expect(ratio(6, 4)).toEqual({ n: 3n, d: 2n });
    expect(ratio(3, -6)).toEqual({ n: -1n, d: 2n });
    expect(ratio(0, 5)).toEqual({ n: 0n, d: 1n });
  });

  it("refuses zero denominators and non-integers", () => {
    expect(() => ratio(1, 0)).toThrow(RangeError);
    expect(() => ratio(1.5)).toThrow(RangeError);
    expect(() => div(ratio(1), ratio(0))).toThrow(RangeError);
  });

  it.each([[""], [" 1"], ["1."], [".5"], ["1e3"], ["--1"], ["1,5"]])("refuses %j", (text) => {
    expect(() => decimal(text)).toThrow(RangeError);
  });

  it("parses decimals exactly", () => {
    expect(decimal("0.3048")).toEqual({ n: 381n, d: 1250n });
    expect(decimal("-12.50")).toEqual({ n: -25n, d: 2n });
    expect(decimal("7")).toEqual({ n: 7n, d: 1n });
  });
});

describe("arithmetic", () => {
  it("is exact where floats are not", () => {
    expect(add(decimal("0.1"), decimal("0.2"))).toEqual(decimal("0.3"));
    expect(sub(ratio(1, 3), ratio(1, 6))).toEqual(ratio(1, 6));
    expect(mul(ratio(2, 3), ratio(9, 4))).toEqual(ratio(3, 2));
    expect(pow(ratio(-2, 3), 3)).toEqual(ratio(-8, 27));
    expect(pow(ratio(5), 0)).toEqual(ratio(1));
    expect(compare(ratio(1, 3), decimal("0.333"))).toBe(1);
    expect(compare(ratio(2, 4), ratio(1, 2))).toBe(0);
  });
});

describe("rounding", () => {
  it.each([
    [ratio(2, 3), 2, "0.67"],
    [ratio(-2, 3), 2, "-0.67"],
    [decimal("2.5"), 0, "3"],
    [decimal("-2.5"), 0, "-3"],
    [decimal("1.005"), 2, "1.01"], // float toFixed would give 1.00
    [decimal("-0.001"), 2, "0.00"],
    [ratio(7), 2, "7.00"],
    [decimal("0.05"), 1, "0.1"],
  ])("toFixedExact(%o, %i) == %j", (r, places, want) => {
    expect(toFixedExact(r, places)).toBe(want);
  });

  it("measures the distance to a rounding tie", () => {
    expect(distanceToTie(decimal("2.5"), 0)).toBe(0);
    expect(distanceToTie(decimal("2.0"), 0)).toBe(0.5);
    expect(distanceToTie(decimal("1.004"), 2)).toBeCloseTo(0.1, 9);
    expect(distanceToTie(ratio(-1, 4), 0)).toBeCloseTo(0.25, 9);
  });

  it("prints terminating decimals and nothing else", () => {
    expect(toDecimalString(ratio(7, 4))).toBe("1.75");
    expect(toDecimalString(ratio(-3))).toBe("-3");
    expect(toDecimalString(ratio(1, 3))).toBeNull();
    expect(toDecimalString(ratio(1, 8), 2)).toBeNull();
  });
});
