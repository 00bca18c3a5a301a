// Realistic model responses for a task: right about 60% of the time, with a confidence, sometimes reasoning first.
import type { Rng } from "../src/core/rng.js";
import { optionLetter, type Task } from "../src/tasks/task.js";

export interface ResponseOptions {
  /** Chance of answering with the gold answer (default 0.6). */
  correct?: number;
  /** Short responses only: the tags and nothing else (default false: some carry reasoning). */
  short?: boolean;
}

const REASONING = [
  "Let me think about this step by step.",
  "First I identify what the question is asking.",
  "The key quantity here follows from the numbers given.",
  "Eliminating the options that cannot be right leaves a clear candidate.",
  "I recall that this is a standard fact, though I am not completely sure.",
  "Checking the arithmetic once more gives the same result.",
];

function wrongAnswer(task: Task, rng: Rng): string {
  if (task.choices) {
    const others = task.choices.map((_, i) => i).filter((i) => i !== task.answer_index);
    return optionLetter(rng.pick(others));
  }
  if (task.grader === "numeric") {
    const gold = Number(task.answer);
    return Number.isFinite(gold) ? String(gold + rng.int(1, 9)) : "42";
  }
  if (task.grader === "yes_no") return task.answer.toLowerCase() === "yes" ? "no" : "yes";
  return rng.pick(["Paris", "photosynthesis", "the mitochondria", "Abraham Lincoln", "1066"]);
}

function rightAnswer(task: Task, rng: Rng): string {
  if (task.grader === "numeric" && rng.chance(0.3)) return `The answer is ${task.answer}.`;
  if (task.aliases.length > 0 && rng.chance(0.3)) return rng.pick(task.aliases);
  return task.answer;
}

/**
 * One response in ECHO's format for `task`.
 * @example responseFor(task, createRng(1), { short: true }) // "<confidence>72</confidence><answer>B</answer>"
 */
export function responseFor(task: Task, rng: Rng, options: ResponseOptions = {}): string {
  const right = rng.chance(options.correct ?? 0.6);
  const abstain = !right && rng.chance(0.08);
  const answer = abstain ? "I don't know" : right ? rightAnswer(task, rng) : wrongAnswer(task, rng);
  const confidence = abstain ? rng.int(0, 15) : right ? rng.int(55, 99) : rng.int(10, 90);
  const tags = `<confidence>${confidence}</confidence><answer>${answer}</answer>`;
  if (options.short) return tags;
  const style = rng.int(0, 9);
  if (style < 5) return tags;
  const steps = Array.from({ length: rng.int(2, 5) }, () => rng.pick(REASONING)).join(" ");
  return style < 8 ? `<think>${steps}</think>\n${tags}` : `${steps}\n\n${tags}`;
}

// MATH-style golds (MATH-500's answer column) with equivalent rewrites and near misses as models write them.
const MATH_ANSWERS: ReadonlyArray<readonly [string, readonly string[], readonly string[]]> = [
  ["\\frac{14}{3}", ["$\\dfrac{14}{3}$", "14/3", "\\boxed{\\frac{14}{3}}"], ["4.67", "-\\frac{14}{3}"]],
  [
    "\\left( 3, \\frac{\\pi}{2} \\right)",
    ["(3, \\pi/2)", "$\\left(3,\\frac{\\pi}{2}\\right)$"],
    ["(\\frac{\\pi}{2}, 3)"],
  ],
  ["p - q", ["-q + p", "$p-q$"], ["q - p"]],
  ["x^2 - 1", ["(x-1)(x+1)", "The answer is $x^2-1$."], ["x^2 + 1"]],
  ["[-2,7]", ["[-2, 7]", "\\left[-2,7\\right]"], ["(-2,7]"]],
  ["4210_{5}", ["4210_5", "\\boxed{4210_{5}}"], ["4211_5"]],
  ["3\\sqrt{13}", ["\\sqrt{117}", "3*sqrt(13)"], ["3\\sqrt{12}"]],
  ["\\text{Evelyn}", ["Evelyn", "\\text{Evelyn}"], ["Bob"]],
  ["-2, 1", ["1, -2", "$-2,1$"], ["2, -1"]],
  ["3 - 4i", ["3-4i", "-4i + 3"], ["-3 - 4i"]],
  [
    "\\begin{pmatrix} 1 \\\\ -2 \\end{pmatrix}",
    ["\\begin{bmatrix}1\\\\-2\\end{bmatrix}"],
    ["\\begin{pmatrix} -2 \\\\ 1 \\end{pmatrix}"],
  ],
  ["90^\\circ", ["90", "90^{\\circ}"], ["180"]],
];

/** One math-graded task per MATH-style gold, shared by its responses as bank tasks are (golds parse once). */
function mathTask(gold: string, index: number): Task {
  return {
    id: `bench/math/${index}`,
    domain: "math",
    difficulty: "hard",
    question: "A MATH-style question",
    choices: null,
    answer: gold,
    answer_index: null,
    aliases: [],
    grader: "math",
    adversarial: false,
    answerable: true,
    unanswerable: null,
    source: {
      kind: "hub",
      dataset: "HuggingFaceH4/MATH-500",
      config: "default",
      split: "test",
      index,
      revision: null,
      license: "MIT",
    },
  };
}

/** MATH-style math-graded tasks and responses (60% an equivalent rewrite, else a near miss), for the bench. */
export function mathPairs(rng: Rng, count: number): Array<{ task: Task; response: string }> {
  const tasks = MATH_ANSWERS.map(([gold], index) => mathTask(gold, index));
  return Array.from({ length: count }, (_, i) => {
    const k = i % MATH_ANSWERS.length;
    const [, equal, wrong] = MATH_ANSWERS[k]!;
    const answer = rng.chance(0.6) ? rng.pick(equal) : rng.pick(wrong);
    return {
      task: tasks[k]!,
      response: `<confidence>${rng.int(10, 99)}</confidence><answer>${answer}</answer>`,
    };
  });
}
