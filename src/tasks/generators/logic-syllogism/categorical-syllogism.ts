// Categorical syllogisms: which conclusion must follow from the premises (hard: chains of three, or none follows).
import type { Rng } from "../../../core/rng.js";
import type { Difficulty } from "../../../core/taxonomy.js";
import { shuffledChoices } from "../choices.js";
import type { GeneratedBody } from "../generator.js";
import { FORMS, type Form, judge, type Statement, satisfiable, statementText } from "./categorical-logic.js";

const GROUPS = [
  "painters",
  "cyclists",
  "chess players",
  "gardeners",
  "singers",
  "programmers",
  "bakers",
  "sailors",
  "poets",
  "runners",
  "teachers",
  "pilots",
  "dancers",
  "farmers",
  "climbers",
  "jugglers",
  "knitters",
  "skaters",
  "violinists",
  "beekeepers",
] as const;

export const NONE_FOLLOWS = "None of these conclusions follows.";

/** A premise linking terms a and b, in a random form and direction. */
function premise(rng: Rng, a: number, b: number, forms: readonly Form[]): Statement {
  const [x, y] = rng.chance(0.5) ? [a, b] : [b, a];
  return { form: rng.pick(forms), x, y };
}

/** Strongest first: a universal conclusion is the one a careful reader names. */
const RANK: Record<Form, number> = { all: 0, no: 1, some: 2, "some-not": 3 };

/**
 * Premises chain the first term (S) to the last (P) through middle terms; options are statements about S and P.
 * `noneFollows` asks for premises with no valid S-P conclusion, so the answer is NONE_FOLLOWS.
 */
export function categoricalSyllogism(
  rng: Rng,
  difficulty: Difficulty,
  noneFollows = false,
): GeneratedBody | null {
  const terms = difficulty === "hard" ? 4 : 3;
  const forms: readonly Form[] = difficulty === "easy" ? ["all", "no", "all", "some"] : FORMS;
  const premises = Array.from({ length: terms - 1 }, (_, k) => premise(rng, k, k + 1, forms));
  if (!satisfiable(premises, terms)) return null;
  const [s, p] = [0, terms - 1];
  const candidates: Statement[] = FORMS.flatMap((form) => [
    { form, x: s, y: p },
    { form, x: p, y: s },
  ]);
  const verdicts = candidates.map((c) => ({ c, v: judge(premises, c, terms) }));
  const entailed = verdicts.filter((x) => x.v === "entailed").map((x) => x.c);
  if (noneFollows !== (entailed.length === 0)) return null;
  // Invalid-but-plausible options (consistent with the premises, yet not forced) come first on hard.
  const possible = rng.shuffle(verdicts.filter((x) => x.v === "possible").map((x) => x.c));
  const contradicted = rng.shuffle(verdicts.filter((x) => x.v === "contradicted").map((x) => x.c));
  const names = rng.shuffle(GROUPS).slice(0, terms);
  const text = (c: Statement) => statementText(c, names);
  const order = rng.shuffle(premises);
  const question = [
    "Assume the statements below are true, and that each group mentioned has at least one member.",
    ...order.map((pr, k) => `${k + 1}. ${text(pr)}`),
    "Which conclusion must follow?",
  ].join("\n");
  const wanted = difficulty === "easy" ? 3 : 4;
  const pool =
    difficulty === "easy" ? rng.shuffle([...possible, ...contradicted]) : [...possible, ...contradicted];
  if (noneFollows) {
    if (possible.length < 3) return null;
    const choices = shuffledChoices(rng, NONE_FOLLOWS, possible.slice(0, 3).map(text));
    return { question, ...choices, grader: "multiple_choice", adversarial: true };
  }
  const answer = entailed.sort((a, b) => RANK[a.form] - RANK[b.form])[0] as Statement;
  const distractors = pool.slice(0, difficulty === "hard" ? wanted - 1 : wanted).map(text);
  if (difficulty === "hard") distractors.push(NONE_FOLLOWS);
  if (distractors.length < wanted) return null;
  return {
    question,
    ...shuffledChoices(rng, text(answer), distractors),
    grader: "multiple_choice",
    adversarial: false,
  };
}
