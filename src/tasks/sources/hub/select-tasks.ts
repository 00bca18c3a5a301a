// Seeded, order-independent selection of up to N tasks per difficulty, in bounded memory.
import { hashSeed } from "../../../core/rng.js";
import { DIFFICULTIES, type Difficulty } from "../../../core/taxonomy.js";
import type { Task } from "../../task.js";

export type DifficultyCounts = Record<Difficulty, number>;

export interface Selection {
  /** The chosen tasks, ordered by row index. */
  tasks: Task[];
  /** Usable rows seen per difficulty. */
  eligible: DifficultyCounts;
  /** Rows chosen per difficulty (min(eligible, perBucket)). */
  selected: DifficultyCounts;
}

export interface BucketSelector {
  add(task: Task): void;
  result(): Selection;
}

interface Ranked {
  rank: number;
  task: Task;
}

const zeroCounts = (): DifficultyCounts => ({ easy: 0, medium: 0, hard: 0 });
const byRank = (a: Ranked, b: Ranked) => a.rank - b.rank || a.task.source.index - b.task.source.index;

/**
 * Keeps, per difficulty, the `perBucket` tasks with the smallest `hashSeed(seed, id)` rank: a seeded
 * sample that does not depend on the order rows arrive in, and never holds more than ~2N tasks a bucket.
 * @example const s = createBucketSelector("echo-hub/gsm8k/train", 500); rows.forEach(s.add); s.result()
 */
export function createBucketSelector(seed: string, perBucket: number): BucketSelector {
  const kept: Record<Difficulty, Ranked[]> = { easy: [], medium: [], hard: [] };
  const eligible = zeroCounts();
  const trim = (bucket: Ranked[]) => {
    bucket.sort(byRank);
    bucket.length = Math.min(bucket.length, perBucket);
  };
  return {
    add(task) {
      eligible[task.difficulty] += 1;
      if (perBucket <= 0) return;
      const bucket = kept[task.difficulty];
      bucket.push({ rank: hashSeed(seed, task.id), task });
      if (bucket.length >= 2 * perBucket + 64) trim(bucket);
    },
    result() {
      const selected = zeroCounts();
      const tasks: Task[] = [];
      for (const difficulty of DIFFICULTIES) {
        trim(kept[difficulty]);
        selected[difficulty] = kept[difficulty].length;
        tasks.push(...kept[difficulty].map((entry) => entry.task));
      }
      tasks.sort((a, b) => a.source.index - b.source.index);
      return { tasks, eligible, selected };
    },
  };
}
