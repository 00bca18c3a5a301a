import { describe, expect, it } from "vitest";
import { medmcqaDifficulty, normaliseMedmcqa } from "../../../../src/tasks/sources/hub/normalise-medmcqa.js";
import { contextFor } from "./helpers/context.js";

const context = contextFor({
  key: "medmcqa",
  repo: "openlifescienceai/medmcqa",
  split: "validation",
  domain: "medical",
  license: "Apache-2.0",
});
const row = (cop: unknown, extra: Record<string, unknown> = {}) => ({
  question: "Drug of choice for absence seizures?",
  opa: "Phenytoin",
  opb: "Ethosuximide",
  opc: "Carbamazepine",
  opd: "Phenobarbitone",
  cop,
  choice_type: "single",
  ...extra,
});

describe("normaliseMedmcqa", () => {
  it("converts a BigInt cop into the gold index", () => {
    const task = normaliseMedmcqa(row(1n), 9, context);
    expect(task).toMatchObject({
      id: "medmcqa/validation/9",
      choices: ["Phenytoin", "Ethosuximide", "Carbamazepine", "Phenobarbitone"],
      answer: "B",
      answer_index: 1,
      difficulty: "easy",
    });
    expect(() => JSON.stringify(task)).not.toThrow();
  });

  it("accepts an already converted number", () => {
    expect(normaliseMedmcqa(row(3), 0, context)).toMatchObject({ answer: "D", answer_index: 3 });
  });

  it("refuses cop -1 (unlabeled), out of range, missing, and blank options", () => {
    expect(normaliseMedmcqa(row(-1n), 0, context)).toBeNull();
    expect(normaliseMedmcqa(row(4n), 0, context)).toBeNull();
    expect(normaliseMedmcqa(row(null), 0, context)).toBeNull();
    expect(normaliseMedmcqa(row("1"), 0, context)).toBeNull();
    expect(normaliseMedmcqa(row(0n, { opc: "" }), 0, context)).toBeNull();
  });
});

describe("medmcqaDifficulty", () => {
  const words = (n: number) => Array.from({ length: n }, () => "w").join(" ");
  it("multi is hard; short single is easy; longer single or unknown type is medium", () => {
    expect(medmcqaDifficulty("multi", words(3))).toBe("hard");
    expect(medmcqaDifficulty("single", words(12))).toBe("easy");
    expect(medmcqaDifficulty("single", words(13))).toBe("medium");
    expect(medmcqaDifficulty(null, words(13))).toBe("medium");
  });
});
