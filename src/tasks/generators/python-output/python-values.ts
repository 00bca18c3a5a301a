// Python 3 semantics the snippet templates need, computed in TypeScript: floor division, slicing, repr, round.

/** A Python value as the templates model it: numbers are ints unless wrapped as PyFloat; null is None. */
export type PyValue = number | string | boolean | null | PyFloat | PyTuple | PyValue[] | PyDict;
export interface PyFloat {
  float: number;
}
export interface PyTuple {
  tuple: PyValue[];
}
export interface PyDict {
  dict: Array<[PyValue, PyValue]>;
}

export const float = (x: number): PyFloat => ({ float: x });
export const tuple = (...items: PyValue[]): PyTuple => ({ tuple: items });

/** Python's //: rounds toward negative infinity. @example floorDiv(-7, 2) // -4 */
export function floorDiv(a: number, b: number): number {
  if (b === 0) throw new RangeError("ZeroDivisionError");
  return Math.floor(a / b);
}

/** Python's %: the result takes the divisor's sign. @example pyMod(-7, 3) // 2 */
export function pyMod(a: number, b: number): number {
  if (b === 0) throw new RangeError("ZeroDivisionError");
  return a - b * Math.floor(a / b);
}

/** round() on a float to an int: ties go to the even neighbour. @example pyRound(2.5) // 2 */
export function pyRound(x: number): number {
  const down = Math.floor(x);
  const diff = x - down;
  if (diff < 0.5) return down;
  if (diff > 0.5) return down + 1;
  return down % 2 === 0 ? down : down + 1;
}

/** Indices a slice selects, following CPython's PySlice_AdjustIndices. */
export function sliceIndices(length: number, start: number | null, stop: number | null, step = 1): number[] {
  if (step === 0) throw new RangeError("slice step cannot be zero");
  const clamp = (v: number | null, fallback: number) => {
    if (v === null) return fallback;
    if (v < 0) return Math.max(v + length, step < 0 ? -1 : 0);
    return Math.min(v, step < 0 ? length - 1 : length);
  };
  const lo = clamp(start, step < 0 ? length - 1 : 0);
  const hi = clamp(stop, step < 0 ? -1 : length);
  const out: number[] = [];
  for (let i = lo; step > 0 ? i < hi : i > hi; i += step) out.push(i);
  return out;
}

/** seq[start:stop:step] for strings and lists. @example pySlice("python", null, null, -2) // "nhy" */
export function pySlice<T extends string | readonly PyValue[]>(
  seq: T,
  start: number | null,
  stop: number | null,
  step = 1,
): T {
  const picked = sliceIndices(seq.length, start, stop, step).map((i) => seq[i]);
  return (typeof seq === "string" ? picked.join("") : picked) as T;
}

/** list.insert(i, x): a negative i counts from the end, and out-of-range i clamps. */
export function pyInsert<T>(list: T[], index: number, item: T): void {
  const i = index < 0 ? Math.max(0, list.length + index) : Math.min(index, list.length);
  list.splice(i, 0, item);
}

/** repr() of a float, for values whose repr is positional (1e-4 <= |x| < 1e16), as in all templates. */
export function floatRepr(x: number): string {
  if (!Number.isFinite(x) || (x !== 0 && (Math.abs(x) < 1e-4 || Math.abs(x) >= 1e16))) {
    throw new RangeError(`float outside the modelled range: ${x}`);
  }
  if (Object.is(x, -0)) return "-0.0";
  // Both languages print the shortest round-tripping digits; Python adds ".0" to integral floats.
  return Number.isInteger(x) ? `${x}.0` : String(x);
}

/** repr() of a string the templates build: plain printable text without quotes or backslashes. */
function strRepr(s: string): string {
  if (/['"\\]|[^\x20-\x7e]/.test(s)) throw new RangeError(`string outside the modelled subset: ${s}`);
  return `'${s}'`;
}

function isFloat(v: PyValue): v is PyFloat {
  return typeof v === "object" && v !== null && "float" in v;
}

/** repr(): how a value prints inside a container. @example pyRepr(["a", 1, true]) // "['a', 1, True]" */
export function pyRepr(v: PyValue): string {
  if (v === null) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "number") {
    if (!Number.isSafeInteger(v)) throw new RangeError(`int outside the modelled range: ${v}`);
    return String(v);
  }
  if (typeof v === "string") return strRepr(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(", ")}]`;
  if (isFloat(v)) return floatRepr(v.float);
  if ("tuple" in v)
    return v.tuple.length === 1
      ? `(${pyRepr(v.tuple[0] as PyValue)},)`
      : `(${v.tuple.map(pyRepr).join(", ")})`;
  return `{${v.dict.map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(", ")}}`;
}

/** str(): strings print bare, everything else as repr. */
export function pyStr(v: PyValue): string {
  return typeof v === "string" ? v : pyRepr(v);
}

/** The line print(*args) writes (without the newline). @example printLine(["a", 1]) // "a 1" */
export function printLine(args: readonly PyValue[], sep = " "): string {
  return args.map(pyStr).join(sep);
}

/** A string as a Python literal in code, double-quoted as most style guides write it. */
export function lit(s: string): string {
  strRepr(s);
  return `"${s}"`;
}

/** Any modelled value as Python source (lists of ints and strings, ints, strings). */
export function src(v: PyValue): string {
  if (typeof v === "string") return lit(v);
  if (Array.isArray(v)) return `[${v.map(src).join(", ")}]`;
  return pyRepr(v);
}
