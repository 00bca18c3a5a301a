import { describe, expect, it } from "vitest";
import {
  float,
  floatRepr,
  floorDiv,
  lit,
  printLine,
  pyInsert,
  pyMod,
  pyRepr,
  pyRound,
  pySlice,
  sliceIndices,
  src,
  tuple,
} from "../../../../src/tasks/generators/python-output/python-values.js";

// Every expected value below is what CPython 3 prints for the expression in the comment.
describe("floorDiv and pyMod follow Python's floor semantics", () => {
  it.each([
    [7, 2, 3, 1], // 7 // 2, 7 % 2
    [-7, 2, -4, 1], // -7 // 2, -7 % 2
    [7, -2, -4, -1], // 7 // -2, 7 % -2
    [-7, -2, 3, -1], // -7 // -2, -7 % -2
    [-7, 3, -3, 2],
    [7, -3, -3, -2],
    [-17, 5, -4, 3], // divmod(-17, 5) == (-4, 3)
    [0, 5, 0, 0],
    [6, 3, 2, 0],
  ])("%i // %i == %i and %i %% %i == %i", (a, b, q, r) => {
    expect(floorDiv(a, b)).toBe(q);
    expect(pyMod(a, b)).toBe(r);
  });

  it("raises on a zero divisor instead of returning Infinity or NaN", () => {
    expect(() => floorDiv(1, 0)).toThrow(RangeError);
    expect(() => pyMod(1, 0)).toThrow(RangeError);
  });
});

describe("pyRound rounds halves to even", () => {
  it.each([
    [2.5, 2],
    [3.5, 4],
    [-2.5, -2],
    [-3.5, -4],
    [0.5, 0],
    [1.5, 2],
    [2.4, 2],
    [2.6, 3],
    [-0.4, 0],
  ])("round(%d) == %i", (x, want) => {
    expect(pyRound(x)).toBe(want);
  });

  it("prints round(-0.5) as 0, not -0", () => {
    expect(printLine([pyRound(-0.5)])).toBe("0");
  });
});

describe("pySlice matches CPython slicing", () => {
  const s = "python";
  it.each([
    [null, null, -2, "nhy"], // s[::-2]
    [null, null, 2, "pto"], // s[::2]
    [-3, null, 1, "hon"], // s[-3:]
    [null, -2, 1, "pyth"], // s[:-2]
    [5, 1, -2, "nh"], // s[5:1:-2]
    [-1, -5, -1, "noht"], // s[-1:-5:-1]
    [1, 4, -1, ""], // s[1:4:-1]
    [10, null, 1, ""], // s[10:]
    [-100, 2, 1, "py"], // s[-100:2]
    [4, 1, -1, "oht"], // s[4:1:-1]
  ])("s[%s:%s:%s] == %j", (a, b, c, want) => {
    expect(pySlice(s, a, b, c)).toBe(want);
  });

  it("slices lists the same way", () => {
    const l = [0, 1, 2, 3, 4, 5, 6];
    expect(pySlice(l, null, null, -3)).toEqual([6, 3, 0]);
    expect(pySlice(l, -2, 0, -2)).toEqual([5, 3, 1]);
    expect(pySlice(l, 1, 100, 3)).toEqual([1, 4]);
    expect(pySlice(l, 100, 0, -3)).toEqual([6, 3]);
    expect(pySlice([], null, null, -1)).toEqual([]);
  });

  it("refuses a zero step", () => {
    expect(() => sliceIndices(3, null, null, 0)).toThrow(RangeError);
  });
});

describe("pyInsert", () => {
  it("counts negative indices from the end and clamps out-of-range ones", () => {
    const a = [1, 2];
    pyInsert(a, -1, 9); // [1, 9, 2]
    expect(a).toEqual([1, 9, 2]);
    pyInsert(a, -10, 7); // [7, 1, 9, 2]
    expect(a).toEqual([7, 1, 9, 2]);
    pyInsert(a, 99, 5); // [7, 1, 9, 2, 5]
    expect(a).toEqual([7, 1, 9, 2, 5]);
  });
});

describe("repr and print formatting", () => {
  it.each([
    [3, "3.0"],
    [3.5, "3.5"],
    [2 / 3, "0.6666666666666666"],
    [0.1 + 0.2, "0.30000000000000004"],
    [1e15 + 0.5, "1000000000000000.5"],
    [-0, "-0.0"],
    [0.125, "0.125"],
  ])("repr(float %d) == %j", (x, want) => {
    expect(floatRepr(x)).toBe(want);
  });

  it("refuses floats whose Python repr would use an exponent", () => {
    expect(() => floatRepr(1e16)).toThrow(RangeError);
    expect(() => floatRepr(0.00001)).toThrow(RangeError);
    expect(() => floatRepr(Number.NaN)).toThrow(RangeError);
  });

  it("prints containers like CPython", () => {
    // [1, "a", True, None, (1,), (1, 2), {"k": [1]}]
    expect(pyRepr([1, "a", true, null, tuple(1), tuple(1, 2), { dict: [["k", [1]]] }])).toBe(
      "[1, 'a', True, None, (1,), (1, 2), {'k': [1]}]",
    );
    expect(pyRepr(tuple("x"))).toBe("('x',)");
    expect(pyRepr([])).toBe("[]");
    expect(pyRepr({ dict: [] })).toBe("{}");
    expect(pyRepr([float(1), float(0.5)])).toBe("[1.0, 0.5]");
  });

  it("joins print arguments with spaces and prints strings bare", () => {
    expect(printLine(["a", 1, [2], "b c"])).toBe("a 1 [2] b c");
    expect(printLine([true, false, null])).toBe("True False None");
    expect(printLine(["x", "y"], "-")).toBe("x-y");
  });

  it("refuses strings and ints outside the modelled subset", () => {
    expect(() => pyRepr("it's")).toThrow(RangeError);
    expect(() => pyRepr('say "hi"')).toThrow(RangeError);
    expect(() => pyRepr("back\\slash")).toThrow(RangeError);
    expect(() => pyRepr("tab\there")).toThrow(RangeError);
    expect(() => pyRepr(2 ** 60)).toThrow(RangeError);
    expect(() => pyRepr(1.5)).toThrow(RangeError);
    expect(() => lit("it's")).toThrow(RangeError);
  });

  it("writes source literals with double quotes", () => {
    expect(src(["a", "b"])).toBe('["a", "b"]');
    expect(src([1, -2])).toBe("[1, -2]");
    expect(lit("hi there")).toBe('"hi there"');
  });
});
