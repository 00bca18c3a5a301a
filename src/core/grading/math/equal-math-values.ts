// Equivalence of two parsed answers, shape by shape: tuples and intervals in order with their brackets, sets
// in any order, matrices element-wise, an equation naming a variable by its value, base-n numerals as written.
import { equalExpressions, proportionalExpressions, type Verdict } from "./equal-expressions.js";
import type { MathJson } from "./evaluate-math-json.js";
import type { MathValue } from "./math-value.js";

const and = (a: Verdict, b: () => Verdict): Verdict =>
  a === false ? false : a === "unknown" ? (b() === false ? false : "unknown") : b();

function allPairs(a: readonly MathValue[], b: readonly MathValue[], budget: { steps: number }): Verdict {
  if (a.length !== b.length) return false;
  let verdict: Verdict = true;
  for (let k = 0; k < a.length && verdict !== false; k++) {
    const left = a[k] as MathValue;
    const right = b[k] as MathValue;
    verdict = and(verdict, () => equalMathValues(left, right, budget));
  }
  return verdict;
}

/** Every element of `a` matches a different element of `b` (sets, unions). */
function matching(a: readonly MathValue[], b: readonly MathValue[], budget: { steps: number }): Verdict {
  if (a.length !== b.length) return false;
  const used = new Set<number>();
  let unknown = false;
  for (const item of a) {
    const k = b.findIndex((other, j) => !used.has(j) && equalMathValues(item, other, budget) === true);
    if (k < 0) {
      unknown ||= b.some((other, j) => !used.has(j) && equalMathValues(item, other, budget) === "unknown");
      if (!unknown) return false;
    } else {
      used.add(k);
    }
  }
  return unknown ? "unknown" : true;
}

const isName = (node: MathJson): boolean => typeof node === "string" && !node.startsWith("'");

/** `lhs - rhs` of an equation whose right side is an expression, for comparing equations of curves. */
function difference(value: MathValue & { kind: "equation" }): MathJson | null {
  return value.rhs.kind === "expr" ? ["Subtract", value.lhs, value.rhs.json] : null;
}

function equalEquations(
  a: MathValue & { kind: "equation" },
  b: MathValue & { kind: "equation" },
  budget: { steps: number },
): Verdict {
  // `x = 3` names the value of x (so `k = 3` is another statement); `y = 2x + 1` and `2x - y + 1 = 0` are
  // the same line.
  if (isName(a.lhs) && a.lhs === b.lhs) return equalMathValues(a.rhs, b.rhs, budget);
  const da = difference(a);
  const db = difference(b);
  return da === null || db === null ? false : proportionalExpressions(da, db, budget);
}

/**
 * Whether two parsed answers are the same mathematical object; "unknown" when it cannot be decided.
 * @example equalMathValues(parsed("(3, -4)"), parsed("(-4, 3)"), { steps: 20_000 }) // false
 */
export function equalMathValues(a: MathValue, b: MathValue, budget: { steps: number }): Verdict {
  if (budget.steps <= 0) return "unknown";
  // An equation naming a variable, against a bare value, is its value: `y = 7` is 7, `x \in [0, 1]` is [0, 1].
  if (a.kind === "equation" && b.kind !== "equation" && isName(a.lhs))
    return equalMathValues(a.rhs, b, budget);
  if (b.kind === "equation" && a.kind !== "equation" && isName(b.lhs))
    return equalMathValues(a, b.rhs, budget);
  // A base-n numeral against a bare number compares its digits as written: `4210_5` is `4210` (the question
  // names the base), never the decimal value 555.
  if (a.kind === "base" && b.kind === "expr") return equalMathValues(writtenDigits(a), b, budget);
  if (b.kind === "base" && a.kind === "expr") return equalMathValues(a, writtenDigits(b), budget);
  switch (a.kind) {
    case "expr": {
      if (b.kind !== "expr") return false;
      // A percent matches its value over 100 and the number as written (75% is 0.75 and 75).
      const scales = a.percent === b.percent ? [1] : a.percent ? [0.01, 1] : [100, 1];
      return equalExpressions(a.json, b.json, budget, scales);
    }
    case "seq":
      if (b.kind === "list") return equalMathValues(b, a, budget);
      return b.kind === "seq" && a.open === b.open && a.close === b.close
        ? allPairs(a.items, b.items, budget)
        : false;
    case "list":
      // A bare list is unordered against another list or a set, and in order against a tuple: `1, 2` is (1, 2).
      if (b.kind === "seq")
        return b.open === "(" && b.close === ")" ? allPairs(a.items, b.items, budget) : false;
      return b.kind === "list" || b.kind === "set" ? matching(a.items, b.items, budget) : false;
    case "set":
      if (b.kind === "list") return matching(a.items, b.items, budget);
      return b.kind === "set" ? matching(a.items, b.items, budget) : false;
    case "union":
      return b.kind === a.kind ? matching(a.items, b.items, budget) : false;
    case "matrix":
      if (b.kind !== "matrix" || a.rows.length !== b.rows.length) return false;
      if (!a.rows.every((row, k) => row.length === b.rows[k]?.length)) return false;
      return allPairs(a.rows.flat(), b.rows.flat(), budget);
    case "equation":
      return b.kind === "equation" ? equalEquations(a, b, budget) : false;
    case "text":
      return b.kind === "text" && normalText(a.text) === normalText(b.text);
    case "base":
      return b.kind === "base" && a.base === b.base && a.value === b.value;
  }
}

function writtenDigits(value: MathValue & { kind: "base" }): MathValue {
  return { kind: "expr", json: Number(value.value.toString(value.base)), percent: false };
}

/**
 * Text answers compare case- and space-insensitively, without `\text{}` and one pair of enclosing brackets:
 * `\text{(C)}` is `C`, `\text{Evelyn}` is `evelyn`; commas and signs stay.
 */
export function normalText(text: string): string {
  const flat = text
    .toLowerCase()
    .replace(/\\(?:text|textbf|mbox|mathrm)\{([^{}]*)\}/g, "$1")
    .replace(/\s+/g, "");
  return /^\([^(),]*\)$/.test(flat) ? flat.slice(1, -1) : flat;
}
