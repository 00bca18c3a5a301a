// Every hard case in grading.md, graded through the registry: a case that stops holding fails here.
import { describe, expect, it } from "vitest";
import { GradeResult, type GradingSpec } from "../../../src/core/grading/grade-result.js";
import { gradeAnswer } from "../../../src/core/grading/index.js";

const numeric = (answer: string): GradingSpec => ({ grader: "numeric", answer, aliases: [] });
const ARC_CHOICES = [
  "Water levels dropped",
  "Food sources increased",
  "Predators multiplied",
  "The climate cooled",
];
const arc = (index: number): GradingSpec => ({
  grader: "multiple_choice",
  answer: String.fromCharCode(65 + index),
  aliases: [],
  choices: ARC_CHOICES,
  answer_index: index,
});
const text = (answer: string, ...aliases: string[]): GradingSpec => ({
  grader: "free_text",
  answer,
  aliases,
});

// [spec, answer, correct]
const CASES: Array<[GradingSpec, string, boolean]> = [
  // Numeric: must be correct.
  [numeric("18"), "18", true],
  [numeric("18"), "$18.00", true],
  [numeric("18"), "The answer is 18.", true],
  [numeric("18"), "The answer is 18 (after 3 steps).", true],
  [numeric("18"), "#### 18", true],
  [numeric("18"), "\\boxed{18}", true],
  [numeric("18"), "18 dollars", true],
  [numeric("1080"), "1,080", true],
  [numeric("0.75"), "3/4", true],
  [numeric("0.75"), "\\frac{3}{4}", true],
  [numeric("0.75"), "75%", true],
  [numeric("1500"), "1.5e3", true],
  [numeric("-3"), "−3", true],
  [numeric("1.5"), "1 1/2", true],
  // Numeric: the gold may be written in any answer notation.
  [numeric("1,080"), "1080", true],
  [numeric("3/4"), "0.75", true],
  // Numeric: must be wrong.
  [numeric("2"), "AZYUK2A", false],
  [numeric("18"), "I think 18, or maybe 20", false],
  [numeric("20"), "I think 18, or maybe 20", false],
  [numeric("72"), "about 70", false],
  // Multiple choice, gold B.
  [arc(1), "B", true],
  [arc(1), "(B)", true],
  [arc(1), "B)", true],
  [arc(1), "Answer: B", true],
  [arc(1), "**Answer: B**", true],
  [arc(1), "\\boxed{B}", true],
  [arc(1), "The answer is (b).", true],
  [arc(1), "B. Food sources increased.", true],
  [arc(1), "I would say option B", true],
  [arc(1), "Food sources increased", true],
  [arc(2), "A and B are both wrong; the answer is C", true],
  [arc(1), "A and B are both wrong; the answer is C", false],
  [arc(0), "A or B", false],
  [arc(1), "A or B", false],
  [arc(1), "Bacteria", false],
  // Free text.
  [text("beatles"), "The Beatles", true],
  [text("USA"), "U.S.A.", true],
  [text("jrr tolkien"), "J.R.R. Tolkien", true],
  [text("rock n roll"), "rock'n'roll", true],
  [text("1000"), "1,000", true],
  [text("théâtre"), "theatre", true],
  [text("Paris"), "Paris, France", false],
  [text("Paris"), "not Paris", false],
  [text("Paris"), "P", false],
  [text("Paris"), "", false],
];

const yesNo = (answer: string): GradingSpec => ({ grader: "yes_no", answer, aliases: [] });
const options = (choices: string[], index: number): GradingSpec => ({
  grader: "multiple_choice",
  answer: String.fromCharCode(65 + index),
  aliases: [],
  choices,
  answer_index: index,
});

// Found in review: "No grader can be satisfied by an empty answer, a lone letter for a free-text question, or a
// list of candidates", and a negated answer ("not Paris") is never correct. [spec, answer, correct]
const REVIEW_CASES: Array<[GradingSpec, string, boolean]> = [
  // Numeric: a negated gold.
  [numeric("18"), "not 18", false],
  [numeric("18"), "It is not 18.", false],
  [numeric("18"), "The answer is not 18", false],
  [numeric("18"), "18 is wrong", false],
  [numeric("18"), "anything except 18", false],
  // Numeric: candidate lists.
  [numeric("20"), "18 dollars, maybe 20 dollars", false],
  [numeric("20"), "18 apples, perhaps 20 apples", false],
  [numeric("20"), "18, though it could be 20", false],
  [numeric("20"), "18 if rounded, 20 otherwise", false],
  [numeric("20"), "\\boxed{18} or \\boxed{20}", false],
  // Numeric: several numbers, one answer.
  [numeric("7"), "3 + 4 = 7, so the answer is 7", true],
  [numeric("20"), "The answer is 20 (18 + 2)", true],
  [numeric("20"), "20 km/h", true],
  [numeric("1.5"), "1 1/2", true],
  [numeric("18"), "The answer is 18, not 20", true],
  // Multiple choice: negated option text, like "Not B".
  [arc(1), "not food sources increased", false],
  [arc(1), "Anything but food sources increased", false],
  [arc(1), "Not B", false],
  [options(["Saturday", "Sunday"], 1), "Not Sunday", false],
  [options(["Yes", "No"], 0), "Not yes", false],
  [arc(1), "Not water levels dropped; food sources increased", true],
  // Yes/no: both answers joined.
  [yesNo("yes"), "Yes and no", false],
  [yesNo("yes"), "yes but no", false],
  [yesNo("yes"), "yes or no", false],
  [yesNo("yes"), "Yes, but only in winter", true],
  [yesNo("no"), "No, but it was close", true],
];

// Curated golds that are plain numbers meet answers in words: read them like digits, with the same rules for
// units, negations and candidate lists, and never read a pronoun "one" or a word inside a word. [gold, answer, correct]
const NUMBER_WORD_CASES: Array<[string, string, boolean]> = [
  ["4", "four", true],
  ["4", "Four chambers", true],
  ["4", "The heart has four chambers.", true],
  ["4", "The answer is four.", true],
  ["4", "\\boxed{four}", true],
  ["4", "five", false],
  ["4", "not four", false],
  ["4", "four is wrong", false],
  ["4", "four or five", false],
  ["4", "four or maybe five", false],
  ["4", "three, perhaps four", false],
  ["4", "The answer is four, or maybe the answer is five", false],
  ["4", "fourteen", false],
  ["4", "fourth", false],
  ["4", "four and a half", false],
  ["4", "four fifths", false],
  ["14", "fourteen", true],
  ["206", "two hundred and six", true],
  ["206", "Two hundred six bones", true],
  ["206", "206 bones", true],
  ["206", "two hundred", false],
  ["21", "twenty-one", true],
  ["21", "twenty one", true],
  ["21", "twenty-first", false],
  ["1945", "one thousand nine hundred forty-five", true],
  ["1945", "nineteen forty-five", false],
  ["1", "one", true],
  ["1", "One.", true],
  ["1", "One chamber", true],
  ["1", "the one on the left", false],
  ["1", "no one", false],
  ["1", "one of them", false],
  ["1", "someone", false],
  ["1", "a", false],
  ["2", "one or two", false],
  ["2", "two, maybe one", false],
  ["10", "often", false],
  ["10", "tennis", false],
  ["8", "weight", false],
  ["1", "tone", false],
  ["-4", "minus four", true],
  ["100", "a hundred", true],
  // Digits win: number words beside a digit are not read.
  ["18", "I think 18, or maybe 20", false],
  ["2", "AZYUK2A", false],
  ["4", "AZYUK2A four", false],
  ["20", "18 + 2 = 20, twenty in all", true],
];

describe("number words", () => {
  it.each(NUMBER_WORD_CASES)("vs gold %s, %j grades correct=%s", (gold, answer, correct) => {
    const result = gradeAnswer(numeric(gold), answer);
    expect(GradeResult.parse(result)).toEqual(result);
    expect(result.correct).toBe(correct);
    expect(result.score === 1).toBe(correct);
  });
});

describe("review cases: negations and candidate lists", () => {
  it.each(REVIEW_CASES)("%o grades %j as correct=%s", (spec, answer, correct) => {
    const result = gradeAnswer(spec, answer);
    expect(GradeResult.parse(result)).toEqual(result);
    expect(result.correct).toBe(correct);
    expect(result.score === 1).toBe(correct);
    if (!correct) expect(result.method).toMatch(/\/invalid$/);
  });
});

describe("grading.md hard cases", () => {
  it.each(CASES)("%o grades %j as correct=%s", (spec, answer, correct) => {
    const result = gradeAnswer(spec, answer);
    expect(GradeResult.parse(result)).toEqual(result);
    expect(result.correct).toBe(correct);
    expect(result.score === 1).toBe(correct);
  });

  it("reports the F1 of a near miss as its score", () => {
    expect(gradeAnswer(text("Paris"), "Paris, France").score).toBeCloseTo(2 / 3, 10);
  });

  it("reports partial numeric credit without making the answer correct", () => {
    expect(gradeAnswer(numeric("72"), "about 70")).toMatchObject({ correct: false, score: 0.5 });
    expect(gradeAnswer(numeric("100"), "99.5")).toMatchObject({ correct: false, score: 0.8 });
  });

  it("picks C from 'A and B are both wrong; the answer is C'", () => {
    expect(gradeAnswer(arc(2), "A and B are both wrong; the answer is C").details).toMatchObject({
      letter: "C",
    });
  });
});

// grading.md, "What real model outputs do": the cases that are not the math grader's.
const mcOf = (choices: string[], gold: number): GradingSpec => ({
  grader: "multiple_choice",
  answer: String.fromCharCode(65 + gold),
  aliases: [],
  choices,
  answer_index: gold,
});
const REAL_OUTPUT_CASES: Array<[GradingSpec, string, boolean]> = [
  // Option text that contains another option's text.
  [mcOf(["triplet", "triplet of triplets", "pair"], 1), "triplet of triplets", true],
  [mcOf(["triplet", "triplet of triplets", "pair"], 0), "triplet of triplets", false],
  [mcOf(["E_o", "81/23 E_o", "0"], 1), "81/23 E_o", true],
  [mcOf(["band", "marching band", "choir"], 1), "marching band", true],
  [mcOf(["12*hbar/25", "-12*hbar/25", "0"], 1), "-12*hbar/25", true],
  [mcOf(["12*hbar/25", "-12*hbar/25", "0"], 0), "-12*hbar/25", false],
  // A letter with another option's text is a contradiction.
  [mcOf(["go slowly", "speed up", "stop"], 2), "C) go slowly", false],
  [mcOf(["go slowly", "speed up", "stop"], 0), "C) go slowly", false],
  [mcOf(["go slowly", "speed up", "stop"], 2), "C) stop", true],
  // Expressions are not numbers.
  [numeric("2"), "3/2 + 3/sqrt(2)", false],
  // Signs are content.
  [text("(-2,1)"), "(-2, -1)", false],
  [text("1+2i"), "-1 + 2i", false],
  [numeric("-1"), "1", false],
  [numeric("1"), "-1", false],
];

describe("grading.md: what real model outputs do", () => {
  it.each(REAL_OUTPUT_CASES)("%o grades %j as correct=%s", (spec, answer, correct) => {
    const result = gradeAnswer(spec, answer);
    expect(GradeResult.parse(result)).toEqual(result);
    expect(result.correct).toBe(correct);
  });
});
