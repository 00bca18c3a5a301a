// Whether the history can take writes: every write's outcome sets it, and while writes fail a probe re-checks
// it at most once a second, so the state clears by itself once the disk does (no restart).
import { z } from "zod";
import type { HistoryStore } from "../store/history-store.js";
import { STORAGE_CAUSES, type StorageFault, storageFaultOf } from "../store/storage-fault.js";
import { type EchoError, envError } from "./errors.js";

/** How often, at most, a failing store is probed again. */
export const RECHECK_MS = 1000;

export const StorageStatus = z
  .object({
    writable: z.boolean().describe("Whether the history's last write (or check) succeeded"),
    durable: z
      .boolean()
      .describe("Whether the history survives a restart (SQLite) or not (ECHO_DB=:memory:)"),
    cause: z
      .enum(STORAGE_CAUSES)
      .nullable()
      .describe(
        "Why writes fail (disk_full, read_only, removed, locked, io_error, closed, unknown); null while writable",
      ),
    detail: z.string().nullable().describe("What is wrong and what clears it; null while writable"),
    failing_since: z
      .number()
      .nullable()
      .describe("When writes started failing (ms since the epoch); null while writable"),
    retry_after_s: z
      .number()
      .int()
      .nullable()
      .describe("Seconds a client should wait before writing again; null while writable"),
  })
  .meta({ id: "StorageStatus" });
export type StorageStatus = z.infer<typeof StorageStatus>;

export class StorageHealth {
  #fault: StorageFault | null = null;
  #since: number | null = null;
  #checkedAt = 0;

  constructor(
    private readonly store: HistoryStore,
    private readonly clock: () => number,
  ) {}

  /**
   * Records a failed write; returns the STORAGE_UNAVAILABLE error a client gets, whose message names the
   * cause and says what became of its request (`outcome`, e.g. "the episode was not recorded").
   */
  failed(error: unknown, outcome: string): EchoError {
    const fault = storageFaultOf(error);
    this.#fault = fault;
    this.#since ??= this.clock();
    this.#checkedAt = this.clock();
    return envError(
      "STORAGE_UNAVAILABLE",
      { outcome, reason: fault.message, retry_after_s: fault.retryAfterS },
      { cause: fault.cause, retry_after_s: fault.retryAfterS },
    );
  }

  /** Records a successful write. */
  succeeded(): void {
    this.#fault = null;
    this.#since = null;
  }

  /** The state, probing the store first when writes fail and the last check is over RECHECK_MS old. */
  status(): StorageStatus {
    if (this.#fault !== null && this.clock() - this.#checkedAt >= RECHECK_MS) this.#recheck();
    const fault = this.#fault;
    return {
      writable: fault === null,
      durable: this.store.durable,
      cause: fault?.cause ?? null,
      detail: fault?.message ?? null,
      failing_since: this.#since,
      retry_after_s: fault?.retryAfterS ?? null,
    };
  }

  #recheck(): void {
    this.#checkedAt = this.clock();
    try {
      this.store.checkWritable();
    } catch (error) {
      this.#fault = storageFaultOf(error);
      return;
    }
    this.succeeded();
  }
}
