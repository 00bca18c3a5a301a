// What every response format's parser must survive and guarantee: shared by the tags and answer_line tests.
import fc from "fast-check";
import { expect } from "vitest";
import { ParsedResponse, type ParseOptions, parseResponse } from "../../src/core/parse-response.js";

/** Checks the invariants of one parse: a valid ParsedResponse whose verdict agrees with its fields. */
export function checkInvariants(input: unknown, options?: ParseOptions): void {
  const r = parseResponse(input, options);
  expect(ParsedResponse.parse(r)).toEqual(r);
  expect(Number.isInteger(r.confidence) && r.confidence >= 0 && r.confidence <= 100).toBe(true);
  expect(r.answer).toBe(r.answer.trim());
  expect(r.answer === "").toBe(r.format === "missing_answer" || r.format === "empty");
  expect(r.format === "empty").toBe(typeof input !== "string" || input.trim() === "");
  if (r.format === "missing_confidence") expect(r.confidence_source).toBe("default");
  if (r.abstained) expect(r.confidence).toBeLessThanOrEqual(10);
}

/** Strings of up to 30 of the given fragments, the format's own pieces in any order. */
export const soupOf = (fragments: readonly string[]): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...fragments), { maxLength: 30 }).map((parts) => parts.join(""));

/** The inputs every parser is fuzzed with, plus the format's own soup. */
export function fuzzInputs(soupName: string, soup: fc.Arbitrary<string>): [string, fc.Arbitrary<unknown>][] {
  const utf16 = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });
  return [
    ["anything", fc.anything()],
    ["strings", fc.string()],
    ["full Unicode strings", fc.string({ unit: "binary" })],
    ["UTF-16 with lone surrogates", utf16],
    [soupName, soup],
  ];
}
