import { describe, expect, it } from "vitest";
import { GRADER_KINDS, type GradingSpec } from "../../../src/core/grading/grade-result.js";
import { GRADERS, gradeAnswer } from "../../../src/core/grading/index.js";

// One spec per kind whose own gold answer must grade correct (the registry contract).
const OWN_GOLD: Record<string, GradingSpec> = {
  numeric: { grader: "numeric", answer: "1,080", aliases: [] },
  multiple_choice: {
    grader: "multiple_choice",
    answer: "C",
    aliases: [],
    choices: ["x", "y", "z"],
    answer_index: 2,
  },
  free_text: { grader: "free_text", answer: "The Beatles", aliases: ["Beatles"] },
  fuzzy: { grader: "fuzzy", answer: "hello world", aliases: [] },
  yes_no: { grader: "yes_no", answer: "no", aliases: [] },
  exact: { grader: "exact", answer: "[1, 2, 3]", aliases: [] },
  math: { grader: "math", answer: "\\left(\\frac{3}{2}, -13\\right)", aliases: [] },
  unanswerable: { grader: "unanswerable", answer: "cannot be answered", aliases: [] },
};
// Junk every grader refuses; a decline is junk except where declining is the right answer.
const junkFor = (kind: string) =>
  kind === "unanswerable" ? ["", " ", "zzzz qqqq", "42"] : ["", " ", "zzzz qqqq", "I don't know"];

describe("GRADERS", () => {
  it("lists exactly the grader kinds", () => {
    expect(Object.keys(GRADERS).sort()).toEqual([...GRADER_KINDS].sort());
  });

  it.each(GRADER_KINDS.map((kind) => [kind]))("%s grades its own gold correct and junk wrong", (kind) => {
    const spec = OWN_GOLD[kind]!;
    expect(GRADERS[kind](spec.answer, spec)).toMatchObject({ correct: true, score: 1 });
    expect(gradeAnswer(spec, spec.answer)).toMatchObject({ correct: true, score: 1 });
    for (const junk of junkFor(kind)) {
      expect(gradeAnswer(spec, junk)).toMatchObject({ correct: false });
    }
  });
});

describe("gradeAnswer", () => {
  it("refuses non-string answers and unknown graders", () => {
    expect(gradeAnswer(OWN_GOLD.numeric!, 1080)).toMatchObject({
      correct: false,
      method: "grading/invalid",
      details: { reason: "not-a-string", type: "number" },
    });
    const unknown = { grader: "regex", answer: "x", aliases: [] } as unknown as GradingSpec;
    expect(gradeAnswer(unknown, "x")).toMatchObject({
      correct: false,
      details: { reason: "unknown-grader" },
    });
    const inherited = { grader: "toString", answer: "x", aliases: [] } as unknown as GradingSpec;
    expect(gradeAnswer(inherited, "x").details).toMatchObject({ reason: "unknown-grader" });
    expect(gradeAnswer(null as unknown as GradingSpec, "x").details).toMatchObject({
      reason: "unknown-grader",
    });
  });
});
