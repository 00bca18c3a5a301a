import { describe, expect, it } from "vitest";
import { normalizeOutput, outputCandidates } from "../../../src/core/grading/normalize-output.js";

describe("normalizeOutput", () => {
  it.each([
    ["", ""],
    ["  \n ", ""],
    ["True", "True"],
    ["`True`", "True"],
    ["``True``", "`True`"],
    ['"a b"', "a b"],
    ["'x", "'x"],
    ["```\n1\n2\n```", "1\n2"],
    ["```js\nx  =  1\n```", "x = 1"],
    ["```5```", "5"],
    ["a\r\nb\rc", "a\nb\nc"],
    ["a \t b   \nc\t", "a b\nc"],
    ["    indented", "indented"],
    ["line\n    indented", "line\n indented"],
  ])("%j -> %j", (text, expected) => {
    expect(normalizeOutput(text)).toBe(expected);
  });
});

describe("outputCandidates", () => {
  it.each([
    ["42", ["42"]],
    ["Answer: 42", ["Answer: 42", "42"]],
    ["output:42", ["output:42", "42"]],
    ["The answer is 42.", ["The answer is 42.", "42.", "42"]],
    ["The final answer is: `x`", ["The final answer is: `x`", "`x`"]],
    ["My answer: 42", ["My answer: 42"]],
    ["Answers: 42", ["Answers: 42"]],
  ])("%j -> %j", (text, expected) => {
    expect(outputCandidates(text)).toEqual(expected);
  });
});
