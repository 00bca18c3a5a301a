// Live entries by id in last-touched order, with one idle rule: an entry untouched for longer than `idleMs`
// is idle. Both channels of the live registry (HTTP episodes, WebSocket sessions) keep their entries here.

export class LiveTable<T> {
  /** Map order is last-touched order (touching re-inserts), so the first entry is the stalest. */
  readonly #entries = new Map<string, { value: T; lastActive: number }>();

  constructor(
    private readonly clock: () => number,
    readonly idleMs: number,
  ) {}

  get size(): number {
    return this.#entries.size;
  }

  get(id: string): T | undefined {
    return this.#entries.get(id)?.value;
  }

  /** Adds (or replaces) an entry as the freshest. */
  set(id: string, value: T): void {
    this.#entries.delete(id);
    this.#entries.set(id, { value, lastActive: this.clock() });
  }

  /** Marks the entry active now; false when there is none. */
  touch(id: string): boolean {
    const entry = this.#entries.get(id);
    if (!entry) return false;
    entry.lastActive = this.clock();
    this.#entries.delete(id);
    this.#entries.set(id, entry);
    return true;
  }

  delete(id: string): boolean {
    return this.#entries.delete(id);
  }

  /** Drops the stalest entry and returns its id (null when empty). */
  dropStalest(): string | null {
    const stalest = this.#entries.keys().next();
    if (stalest.done) return null;
    this.#entries.delete(stalest.value);
    return stalest.value;
  }

  /** Ids and values of the entries idle for longer than `idleMs` (exactly `idleMs` is not yet idle), stalest first. */
  idle(): [string, T][] {
    const cutoff = this.clock() - this.idleMs;
    const found: [string, T][] = [];
    for (const [id, entry] of this.#entries) {
      // Entries are in touch order: the first one touched since the cutoff ends the idle ones.
      if (entry.lastActive >= cutoff) break;
      found.push([id, entry.value]);
    }
    return found;
  }
}
