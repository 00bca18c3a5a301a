// The shapes a MATH-style answer takes once parsed: an expression, an ordered sequence with its brackets
// (tuples, intervals), an unordered set or bare comma list, a union of intervals, a matrix, an equation, text, a base-n numeral.
import type { MathJson } from "./evaluate-math-json.js";

export type MathValue =
  | { kind: "expr"; json: MathJson; percent: boolean }
  | { kind: "seq"; open: "(" | "["; close: ")" | "]"; items: MathValue[] }
  | { kind: "set"; items: MathValue[] }
  | { kind: "list"; items: MathValue[] }
  | { kind: "union"; items: MathValue[] }
  | { kind: "matrix"; rows: MathValue[][] }
  | { kind: "equation"; lhs: MathJson; rhs: MathValue }
  | { kind: "text"; text: string }
  | { kind: "base"; value: number; base: number };

/** A short readable form of a value for `details`. */
export function describeValue(value: MathValue): string {
  switch (value.kind) {
    case "expr":
      return JSON.stringify(value.json) + (value.percent ? "%" : "");
    case "seq":
      return `${value.open}${value.items.map(describeValue).join(", ")}${value.close}`;
    case "set":
      return `{${value.items.map(describeValue).join(", ")}}`;
    case "list":
      return value.items.map(describeValue).join(", ");
    case "union":
      return value.items.map(describeValue).join(" ∪ ");
    case "matrix":
      return `[${value.rows.map((row) => row.map(describeValue).join(" & ")).join(" \\\\ ")}]`;
    case "equation":
      return `${JSON.stringify(value.lhs)} = ${describeValue(value.rhs)}`;
    case "text":
      return JSON.stringify(value.text);
    case "base":
      return `${value.value.toString(value.base)}_${value.base}`;
  }
}
