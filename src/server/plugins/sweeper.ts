// Drops expired HTTP episodes on a timer, so their memory is freed even when no request comes to sweep it.
import type { FastifyInstance } from "fastify";

/** How often to sweep: a quarter of the TTL, between 250 ms and 30 s. */
export const sweepEveryMs = (ttlMs: number): number => Math.min(Math.max(ttlMs / 4, 250), 30_000);

/** Sweeps `app.httpEpisodes` periodically until the app closes; the timer never keeps the process alive. */
export function registerEpisodeSweeper(app: FastifyInstance): void {
  const timer = setInterval(() => app.httpEpisodes.sweep(), sweepEveryMs(app.httpEpisodes.ttlMs));
  timer.unref();
  app.addHook("onClose", async () => clearInterval(timer));
}
