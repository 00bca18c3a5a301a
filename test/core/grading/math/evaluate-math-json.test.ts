import { describe, expect, it } from "vitest";
import {
  evaluateMathJson,
  freeVariables,
  isMixedNumber,
  type MathJson,
} from "../../../../src/core/grading/math/evaluate-math-json.js";

const value = (json: MathJson, variables: Record<string, number> = {}, steps = 1000) =>
  evaluateMathJson(json, {
    steps,
    variables: new Map(Object.entries(variables).map(([k, v]) => [k, { re: v, im: 0 }])),
  });

describe("evaluateMathJson", () => {
  it.each([
    ["a string literal", "'Evelyn'"],
    ["an unknown symbol", "x"],
    ["an unknown function", ["Integrate", "x"]],
    ["a tuple", ["Tuple", 1, 2]],
    ["a missing argument", ["Divide", 1]],
  ] as [string, MathJson][])("is null for %s", (_, json) => {
    expect(value(json)).toBeNull();
  });

  it("gives up when the step budget runs out", () => {
    const deep: MathJson = ["Add", 1, ["Add", 1, ["Add", 1, ["Add", 1, 1]]]];
    expect(value(deep, {}, 9)).toEqual({ re: 5, im: 0 });
    expect(value(deep, {}, 8)).toBeNull();
  });

  it.each([
    [["Divide", 7, 8], 0.875, 0],
    [["Rational", 1, 3], 1 / 3, 0],
    [{ num: "0.(3)" }, 1 / 3, 0],
    [{ num: "12345678901234567890123" }, 1.2345678901234568e22, 0],
    [["Power", 2, 10], 1024, 0],
    [["Sqrt", ["Negate", 4]], 0, 2],
    [["Root", -8, 3], -2, 0],
    [["InvisibleOperator", 2, ["Divide", 1, 4]], 2.25, 0],
    [["InvisibleOperator", 2, "Pi"], 2 * Math.PI, 0],
    [["Subtract", 3, ["InvisibleOperator", 4, "i"]], 3, -4],
    [["Log", 8, 2], 3, 0],
    [["Factorial", 5], 120, 0],
    [["Binomial", 5, 2], 10, 0],
    [["Degrees", 90], 90, 0],
    [["Power", 10, ["Power", 10, 10]], Number.POSITIVE_INFINITY, 0],
  ] as [MathJson, number, number][])("%j = %d + %di", (json, re, im) => {
    const result = value(json);
    expect(result?.re).toBeCloseTo(re, 12);
    expect(result?.im ?? 0).toBeCloseTo(im, 12);
  });

  it("reads variables from the evaluation state", () => {
    expect(value(["Subtract", ["Power", "x", 2], 1], { x: 3 })).toEqual({ re: 8, im: 0 });
  });
});

describe("isMixedNumber", () => {
  it.each([
    [["InvisibleOperator", 2, ["Divide", 1, 4]], true],
    [["InvisibleOperator", -2, ["Divide", 1, 4]], false],
    [["InvisibleOperator", 2, ["Divide", "Pi", 4]], false],
    [["InvisibleOperator", 2, "x"], false],
    [["Multiply", 2, ["Divide", 1, 4]], false],
  ] as [MathJson, boolean][])("%j -> %s", (json, expected) => {
    expect(isMixedNumber(json)).toBe(expected);
  });
});

describe("freeVariables", () => {
  it("lists symbols that are not constants or strings", () => {
    expect([...freeVariables(["Add", "x", ["Multiply", "Pi", "y"], "e", "i", "'text'"])].sort()).toEqual([
      "x",
      "y",
    ]);
  });
});
