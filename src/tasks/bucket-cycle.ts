// Draw order inside one bucket: every index once per pass, adversarial and normal draws sharing one record.
import { createRng, hashSeed, type Rng } from "../core/rng.js";

/**
 * A seeded permutation of [0, size) handed out one element at a time (Fisher-Yates over a sparse swap map),
 * so a large generated bucket costs memory only for what was drawn, never a whole array up front.
 * @example const p = new LazyPermutation(5, 42); p.next() // one of 0..4, never repeated within the 5 calls
 */
export class LazyPermutation {
  readonly #rng: Rng;
  /** Positions whose value was swapped away from the identity; position k is dropped once handed out. */
  readonly #swapped = new Map<number, number>();
  #cursor = 0;

  constructor(
    readonly size: number,
    seed: number,
  ) {
    this.#rng = createRng(seed);
  }

  /** The next element, or undefined once all `size` were handed out. */
  next(): number | undefined {
    const k = this.#cursor;
    if (k >= this.size) return undefined;
    this.#cursor++;
    const j = this.#rng.int(k, this.size - 1);
    const value = this.#swapped.get(j) ?? j;
    if (j !== k) this.#swapped.set(j, this.#swapped.get(k) ?? k);
    this.#swapped.delete(k);
    return value;
  }
}

/**
 * The draws from one bucket of `size` items: no index repeats until all were drawn, then a new pass in a new
 * seeded order. Adversarial draws take the next unused adversarial index; normal draws the next unused index
 * of the pass's order, so the two never hand out the same item twice in a pass.
 */
export class BucketCycle {
  #pass = -1;
  #used = new Uint8Array(0);
  #usedCount = 0;
  #all = new LazyPermutation(0, 0);
  #adversarial: LazyPermutation | null = null;
  /** 0 while adversarial draws skip used items; counts the repeat rounds after the pass ran out of them. */
  #adversarialRound = 0;

  constructor(
    readonly size: number,
    private readonly seed: number,
  ) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`a bucket cycle needs size >= 1, got ${size}`);
    this.#startPass();
  }

  /** The next index of the pass's order not drawn yet in this pass. */
  draw(): number {
    this.#renewIfExhausted();
    for (let index = this.#all.next(); index !== undefined; index = this.#all.next()) {
      if (this.#use(index)) return index;
    }
    // Unreachable: every index is either handed out by #all or marked used, so an unused one is still ahead.
    throw new Error("bucket cycle lost track of its unused items");
  }

  /**
   * The next unused adversarial index from `pool` (the bucket's adversarial indices, the same on every call).
   * When the pass has none left: undefined, or with `repeat` (the caller wants adversarial items only) a fresh
   * seeded round over the pool that may repeat this pass's adversarial items but never takes an unused normal one.
   */
  drawAdversarial(pool: readonly number[], repeat = false): number | undefined {
    this.#renewIfExhausted();
    // Past round 0 every adversarial item of the pass is used: only a caller asking for repeats gets one.
    if (pool.length === 0 || (this.#adversarialRound > 0 && !repeat)) return undefined;
    for (;;) {
      this.#adversarial ??= new LazyPermutation(
        pool.length,
        hashSeed(this.seed, "adversarial", this.#pass, this.#adversarialRound),
      );
      for (let slot = this.#adversarial.next(); slot !== undefined; slot = this.#adversarial.next()) {
        const index = pool[slot] as number;
        if (this.#use(index) || this.#adversarialRound > 0) return index;
      }
      if (!repeat) return undefined;
      this.#adversarialRound++;
      this.#adversarial = null;
    }
  }

  #renewIfExhausted(): void {
    if (this.#usedCount >= this.size) this.#startPass();
  }

  #startPass(): void {
    this.#pass++;
    this.#used = new Uint8Array(this.size);
    this.#usedCount = 0;
    this.#all = new LazyPermutation(this.size, hashSeed(this.seed, "all", this.#pass));
    this.#adversarial = null;
    this.#adversarialRound = 0;
  }

  /** Marks an index drawn in this pass; false when it already was. */
  #use(index: number): boolean {
    if (this.#used[index] === 1) return false;
    this.#used[index] = 1;
    this.#usedCount++;
    return true;
  }
}
