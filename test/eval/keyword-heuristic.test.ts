import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DOMAINS } from "../../src/core/taxonomy.js";
import { heuristicConfidence } from "../../src/eval/keyword-heuristic.js";

const q = (
  question: string,
  domain: "factual" | "math" | "medical" = "factual",
  choices: string[] | null = null,
) => heuristicConfidence({ domain, question, choices });

describe("heuristicConfidence", () => {
  it("handles empty and whitespace questions without throwing", () => {
    expect(q("")).toBe(85);
    expect(q("   ")).toBe(85);
  });

  it("starts from the domain prior and adjusts for features", () => {
    expect(q("What is the capital of France?")).toBe(85); // 80 + short
    expect(q("Which of the following is not a noble gas in the periodic table?")).toBe(75); // 80 + 5 - 10
    expect(q("How many apples remain if Sam has 12 apples, gives 3 to Ann and eats 2?", "math")).toBe(67);
    expect(q("Which drug is approximately the first choice?", "medical")).toBe(68); // 68 + 5 - 5
  });

  it("penalises long questions and many options", () => {
    const long = Array.from({ length: 45 }, () => "word").join(" ");
    expect(q(long)).toBe(70);
    expect(
      q("Pick one option from this fairly ordinary list please", "factual", ["a", "b", "c", "d", "e", "f"]),
    ).toBe(78);
  });

  it("stays an integer within 10..95 for any question", () => {
    const worst = `${Array.from({ length: 45 }, () => "not").join(" ")} approximately how many 1 2 3`;
    expect(
      q(
        worst,
        "medical",
        Array.from({ length: 26 }, (_, i) => `o${i}`),
      ),
    ).toBe(16);
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...DOMAINS), (question, domain) => {
        const c = heuristicConfidence({ domain, question, choices: null });
        return Number.isInteger(c) && c >= 10 && c <= 95;
      }),
    );
  });
});
