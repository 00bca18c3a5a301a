// Numeric evaluation of a MathJSON expression (as parsed by the compute engine) in complex floating point,
// with a step budget so that no answer can make evaluation slow.
import * as C from "./complex.js";

/** A MathJSON expression as `ComputeEngine.parse(..., { canonical: false }).json` returns it. */
export type MathJson = number | string | { num: string } | { sym: string } | { str: string } | MathJson[];

/** Named constants; every other symbol is a free variable. `e` and `i` are Euler's number and the unit. */
const CONSTANTS: Readonly<Record<string, C.Complex>> = {
  Pi: C.cx(Math.PI),
  ExponentialE: C.cx(Math.E),
  e: C.cx(Math.E),
  ImaginaryUnit: C.cx(0, 1),
  i: C.cx(0, 1),
  PositiveInfinity: C.cx(Number.POSITIVE_INFINITY),
  NegativeInfinity: C.cx(Number.NEGATIVE_INFINITY),
  ComplexInfinity: C.cx(Number.POSITIVE_INFINITY),
  Half: C.cx(0.5),
};

const UNARY: Readonly<Record<string, (a: C.Complex) => C.Complex>> = {
  Negate: C.neg,
  Sqrt: (a) => C.root(a, C.cx(2)),
  Exp: C.exp,
  Ln: C.log,
  Lb: (a) => C.div(C.log(a), C.cx(Math.LN2)),
  Lg: (a) => C.div(C.log(a), C.cx(Math.LN10)),
  Abs: (a) => C.cx(C.abs(a)),
  Square: (a) => C.mul(a, a),
  Sin: C.real(Math.sin),
  Cos: C.real(Math.cos),
  Tan: C.real(Math.tan),
  Cot: C.real((x) => 1 / Math.tan(x)),
  Sec: C.real((x) => 1 / Math.cos(x)),
  Csc: C.real((x) => 1 / Math.sin(x)),
  Arcsin: C.real(Math.asin),
  Arccos: C.real(Math.acos),
  Arctan: C.real(Math.atan),
  Sinh: C.real(Math.sinh),
  Cosh: C.real(Math.cosh),
  Tanh: C.real(Math.tanh),
  Floor: C.real(Math.floor),
  Ceil: C.real(Math.ceil),
  Factorial: C.real(factorial),
  // A degree sign is notation: MATH writes `30^\circ` for an angle whose answer is 30.
  Degrees: (a) => a,
};

function factorial(n: number): number {
  if (!Number.isInteger(n) || n < 0) return Number.NaN;
  if (n > 170) return Number.POSITIVE_INFINITY;
  let out = 1;
  for (let k = 2; k <= n; k++) out *= k;
  return out;
}

function binomial(n: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(k) || k < 0 || n < 0 || k > n) return Number.NaN;
  let out = 1;
  for (let j = 1; j <= Math.min(k, n - k) && j <= 1000; j++) out = (out * (n - k + j)) / j;
  return out;
}

/** A numeric literal of MathJSON: plain, `{num}`, or a repeating decimal such as "0.(3)". */
function literal(text: string): number {
  const repeating = /^(-?)(\d*)\.(\d*)\((\d+)\)$/.exec(text);
  if (repeating === null) return Number(text.replace(/^\+/, ""));
  const [, sign, whole = "", fixed = "", cycle = ""] = repeating;
  const value =
    Number(`${whole || "0"}.${fixed || "0"}`) + Number(cycle) / (10 ** cycle.length - 1) / 10 ** fixed.length;
  return sign === "-" ? -value : value;
}

const isIntegerLiteral = (node: MathJson): node is number =>
  typeof node === "number" && Number.isInteger(node);

/** `2\frac{1}{4}` parses as 2 next to 1/4: a whole number beside a fraction of whole numbers is a mixed number. */
export function isMixedNumber(node: MathJson): boolean {
  if (!Array.isArray(node) || node[0] !== "InvisibleOperator" || node.length !== 3) return false;
  const [, whole, fraction] = node;
  return (
    isIntegerLiteral(whole as MathJson) &&
    (whole as number) >= 0 &&
    Array.isArray(fraction) &&
    (fraction[0] === "Divide" || fraction[0] === "Rational") &&
    fraction.length === 3 &&
    isIntegerLiteral(fraction[1] as MathJson) &&
    isIntegerLiteral(fraction[2] as MathJson)
  );
}

export interface Evaluation {
  /** Steps left; evaluation gives up (null) when they run out. */
  steps: number;
  variables: ReadonlyMap<string, C.Complex>;
}

/**
 * The value of `node` with the given variable values, or null when it has a part that is not a number
 * (an unknown function, a string, a tuple) or the step budget runs out.
 * @example evaluateMathJson(["Divide", 7, 8], { steps: 100, variables: new Map() }) // { re: 0.875, im: 0 }
 */
export function evaluateMathJson(node: MathJson, state: Evaluation): C.Complex | null {
  if (--state.steps < 0) return null;
  if (typeof node === "number") return C.cx(node);
  if (typeof node === "string") return symbolValue(node, state);
  if (!Array.isArray(node)) {
    if ("num" in node) return C.cx(literal(node.num));
    if ("sym" in node) return symbolValue(node.sym, state);
    return null;
  }
  const [head, ...args] = node;
  if (typeof head !== "string") return null;
  if (head === "Delimiter" && args.length === 1) return evaluateMathJson(args[0] as MathJson, state);
  const values: C.Complex[] = [];
  for (const arg of args) {
    const value = evaluateMathJson(arg, state);
    if (value === null) return null;
    values.push(value);
  }
  return apply(head, values, node);
}

function symbolValue(name: string, state: Evaluation): C.Complex | null {
  if (name.startsWith("'")) return null; // a string literal
  return state.variables.get(name) ?? CONSTANTS[name] ?? null;
}

function apply(head: string, v: C.Complex[], node: MathJson[]): C.Complex | null {
  const [a, b] = v;
  if (a === undefined) return null;
  const unary = UNARY[head];
  if (unary !== undefined) return v.length === 1 ? unary(a) : null;
  switch (head) {
    case "Add":
      return v.reduce(C.add);
    case "Multiply":
      return v.reduce(C.mul);
    case "InvisibleOperator":
      return isMixedNumber(node) && b !== undefined ? C.add(a, b) : v.reduce(C.mul);
    case "Subtract":
      return b === undefined ? C.neg(a) : C.sub(a, b);
    case "Divide":
    case "Rational":
      return b === undefined ? null : C.div(a, b);
    case "Power":
      return b === undefined ? null : C.pow(a, b);
    case "Root":
      return b === undefined ? null : C.root(a, b);
    case "Log":
      // \log x is base 10 in the compute engine's reading; \log_b x carries its base.
      return C.div(C.log(a), C.log(b ?? C.cx(10)));
    case "Binomial":
      return b === undefined || a.im !== 0 || b.im !== 0 ? null : C.cx(binomial(a.re, b.re));
    case "Complex":
      return C.cx(a.re, b?.re ?? 0);
    default:
      return null;
  }
}

/** The free variables of an expression: symbols that are neither constants nor string literals. */
export function freeVariables(node: MathJson, into = new Set<string>(), depth = 0): Set<string> {
  if (depth > 200) return into;
  if (typeof node === "string") {
    if (!node.startsWith("'") && CONSTANTS[node] === undefined) into.add(node);
  } else if (Array.isArray(node)) {
    for (let k = 1; k < node.length; k++) freeVariables(node[k] as MathJson, into, depth + 1);
  } else if (typeof node === "object" && node !== null && "sym" in node) {
    if (CONSTANTS[node.sym] === undefined) into.add(node.sym);
  }
  return into;
}
