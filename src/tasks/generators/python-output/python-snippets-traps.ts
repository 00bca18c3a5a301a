// Python trap snippets (hard, adversarial): semantics that invite a confident wrong reading.
import { intList, type SnippetTemplate, snippet, VAR_PAIRS, WORDS } from "./python-snippet.js";
import { float, floorDiv, lit, printLine, pyMod, pyRepr, pyRound, pySlice, src } from "./python-values.js";

const trap = (template: string, code: string[], output: string) => snippet(template, code, output, true);

/** // and % round toward negative infinity; int(a / b) truncates toward zero. */
const negativeFloor: SnippetTemplate = (rng) => {
  const [x, y] = rng.pick(VAR_PAIRS);
  const negDivisor = rng.chance(0.4);
  const a = negDivisor ? rng.int(7, 99) : -rng.int(7, 99);
  const b = negDivisor ? -rng.int(2, 9) : rng.int(2, 9);
  if (a % b === 0) return null;
  const code = [`${x} = ${a}`, `${y} = ${b}`, `print(${x} // ${y}, ${x} % ${y}, int(${x} / ${y}))`];
  return trap("negative-floor", code, printLine([floorDiv(a, b), pyMod(a, b), Math.trunc(a / b)]));
};

/** Assignment binds a name to the same list; slicing copies; a = a + [...] rebinds, a += [...] mutates. */
const aliasing: SnippetTemplate = (rng) => {
  const a = intList(rng, rng.int(2, 4), 1, 9);
  const v = rng.int(10, 99);
  const variant = rng.int(0, 3);
  const head = [`a = ${src(a)}`];
  let out: [number[], number[]];
  if (variant === 0) {
    head.push("b = a", `b.append(${v})`);
    out = [
      [...a, v],
      [...a, v],
    ];
  } else if (variant === 1) {
    head.push(rng.pick(["b = a[:]", "b = list(a)", "b = a.copy()"]), `b.append(${v})`);
    out = [a, [...a, v]];
  } else if (variant === 2) {
    head.push("b = a", `a = a + [${v}]`);
    out = [[...a, v], a];
  } else {
    head.push("b = a", `a += [${v}]`);
    out = [
      [...a, v],
      [...a, v],
    ];
  }
  return trap("aliasing", [...head, "print(a, b)"], printLine(out));
};

/** [[0] * c] * r repeats one row object r times. */
const sharedRows: SnippetTemplate = (rng) => {
  const [rows, cols] = [rng.int(2, 4), rng.int(2, 3)];
  const [i, j, v] = [rng.int(0, rows - 1), rng.int(0, cols - 1), rng.int(1, 9)];
  const row = Array.from({ length: cols }, (_, k) => (k === j ? v : 0));
  const grid = Array.from({ length: rows }, () => row);
  return trap(
    "shared-rows",
    [`grid = [[0] * ${cols}] * ${rows}`, `grid[${i}][${j}] = ${v}`, "print(grid)"],
    pyRepr(grid),
  );
};

/** A mutable default argument is created once and shared by every call. */
const mutableDefault: SnippetTemplate = (rng) => {
  const name = rng.pick(["add", "collect", "remember", "push"]);
  const vals = intList(rng, 3, 1, 50);
  const fresh = rng.int(51, 99);
  const code = [
    `def ${name}(item, bucket=[]):`,
    "    bucket.append(item)",
    "    return bucket",
    "",
    `${name}(${vals[0]})`,
    `${name}(${vals[1]})`,
    `print(${name}(${vals[2]}), ${name}(${fresh}, []))`,
  ];
  return trap("mutable-default", code, printLine([vals, [fresh]]));
};

/** round() sends halves to the even neighbour. */
const bankersRound: SnippetTemplate = (rng) => {
  const xs = [rng.int(0, 30) + 0.5, rng.int(0, 30) + 0.5, -(rng.int(0, 9) + 0.5)];
  return trap(
    "bankers-round",
    [`print(${xs.map((x) => `round(${x})`).join(", ")})`],
    printLine(xs.map(pyRound)),
  );
};

/** ** binds tighter than unary minus and groups right to left. */
const powerPrecedence: SnippetTemplate = (rng) => {
  const a = rng.int(2, 9);
  const [b, c] = [rng.int(2, 3), rng.int(2, 3)];
  const code = [`print(-${a} ** 2, (-${a}) ** 2, ${b} ** 2 ** ${c})`];
  return trap("power-precedence", code, printLine([-(a ** 2), a ** 2, b ** (2 ** c)]));
};

/** Closures see the loop variable's final value unless it is bound as a default. */
const lateBinding: SnippetTemplate = (rng) => {
  const [n, k] = [rng.int(3, 5), rng.int(1, 6)];
  const bound = rng.chance(0.3);
  const lambda = bound ? `lambda i=i: i * ${k}` : `lambda: i * ${k}`;
  const out = Array.from({ length: n }, (_, i) => (bound ? i : n - 1) * k);
  return trap(
    "late-binding",
    [`funcs = [${lambda} for i in range(${n})]`, "print([f() for f in funcs])"],
    pyRepr(out),
  );
};

/** a > b == c chains as (a > b) and (b == c); a bool compared to an int is 0 or 1. */
const chainedComparison: SnippetTemplate = (rng) => {
  const [a, b] = [rng.int(2, 20), rng.int(1, 20)];
  const c = rng.chance(0.6) ? b : rng.int(0, 2);
  const out = [a > b && b === c, Number(a > b) === c];
  return trap("chained-comparison", [`print(${a} > ${b} == ${c}, (${a} > ${b}) == ${c})`], printLine(out));
};

/** Removing from a list while iterating over it skips the element after each removal. */
const removeWhileIterating: SnippetTemplate = (rng) => {
  const nums = intList(rng, rng.int(5, 7), 1, 20);
  const xs = [...nums];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    if (x % 2 === 0) xs.splice(xs.indexOf(x), 1);
  }
  if (!xs.some((x) => x % 2 === 0)) return null; // only a trap when an even number survives
  const code = [
    `nums = ${src(nums)}`,
    "for x in nums:",
    "    if x % 2 == 0:",
    "        nums.remove(x)",
    "print(nums)",
  ];
  return trap("remove-while-iterating", code, pyRepr(xs));
};

/** Assigning inside a function makes a new local name; the global is untouched. */
const localScope: SnippetTemplate = (rng) => {
  const [outer, inner, add] = [rng.int(10, 99), rng.int(1, 9), rng.int(1, 9)];
  const name = rng.pick(["count", "total", "score", "level"]);
  const code = [
    `${name} = ${outer}`,
    "",
    "def bump():",
    `    ${name} = ${inner}`,
    `    return ${name} + ${add}`,
    "",
    `print(bump(), ${name})`,
  ];
  return trap("local-scope", code, printLine([inner + add, outer]));
};

/** Binary floats: 0.1 + 0.2 is not 0.3. */
const floatSum: SnippetTemplate = (rng) => {
  const [i, j] = [rng.int(1, 9), rng.int(1, 9)];
  const [a, b, c] = [i / 10, j / 10, (i + j) / 10];
  if (a + b === c) return null;
  return trap("float-sum", [`print(${a} + ${b}, ${a} + ${b} == ${c})`], printLine([float(a + b), false]));
};

/** list.sort() sorts in place and returns None. */
const sortReturnsNone: SnippetTemplate = (rng) => {
  const nums = intList(rng, rng.int(3, 6), 0, 50);
  const sorted = [...nums].sort((p, q) => p - q);
  return trap(
    "sort-returns-none",
    [`nums = ${src(nums)}`, "result = nums.sort()", "print(result, nums)"],
    printLine([null, sorted]),
  );
};

/** A negative step walks backwards, so start must exceed stop or the slice is empty. */
const negativeStep: SnippetTemplate = (rng) => {
  const s = rng.pick(WORDS);
  const a = rng.int(3, s.length - 1);
  const b = rng.int(0, a - 2);
  const out = [pySlice(s, a, b, -1), pySlice(s, b, a, -1).length];
  return trap(
    "negative-step",
    [`s = ${lit(s)}`, `print(s[${a}:${b}:-1], len(s[${b}:${a}:-1]))`],
    printLine(out),
  );
};

export const TRAP_SNIPPETS: readonly SnippetTemplate[] = [
  negativeFloor,
  aliasing,
  sharedRows,
  mutableDefault,
  bankersRound,
  powerPrecedence,
  lateBinding,
  chainedComparison,
  removeWhileIterating,
  localScope,
  floatSum,
  sortReturnsNone,
  negativeStep,
];
