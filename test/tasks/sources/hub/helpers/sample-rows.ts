// Small deterministic rows shaped like each dataset, with the traps each one is known for.
import type { ArcRow, Gsm8kRow, MedmcqaRow, SciqRow, TriviaQaRow } from "./parquet-fixtures.js";

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
