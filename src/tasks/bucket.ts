// A bucket is the tasks of one source in one domain x difficulty: concrete (a list) or generated on demand.
import type { Difficulty, Domain } from "../core/taxonomy.js";
import type { Task } from "./task.js";

export type SourceKind = Task["source"]["kind"];

export class Bucket {
  #adversarial: number[] | undefined;

  constructor(
    readonly domain: Domain,
    readonly difficulty: Difficulty,
    readonly source: SourceKind,
    readonly size: number,
    private readonly getter: (index: number) => Task,
  ) {}

  static of(domain: Domain, difficulty: Difficulty, source: SourceKind, tasks: readonly Task[]): Bucket {
    return new Bucket(domain, difficulty, source, tasks.length, (i) => tasks[i] as Task);
  }

  get(index: number): Task {
    return this.getter(index);
  }

  /** Indices of adversarial items, found once on first use (generated buckets are not materialised before). */
  adversarialIndices(): readonly number[] {
    if (!this.#adversarial) {
      const found: number[] = [];
      for (let i = 0; i < this.size; i++) if (this.getter(i).adversarial) found.push(i);
      this.#adversarial = found;
    }
    return this.#adversarial;
  }
}
