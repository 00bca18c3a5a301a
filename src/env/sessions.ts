// The WebSocket channel of the live registry: one environment per session, a hard cap (MAX_CONCURRENT_ENVS) and
// idle detection. A session is opened by a WebSocket connection (and lives as long as it does) or by the
// JSON-RPC method openenv/session/create (and lives until openenv/session/close or until it has been idle for
// the timeout); a WebSocket may attach to the latter.
import { CalibrationEnv } from "./calibration-env.js";
import type { EchoService } from "./echo-service.js";
import { envError } from "./errors.js";
import { LiveTable } from "./live-table.js";

export interface Session {
  id: string;
  env: CalibrationEnv;
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
  readonly #sessions: LiveTable<Session>;

  constructor(
    private readonly service: EchoService,
    readonly maxSessions: number,
    readonly idleTimeoutMs: number,
  ) {
    this.#sessions = new LiveTable(service.clock, idleTimeoutMs);
  }

  get size(): number {
    return this.#sessions.size;
  }

  /** A new session, or CAPACITY_REACHED when MAX_CONCURRENT_ENVS are open. */
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
      origin,
      attached: false,
      closeWhenDetached: false,
    };
    this.#sessions.set(id, session);
    return session;
  }

  /** The openenv/session/create session a `?session_id=` connection asks for, if it is free. */
  attach(id: string): Session {
    const session = this.#sessions.get(id);
    if (session?.origin !== "rpc") {
      throw envError("SESSION_NOT_FOUND", { id, attached: false });
    }
    if (session.attached) {
      throw envError("SESSION_NOT_FOUND", { id, attached: true });
    }
    session.attached = true;
    this.touch(session);
    return session;
  }

  get(id: string): Session | undefined {
    return this.#sessions.get(id);
  }

  touch(session: Session): void {
    this.#sessions.touch(session.id);
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

  /** Ids of sessions idle for longer than the timeout, stalest first. */
  idle(): string[] {
    return this.#sessions.idle().map(([id]) => id);
  }

  /** Hands each idle session to its socket's onIdle, or closes it when no socket holds it. */
  sweep(): void {
    for (const [id, session] of this.#sessions.idle()) {
      if (session.onIdle) session.onIdle();
      else this.#sessions.delete(id);
    }
  }
}
