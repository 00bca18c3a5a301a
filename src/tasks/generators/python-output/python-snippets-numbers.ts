// Python snippets about numbers: precedence, floor division and modulo, true division, comparisons and booleans.
import type { Rng } from "../../../core/rng.js";
import type { Difficulty } from "../../../core/taxonomy.js";
import { type SnippetTemplate, snippet, VAR_PAIRS } from "./python-snippet.js";
import { float, floorDiv, printLine, pyMod } from "./python-values.js";

type Op = "+" | "-" | "*" | "//" | "%" | "**";
type Expr = { num: number } | { op: Op; l: Expr; r: Expr };

const PREC: Record<Op, number> = { "+": 1, "-": 1, "*": 2, "//": 2, "%": 2, "**": 4 };

/** Source with only the parentheses Python needs: ** is right-associative, the rest left-associative. */
function render(e: Expr): { text: string; prec: number } {
  if ("num" in e) return { text: String(e.num), prec: 9 };
  const p = PREC[e.op];
  const l = render(e.l);
  const r = render(e.r);
  const lt = (e.op === "**" ? l.prec <= p : l.prec < p) ? `(${l.text})` : l.text;
  const rt = (e.op === "**" ? r.prec < p : r.prec <= p) ? `(${r.text})` : r.text;
  return { text: `${lt} ${e.op} ${rt}`, prec: p };
}

/** Python's value of the expression, or null when it leaves the modelled range (zero divisor, big powers). */
function evaluate(e: Expr): number | null {
  if ("num" in e) return e.num;
  const [a, b] = [evaluate(e.l), evaluate(e.r)];
  if (a === null || b === null) return null;
  let v: number;
  if (e.op === "+") v = a + b;
  else if (e.op === "-") v = a - b;
  else if (e.op === "*") v = a * b;
  else if (e.op === "**") {
    if (b < 0 || b > 3 || Math.abs(a) > 15) return null;
    v = a ** b;
  } else {
    if (b === 0) return null;
    v = e.op === "//" ? floorDiv(a, b) : pyMod(a, b);
  }
  return Math.abs(v) > 1e6 ? null : v;
}

const OPS: Record<Difficulty, readonly Op[]> = {
  easy: ["+", "-", "*"],
  medium: ["+", "-", "*", "//", "%"],
  hard: ["+", "-", "*", "//", "%", "**", "-", "//", "%"],
};

/** A random expression tree with `count` operations; ** always gets a small literal exponent. */
function grow(rng: Rng, count: number, ops: readonly Op[], maxLeaf: number): Expr {
  if (count === 0) return { num: rng.int(1, maxLeaf) };
  const op = rng.pick(ops);
  if (op === "**") return { op, l: grow(rng, count - 1, ops, maxLeaf), r: { num: rng.int(2, 3) } };
  const left = rng.int(0, count - 1);
  return { op, l: grow(rng, left, ops, maxLeaf), r: grow(rng, count - 1 - left, ops, maxLeaf) };
}

export const precedence: SnippetTemplate = (rng, difficulty) => {
  const count = { easy: 2, medium: 3, hard: rng.int(4, 5) }[difficulty];
  const root = grow(rng, count, OPS[difficulty], difficulty === "easy" ? 12 : 30);
  const value = evaluate(root);
  if (value === null) return null;
  const text = render(root).text;
  const code = rng.chance(0.5) ? [`print(${text})`] : [`result = ${text}`, "print(result)"];
  return snippet("precedence", code, String(value));
};

export const divMod: SnippetTemplate = (rng, difficulty) => {
  const [x, y] = rng.pick(VAR_PAIRS);
  let a = rng.int(10, difficulty === "easy" ? 60 : 250);
  let b = rng.int(2, 9);
  if (difficulty === "hard") {
    if (rng.chance(0.5)) a = -a;
    else b = -b;
  }
  if (a % b === 0) return null;
  const code = [`${x} = ${a}`, `${y} = ${b}`];
  if (difficulty === "easy") {
    code.push(`print(${x} // ${y}, ${x} % ${y})`);
    return snippet("divmod", code, printLine([floorDiv(a, b), pyMod(a, b)]));
  }
  code.push(`whole = ${x} // ${y}`, `rest = ${x} % ${y}`, `print(whole, rest, whole * ${y} + rest == ${x})`);
  return snippet("divmod", code, printLine([floorDiv(a, b), pyMod(a, b), true]));
};

/** True division always gives a float; hard mixes it with floor division and int(). */
export const division: SnippetTemplate = (rng, difficulty) => {
  const [a, b] = [rng.int(2, 99), rng.int(2, 12)];
  if (difficulty === "easy") return snippet("division", [`print(${a} / ${b})`], printLine([float(a / b)]));
  if (difficulty === "medium") {
    const c = rng.int(1, 9);
    return snippet(
      "division",
      [`x = ${a} / ${b}`, `print(x + ${c}, ${a} // ${b} + ${c})`],
      printLine([float(a / b + c), floorDiv(a, b) + c]),
    );
  }
  const out = [float((a / b) * b), floorDiv(a, b) * b, Math.trunc(-a / b)];
  return snippet(
    "division",
    [`print(${a} / ${b} * ${b}, ${a} // ${b} * ${b}, int(-${a} / ${b}))`],
    printLine(out),
  );
};

export const comparisons: SnippetTemplate = (rng, difficulty) => {
  const [a, b, c] = [rng.int(1, 20), rng.int(1, 20), rng.int(1, 20)];
  const head = [`a = ${a}`, `b = ${b}`, `c = ${c}`];
  if (difficulty === "easy")
    return snippet(
      "comparisons",
      [...head, "print(a < b, a == c, b >= c)"],
      printLine([a < b, a === c, b >= c]),
    );
  if (difficulty === "medium") {
    const out = [a < b && b < c, a !== b && b > c, !(a > b) || c === a];
    return snippet(
      "comparisons",
      [...head, "print(a < b < c, a != b and b > c, not a > b or c == a)"],
      printLine(out),
    );
  }
  // and/or return one of their operands, not a bool.
  const z = rng.int(0, 1) ? 0 : c;
  const or = z || a;
  const and = z && b;
  const code = [`a = ${a}`, `b = ${b}`, `z = ${z}`, "print(z or a, z and b, a and b, (a > b) + (b > z))"];
  return snippet("comparisons", code, printLine([or, and, b, Number(a > b) + Number(b > z)]));
};
