// Python snippets with loops: for over range() with continue/break, while loops that count, digit sums, Collatz.
import { type SnippetTemplate, snippet } from "./python-snippet.js";
import { printLine } from "./python-values.js";

/** for-loops over range() with an accumulator; hard counts down and uses continue/break. */
export const rangeLoop: SnippetTemplate = (rng, difficulty) => {
  if (difficulty === "easy") {
    const [a, b] = [rng.int(0, 5), rng.int(6, 15)];
    const k = rng.int(1, 4);
    let total = 0;
    for (let i = a; i < b; i++) total += k * i;
    const body = k === 1 ? "total += i" : `total += ${k} * i`;
    return snippet(
      "range-loop",
      ["total = 0", `for i in range(${a}, ${b}):`, `    ${body}`, "print(total)"],
      String(total),
    );
  }
  if (difficulty === "medium") {
    const [a, b, s] = [rng.int(0, 10), rng.int(15, 40), rng.int(1, 3)];
    const k = rng.int(2, 5);
    let total = 0;
    let count = 0;
    for (let i = a; i < b; i += s) {
      if (i % k === 0) total += i;
      else count += 1;
    }
    const code = [
      "total = 0",
      "count = 0",
      `for i in range(${a}, ${b}, ${s}):`,
      `    if i % ${k} == 0:`,
      "        total += i",
      "    else:",
      "        count += 1",
      "print(total, count)",
    ];
    return snippet("range-loop", code, printLine([total, count]));
  }
  const [hi, lo, s] = [rng.int(20, 60), rng.int(-10, 5), rng.int(2, 5)];
  const k = rng.int(3, 7);
  const limit = rng.int(30, 150);
  let total = 0;
  let last = Number.NaN;
  for (let i = hi; i > lo; i -= s) {
    last = i;
    if (i % k === 0) continue;
    total += i;
    if (total > limit) break;
  }
  if (Number.isNaN(last)) return null;
  const code = [
    "total = 0",
    `for i in range(${hi}, ${lo}, -${s}):`,
    `    if i % ${k} == 0:`,
    "        continue",
    "    total += i",
    `    if total > ${limit}:`,
    "        break",
    "print(total, i)",
  ];
  return snippet("range-loop", code, printLine([total, last]));
};

export const whileLoop: SnippetTemplate = (rng, difficulty) => {
  if (difficulty === "easy") {
    const [n, k] = [rng.int(10, 60), rng.int(3, 9)];
    let [m, count] = [n, 0];
    while (m > 0) {
      m -= k;
      count += 1;
    }
    const code = [
      `n = ${n}`,
      "count = 0",
      "while n > 0:",
      `    n -= ${k}`,
      "    count += 1",
      "print(count, n)",
    ];
    return snippet("while-loop", code, printLine([count, m]));
  }
  if (difficulty === "medium") {
    const n = rng.int(100, 99999);
    let [m, total, steps] = [n, 0, 0];
    while (m > 0) {
      total += m % 10;
      m = Math.floor(m / 10);
      steps += 1;
    }
    const code = [
      `n = ${n}`,
      "total = 0",
      "steps = 0",
      "while n > 0:",
      "    total += n % 10",
      "    n //= 10",
      "    steps += 1",
      "print(total, steps)",
    ];
    return snippet("while-loop", code, printLine([total, steps]));
  }
  if (rng.chance(0.5)) {
    const n = rng.int(6, 300);
    let [m, steps, peak] = [n, 0, n];
    while (m !== 1) {
      m = m % 2 === 0 ? m / 2 : 3 * m + 1;
      peak = Math.max(peak, m);
      steps += 1;
    }
    const code = [
      `n = ${n}`,
      "steps = 0",
      "peak = n",
      "while n != 1:",
      "    if n % 2 == 0:",
      "        n = n // 2",
      "    else:",
      "        n = 3 * n + 1",
      "    peak = max(peak, n)",
      "    steps += 1",
      "print(steps, peak)",
    ];
    return snippet("while-loop", code, printLine([steps, peak]));
  }
  const [n, d] = [rng.int(20, 999), rng.int(2, 5)];
  let [m, steps] = [n, 0];
  while (m > 0) {
    m = m % d === 0 ? m / d : m - 1;
    steps += 1;
  }
  const code = [
    `n = ${n}`,
    "steps = 0",
    "while n > 0:",
    `    if n % ${d} == 0:`,
    `        n //= ${d}`,
    "    else:",
    "        n -= 1",
    "    steps += 1",
    "print(steps, n)",
  ];
  return snippet("while-loop", code, printLine([steps, m]));
};
