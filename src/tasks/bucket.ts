// A bucket is the tasks of one source in one domain x difficulty: concrete (a list) or generated on demand.
import type { Difficulty, Domain } from "../core/taxonomy.js";
import type { Task } from "./task.js";

export type SourceKind = Task["source"]["kind"];

/** Generated items a bucket keeps once built, by index: the default pool (1,000) fits; higher indices are rebuilt. */
export const MEMO_ITEMS = 2048;

export class Bucket {
  #adversarial: number[] | undefined;
  /** Items already built, when the getter builds them (generators): a draw then costs no generation. */
  readonly #memo: (Task | undefined)[] | null;

  constructor(
    readonly domain: Domain,
    readonly difficulty: Difficulty,
    readonly source: SourceKind,
    readonly size: number,
    private readonly getter: (index: number) => Task,
    memoize = false,
  ) {
    this.#memo = memoize ? new Array(Math.min(size, MEMO_ITEMS)) : null;
  }

  static of(domain: Domain, difficulty: Difficulty, source: SourceKind, tasks: readonly Task[]): Bucket {
    return new Bucket(domain, difficulty, source, tasks.length, (i) => tasks[i] as Task);
  }

  get(index: number): Task {
    const memo = this.#memo;
    if (memo === null || !Number.isInteger(index) || index < 0 || index >= memo.length)
      return this.getter(index);
    let task = memo[index];
    if (task === undefined) {
      task = this.getter(index);
      memo[index] = task;
    }
    return task;
  }

  /** Indices of adversarial items, found once on first use (generated buckets are not materialised before). */
  adversarialIndices(): readonly number[] {
    if (!this.#adversarial) {
      const found: number[] = [];
      for (let i = 0; i < this.size; i++) if (this.get(i).adversarial) found.push(i);
      this.#adversarial = found;
    }
    return this.#adversarial;
  }
}
