// Equivalence of two scalar expressions: numeric agreement at seeded points (exact enough for MATH answers,
// and bounded), with the compute engine's symbolic check for the parts the evaluator cannot read.
import { createRng, hashSeed } from "../../rng.js";
import * as C from "./complex.js";
import { type Evaluation, evaluateMathJson, freeVariables, type MathJson } from "./evaluate-math-json.js";
import { computeEngine } from "./parse-math.js";

/**
 * Relative tolerance: float error of a short expression is ~1e-15, while a written decimal that is not the
 * value (0.33 or 0.999999999 for 1, 12.0000001 for 12) is wrong, as in Math-Verify.
 */
export const TOLERANCE = 1e-10;
/** Points at which expressions with free variables are compared. */
export const POINTS = 5;
/** Evaluation steps one comparison may spend, over all points and both sides. */
export const STEP_BUDGET = 20_000;
/** Free variables beyond this many make an expression undecidable here. */
const MAX_VARIABLES = 8;

export type Verdict = true | false | "unknown";

// The same points for every comparison (seeded, never Math.random), of both signs (√(x²) is |x|, not x) and
// away from 0 and ±1 where distinct expressions often coincide; each variable gets its own value.
const rng = createRng(hashSeed("math-grader/points"));
const SAMPLES: readonly number[][] = Array.from({ length: POINTS }, (_, p) =>
  Array.from({ length: MAX_VARIABLES }, (_, v) => ((p + v) % 2 === 0 ? 1 : -1) * (1.13 + rng.next() * 1.7)),
);

/** The values of an expression at each sample point (one value when it has no variables), or null. */
export function sampleValues(
  json: MathJson,
  names: readonly string[],
  budget: { steps: number },
): C.Complex[] | null {
  const out: C.Complex[] = [];
  const count = names.length === 0 ? 1 : POINTS;
  for (let p = 0; p < count; p++) {
    const point = SAMPLES[p] ?? [];
    const variables = new Map(names.map((name, k) => [name, C.cx(point[k] ?? 1.5)] as const));
    const state: Evaluation = { steps: budget.steps, variables };
    const value = evaluateMathJson(json, state);
    budget.steps = state.steps;
    if (value === null) return null;
    out.push(value);
  }
  return out;
}

function sameValue(a: C.Complex, b: C.Complex): boolean {
  if (C.isFiniteComplex(a) && C.isFiniteComplex(b)) return C.close(a, b, TOLERANCE);
  // Infinities compare by sign (−∞ ≠ ∞); NaN is never equal.
  return a.re === b.re && a.im === b.im && !Number.isNaN(a.re) && !Number.isNaN(a.im);
}

/** The variables of both sides, in a fixed order, or null when there are too many. */
export function sharedVariables(a: MathJson, b: MathJson): string[] | null {
  const names = [...freeVariables(b, freeVariables(a))].sort();
  return names.length > MAX_VARIABLES ? null : names;
}

/** An integer literal (possibly negated) exactly, or null: 10^10 + 1 must not equal 10^10 within a tolerance. */
export function exactInteger(json: MathJson): bigint | null {
  if (typeof json === "number") return Number.isSafeInteger(json) ? BigInt(json) : null;
  if (Array.isArray(json)) {
    const inner = json[0] === "Negate" && json.length === 2 ? exactInteger(json[1] as MathJson) : null;
    return inner === null ? null : -inner;
  }
  if (typeof json === "object" && "num" in json && /^[-+]?\d{1,400}$/.test(json.num)) return BigInt(json.num);
  return null;
}

/**
 * Whether two expressions are equal, with `scale` applied to the first side (1/100 for a percent).
 * @example equalExpressions(["Power", "x", 2], ["Multiply", "x", "x"], { steps: 1000 }) // true
 */
export function equalExpressions(
  a: MathJson,
  b: MathJson,
  budget: { steps: number },
  scales: readonly number[] = [1],
): Verdict {
  const [wholeA, wholeB] = [exactInteger(a), exactInteger(b)];
  if (wholeA !== null && wholeB !== null && scales.length === 1 && scales[0] === 1) return wholeA === wholeB;
  const names = sharedVariables(a, b);
  if (names === null) return "unknown";
  const left = sampleValues(a, names, budget);
  const right = sampleValues(b, names, budget);
  if (left === null || right === null) return symbolicEqual(a, b, budget);
  return scales.some((scale) =>
    left.every((value, k) => sameValue(C.mul(value, C.cx(scale)), right[k] as C.Complex)),
  );
}

/** Equal up to a non-zero constant factor (two equations of the same line or curve). */
export function proportionalExpressions(a: MathJson, b: MathJson, budget: { steps: number }): Verdict {
  const names = sharedVariables(a, b);
  if (names === null) return "unknown";
  const left = sampleValues(a, names, budget);
  const right = sampleValues(b, names, budget);
  if (left === null || right === null) return "unknown";
  const ratios = left.map((value, k) => C.div(value, right[k] as C.Complex));
  const first = ratios[0];
  if (first === undefined || !C.isFiniteComplex(first) || C.abs(first) === 0) return false;
  return ratios.every((ratio) => C.isFiniteComplex(ratio) && C.close(ratio, first, TOLERANCE));
}

// Heads the compute engine may box and compare: arithmetic and relations. Sums, products, integrals and limits
// are left out: the engine evaluates them term by term (\sum_{k=1}^{10^9} k runs for minutes).
const SYMBOLIC_HEADS = new Set([
  ...["Add", "Subtract", "Negate", "Multiply", "Divide", "Rational", "Power", "Sqrt", "Root", "Abs"],
  ...["InvisibleOperator", "Delimiter", "Sequence", "Exp", "Ln", "Log", "Sin", "Cos", "Tan"],
  ...["Less", "LessEqual", "Greater", "GreaterEqual", "NotEqual", "And", "Or", "Not"],
]);

function boxable(node: MathJson, depth: number): boolean {
  if (depth > 40) return false;
  if (!Array.isArray(node)) return true;
  return (
    SYMBOLIC_HEADS.has(node[0] as string) &&
    node.slice(1).every((part) => boxable(part as MathJson, depth + 1))
  );
}

/** The compute engine's own judgement for what the evaluator cannot read (relations such as x \le 3, ...). */
function symbolicEqual(a: MathJson, b: MathJson, budget: { steps: number }): Verdict {
  if (JSON.stringify(a) === JSON.stringify(b)) return true;
  if (!boxable(a, 0) || !boxable(b, 0)) return "unknown";
  // Boxing is costly; it is paid at most once per comparison, out of the same budget.
  if (budget.steps < STEP_BUDGET / 4) return "unknown";
  budget.steps -= STEP_BUDGET / 4;
  try {
    const ce = computeEngine();
    ce.iterationLimit = 1_000;
    ce.recursionLimit = 100;
    const verdict = ce.box(a as never).isEqual(ce.box(b as never));
    return verdict === undefined ? "unknown" : verdict;
  } catch {
    return "unknown";
  }
}
