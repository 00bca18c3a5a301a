// The task bank: generators + curated bank + cached Hub datasets behind one lookup and one summary.
import { z } from "zod";
import { seededOrder } from "../core/seeded-order.js";
import { DIFFICULTIES, type Difficulty, DOMAINS, type Domain } from "../core/taxonomy.js";
import { Bucket, type SourceKind } from "./bucket.js";
import type { Generator } from "./generators/generator.js";
import { parseGeneratedId } from "./generators/index.js";
import { SOURCE_KINDS, type Task } from "./task.js";

export const BankOptions = z
  .object({
    domains: z
      .array(z.enum(DOMAINS))
      .min(1)
      .default([...DOMAINS])
      .describe("Domains the bank serves"),
    sources: z
      .array(z.enum(SOURCE_KINDS))
      .min(1)
      .default([...SOURCE_KINDS])
      .describe("Sources the bank draws from: generated, curated, hub (cached real datasets)"),
    source_weights: z
      .partialRecord(z.enum(SOURCE_KINDS), z.number().min(0))
      .default({})
      .describe("Relative weight of each source inside a domain x difficulty bucket (default 1 each)"),
    domain_weights: z
      .partialRecord(z.enum(DOMAINS), z.number().min(0))
      .default({})
      .describe("Relative weight of each domain when none is requested (default 1 each)"),
    generated_pool_size: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .default(1000)
      .describe("Items per generator x difficulty in the sampling pool (any index stays reachable by id)"),
  })
  .meta({ id: "BankOptions" });
export type BankOptions = z.infer<typeof BankOptions>;
export type BankOptionsInput = z.input<typeof BankOptions>;

export const BankSummary = z
  .object({
    total: z
      .number()
      .int()
      .describe("Tasks available for sampling (generated pools counted at their pool size)"),
    counts: z
      .array(
        z.object({
          domain: z.enum(DOMAINS),
          difficulty: z.enum(DIFFICULTIES),
          source: z.enum(SOURCE_KINDS),
          count: z.number().int(),
        }),
      )
      .describe("Counts per domain x difficulty x source; empty combinations are left out"),
    unanswerable: z
      .number()
      .int()
      .describe(
        "Unanswerable tasks served (declining is their right answer); not counted in total or counts",
      ),
  })
  .meta({ id: "BankSummary" });
export type BankSummary = z.infer<typeof BankSummary>;

/** Which sampleable tasks a listing holds; every field left out matches everything. */
export interface TaskFilter {
  domain?: Domain | undefined;
  /** Only these difficulties (e.g. the ones a curriculum phase draws). */
  difficulties?: readonly Difficulty[] | undefined;
  source?: SourceKind | undefined;
  /** true: only answerable tasks; false: only unanswerable ones; unset: both (unanswerable ones last). */
  answerable?: boolean | undefined;
}

/** Which unanswerable tasks a draw may take; every field left out matches everything. */
export interface UnanswerableFilter {
  domain?: Domain | undefined;
  difficulty?: Difficulty | undefined;
  adversarial?: boolean | undefined;
}

/** A listing with random access, so a page never materialises the generated pools before it. */
export interface TaskList {
  readonly size: number;
  /** The task at a position in the listing's order; throws a RangeError outside [0, size). */
  at(position: number): Task;
}

export interface BankInput {
  generators: readonly Generator[];
  curated: readonly Task[];
  hub: readonly Task[];
  options?: BankOptionsInput;
}

/** Generated tasks kept after a lookup by id (oldest dropped first). */
const GENERATED_CACHE_SIZE = 4096;

const bucketKey = (domain: Domain, difficulty: Difficulty) => `${domain}/${difficulty}`;

export class TaskBank {
  readonly options: BankOptions;
  readonly #byId = new Map<string, Task>();
  readonly #generated = new Map<string, Task>();
  readonly #buckets = new Map<string, Bucket[]>();
  readonly #generators: readonly Generator[];
  /** Tasks whose right answer is to decline, kept apart so answerable draws and listings stay as they were. */
  readonly #unanswerable: Task[] = [];
  #sorted: readonly Task[] | undefined;

  constructor(input: BankInput) {
    this.options = BankOptions.parse(input.options ?? {});
    const domains = new Set<Domain>(this.options.domains);
    const sources = new Set<SourceKind>(this.options.sources);
    this.#generators = input.generators.filter((g) => domains.has(g.domain));

    const concrete = new Map<string, { source: SourceKind; tasks: Task[] }[]>();
    for (const task of [...input.curated, ...input.hub]) {
      if (this.#byId.has(task.id)) throw new Error(`duplicate task id ${task.id} in the bank`);
      this.#byId.set(task.id, task);
      if (!domains.has(task.domain) || !sources.has(task.source.kind)) continue;
      if (task.answerable === false) {
        this.#unanswerable.push(task);
        continue;
      }
      const key = bucketKey(task.domain, task.difficulty);
      const groups = concrete.get(key) ?? [];
      let group = groups.find((g) => g.source === task.source.kind);
      if (!group) {
        group = { source: task.source.kind, tasks: [] };
        groups.push(group);
      }
      group.tasks.push(task);
      concrete.set(key, groups);
    }

    for (const domain of this.options.domains) {
      for (const difficulty of DIFFICULTIES) {
        const key = bucketKey(domain, difficulty);
        const buckets: Bucket[] = [];
        if (sources.has("generated")) {
          for (const g of this.#generators.filter((gen) => gen.domain === domain)) {
            const size = this.options.generated_pool_size;
            const generate = (i: number) => g.generate(difficulty, i);
            buckets.push(new Bucket(domain, difficulty, "generated", size, generate, true));
          }
        }
        for (const group of concrete.get(key) ?? []) {
          buckets.push(Bucket.of(domain, difficulty, group.source, group.tasks));
        }
        this.#buckets.set(key, buckets);
      }
    }
  }

  /** Finds a task by id: curated and Hub tasks by lookup, generated ones by regenerating them. */
  get(id: string): Task | undefined {
    const known = this.#byId.get(id) ?? this.#generated.get(id);
    if (known) return known;
    const parsed = parseGeneratedId(id);
    if (!parsed) return undefined;
    const generator = this.#generators.find((g) => g.name === parsed.name && g.version === parsed.version);
    const task = generator?.generate(parsed.difficulty, parsed.index);
    if (!task || task.id !== id) return undefined; // only canonical ids ("/7", not "/007") name a task
    // GRPO sends each prompt's id several times in a row: keep the newest generated tasks at hand.
    if (this.#generated.size >= GENERATED_CACHE_SIZE) {
      this.#generated.delete(this.#generated.keys().next().value as string);
    }
    this.#generated.set(id, task);
    return task;
  }

  /** The buckets of one domain x difficulty, one per source (and per generator); empty ones left out. */
  buckets(domain: Domain, difficulty: Difficulty): readonly Bucket[] {
    return (this.#buckets.get(bucketKey(domain, difficulty)) ?? []).filter((b) => b.size > 0);
  }

  /**
   * The served unanswerable tasks matching a filter, in bank order (domain, then difficulty, then file order).
   * @example bank.unanswerable({ domain: "factual" }).length
   */
  unanswerable(filter: UnanswerableFilter = {}): readonly Task[] {
    return this.#unanswerableSorted().filter(
      (t) =>
        (filter.domain === undefined || t.domain === filter.domain) &&
        (filter.difficulty === undefined || t.difficulty === filter.difficulty) &&
        (filter.adversarial === undefined || t.adversarial === filter.adversarial),
    );
  }

  #unanswerableSorted(): readonly Task[] {
    if (!this.#sorted) {
      const domainRank = (d: Domain) => this.options.domains.indexOf(d);
      const difficultyRank = (d: Difficulty) => DIFFICULTIES.indexOf(d);
      this.#sorted = this.#unanswerable
        .map((task, i) => ({ task, i }))
        .sort(
          (a, b) =>
            domainRank(a.task.domain) - domainRank(b.task.domain) ||
            difficultyRank(a.task.difficulty) - difficultyRank(b.task.difficulty) ||
            a.i - b.i,
        )
        .map((x) => x.task);
    }
    return this.#sorted;
  }

  sourceWeight(source: SourceKind): number {
    return this.options.source_weights[source] ?? 1;
  }

  domainWeight(domain: Domain): number {
    return this.options.domain_weights[domain] ?? 1;
  }

  get domains(): readonly Domain[] {
    return this.options.domains;
  }

  /**
   * The sampleable tasks matching a filter, in a stable order: domain, then difficulty, then each bucket in
   * bank order (generators, curated, hub), items by index; then the unanswerable tasks (domain, difficulty,
   * file order) unless `answerable` is true. With a seed, a seeded permutation of that order.
   * @example bank.list({ domain: "math" }, 7).at(0).id
   */
  list(filter: TaskFilter = {}, seed?: number): TaskList {
    const buckets: Bucket[] = [];
    const starts: number[] = [];
    let size = 0;
    const add = (bucket: Bucket) => {
      buckets.push(bucket);
      starts.push(size);
      size += bucket.size;
    };
    const wanted = (domain: Domain, difficulty: Difficulty) =>
      (filter.domain === undefined || filter.domain === domain) &&
      (!filter.difficulties || filter.difficulties.includes(difficulty));
    if (filter.answerable !== false) {
      for (const domain of this.options.domains) {
        for (const difficulty of DIFFICULTIES) {
          if (!wanted(domain, difficulty)) continue;
          for (const bucket of this.buckets(domain, difficulty)) {
            if (filter.source === undefined || bucket.source === filter.source) add(bucket);
          }
        }
      }
    }
    if (filter.answerable !== true) {
      const tasks = this.#unanswerableSorted().filter(
        (t) =>
          wanted(t.domain, t.difficulty) && (filter.source === undefined || t.source.kind === filter.source),
      );
      // One bucket for the whole segment: the listing only needs positions, not per-bucket weights.
      const first = tasks[0];
      if (first) add(Bucket.of(first.domain, first.difficulty, first.source.kind, tasks));
    }
    const order = seed === undefined ? null : seededOrder(size, seed);
    return {
      size,
      at(position: number): Task {
        if (!Number.isInteger(position) || position < 0 || position >= size) {
          throw new RangeError(`listing position must be an integer in [0, ${size}), got ${position}`);
        }
        const index = order ? order(position) : position;
        let lo = 0;
        let hi = buckets.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if ((starts[mid] as number) <= index) lo = mid;
          else hi = mid - 1;
        }
        return (buckets[lo] as Bucket).get(index - (starts[lo] as number));
      },
    };
  }

  summary(): BankSummary {
    const counts: BankSummary["counts"] = [];
    for (const domain of this.options.domains) {
      for (const difficulty of DIFFICULTIES) {
        const bySource = new Map<SourceKind, number>();
        for (const b of this.buckets(domain, difficulty)) {
          bySource.set(b.source, (bySource.get(b.source) ?? 0) + b.size);
        }
        for (const source of SOURCE_KINDS) {
          const count = bySource.get(source);
          if (count) counts.push({ domain, difficulty, source, count });
        }
      }
    }
    return {
      total: counts.reduce((sum, c) => sum + c.count, 0),
      counts,
      unanswerable: this.#unanswerable.length,
    };
  }
}
