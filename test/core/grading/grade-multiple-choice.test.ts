import { describe, expect, it } from "vitest";
import { gradeMultipleChoice } from "../../../src/core/grading/grade-multiple-choice.js";
import type { GradingSpec } from "../../../src/core/grading/grade-result.js";

const CHOICES = [
  "Water levels dropped",
  "Food sources increased",
  "Predators multiplied",
  "The climate cooled",
];
const spec = (
  answer_index: number | null,
  choices: string[] | null = CHOICES,
  answer = "B",
): GradingSpec => ({
  grader: "multiple_choice",
  answer,
  aliases: [],
  choices,
  answer_index,
});
const grade = (answer: unknown, s = spec(1)) => gradeMultipleChoice(answer as string, s);
/** A multiple-choice spec over any options, gold by index. */
const mcOf = (choices: string[], index: number): GradingSpec => ({
  grader: "multiple_choice",
  answer: String.fromCharCode(65 + index),
  aliases: [],
  choices,
  answer_index: index,
});

describe("gradeMultipleChoice: input that cannot be graded", () => {
  it.each([
    [null, "not-a-string"],
    [["B"], "not-a-string"],
    ["", "empty"],
    [" \n ", "empty"],
    ["I don't know", "no-choice"],
    ["A or B", "no-choice"],
    ["Bacteria", "no-choice"],
    ["I think B", "no-choice"],
    ["E", "out-of-range"],
    ["The answer is (Z).", "out-of-range"],
    ["The answer is B or C", "ambiguous"],
    ["Answer: B/C", "ambiguous"],
    ["option A or option B", "ambiguous"],
    ["(A) or (B)", "ambiguous"],
    ["A) water\nB) food", "ambiguous"],
    ["Food sources increased or predators multiplied", "no-choice"],
  ])("%j -> invalid (%s)", (answer, reason) => {
    expect(grade(answer)).toEqual({
      correct: false,
      score: 0,
      method: "mc/invalid",
      details: expect.objectContaining({ reason }),
    });
  });

  it("reports a spec without a usable gold", () => {
    expect(grade("B", spec(null, CHOICES, "")).details).toMatchObject({ reason: "bad-gold" });
    expect(grade("B", spec(7, CHOICES, "Z")).details).toMatchObject({ reason: "bad-gold" });
  });
});

describe("gradeMultipleChoice: extraction order", () => {
  it.each([
    ["B", "bare"],
    ["(b)", "line"],
    ["b)", "line"],
    ["B: food", "line"],
    ["  B.", "line"],
    ["b", "bare"],
    ["Answer: B", "anchor"],
    ["The correct option is B.", "anchor"],
    ["The answer is option B", "anchor"],
    ["answer: b", "anchor"],
    ["Ｂ", "bare"],
    ["\\boxed{\\text{B}}", "bare"],
    ["`B`", "bare"],
    ["I'd pick choice (b) here", "option"],
    ["My pick: (B), since food matters", "paren"],
    ["It must be that food sources increased.", "text"],
    ["A is wrong. Answer: B, because food matters", "anchor"],
  ])("%j -> B via %s", (answer, stage) => {
    expect(grade(answer)).toMatchObject({ correct: true, score: 1, method: `mc/${stage}` });
  });

  it("takes the last anchor over earlier letters and other stages", () => {
    expect(grade("Answer: A. Wait, the answer is B.")).toMatchObject({ correct: true, method: "mc/anchor" });
    expect(grade("A) is tempting, but option B")).toMatchObject({ correct: true, method: "mc/option" });
  });

  it("does not read the article 'a' after 'the answer is' as a letter", () => {
    expect(grade("The answer is a rise in food sources increased", spec(0)).correct).toBe(false);
    expect(grade("the answer is a", spec(0)).correct).toBe(true);
  });

  it("grades by index, so a wrong letter is wrong, not invalid", () => {
    expect(grade("Answer: C")).toMatchObject({ correct: false, score: 0, method: "mc/anchor" });
    expect(grade("Predators multiplied")).toMatchObject({ correct: false, method: "mc/text" });
  });

  it("falls back to the letter in answer without answer_index, and allows 26 letters without choices", () => {
    expect(grade("B", spec(null)).correct).toBe(true);
    expect(grade("Answer: J", spec(null, null, "J")).correct).toBe(true);
  });

  it("respects the option count: E exists only with five options", () => {
    expect(grade("E", spec(4, [...CHOICES, "Nothing changed"], "E")).correct).toBe(true);
    expect(grade("C", spec(2, CHOICES.slice(0, 3), "C")).correct).toBe(true);
    expect(grade("D", spec(2, CHOICES.slice(0, 3), "C")).details).toMatchObject({ reason: "out-of-range" });
  });
});

describe("gradeMultipleChoice: adversarial input finishes", () => {
  it.each([
    `answer: ${" ".repeat(19_000)}1`,
    `option ${" ".repeat(19_000)}1`,
    "answer is a ".repeat(1_500),
    "(A) ".repeat(4_000),
    "A)\n".repeat(6_000),
    `${" ".repeat(19_000)}B`,
  ])("length %#", (answer) => {
    expect(typeof grade(answer).correct).toBe("boolean");
  });
});

describe("gradeMultipleChoice: option texts whose letters are not articles", () => {
  const vitamins = ["Vitamin A", "Vitamin B12", "Vitamin C", "Vitamin D"];
  const blood = ["A negative", "O negative", "AB positive", "B positive"];
  const spec = (choices: string[], index: number): GradingSpec => ({
    grader: "multiple_choice",
    answer: String.fromCharCode(65 + index),
    aliases: [],
    choices,
    answer_index: index,
  });

  it("matches 'Vitamin C' to its own option, not to 'Vitamin A'", () => {
    expect(gradeMultipleChoice("Vitamin C", spec(vitamins, 2))).toMatchObject({
      correct: true,
      method: "mc/text",
    });
    expect(gradeMultipleChoice("Vitamin A", spec(vitamins, 0)).correct).toBe(true);
    expect(gradeMultipleChoice("Vitamin C", spec(vitamins, 0)).correct).toBe(false);
  });

  it("does not read a bare 'Vitamin' or 'Vitamin B' as any option", () => {
    expect(gradeMultipleChoice("Vitamin", spec(vitamins, 0)).correct).toBe(false);
    expect(gradeMultipleChoice("Vitamin B", spec(vitamins, 0)).correct).toBe(false);
  });

  it("reads 'A negative' as the blood type, and still drops a leading article elsewhere", () => {
    expect(gradeMultipleChoice("O negative", spec(blood, 1)).correct).toBe(true);
    expect(
      gradeMultipleChoice("The climate", spec(["water", "food", "predators", "climate"], 3)).correct,
    ).toBe(true);
  });
});

describe("gradeMultipleChoice: a negated option is never picked", () => {
  const yesNo: GradingSpec = {
    grader: "multiple_choice",
    answer: "A",
    aliases: [],
    choices: ["Yes", "No"],
    answer_index: 0,
  };
  const days: GradingSpec = {
    grader: "multiple_choice",
    answer: "B",
    aliases: [],
    choices: ["Saturday", "Sunday"],
    answer_index: 1,
  };

  it.each([
    ["not food sources increased", spec(1)],
    ["Anything but food sources increased", spec(1)],
    ["Food sources increased is wrong", spec(1)],
    ["Not (B)", spec(1)],
    ["not option B", spec(1)],
    ["Not Sunday", days],
    ["Not yes", yesNo],
  ])("%j -> invalid (negated)", (answer, s) => {
    expect(grade(answer, s)).toEqual({
      correct: false,
      score: 0,
      method: "mc/invalid",
      details: expect.objectContaining({ reason: "negated" }),
    });
  });

  it("grades the option left standing", () => {
    expect(grade("Not water levels dropped; food sources increased")).toMatchObject({
      correct: true,
      method: "mc/text",
    });
    expect(grade("It is not the climate cooled; food sources increased").correct).toBe(true);
    expect(grade("I'd say (B), not (A)")).toMatchObject({ correct: true, method: "mc/paren" });
    expect(grade("I'd say (B), not (A)", spec(0)).correct).toBe(false);
    expect(grade("Sunday", days).correct).toBe(true);
  });
});

describe("gradeMultipleChoice: an option's whole text beats a shorter option it contains", () => {
  it.each<[string[], number, string]>([
    [["triplet", "doublet", "triplet of triplets", "singlet"], 2, "triplet of triplets"],
    [["E_o", "81/23 E_o", "2 E_o", "0"], 1, "81/23 E_o"],
    [["band", "orchestra", "marching band", "choir"], 2, "Marching band."],
    [["12*hbar/25", "-12*hbar/25", "0", "hbar"], 1, "-12*hbar/25"],
    [["12*hbar/25", "-12*hbar/25", "0", "hbar"], 0, "12*hbar/25"],
    [["band", "orchestra", "marching band", "choir"], 2, "The answer is: marching band"],
  ])("%j: %j is option %i", (choices, index, answer) => {
    expect(gradeMultipleChoice(answer, mcOf(choices, index))).toMatchObject({
      correct: true,
      method: "mc/text",
    });
    const other = (index + 3) % 4;
    expect(gradeMultipleChoice(answer, mcOf(choices, other)).correct).toBe(false);
  });

  it("still uses containment when no option matches whole", () => {
    const choices = ["band", "orchestra", "marching band", "choir"];
    expect(gradeMultipleChoice("a choir, I think", mcOf(choices, 3))).toMatchObject({ correct: true });
    // Both "band" and "marching band" appear in a longer answer: containment cannot decide.
    expect(gradeMultipleChoice("I would go with a marching band", mcOf(choices, 2)).correct).toBe(false);
  });

  it("never matches a one-letter option whole, so a bare letter stays a letter", () => {
    const choices = ["B", "A", "C", "D"];
    expect(gradeMultipleChoice("B", mcOf(choices, 1))).toMatchObject({ correct: true, method: "mc/bare" });
  });
});

describe("gradeMultipleChoice: a letter with another option's text is a contradiction", () => {
  const choices = ["go slowly", "speed up", "stop", "turn around"];
  const mc = (index: number) => mcOf(choices, index);
  it.each([
    "C) go slowly",
    "C ) go slowly",
    "(C) go slowly",
    "C. Go slowly",
    "go slowly (C)",
    "Answer: C) go slowly",
  ])("%j is wrong whichever of A and C is gold", (answer) => {
    for (const gold of [0, 2]) {
      expect(gradeMultipleChoice(answer, mc(gold))).toMatchObject({
        correct: false,
        method: "mc/contradiction",
        details: { letter: "C", text_letter: "A" },
      });
    }
  });

  it.each(["A) go slowly", "A ) go slowly", "(A) go slowly", "Answer: A) go slowly", "A: go slowly"])(
    "%j pairs a letter with its own text",
    (answer) => {
      expect(gradeMultipleChoice(answer, mc(0)).correct).toBe(true);
    },
  );

  it("does not read a label 'A)' as an article before another option's text", () => {
    const arena = ["stairwell", "arena", "ocean", "airport"];
    const spec = (i: number): GradingSpec => ({
      grader: "multiple_choice",
      answer: "AB"[i] ?? "A",
      aliases: [],
      choices: arena,
      answer_index: i,
    });
    expect(gradeMultipleChoice("A) arena", spec(1))).toMatchObject({
      correct: false,
      method: "mc/contradiction",
    });
    expect(gradeMultipleChoice("The correct answer is A) arena.", spec(0)).method).toBe("mc/contradiction");
  });

  it("treats several labelled options in one answer as a hedge", () => {
    for (const answer of [
      "B) speed up and D) turn around",
      "A) go slowly, B) speed up, C) stop",
      "D) turn around or B) speed up",
    ]) {
      expect(gradeMultipleChoice(answer, mc(1))).toMatchObject({
        correct: false,
        method: "mc/invalid",
        details: { reason: "ambiguous" },
      });
    }
  });
});

describe("gradeMultipleChoice: letters and texts in other places of the answer", () => {
  const go = ["go slowly", "speed up", "stop", "turn around"];
  const desks = ["chair", "desk", "lamp", "bed", "shelf"];
  const verdict = (answer: string, spec: GradingSpec) => {
    const r = gradeMultipleChoice(answer, spec);
    if (r.correct) return "correct";
    return r.method === "mc/contradiction" ? "contradiction" : String(r.details.reason ?? r.method);
  };
  it.each<[string, GradingSpec, string]>([
    ["The answer is go slowly (C)", mcOf(go, 2), "contradiction"],
    ["I choose C) go slowly", mcOf(go, 0), "contradiction"],
    ["Final: C) go slowly", mcOf(go, 2), "contradiction"],
    ["C) go slowly, as it is safest", mcOf(go, 2), "contradiction"],
    ["I choose C) stop", mcOf(go, 2), "correct"],
    ["C) stop, as it is safest", mcOf(go, 2), "correct"],
    ["(B) desk and (E) shelf", mcOf(desks, 1), "ambiguous"],
    ["B. desk and E. shelf", mcOf(desks, 4), "ambiguous"],
    ["B: desk, E: shelf", mcOf(desks, 1), "ambiguous"],
    ["desk (B) and shelf (E)", mcOf(desks, 4), "ambiguous"],
    ["option B) desk and option E) shelf", mcOf(desks, 4), "ambiguous"],
    ["The answer is B (which contains vitamin C)", mcOf(desks, 1), "correct"],
    ["Answer: B (the one made of wood, not the item C)", mcOf(desks, 1), "correct"],
    ["A) is tempting, but option B", mcOf(desks, 1), "correct"],
    ["-3", mcOf(["-3", "3", "0", "6"], 0), "correct"],
    ["3", mcOf(["-3", "3", "0", "6"], 1), "correct"],
  ])("%j -> %s", (answer, spec, expected) => {
    expect(verdict(answer, spec)).toBe(expected);
  });
});
