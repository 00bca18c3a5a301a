// Drops expired HTTP episodes and reaps idle sessions on a timer, so memory is freed even when no request comes.
import type { FastifyInstance } from "fastify";

/** How often to sweep: a quarter of the TTL, between 250 ms and 30 s. */
export const sweepEveryMs = (ttlMs: number): number => Math.min(Math.max(ttlMs / 4, 250), 30_000);

/**
 * Sweeps `app.httpEpisodes` and reaps idle sessions (a socket's session is closed by its socket, an
 * openenv/session/create one by the registry) until the app closes; the timer never keeps the process alive.
 */
export function registerEpisodeSweeper(app: FastifyInstance): void {
  const sweep = () => {
    app.httpEpisodes.sweep();
    app.sessions.reapIdle();
  };
  // HTTP episodes and sessions share SESSION_TIMEOUT_S, so one period serves both.
  const timer = setInterval(
    sweep,
    sweepEveryMs(Math.min(app.httpEpisodes.ttlMs, app.sessions.idleTimeoutMs)),
  );
  timer.unref();
  app.addHook("onClose", async () => clearInterval(timer));
}
