// Small deterministic rows shaped like each dataset, with the traps each one is known for.
import type {
  ArcRow,
  BoolqRow,
  Gsm8kRow,
  Math500Row,
  MedmcqaRow,
  SciqRow,
  TriviaQaRow,
} from "./parquet-fixtures.js";

const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(" ");

/** Row i has (i % 7) + 1 rationale lines; every third gold has a thousands comma, every fifth is negative. */
export function gsm8kRows(count: number): Gsm8kRow[] {
  return Array.from({ length: count }, (_, i) => {
    const steps = (i % 7) + 1;
    const lines = Array.from(
      { length: steps },
      (_, s) => `Step ${s}: ${s} + 1 = <<${s}+1=${s + 1}>>${s + 1}`,
    );
    const gold = i % 5 === 4 ? `-${i}` : i % 3 === 0 ? `${i + 1},${String(i).padStart(3, "0")}` : `${i}`;
    return { question: `Question ${i}: how many apples?`, answer: `${lines.join("\n")}\n#### ${gold}` };
  });
}

/** Letters, numeric labels, 3- and 5-option questions; challenge questions alternate short and long. */
export function arcRows(count: number, challenge: boolean): ArcRow[] {
  return Array.from({ length: count }, (_, i) => {
    const size = i % 4 === 1 ? 3 : i % 4 === 2 ? 5 : 4;
    const numeric = i % 2 === 1;
    const label = Array.from({ length: size }, (_, k) =>
      numeric ? String(k + 1) : String.fromCharCode(65 + k),
    );
    const text = Array.from({ length: size }, (_, k) => `option ${i}-${k}`);
    const answer = i % size;
    const question = challenge && i % 2 === 0 ? `Long ${i} ${words(25)}?` : `Short question ${i}?`;
    return { id: `Mercury_${i}`, question, choices: { text, label }, answerKey: label[answer] as string };
  });
}

/** Alias counts cycle 1, 4, 9 (hard, medium, easy); `unlabeled` rows carry the test split's <unk>. */
export function triviaQaRows(count: number, unlabeled = false): TriviaQaRow[] {
  return Array.from({ length: count }, (_, i) => {
    const aliasCount = [1, 4, 9][i % 3] as number;
    const value = unlabeled ? "<unk>" : `Answer ${i}`;
    const aliases = unlabeled
      ? []
      : [value, ...Array.from({ length: aliasCount - 1 }, (_, k) => `Alias ${i}.${k}`)];
    return {
      question: `Which answer is number ${i}?`,
      question_id: `tc_${i}`,
      question_source: "http://www.triviacountry.com/",
      answer: {
        aliases,
        normalized_aliases: aliases.map((alias) => alias.toLowerCase()),
        matched_wiki_entity_name: "",
        normalized_matched_wiki_entity_name: "",
        normalized_value: value.toLowerCase(),
        type: "WikipediaEntity",
        value,
      },
    };
  });
}

/** Question lengths cycle 5, 14, 22 words (easy, medium, hard). */
export function sciqRows(count: number): SciqRow[] {
  return Array.from({ length: count }, (_, i) => ({
    question: `Q${i} ${words([4, 13, 21][i % 3] as number)}`,
    distractor3: `wrong ${i} c`,
    distractor1: `wrong ${i} a`,
    distractor2: `wrong ${i} b`,
    correct_answer: `right ${i}`,
    support: i % 2 === 0 ? "" : `Support paragraph ${i}.`,
  }));
}

/** cop cycles 0..3 as int64 (BigInt); `unlabeled` rows carry the test split's -1; choice types vary. */
export function medmcqaRows(count: number, unlabeled = false): MedmcqaRow[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `med-${i}`,
    question: i % 3 === 0 ? `Short med q ${i}?` : `Longer medical question ${i} ${words(14)}?`,
    opa: `drug ${i} a`,
    opb: `drug ${i} b`,
    opc: `drug ${i} c`,
    opd: `drug ${i} d`,
    cop: unlabeled ? -1n : BigInt(i % 4),
    choice_type: i % 3 === 2 ? "multi" : "single",
    exp: unlabeled ? null : `Explanation ${i}`,
    subject_name: "Pharmacology",
    topic_name: null,
  }));
}

// MATH-500-shaped rows: LaTeX golds of every shape, each solution ending in a \boxed{} written differently
// from the gold (\dfrac, \left(, spaces), level as int64.
const MATH500_SAMPLES: ReadonlyArray<readonly [string, string, string, string, number]> = [
  [
    "Convert the point $(0,3)$ in rectangular coordinates to polar coordinates.",
    "\\left( 3, \\frac{\\pi}{2} \\right)",
    "\\left( 3, \\dfrac{\\pi}{2} \\right)",
    "Precalculus",
    2,
  ],
  [
    "Write $\\sum_{j,k} \\frac{1}{(j+k)^3}$ in terms of $p$ and $q$.",
    "p - q",
    "p - q",
    "Intermediate Algebra",
    5,
  ],
  [
    "If $f(x) = \\frac{3x-2}{x-2}$, what is $f(-2) + f(-1) + f(0)$?",
    "\\frac{14}{3}",
    "\\dfrac{14}{3}",
    "Algebra",
    3,
  ],
  ["How many positive whole-number divisors does 196 have?", "9", "9", "Number Theory", 3],
  ["Which student has the greatest average speed?", "\\text{Evelyn}", "\\text{Evelyn}", "Algebra", 2],
  ["Express $555_{10}$ in base $5$.", "4210_{5}", "4210_5", "Number Theory", 3],
  ["Find all $x$ with $x^2 - 5x - 14 \\le 0$.", "[-2,7]", "[-2, 7]", "Algebra", 4],
  ["Find the angle between the vectors, in degrees.", "90^\\circ", "90^\\circ", "Precalculus", 4],
  [
    "Compute $\\frac{3\\sqrt{3}}{4}$ as the area of the triangle.",
    "\\frac{3\\sqrt{3}}{4}",
    "\\frac{3 \\sqrt{3}}{4}",
    "Geometry",
    1,
  ],
  ["Find the roots of $x^2 + x - 2$.", "-2, 1", "1, -2", "Algebra", 5],
];

/** Rows cycling through MATH500_SAMPLES (levels 1-5), with ids in MATH-500's test/<subject>/<n>.json form. */
export function math500Rows(count: number): Math500Row[] {
  return Array.from({ length: count }, (_, i) => {
    const [problem, answer, boxed, subject, level] = MATH500_SAMPLES[i % MATH500_SAMPLES.length]!;
    return {
      problem: `${problem} (${i})`,
      solution: `We compute step by step. So the answer is $\\boxed{${boxed}}$.`,
      answer,
      subject,
      level: BigInt(level),
      unique_id: `test/${subject.toLowerCase().replace(/ /g, "_")}/${i}.json`,
    };
  });
}

/**
 * BoolQ-shaped rows (lower-case question without "?", a "Title -- " passage, boolean answer) cycling easy (every
 * content word in a short passage), medium (2 of 3 in it) and hard (a passage over 150 words); answers alternate.
 */
export function boolqRows(count: number): BoolqRow[] {
  return Array.from({ length: count }, (_, i) => {
    const answer = i % 2 === 0;
    if (i % 3 === 0) {
      return {
        question: `is river ${i} longer than the lake`,
        answer,
        passage: `River ${i} -- River ${i} is a river that is longer than the lake it feeds.`,
      };
    }
    if (i % 3 === 1) {
      return {
        question: `does planet ${i} have rings`,
        answer,
        passage: `Planet ${i} -- Planet ${i} is circled by bands of ice and dust.`,
      };
    }
    return {
      question: `was composer ${i} born in vienna`,
      answer,
      passage: `Composer ${i} -- Composer ${i} was born in Vienna. ${words(160)}`,
    };
  });
}
