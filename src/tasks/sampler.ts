// Seeded task sampling: the same seed gives the same sequence, and no task repeats within a bucket until
// the bucket is exhausted.
import { ADVERSARIAL_SHARE, drawDifficulty, UNANSWERABLE_SHARE } from "../core/curriculum.js";
import { createRng, hashSeed, type Rng } from "../core/rng.js";
import type { Difficulty, Domain, Phase } from "../core/taxonomy.js";
import type { TaskBank } from "./bank.js";
import type { Bucket } from "./bucket.js";
import { BucketCycle } from "./bucket-cycle.js";
import type { Task } from "./task.js";

export interface SampleRequest {
  domain?: Domain | undefined;
  difficulty?: Difficulty | undefined;
  /** Drives the difficulty mix when no difficulty is given (default 1). */
  phase?: Phase | undefined;
  /** Only adversarial items (where the chosen bucket has any). */
  adversarial?: boolean | undefined;
  /**
   * false: only unanswerable questions (any difficulty unless one is given: the set is small); true: never;
   * unset: never in phases 1-2, a share of UNANSWERABLE_SHARE of phase-3 draws.
   */
  answerable?: boolean | undefined;
}

export class SampleError extends Error {}

function weightedPick<T>(rng: Rng, items: readonly T[], weight: (item: T) => number): T | undefined {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  if (total <= 0) return undefined;
  let u = rng.next() * total;
  for (const item of items) {
    u -= weight(item);
    if (u < 0) return item;
  }
  return items[items.length - 1];
}

/** Picks the bucket (domain, difficulty, source) for one draw; throws SampleError when nothing matches. */
function pickBucket(
  bank: TaskBank,
  rng: Rng,
  request: SampleRequest,
): { bucket: Bucket; adversarial: boolean } {
  const domains = request.domain ? [request.domain] : bank.domains.filter((d) => bank.domainWeight(d) > 0);
  if (request.domain && !bank.domains.includes(request.domain)) {
    throw new SampleError(
      `domain '${request.domain}' is not served; this bank serves: ${bank.domains.join(", ")}`,
    );
  }
  const phase = request.phase ?? 1;
  const difficulty = request.difficulty ?? drawDifficulty(phase, rng.next());
  const withTasks = domains.filter((d) => bank.buckets(d, difficulty).length > 0);
  const domain = request.domain ?? weightedPick(rng, withTasks, (d) => bank.domainWeight(d));
  if (!domain || !withTasks.includes(domain)) {
    throw new SampleError(`no tasks for ${request.domain ?? "any domain"} at difficulty '${difficulty}'`);
  }
  const wantAdversarial =
    request.adversarial ?? (phase === 3 && difficulty === "hard" && rng.chance(ADVERSARIAL_SHARE));
  let buckets = bank.buckets(domain, difficulty);
  if (wantAdversarial) {
    const adversarial = buckets.filter((b) => b.adversarialIndices().length > 0);
    if (adversarial.length > 0) buckets = adversarial;
    else if (request.adversarial)
      throw new SampleError(`no adversarial tasks for ${domain} at '${difficulty}'`);
  }
  // A source's weight is shared among its buckets, so two generators do not double "generated".
  const perSource = (b: Bucket) => buckets.filter((x) => x.source === b.source).length;
  const bucket = weightedPick(rng, buckets, (b) => bank.sourceWeight(b.source) / perSource(b)) ?? buckets[0];
  if (!bucket) throw new SampleError(`no tasks for ${domain} at difficulty '${difficulty}'`);
  return { bucket, adversarial: wantAdversarial && bucket.adversarialIndices().length > 0 };
}

/**
 * The unanswerable tasks this draw takes from, or null for an ordinary draw. The phase-3 mix uses its own random
 * stream, so answerable draws stay what they were before unanswerable questions existed.
 */
function unanswerablePool(bank: TaskBank, mix: Rng, request: SampleRequest): readonly Task[] | null {
  if (request.answerable === true) return null;
  const filter = {
    domain: request.domain,
    difficulty: request.difficulty,
    adversarial: request.adversarial === true ? true : undefined,
  };
  if (request.answerable === false) {
    const pool = bank.unanswerable(filter);
    if (pool.length > 0) return pool;
    const where = [request.domain, request.difficulty, request.adversarial ? "adversarial" : undefined]
      .filter(Boolean)
      .join(", ");
    throw new SampleError(`no unanswerable tasks${where ? ` for ${where}` : ""}`);
  }
  if ((request.phase ?? 1) !== 3 || !mix.chance(UNANSWERABLE_SHARE)) return null;
  const pool = bank.unanswerable(filter);
  return pool.length > 0 ? pool : null;
}

/** One task as a pure function of (seed, request): what `reset(seed=...)` uses. */
export function sampleTask(bank: TaskBank, seed: number, request: SampleRequest = {}): Task {
  const pool = unanswerablePool(bank, createRng(hashSeed("sample/unanswerable", seed)), request);
  if (pool) return createRng(hashSeed("sample/unanswerable/pick", seed)).pick(pool);
  const rng = createRng(hashSeed("sample", seed));
  const { bucket, adversarial } = pickBucket(bank, rng, request);
  if (adversarial) return bucket.get(rng.pick(bucket.adversarialIndices()));
  return bucket.get(rng.int(0, bucket.size - 1));
}

/** A stream of draws without repeats inside each bucket until it is exhausted, then a fresh order. */
export class TaskSampler {
  readonly #rng: Rng;
  readonly #mix: Rng;
  /** One cycle per bucket, shared by its adversarial and normal draws so neither repeats what the other gave. */
  readonly #cycles = new Map<string, BucketCycle>();

  constructor(
    private readonly bank: TaskBank,
    private readonly seed: number,
  ) {
    this.#rng = createRng(hashSeed("sampler", seed));
    this.#mix = createRng(hashSeed("sampler/unanswerable", seed));
  }

  next(request: SampleRequest = {}): Task {
    const pool = unanswerablePool(this.bank, this.#mix, request);
    if (pool) {
      // The pool is a function of these fields, so they name its cycle.
      const key = `unanswerable/${request.domain ?? "*"}/${request.difficulty ?? "*"}/${request.adversarial === true}`;
      return pool[this.#cycle(key, pool.length).draw()] as Task;
    }
    const { bucket, adversarial } = pickBucket(this.bank, this.#rng, request);
    const key = `${bucket.domain}/${bucket.difficulty}/${bucket.source}/${bucket.get(0).source.dataset}`;
    const cycle = this.#cycle(key, bucket.size);
    // A mixed-in adversarial draw falls back to a normal one once the pass has no unused adversarial item;
    // an explicit adversarial request repeats adversarial items instead.
    const index = adversarial
      ? cycle.drawAdversarial(bucket.adversarialIndices(), request.adversarial === true)
      : undefined;
    return bucket.get(index ?? cycle.draw());
  }

  #cycle(key: string, size: number): BucketCycle {
    let cycle = this.#cycles.get(key);
    if (!cycle) {
      cycle = new BucketCycle(size, hashSeed(this.seed, key));
      this.#cycles.set(key, cycle);
    }
    return cycle;
  }
}
