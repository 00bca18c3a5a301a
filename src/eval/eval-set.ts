// A fixed, seeded evaluation set: n tasks spread evenly over every domain x difficulty the bank serves.
import { DIFFICULTIES, type Difficulty, type Domain } from "../core/taxonomy.js";
import type { TaskBank } from "../tasks/bank.js";
import { TaskSampler } from "../tasks/sampler.js";
import type { Task } from "../tasks/task.js";

export interface EvalSetOptions {
  /** Number of tasks (a positive integer). */
  n: number;
  seed: number;
}

export interface EvalCell {
  domain: Domain;
  difficulty: Difficulty;
}

/** The domain x difficulty cells that hold at least one task, in taxonomy order. */
export function evalCells(bank: TaskBank): EvalCell[] {
  return bank.domains.flatMap((domain) =>
    DIFFICULTIES.filter((difficulty) => bank.buckets(domain, difficulty).length > 0).map((difficulty) => ({
      domain,
      difficulty,
    })),
  );
}

/**
 * Task i comes from cell i mod (number of cells), so cells differ in size by at most one; inside a cell the
 * seeded sampler draws without repeats until the cell's pool is used up. Same bank, n and seed: same list.
 * @example buildEvalSet(bank, { n: 210, seed: 1 }).length // 210, 10 per cell with 21 cells
 */
export function buildEvalSet(bank: TaskBank, options: EvalSetOptions): Task[] {
  const { n, seed } = options;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  const cells = evalCells(bank);
  if (cells.length === 0) throw new RangeError("the bank holds no tasks to evaluate on");
  const sampler = new TaskSampler(bank, seed);
  return Array.from({ length: n }, (_, i) => sampler.next(cells[i % cells.length] as EvalCell));
}
