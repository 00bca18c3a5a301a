// storedText: what history keeps of a response (the reward was computed on the whole text).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STORED_RESPONSE_CHARS, storedText } from "../../src/core/episode-record.js";

describe("storedText", () => {
  it("keeps short text as it is", () => {
    for (const text of ["", "A", "<confidence>72</confidence><answer>Canberra</answer>", "é 😀 中文"]) {
      expect(storedText(text)).toBe(text);
    }
  });

  it("cuts text to STORED_RESPONSE_CHARS characters", () => {
    const text = `${"a".repeat(STORED_RESPONSE_CHARS - 1)}bcdef`;
    expect(storedText(text)).toBe(`${"a".repeat(STORED_RESPONSE_CHARS - 1)}b`);
    expect(storedText("x".repeat(STORED_RESPONSE_CHARS))).toHaveLength(STORED_RESPONSE_CHARS);
  });

  it("keeps surrogate pairs and replaces lone surrogates with U+FFFD, as UTF-8 storage would", () => {
    expect(storedText("ok 😀 fine")).toBe("ok 😀 fine");
    expect(storedText("a\ud800b")).toBe("a\ufffdb");
    expect(storedText("\udc00 tail")).toBe("\ufffd tail");
    // A cut through a pair leaves its high half alone: it becomes U+FFFD too.
    const text = `${"a".repeat(STORED_RESPONSE_CHARS - 1)}😀`;
    expect(storedText(text)).toBe(`${"a".repeat(STORED_RESPONSE_CHARS - 1)}\ufffd`);
  });

  it("writes the same text a UTF-8 round trip of the cut would, for any UTF-16 string", () => {
    const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    const text = fc.oneof(
      fc.string({ unit: codeUnit, maxLength: 60 }),
      fc.string({
        unit: codeUnit,
        minLength: STORED_RESPONSE_CHARS - 5,
        maxLength: STORED_RESPONSE_CHARS + 5,
      }),
    );
    fc.assert(
      fc.property(text, (t) => {
        const cut = t.slice(0, STORED_RESPONSE_CHARS);
        expect(storedText(t)).toBe(Buffer.from(cut, "utf8").toString("utf8"));
      }),
      { numRuns: 300 },
    );
  });
});
