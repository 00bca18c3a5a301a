// LaTeX to MathValue: the compute engine parses (without canonical boxing, which costs ten times more), and
// the MathJSON it returns is read into the shapes answers take. Size and nesting are capped before parsing.
import { createRequire } from "node:module";
import type { ComputeEngine } from "@cortex-js/compute-engine";
import type { LatexSyntax } from "@cortex-js/compute-engine/latex-syntax";
import type { MathJson } from "./evaluate-math-json.js";
import type { MathValue } from "./math-value.js";

/** Longest expression parsed (MATH-500's longest answer is under 100 characters). */
export const MAX_EXPRESSION_CHARS = 400;
/** Deepest bracket nesting parsed; the parser recurses on each level. */
export const MAX_NESTING = 24;

// The engine's bundles are loaded on first use: a server that never grades math never loads them (loading
// them costs tens of MB of resident memory that grows with the heap, seen in the soak test).
const load = createRequire(import.meta.url);

let engine: ComputeEngine | undefined;
/** One engine for the symbolic fallback, created on first use (creating it takes ~0.2 s). */
export function computeEngine(): ComputeEngine {
  engine ??= new (
    load("@cortex-js/compute-engine") as typeof import("@cortex-js/compute-engine")
  ).ComputeEngine();
  return engine;
}

let syntax: LatexSyntax | undefined;
/** The engine's stand-alone LaTeX parser: raw MathJSON, ~20,000 short answers/s, no canonical boxing. */
function latexSyntax(): LatexSyntax {
  syntax ??= new (
    load("@cortex-js/compute-engine/latex-syntax") as typeof import("@cortex-js/compute-engine/latex-syntax")
  ).LatexSyntax();
  return syntax;
}

export type ParsedMath = { ok: true; value: MathValue } | { ok: false; reason: string };

function nesting(text: string): number {
  let depth = 0;
  let max = 0;
  for (const ch of text) {
    if (ch === "{" || ch === "(" || ch === "[") max = Math.max(max, ++depth);
    else if (ch === "}" || ch === ")" || ch === "]") depth--;
  }
  return max;
}

/**
 * Parses a cleaned LaTeX expression; never throws.
 * @example parseMath("(3, -4)") // { ok: true, value: { kind: "seq", open: "(", close: ")", items: [...] } }
 */
export function parseMath(latex: string): ParsedMath {
  if (latex === "") return { ok: false, reason: "empty" };
  if (latex.length > MAX_EXPRESSION_CHARS) return { ok: false, reason: "too-long" };
  if (nesting(latex) > MAX_NESTING) return { ok: false, reason: "too-deep" };
  let percent = false;
  let text = latex;
  if (/\\?%$/.test(text)) {
    percent = true;
    text = text.replace(/\\?%$/, "").trim();
  }
  let json: MathJson | null;
  try {
    json = plainJson(latexSyntax().parse(text), 0);
  } catch {
    return { ok: false, reason: "unparsable" };
  }
  if (json === null || hasError(json, 0)) return { ok: false, reason: "unparsable" };
  const value = toValue(json, percent, 0);
  return value === null ? { ok: false, reason: "unsupported" } : { ok: true, value };
}

/**
 * MathJSON in one spelling: `{fn}` to arrays, `{str}` to quoted strings, `{sym}` to names, `{num}` to numbers
 * when a double holds them exactly enough (big and repeating literals stay `{num}`); metadata dropped.
 */
function plainJson(node: unknown, depth: number): MathJson | null {
  if (depth > 200) return null;
  if (typeof node === "number" || typeof node === "string") return node;
  if (Array.isArray(node)) {
    const out: MathJson[] = [];
    for (const part of node) {
      const plain = plainJson(part, depth + 1);
      if (plain === null) return null;
      out.push(plain);
    }
    return out;
  }
  if (typeof node !== "object" || node === null) return null;
  const record = node as Record<string, unknown>;
  if (Array.isArray(record.fn)) return plainJson(record.fn, depth + 1);
  if (typeof record.str === "string") return `'${record.str}'`;
  if (typeof record.sym === "string") return record.sym;
  if (typeof record.num === "string") {
    const value = Number(record.num);
    return Number.isFinite(value) && record.num.length <= 17 ? value : { num: record.num };
  }
  return null;
}

function hasError(node: MathJson, depth: number): boolean {
  if (depth > 200) return true;
  if (!Array.isArray(node)) return false;
  if (node[0] === "Error") return true;
  return node.some((part) => hasError(part as MathJson, depth + 1));
}

const head = (node: MathJson): string | null =>
  Array.isArray(node) && typeof node[0] === "string" ? node[0] : null;
const args = (node: MathJson): MathJson[] => (Array.isArray(node) ? (node.slice(1) as MathJson[]) : []);

function items(nodes: MathJson[], depth: number): MathValue[] | null {
  const out: MathValue[] = [];
  for (const node of nodes) {
    const value = toValue(node, false, depth + 1);
    if (value === null) return null;
    out.push(value);
  }
  return out;
}

/** The endpoint of an interval and whether it is open (`["Open", x]`). */
function endpoint(node: MathJson): [MathJson, boolean] {
  return head(node) === "Open" ? [args(node)[0] ?? node, true] : [node, false];
}

function toValue(node: MathJson, percent: boolean, depth: number): MathValue | null {
  if (depth > 60) return null;
  if (typeof node === "string" && node.startsWith("'")) return { kind: "text", text: node.slice(1, -1) };
  const h = head(node);
  const a = args(node);
  switch (h) {
    case "Annotated":
      return a[0] === undefined ? null : toValue(a[0], percent, depth + 1);
    case "Delimiter":
      return delimited(a, depth);
    case "Sequence": {
      const list = items(a, depth);
      return list === null ? null : a.length === 1 ? (list[0] ?? null) : { kind: "list", items: list };
    }
    case "Tuple":
    case "Pair": {
      const list = items(a, depth);
      return list && { kind: "seq", open: "(", close: ")", items: list };
    }
    case "List": {
      // A bracketed list is a closed interval or a row vector: [a, b] keeps its brackets.
      if (a.some((x) => head(x) === "List")) return matrix(a, depth);
      const list = items(a, depth);
      return list && { kind: "seq", open: "[", close: "]", items: list };
    }
    case "Interval": {
      const [lo, loOpen] = endpoint(a[0] ?? 0);
      const [hi, hiOpen] = endpoint(a[1] ?? 0);
      const list = items([lo, hi], depth);
      return list && { kind: "seq", open: loOpen ? "(" : "[", close: hiOpen ? ")" : "]", items: list };
    }
    case "Or":
    case "Measurement": {
      // x = 1 or x = 2, and a ± b (the two values a + b and a - b), are lists of values.
      const [center, spread] = a;
      const parts =
        h === "Or"
          ? a
          : center === undefined || spread === undefined
            ? null
            : [
                ["Add", center, spread],
                ["Subtract", center, spread],
              ];
      const list = parts && items(parts as MathJson[], depth);
      return list && { kind: "list", items: list };
    }
    case "Set":
    case "Union": {
      const list = items(a, depth);
      return list && { kind: h === "Union" ? "union" : "set", items: list };
    }
    case "Matrix":
      return a[0] === undefined ? null : matrix(args(a[0]), depth);
    case "Equal":
    case "Element": {
      const [lhs, rhs] = a;
      if (lhs === undefined || rhs === undefined || a.length !== 2) return null;
      const right = toValue(rhs, percent, depth + 1);
      return right && { kind: "equation", lhs, rhs: right };
    }
    case "BaseForm": {
      const [value, base] = a;
      return typeof value === "number" && typeof base === "number" ? { kind: "base", value, base } : null;
    }
    default:
      return { kind: "expr", json: node, percent };
  }
}

function delimited(a: MathJson[], depth: number): MathValue | null {
  const [body, delimiters] = a;
  if (body === undefined) return null;
  const fence = typeof delimiters === "string" ? delimiters.replace(/'/g, "") : "(,)";
  const parts = head(body) === "Sequence" ? args(body) : [body];
  if (parts.length === 1 && fence === "(,)") return toValue(parts[0] as MathJson, false, depth + 1);
  const list = items(parts, depth);
  if (list === null) return null;
  // A bare comma list ("-2, 1", MATH's "enter all solutions") is unordered; brackets make a sequence.
  if (fence === ",") return { kind: "list", items: list };
  const open = fence.startsWith("[") ? "[" : "(";
  const close = fence.endsWith("]") ? "]" : ")";
  return { kind: "seq", open, close, items: list };
}

function matrix(rows: MathJson[], depth: number): MathValue | null {
  const out: MathValue[][] = [];
  for (const row of rows) {
    const cells = items(head(row) === "List" ? args(row) : [row], depth);
    if (cells === null) return null;
    out.push(cells);
  }
  return { kind: "matrix", rows: out };
}
