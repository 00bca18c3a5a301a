// WebSocket sessions: one environment each, a hard cap, and idle detection. A session is opened by a WebSocket
// connection (and lives as long as it does) or by the JSON-RPC method openenv/session/create (and lives until
// openenv/session/close or until it has been idle for the timeout); a WebSocket may attach to the latter.
import { CalibrationEnv } from "./calibration-env.js";
import type { EchoService } from "./echo-service.js";
import { envError } from "./errors.js";

export interface Session {
  id: string;
  env: CalibrationEnv;
  lastActive: number;
  /** "socket": owned by the connection that opened it; "rpc": created by openenv/session/create. */
  origin: "socket" | "rpc";
  /** What to do when the session has been idle too long, set by the socket using it; unset: close it. */
  onIdle?: () => void;
  /** An rpc session a WebSocket is attached to right now. */
  attached: boolean;
  /** openenv/session/close arrived while a WebSocket was attached: close once it detaches. */
  closeWhenDetached: boolean;
}

/** What openenv/session/close did. */
export type CloseVerdict = "closed" | "closing" | "unknown" | "socket-owned";

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

  open(origin: Session["origin"] = "socket"): Session {
    if (this.#sessions.size >= this.maxSessions) {
      throw envError(
        "CAPACITY_REACHED",
        { active: this.#sessions.size, max: this.maxSessions },
        { active_sessions: this.#sessions.size, max_sessions: this.maxSessions },
      );
    }
    const id = this.service.newId();
    const session: Session = {
      id,
      env: new CalibrationEnv(this.service, id, "ws"),
      lastActive: this.service.clock(),
      origin,
      attached: false,
      closeWhenDetached: false,
    };
    this.#sessions.set(id, session);
    return session;
  }

  get(id: string): Session | undefined {
    return this.#sessions.get(id);
  }

  touch(session: Session): void {
    session.lastActive = this.service.clock();
  }

  close(id: string): void {
    this.#sessions.delete(id);
  }

  /** openenv/session/close: only rpc sessions can be closed this way; an attached one closes when it detaches. */
  closeByRequest(id: string): CloseVerdict {
    const session = this.#sessions.get(id);
    if (!session) return "unknown";
    if (session.origin === "socket") return "socket-owned";
    if (session.attached) {
      session.closeWhenDetached = true;
      return "closing";
    }
    this.#sessions.delete(id);
    return "closed";
  }

  /** A WebSocket leaves an rpc session: the session stays (idle timeout applies) unless a close was asked for. */
  detach(session: Session): void {
    session.attached = false;
    session.onIdle = undefined;
    this.touch(session);
    if (session.closeWhenDetached) this.#sessions.delete(session.id);
  }

  /** Ids of sessions idle for longer than the timeout. */
  idle(): string[] {
    const cutoff = this.service.clock() - this.idleTimeoutMs;
    return [...this.#sessions.values()].filter((s) => s.lastActive < cutoff).map((s) => s.id);
  }

  /** Hands each idle session to its socket's onIdle, or closes it when no socket holds it. */
  reapIdle(): void {
    for (const id of this.idle()) {
      const session = this.#sessions.get(id);
      if (session?.onIdle) session.onIdle();
      else this.#sessions.delete(id);
    }
  }
}
