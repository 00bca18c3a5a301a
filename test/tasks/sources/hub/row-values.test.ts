import { describe, expect, it } from "vitest";
import {
  plainValue,
  text,
  textList,
  toSafeInteger,
  wordCount,
} from "../../../../src/tasks/sources/hub/row-values.js";

describe("text", () => {
  it.each([
    [null, null],
    [undefined, null],
    ["", null],
    ["   ", null],
    [42, null],
    [" Paris ", "Paris"],
  ])("%j -> %j", (input, expected) => {
    expect(text(input)).toBe(expected);
  });
});

describe("textList", () => {
  it("drops blanks and non-strings and tolerates non-arrays", () => {
    expect(textList(null)).toEqual([]);
    expect(textList("a")).toEqual([]);
    expect(textList([" a ", "", null, 3, "b"])).toEqual(["a", "b"]);
  });
});

describe("wordCount", () => {
  it("counts whitespace-separated words", () => {
    expect(wordCount("")).toBe(0);
    expect(wordCount("   ")).toBe(0);
    expect(wordCount(" one  two\nthree ")).toBe(3);
  });
});

describe("toSafeInteger", () => {
  it.each([
    [3n, 3],
    [-1n, -1],
    [0n, 0],
    [7, 7],
    [1.5, null],
    ["3", null],
    [null, null],
    [2n ** 60n, null],
    [Number.NaN, null],
  ])("%s -> %s", (input, expected) => {
    expect(toSafeInteger(input)).toBe(expected);
  });
});

describe("plainValue", () => {
  it("converts BigInt deeply so JSON.stringify accepts the row", () => {
    const row = { cop: 2n, nested: { list: [1n, -1n] }, huge: 2n ** 64n, text: "x", nothing: null };
    expect(() => JSON.stringify(row)).toThrow();
    const plain = plainValue(row);
    expect(plain).toEqual({
      cop: 2,
      nested: { list: [1, -1] },
      huge: "18446744073709551616",
      text: "x",
      nothing: null,
    });
    expect(JSON.parse(JSON.stringify(plain))).toEqual(plain);
  });

  it("turns typed arrays into plain arrays", () => {
    expect(plainValue(new BigInt64Array([1n, 2n]))).toEqual([1, 2]);
    expect(plainValue(new Int32Array([3]))).toEqual([3]);
  });
});
