// Multiple-choice grader: the chosen option's index against the gold index (never a source answer-key string).
import { extractChoice, type OptionText } from "./extract-choice.js";
import { memoBySpec } from "./gold-spec.js";
import type { GradeResult, GradingSpec } from "./grade-result.js";
import { invalidGrade, readAnswer, totalGrader } from "./invalid-grade.js";
import { hasInnerArticle, plainTokens, signSignature, squadTokens } from "./normalize-text.js";

const GOLD_LETTER = /^\(?([A-Za-z])\)?$/;
const MAX_LETTERS = 26;

interface ChoiceGold {
  count: number;
  index: number | null;
  options: OptionText[];
}

// Options with an inner "a"/"an"/"the" ("Vitamin A") are never matched without articles.
function optionTokens(choice: unknown): OptionText {
  if (typeof choice !== "string") return { plain: [], lenient: null };
  const plain = plainTokens(choice);
  const lenient = hasInnerArticle(plain) ? null : squadTokens(choice);
  return {
    plain,
    lenient,
    signs: signSignature(choice),
    plainText: plain.join(" "),
    lenientText: lenient?.join(" ") ?? null,
  };
}

// Options are the spec's choices; without them any of the 26 letters may be named and no text can match.
const choiceGold = memoBySpec((spec): ChoiceGold => {
  const choices = Array.isArray(spec?.choices) ? spec.choices.slice(0, MAX_LETTERS) : [];
  const options = choices.map(optionTokens);
  const count = choices.length > 0 ? choices.length : MAX_LETTERS;
  const raw = spec?.answer_index;
  if (typeof raw === "number" && Number.isInteger(raw) && raw >= 0 && raw < count) {
    return { count, index: raw, options };
  }
  const letter = typeof spec?.answer === "string" ? GOLD_LETTER.exec(spec.answer.trim())?.[1] : undefined;
  const index = letter === undefined ? null : letter.toUpperCase().charCodeAt(0) - 65;
  return { count, index: index !== null && index < count ? index : null, options };
});

/**
 * Grades a multiple-choice answer by option index (`answer_index`, else the letter in `answer`).
 * An answer that is one option's whole text is that option ("marching band" is not "band"); a letter with
 * another option's whole text is a contradiction (`mc/contradiction`, wrong). A letter beyond the option count,
 * a hedge ("A or B") or an answer naming no option is invalid.
 * @example gradeMultipleChoice("The answer is (b).", { grader: "multiple_choice", answer: "B", aliases: [], choices: ["w", "x", "y", "z"], answer_index: 1 }).correct // true
 */
export const gradeMultipleChoice = totalGrader("mc", (answer: string, spec: GradingSpec): GradeResult => {
  const text = readAnswer("mc", answer);
  if (typeof text !== "string") return text;
  const gold = choiceGold(spec);
  if (gold.index === null) {
    return invalidGrade("mc", "bad-gold", { gold: spec?.answer, answer_index: spec?.answer_index });
  }
  const choice = extractChoice(text, gold.count, gold.options);
  const goldLetter = String.fromCharCode(65 + gold.index);
  if (!choice.ok && choice.reason === "contradiction") {
    // A letter and another option's text: the answer says two things, so it is wrong, and the method says why.
    return {
      correct: false,
      score: 0,
      method: "mc/contradiction",
      details: {
        letter: choice.letter ?? null,
        text_letter: String.fromCharCode(65 + (choice.textIndex ?? 0)),
        gold: goldLetter,
        gold_index: gold.index,
      },
    };
  }
  if (!choice.ok) {
    return invalidGrade("mc", choice.reason, {
      stage: choice.stage ?? null,
      letter: choice.letter ?? null,
      gold: goldLetter,
    });
  }
  const correct = choice.index === gold.index;
  return {
    correct,
    score: correct ? 1 : 0,
    method: `mc/${choice.stage}`,
    details: { letter: choice.letter, index: choice.index, gold: goldLetter, gold_index: gold.index },
  };
});
