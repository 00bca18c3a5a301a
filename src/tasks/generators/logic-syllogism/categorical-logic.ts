// Categorical statements ("All A are B", "Some A are not B") and exact entailment over Venn regions.

export const FORMS = ["all", "no", "some", "some-not"] as const;
export type Form = (typeof FORMS)[number];

/** A categorical statement about terms x and y (indices into the term list). */
export interface Statement {
  form: Form;
  x: number;
  y: number;
}

/**
 * A statement as a constraint on Venn regions (region r = things in exactly the terms whose bits are set in
 * r): "All x are y" and "No x are y" say every region in `mask` is empty; the "Some" forms say one is not.
 */
interface Constraint {
  mask: number;
  empty: boolean;
}

function regionMask(terms: number, test: (r: number) => boolean): number {
  let mask = 0;
  for (let r = 0; r < 1 << terms; r++) if (test(r)) mask |= 1 << r;
  return mask;
}

function constraint(s: Statement, terms: number): Constraint {
  const [bx, by] = [1 << s.x, 1 << s.y];
  const xNotY = s.form === "all" || s.form === "some-not";
  const mask = regionMask(terms, (r) => (r & bx) !== 0 && ((r & by) !== 0) !== xNotY);
  return { mask, empty: s.form === "all" || s.form === "no" };
}

const NEGATION: Record<Form, Form> = { all: "some-not", "some-not": "all", no: "some", some: "no" };

export function negate(s: Statement): Statement {
  return { ...s, form: NEGATION[s.form] };
}

/**
 * Whether the statements can all hold with every term inhabited (the traditional reading the questions
 * state). Emptiness constraints only remove regions, and inhabiting every remaining region is the best case
 * for every existence constraint, so this is exact: satisfiable iff each existence constraint keeps a region.
 */
export function satisfiable(statements: readonly Statement[], terms: number): boolean {
  const constraints = statements.map((s) => constraint(s, terms));
  for (let t = 0; t < terms; t++)
    constraints.push({ mask: regionMask(terms, (r) => (r & (1 << t)) !== 0), empty: false });
  const emptied = constraints.filter((c) => c.empty).reduce((acc, c) => acc | c.mask, 0);
  return constraints.every((c) => c.empty || (c.mask & ~emptied) !== 0);
}

export type Verdict = "entailed" | "possible" | "contradicted";

/** Entailed: its negation cannot join the premises; contradicted: it cannot; possible: both can. */
export function judge(premises: readonly Statement[], s: Statement, terms: number): Verdict {
  if (!satisfiable([...premises, negate(s)], terms)) return "entailed";
  return satisfiable([...premises, s], terms) ? "possible" : "contradicted";
}

/** "All painters are cyclists." */
export function statementText(s: Statement, names: readonly string[]): string {
  const [x, y] = [names[s.x], names[s.y]];
  switch (s.form) {
    case "all":
      return `All ${x} are ${y}.`;
    case "no":
      return `No ${x} are ${y}.`;
    case "some":
      return `Some ${x} are ${y}.`;
    case "some-not":
      return `Some ${x} are not ${y}.`;
  }
}
