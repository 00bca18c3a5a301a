// The HTTP channel of the live registry: episodes addressed by episode_id, at most `capacity` of them (the least
// recently used is dropped beyond it) and none idle for longer than the TTL; /step without an id uses the newest.
import { CalibrationEnv } from "./calibration-env.js";
import type { EchoService } from "./echo-service.js";
import { envError } from "./errors.js";
import { LiveTable } from "./live-table.js";

export interface HttpEpisodesOptions {
  /** Most episodes kept at once; the least recently used is dropped beyond it. */
  capacity?: number;
  /** Episodes untouched this long are dropped (ms). */
  ttlMs?: number;
}

export class HttpEpisodes {
  readonly #episodes: LiveTable<CalibrationEnv>;
  #latest: string | null = null;
  readonly capacity: number;
  readonly ttlMs: number;

  constructor(
    private readonly service: EchoService,
    options: HttpEpisodesOptions = {},
  ) {
    this.capacity = options.capacity ?? 10_000;
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
    this.#episodes = new LiveTable(service.clock, this.ttlMs);
  }

  get size(): number {
    return this.#episodes.size;
  }

  /**
   * A fresh environment for a reset; registered under its episode id once reset has drawn. A client-chosen
   * id still naming a live, unfinished episode is refused: replacing it would grade that client's step
   * against this client's question. A finished (or expired) one may be reused.
   */
  open(episodeId?: string | null): CalibrationEnv {
    if (episodeId != null) {
      this.sweep();
      const live = this.#episodes.get(episodeId);
      if (live && !live.done) {
        throw envError("EPISODE_ID_IN_USE", { id: episodeId }, { episode_id: episodeId });
      }
    }
    return new CalibrationEnv(this.service, null, "http");
  }

  register(env: CalibrationEnv): void {
    const id = env.episodeId;
    if (!id) return;
    this.#episodes.set(id, env);
    this.#latest = id;
    this.sweep();
    while (this.#episodes.size > this.capacity) this.#episodes.dropStalest();
  }

  /** The episode with this id, or the newest one when no id is given. */
  get(episodeId: string | undefined): CalibrationEnv {
    this.sweep();
    const id = episodeId ?? this.#latest;
    if (id === null) {
      throw envError("NO_ACTIVE_EPISODE", { channel: "http" });
    }
    const env = this.#episodes.get(id);
    if (!env) {
      const params = { id, ttl_s: Math.round(this.ttlMs / 1000), capacity: this.capacity };
      throw envError("EPISODE_NOT_FOUND", params, { episode_id: id });
    }
    this.#episodes.touch(id);
    return env;
  }

  /** Drops episodes idle for longer than the TTL. */
  sweep(): void {
    for (const [id] of this.#episodes.idle()) {
      this.#episodes.delete(id);
      if (this.#latest === id) this.#latest = null;
    }
  }
}
