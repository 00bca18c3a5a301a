// Python snippets about strings: slicing (hard: steps and negative bounds), methods, building strings in loops.
import type { Rng } from "../../../core/rng.js";
import { type SnippetTemplate, snippet, WORDS } from "./python-snippet.js";
import { lit, printLine, pyRepr, pySlice, src } from "./python-values.js";

const VOWELS = "aeiou";

/** Slice bounds as written in code: null is an omitted bound. */
type Bounds = [number | null, number | null, number | null];

const boundsText = ([a, b, c]: Bounds) => `${a ?? ""}:${b ?? ""}${c === null ? "" : `:${c}`}`;

function randomBounds(rng: Rng, n: number, kind: "plain" | "negative" | "step"): Bounds {
  const idx = () => (kind === "plain" ? rng.int(0, n) : rng.int(-n, n));
  const maybe = (v: number) => (rng.chance(0.25) ? null : v);
  if (kind === "plain") {
    const a = rng.int(0, n - 2);
    return [maybe(a), rng.int(a + 1, n), null];
  }
  if (kind === "negative")
    return [maybe(rng.int(-n, -1)), rng.chance(0.5) ? null : rng.int(-n + 1, -1), null];
  const step = rng.pick([2, 3, -1, -2, -3]);
  return [maybe(idx()), maybe(idx()), step];
}

export const stringSlicing: SnippetTemplate = (rng, difficulty) => {
  const s = rng.pick(WORDS);
  const kind = difficulty === "easy" ? "plain" : difficulty === "medium" ? "negative" : "step";
  const cuts = [randomBounds(rng, s.length, kind), randomBounds(rng, s.length, kind)];
  const parts = cuts.map((b) => pySlice(s, b[0], b[1], b[2] ?? 1));
  if (parts.some((p) => p.length === 0)) return null; // an empty slice prints nothing visible
  const code = [`s = ${lit(s)}`, `print(${cuts.map((b) => `s[${boundsText(b)}]`).join(", ")})`];
  return snippet("string-slicing", code, printLine(parts));
};

/** Non-overlapping occurrences, as str.count counts them. */
const countOf = (s: string, sub: string) => s.split(sub).length - 1;

export const stringMethods: SnippetTemplate = (rng, difficulty) => {
  const s = rng.pick(WORDS);
  const ch = rng.pick([...new Set(s)]);
  const other = rng.pick([..."aeiouxyz"].filter((c) => c !== ch));
  if (difficulty === "easy") {
    const prefix = s.slice(0, rng.int(1, 3));
    const probe = rng.chance(0.5) ? prefix : other + prefix;
    const code = [
      `word = ${lit(s)}`,
      `print(word.upper(), len(word), word.count(${lit(ch)}), word.startswith(${lit(probe)}))`,
    ];
    return snippet(
      "string-methods",
      code,
      printLine([s.toUpperCase(), s.length, countOf(s, ch), s.startsWith(probe)]),
    );
  }
  if (difficulty === "medium") {
    const code = [
      `word = ${lit(s)}`,
      `new = word.replace(${lit(ch)}, ${lit(other)})`,
      `print(new, word.find(${lit(other)}), new.find(${lit(other)}))`,
    ];
    return snippet(
      "string-methods",
      code,
      printLine([s.replaceAll(ch, other), s.indexOf(other), s.replaceAll(ch, other).indexOf(other)]),
    );
  }
  // Hard: split on a separator that leaves empty fields; count() does not count overlapping matches.
  const words = rng.shuffle(WORDS).slice(0, rng.int(2, 3));
  const text = words.join(",,");
  const fields = text.split(",");
  const run = other.repeat(rng.int(3, 7));
  const code = [
    `text = ${lit(text)}`,
    'parts = text.split(",")',
    `print(len(parts), "-".join(parts[:2]))`,
    `print(${lit(run)}.count(${lit(other + other)}), ${lit(s)}.count(${lit(ch)}))`,
  ];
  const out = [
    printLine([fields.length, fields.slice(0, 2).join("-")]),
    printLine([countOf(run, other + other), countOf(s, ch)]),
  ];
  return snippet("string-methods", code, out.join("\n"));
};

/** A loop that builds a string; hard prepends, which reverses part of it. */
export const stringBuilding: SnippetTemplate = (rng, difficulty) => {
  const s = rng.pick(WORDS);
  if (difficulty === "easy") {
    const sep = rng.pick(["-", "*", ".", "+"]);
    const k = rng.int(2, 3);
    return snippet(
      "string-building",
      [`word = ${lit(s)}`, `print(${lit(sep)}.join(word), word * ${k})`],
      printLine([[...s].join(sep), s.repeat(k)]),
    );
  }
  let result = "";
  if (difficulty === "medium") {
    const negate = rng.chance(0.5);
    const double = rng.chance(0.5);
    for (const c of s) result += VOWELS.includes(c) !== negate ? (double ? c + c : c.toUpperCase()) : c;
    const code = [
      'result = ""',
      `for ch in ${lit(s)}:`,
      `    if ch ${negate ? "not in" : "in"} "aeiou":`,
      `        result += ${double ? "ch * 2" : "ch.upper()"}`,
      "    else:",
      "        result += ch",
      "print(result)",
    ];
    return snippet("string-building", code, result);
  }
  const front = rng.chance(0.5); // vowels go to the front instead of the back
  for (const c of s) result = VOWELS.includes(c) !== front ? result + c : c + result;
  const check = rng.chance(0.5);
  const code = [
    'result = ""',
    `for ch in ${lit(s)}:`,
    `    if ch ${front ? "not in" : "in"} "aeiou":`,
    "        result = result + ch",
    "    else:",
    "        result = ch + result",
    check ? "print(result, result[::-1] == result)" : "print(result, result[::2])",
  ];
  const tail = check ? [...result].reverse().join("") === result : pySlice(result, null, null, 2);
  return snippet("string-building", code, printLine([result, tail]));
};

/** Lists of characters and words print with quotes. */
export const stringLists: SnippetTemplate = (rng, difficulty) => {
  const s = rng.pick(WORDS);
  if (difficulty === "easy") {
    const a = rng.int(0, s.length - 3);
    const b = rng.int(a + 2, Math.min(s.length, a + 5));
    return snippet("string-lists", [`print(list(${lit(s)}[${a}:${b}]))`], pyRepr([...s.slice(a, b)]));
  }
  if (difficulty === "medium") {
    const words = rng.shuffle(WORDS).slice(0, 4);
    const code = [`words = ${src(words)}`, "print(sorted(words), words[1][::-1])"];
    return snippet(
      "string-lists",
      code,
      printLine([[...words].sort(), [...(words[1] as string)].reverse().join("")]),
    );
  }
  const k = rng.int(2, 3);
  const letters = [...s].filter((c) => !VOWELS.includes(c));
  const distinct = rng.chance(0.5);
  const code = [
    `letters = [c for c in ${lit(s)} if c not in "aeiou"]`,
    distinct ? `print(letters[-${k}:], len(set(letters)))` : `print(letters[:${k}], len(letters))`,
  ];
  const out = distinct ? [letters.slice(-k), new Set(letters).size] : [letters.slice(0, k), letters.length];
  return snippet("string-lists", code, printLine(out));
};
