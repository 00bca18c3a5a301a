// The registry of live environments: HTTP episodes and WebSocket sessions, one idle timeout (SESSION_TIMEOUT_S)
// and one sweeper for both channels, and the shutdown that waits for work still running on a live environment.
import type { EchoService } from "./echo-service.js";
import { HttpEpisodes } from "./http-episodes.js";
import { SessionRegistry } from "./sessions.js";

export interface LiveEnvsOptions {
  /** Sessions open at once (MAX_CONCURRENT_ENVS); one more is refused with CAPACITY_REACHED. */
  maxSessions: number;
  /** Episodes and sessions untouched this long expire (SESSION_TIMEOUT_S, in ms). */
  idleMs: number;
  /** HTTP episodes kept at once; the least recently used is dropped beyond it (default 10,000). */
  maxEpisodes?: number;
}

/** How often to sweep: a quarter of the idle timeout, between 250 ms and 30 s. */
export const sweepEveryMs = (idleMs: number): number => Math.min(Math.max(idleMs / 4, 250), 30_000);

export class LiveEnvs {
  readonly episodes: HttpEpisodes;
  readonly sessions: SessionRegistry;
  readonly idleMs: number;
  #sweeper: NodeJS.Timeout | null = null;
  /** Drains of work still running on a live environment (a WebSocket's requests), awaited by shutdown. */
  readonly #holds = new Set<() => Promise<void>>();

  constructor(service: EchoService, options: LiveEnvsOptions) {
    this.idleMs = options.idleMs;
    this.episodes = new HttpEpisodes(service, { capacity: options.maxEpisodes, ttlMs: options.idleMs });
    this.sessions = new SessionRegistry(service, options.maxSessions, options.idleMs);
  }

  /** Drops expired HTTP episodes and hands idle sessions to their sockets (or closes them). */
  sweep(): void {
    this.episodes.sweep();
    this.sessions.sweep();
  }

  /** Sweeps on a timer, so memory is freed even when no request comes; the timer never keeps the process alive. */
  startSweeper(): void {
    if (this.#sweeper) return;
    this.#sweeper = setInterval(() => this.sweep(), sweepEveryMs(this.idleMs));
    this.#sweeper.unref();
  }

  /**
   * Registers work shutdown must wait for: `drain` resolves once it is done. Returns the release to call when
   * the work has finished on its own.
   */
  hold(drain: () => Promise<void>): () => void {
    this.#holds.add(drain);
    return () => this.#holds.delete(drain);
  }

  /** Holds not yet released. */
  get held(): number {
    return this.#holds.size;
  }

  /** Stops the sweeper and resolves once every hold has drained (so history may close after it). */
  async shutdown(): Promise<void> {
    if (this.#sweeper) clearInterval(this.#sweeper);
    this.#sweeper = null;
    await Promise.all([...this.#holds].map((drain) => drain()));
  }
}
