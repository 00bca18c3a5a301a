// WebSocket sessions: one environment each, a hard cap, and idle detection.
import { CalibrationEnv } from "./calibration-env.js";
import type { EchoService } from "./echo-service.js";
import { EchoError } from "./errors.js";

export interface Session {
  id: string;
  env: CalibrationEnv;
  lastActive: number;
}

export class SessionRegistry {
  readonly #sessions = new Map<string, Session>();

  constructor(
    private readonly service: EchoService,
    readonly maxSessions: number,
    readonly idleTimeoutMs: number,
  ) {}

  get size(): number {
    return this.#sessions.size;
  }

  open(): Session {
    if (this.#sessions.size >= this.maxSessions) {
      throw new EchoError(
        "CAPACITY_REACHED",
        `server at capacity: ${this.#sessions.size} of ${this.maxSessions} sessions in use (MAX_CONCURRENT_ENVS)`,
        { active_sessions: this.#sessions.size, max_sessions: this.maxSessions },
      );
    }
    const id = this.service.newId();
    const session = { id, env: new CalibrationEnv(this.service, id, "ws"), lastActive: this.service.clock() };
    this.#sessions.set(id, session);
    return session;
  }

  touch(session: Session): void {
    session.lastActive = this.service.clock();
  }

  close(id: string): void {
    this.#sessions.delete(id);
  }

  /** Ids of sessions idle for longer than the timeout. */
  idle(): string[] {
    const cutoff = this.service.clock() - this.idleTimeoutMs;
    return [...this.#sessions.values()].filter((s) => s.lastActive < cutoff).map((s) => s.id);
  }
}
