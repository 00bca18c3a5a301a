// Python snippets about lists: mutating methods, slicing, comprehensions, aggregates and sorting.
import type { Rng } from "../../../core/rng.js";
import type { Difficulty } from "../../../core/taxonomy.js";
import { intList, type SnippetTemplate, snippet, WORDS } from "./python-snippet.js";
import {
  floorDiv,
  type PyValue,
  printLine,
  pyInsert,
  pyMod,
  pyRepr,
  pySlice,
  src,
  tuple,
} from "./python-values.js";

type ListOp = (rng: Rng, xs: number[]) => string | null;

const LIST_OPS: Record<string, ListOp> = {
  append: (rng, xs) => {
    const v = rng.int(0, 50);
    xs.push(v);
    return `nums.append(${v})`;
  },
  pop: (_rng, xs) => {
    if (xs.length < 2) return null;
    xs.pop();
    return "nums.pop()";
  },
  popAt: (rng, xs) => {
    if (xs.length < 2) return null;
    const i = rng.int(-xs.length, xs.length - 1);
    xs.splice(i < 0 ? xs.length + i : i, 1);
    return `nums.pop(${i})`;
  },
  insert: (rng, xs) => {
    const [i, v] = [rng.int(-3, xs.length + 1), rng.int(0, 50)];
    pyInsert(xs, i, v);
    return `nums.insert(${i}, ${v})`;
  },
  remove: (rng, xs) => {
    if (xs.length < 2) return null;
    const v = rng.pick(xs);
    xs.splice(xs.indexOf(v), 1); // the first occurrence only
    return `nums.remove(${v})`;
  },
  extend: (rng, xs) => {
    const more = intList(rng, rng.int(1, 3), 0, 30);
    xs.push(...more);
    return `nums.extend(${src(more)})`;
  },
  sort: (rng, xs) => {
    const reverse = rng.chance(0.4);
    xs.sort((a, b) => (reverse ? b - a : a - b));
    return reverse ? "nums.sort(reverse=True)" : "nums.sort()";
  },
  reverse: (_rng, xs) => {
    xs.reverse();
    return "nums.reverse()";
  },
};

const OPS_BY_DIFFICULTY: Record<Difficulty, readonly string[]> = {
  easy: ["append", "pop", "append", "extend"],
  medium: ["append", "pop", "insert", "remove", "sort", "extend"],
  hard: ["append", "popAt", "insert", "remove", "sort", "reverse", "extend"],
};

export const listMethods: SnippetTemplate = (rng, difficulty) => {
  const xs = intList(rng, rng.int(3, 5), 0, 30);
  const code = [`nums = ${src(xs)}`];
  const steps = { easy: 2, medium: rng.int(3, 4), hard: rng.int(5, 6) }[difficulty];
  while (code.length <= steps) {
    const line = (LIST_OPS[rng.pick(OPS_BY_DIFFICULTY[difficulty])] as ListOp)(rng, xs);
    if (line) code.push(line);
  }
  code.push(difficulty === "easy" ? "print(nums)" : "print(nums, len(nums))");
  return snippet("list-methods", code, difficulty === "easy" ? pyRepr(xs) : printLine([xs, xs.length]));
};

export const listSlicing: SnippetTemplate = (rng, difficulty) => {
  const xs = intList(rng, rng.int(6, 9), 0, 99);
  const n = xs.length;
  const bounds: Array<[number | null, number | null, number]> =
    difficulty === "easy"
      ? [
          [rng.int(0, 2), rng.int(3, n), 1],
          [null, rng.int(1, 3), 1],
        ]
      : difficulty === "medium"
        ? [
            [rng.int(-n, -2), null, 1],
            [rng.int(0, 2), rng.int(-3, -1), 1],
          ]
        : [
            [null, null, rng.pick([-1, -2, 2, 3])],
            [rng.int(-3, n - 1), rng.int(-n, 2), rng.pick([-1, -2, -3])],
          ];
  const text = ([a, b, c]: [number | null, number | null, number]) =>
    `nums[${a ?? ""}:${b ?? ""}${c === 1 ? "" : `:${c}`}]`;
  const parts = bounds.map(([a, b, c]) => pySlice(xs, a, b, c));
  return snippet(
    "list-slicing",
    [`nums = ${src(xs)}`, `print(${bounds.map(text).join(", ")})`],
    printLine(parts),
  );
};

export const comprehension: SnippetTemplate = (rng, difficulty) => {
  const n = rng.int(5, 15);
  const k = rng.int(2, 4);
  if (difficulty === "easy") {
    const [from, m] = [rng.int(0, 3), rng.int(2, 5)];
    const [expr, f] = rng.pick([
      ["x * x", (x: number) => x * x],
      [`x * ${m}`, (x: number) => x * m],
      [`x + ${m}`, (x: number) => x + m],
    ] as const);
    const out = Array.from({ length: n - from }, (_, i) => i + from)
      .filter((x) => x % k === 0)
      .map(f);
    return snippet(
      "comprehension",
      [`print([${expr} for x in range(${from}, ${n}) if x % ${k} == 0])`],
      pyRepr(out),
    );
  }
  if (difficulty === "medium") {
    const xs = intList(rng, rng.int(5, 8), -20, 40);
    const out = xs.filter((x) => pyMod(x, 2) === 1).map((x) => floorDiv(x, k));
    const code = [
      `nums = ${src(xs)}`,
      `odd = [x // ${k} for x in nums if x % 2 == 1]`,
      "print(odd, sum(odd))",
    ];
    return snippet("comprehension", code, printLine([out, out.reduce((a, b) => a + b, 0)]));
  }
  const [a, lo, b] = [rng.int(2, 5), rng.int(0, 2), rng.int(3, 6)];
  const [m, parity] = [rng.pick([2, 3]), rng.int(0, 1)];
  const [expr, f] = rng.pick([
    ["(i, j)", (i: number, j: number): PyValue => tuple(i, j)],
    ["i * j", (i: number, j: number): PyValue => i * j],
    ["i - j", (i: number, j: number): PyValue => i - j],
  ] as const);
  const out: PyValue[] = [];
  for (let i = 0; i < a; i++)
    for (let j = lo; j < b; j++) if (i !== j && (i + j) % m === parity) out.push(f(i, j));
  if (out.length === 0 || out.length > 8) return null;
  const code = [
    `pairs = [${expr} for i in range(${a}) for j in range(${lo}, ${b}) if i != j and (i + j) % ${m} == ${parity}]`,
    "print(pairs, len(pairs))",
  ];
  return snippet("comprehension", code, printLine([out, out.length]));
};

export const aggregates: SnippetTemplate = (rng, difficulty) => {
  const xs = intList(rng, rng.int(4, 8), difficulty === "hard" ? -30 : 0, 60);
  const sorted = [...xs].sort((p, q) => p - q);
  if (difficulty === "easy") {
    const out = [xs.reduce((p, q) => p + q, 0), Math.max(...xs), Math.min(...xs)];
    return snippet(
      "aggregates",
      [`nums = ${src(xs)}`, "print(sum(nums), max(nums), min(nums))"],
      printLine(out),
    );
  }
  if (difficulty === "medium") {
    const top = [...xs].sort((p, q) => q - p).slice(0, 3);
    const code = [`nums = ${src(xs)}`, "print(sorted(nums, reverse=True)[:3], nums.index(max(nums)))"];
    return snippet("aggregates", code, printLine([top, xs.indexOf(Math.max(...xs))]));
  }
  const words = rng.shuffle(WORDS).slice(0, 5);
  const byLen = [...words].sort((p, q) => p.length - q.length); // stable, like Python's sort
  const code = [
    `nums = ${src(xs)}`,
    `words = ${src(words)}`,
    "print(sorted(nums)[1:-1], sorted(words, key=len)[:3])",
  ];
  return snippet("aggregates", code, printLine([sorted.slice(1, -1), byLen.slice(0, 3)]));
};
