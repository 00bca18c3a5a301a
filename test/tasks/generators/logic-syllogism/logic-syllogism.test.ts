import { describe, expect, it } from "vitest";
import { DIFFICULTIES, type Difficulty } from "../../../../src/core/taxonomy.js";
import {
  type Form,
  judge,
  type Statement,
  satisfiable,
} from "../../../../src/tasks/generators/logic-syllogism/categorical-logic.js";
import { NONE_FOLLOWS } from "../../../../src/tasks/generators/logic-syllogism/categorical-syllogism.js";
import { logicSyllogismGenerator } from "../../../../src/tasks/generators/logic-syllogism/logic-syllogism.js";
import { CANNOT_TELL } from "../../../../src/tasks/generators/logic-syllogism/ordering-puzzle.js";
import type { Task } from "../../../../src/tasks/task.js";

const st = (form: Form, x: number, y: number): Statement => ({ form, x, y });
const [S, M, P] = [0, 1, 2];

describe("categorical entailment", () => {
  it.each([
    ["Barbara", [st("all", M, P), st("all", S, M)], st("all", S, P), "entailed"],
    ["Celarent", [st("no", M, P), st("all", S, M)], st("no", S, P), "entailed"],
    ["Darii", [st("all", M, P), st("some", S, M)], st("some", S, P), "entailed"],
    ["Ferio", [st("no", M, P), st("some", S, M)], st("some-not", S, P), "entailed"],
    ["Darapti (existential import)", [st("all", M, P), st("all", M, S)], st("some", S, P), "entailed"],
    ["undistributed middle", [st("all", P, M), st("all", S, M)], st("all", S, P), "possible"],
    ["illicit conversion", [st("all", S, P)], st("all", P, S), "possible"],
    ["simple conversion", [st("no", S, P)], st("no", P, S), "entailed"],
    ["subalternation", [st("all", S, P)], st("some", S, P), "entailed"],
    ["contradictory", [st("all", S, P)], st("some-not", S, P), "contradicted"],
    ["two particulars", [st("some", M, P), st("some", S, M)], st("some", S, P), "possible"],
    ["Barbara contrary", [st("all", M, P), st("all", S, M)], st("no", S, P), "contradicted"],
  ] as const)("%s", (_name, premises, conclusion, verdict) => {
    expect(judge(premises, conclusion, 3)).toBe(verdict);
  });

  it("detects inconsistent premises", () => {
    expect(satisfiable([st("all", S, P), st("no", S, P)], 3)).toBe(false); // S would be empty
    expect(satisfiable([st("all", S, M), st("some", S, P)], 3)).toBe(true);
  });
});

// Independent check: enumerate every set of inhabited Venn regions and test statements directly.
function holdsIn(model: number, s: Statement, terms: number): boolean {
  let xy = false;
  let xNotY = false;
  for (let r = 0; r < 1 << terms; r++) {
    if (!(model & (1 << r)) || !(r & (1 << s.x))) continue;
    if (r & (1 << s.y)) xy = true;
    else xNotY = true;
  }
  return { all: !xNotY, no: !xy, some: xy, "some-not": xNotY }[s.form];
}

function bruteForceEntails(premises: Statement[], s: Statement, terms: number): boolean {
  for (let model = 0; model < 2 ** (1 << terms); model++) {
    const inhabited = Array.from({ length: terms }, (_, t) => {
      for (let r = 0; r < 1 << terms; r++) if (model & (1 << r) && r & (1 << t)) return true;
      return false;
    }).every(Boolean);
    if (inhabited && premises.every((p) => holdsIn(model, p, terms)) && !holdsIn(model, s, terms))
      return false;
  }
  return true;
}

const STATEMENT = /^(?:\d+\. )?(All|No|Some) (.+?) are (not )?(.+)\.$/;

function parseStatement(text: string, names: string[]): Statement {
  const m = STATEMENT.exec(text);
  if (!m) throw new Error(`not a statement: ${text}`);
  const id = (name: string) => (names.includes(name) ? names.indexOf(name) : names.push(name) - 1);
  const x = id(m[2] as string);
  const y = id(m[4] as string);
  const form: Form = m[1] === "All" ? "all" : m[1] === "No" ? "no" : m[3] ? "some-not" : "some";
  return { form, x, y };
}

const COMPARATIVES: Record<string, boolean> = {
  taller: true,
  shorter: false,
  older: true,
  younger: false,
  faster: true,
  slower: false,
  heavier: true,
  lighter: false,
};

/** People above each person, from "X is taller than Y" lines, closed transitively by search. */
function ordering(lines: string[]) {
  const above = new Map<string, Set<string>>();
  const people = new Set<string>();
  for (const line of lines) {
    const m = /^(\w+) is (\w+) than (\w+)\.$/.exec(line);
    if (!m) continue;
    const [hi, lo] = COMPARATIVES[m[2] as string] ? [m[1], m[3]] : [m[3], m[1]];
    people.add(hi as string).add(lo as string);
    above.set(lo as string, (above.get(lo as string) ?? new Set()).add(hi as string));
  }
  const ancestors = (p: string, seen = new Set<string>()): Set<string> => {
    for (const q of above.get(p) ?? []) if (!seen.has(q)) ancestors(q, seen.add(q));
    return seen;
  };
  const isAbove = (a: string, b: string) => ancestors(b).has(a);
  return { people: [...people], isAbove };
}

const ORDINAL: Record<string, number> = { "": 1, "second ": 2, "third ": 3, "fourth ": 4 };
const SUPERLATIVE_TOP = new Set(["tallest", "oldest", "fastest", "heaviest"]);

function checkOrdering(t: Task, gold: string) {
  const lines = t.question.split("\n");
  const { people, isAbove } = ordering(lines);
  const stated = { Three: 3, Four: 4, Five: 5, Six: 6 }[(lines[0] ?? "").split(" ")[0] as "Three"];
  expect(people.length, "everyone named in the intro appears in a fact").toBe(stated);
  const ask = lines[lines.length - 1] as string;
  if (ask === "Which of the following must be true?") {
    for (const option of t.choices ?? []) {
      const m = /^(\w+) is (\w+) than (\w+)\.$/.exec(option);
      const forced = isAbove(m?.[1] as string, m?.[3] as string);
      expect(forced, `${option} in ${t.question}`).toBe(option === gold);
    }
    return;
  }
  const m = /^Who is the (second |third |fourth )?(\w+)\?$/.exec(ask);
  if (!m) throw new Error(`unparsed question: ${ask}`);
  const depth = ORDINAL[m[1] ?? ""] as number;
  const fromTop = SUPERLATIVE_TOP.has(m[2] as string);
  // A position is known when exactly one person has the right number of people known above (or below) and
  // everyone is comparable to them.
  const rank = (p: string) => people.filter((q) => (fromTop ? isAbove(q, p) : isAbove(p, q))).length;
  const comparable = (p: string) => people.every((q) => q === p || isAbove(p, q) || isAbove(q, p));
  const total = people.every(comparable);
  if (gold === CANNOT_TELL) {
    expect(total).toBe(false);
    expect(people.filter((p) => rank(p) === 0).length).toBeGreaterThanOrEqual(2);
  } else {
    expect(total, t.question).toBe(true);
    expect(rank(gold), t.question).toBe(depth - 1);
  }
}

function checkCategorical(t: Task, gold: string, difficulty: Difficulty, bruteForce: boolean) {
  const names: string[] = [];
  const premises = t.question
    .split("\n")
    .filter((l) => /^\d+\. /.test(l))
    .map((l) => parseStatement(l, names));
  const terms = names.length;
  expect(terms).toBe(difficulty === "hard" ? 4 : 3);
  const options = (t.choices ?? []).filter((c) => c !== NONE_FOLLOWS);
  const entailed = options.filter((o) => {
    const s = parseStatement(o, names);
    const fast = judge(premises, s, terms) === "entailed";
    if (bruteForce) expect(bruteForceEntails(premises, s, terms)).toBe(fast);
    return fast;
  });
  expect(entailed, t.question).toEqual(gold === NONE_FOLLOWS ? [] : [gold]);
  expect(terms).toBe(names.length); // options only mention terms from the premises
}

describe("logic-syllogism", () => {
  it.each(DIFFICULTIES)("has exactly one defensible option in every %s item", (difficulty) => {
    for (let i = 0; i < 1000; i++) {
      const t = logicSyllogismGenerator.generate(difficulty, i);
      const gold = t.choices?.[t.answer_index ?? -1] as string;
      if (t.question.startsWith("Assume"))
        checkCategorical(t, gold, difficulty, i < (difficulty === "hard" ? 25 : 300));
      else checkOrdering(t, gold);
    }
  });

  it("grows in premises, people and options with difficulty", () => {
    const lines = (d: Difficulty) =>
      Array.from(
        { length: 400 },
        (_, i) => logicSyllogismGenerator.generate(d, i).question.split("\n").length,
      ).reduce((a, b) => a + b, 0);
    expect(lines("medium")).toBeGreaterThan(lines("easy"));
    expect(lines("hard")).toBeGreaterThan(lines("medium"));
  });

  it("makes the hard traps answers of 'cannot be determined', 'none follows' or an unstated implication", () => {
    const traps = Array.from({ length: 1000 }, (_, i) => logicSyllogismGenerator.generate("hard", i)).filter(
      (t) => t.adversarial,
    );
    const golds = traps.map((t) => t.choices?.[t.answer_index ?? -1] as string);
    expect(golds).toContain(NONE_FOLLOWS);
    expect(golds).toContain(CANNOT_TELL);
    expect(traps.some((t) => t.question.endsWith("must be true?"))).toBe(true);
    // The escape options also appear as wrong answers, so their presence gives nothing away.
    const plainHard = Array.from({ length: 300 }, (_, i) =>
      logicSyllogismGenerator.generate("hard", i),
    ).filter((t) => !t.adversarial);
    expect(
      plainHard.every((t) => t.choices?.includes(NONE_FOLLOWS) || t.choices?.includes(CANNOT_TELL)),
    ).toBe(true);
  });
});
