// One /ws connection's request queue: every message gets exactly one reply, in arrival order, even though a
// step awaits durable recording; reading pauses while replies go unread (ws-backpressure.ts, close 4429); a
// connection idle for too long closes with 4408 unless a request is in flight; shutdown drains it.
import type { FastifyBaseLogger } from "fastify";
import type { RawData, WebSocket } from "ws";
import { WS_CLOSE, type WsServerMessage } from "./schemas/ws-messages.js";
import { Backpressure, type BackpressureLimits } from "./ws-backpressure.js";
import { wsFailureReply } from "./ws-errors.js";

/** How long a shutdown waits for a socket to finish its closing handshake before cutting it. */
export const SHUTDOWN_GRACE_MS = 5_000;

export interface WsConnectionOptions {
  limits: BackpressureLimits & { wsCloseGraceMs: number };
  log: FastifyBaseLogger;
  /** The reply to one frame; null closes the connection normally (the client's "close"). */
  answer: (data: RawData, isBinary: boolean) => Promise<WsServerMessage | null>;
  /** A message, a ping or a finished request: the session is in use now. */
  onActivity: () => void;
  /** The socket closed (a request may still be in flight: see `finished`). */
  onClose: () => void;
}

export class WsConnection {
  #pending = 0;
  #handled = 0;
  #closing = false;
  /** The requests, chained: replies keep arrival order while a step awaits its recording. */
  #queue: Promise<void> = Promise.resolve();
  readonly #closed: Promise<void>;
  readonly #backpressure: Backpressure;

  constructor(
    private readonly socket: WebSocket,
    private readonly options: WsConnectionOptions,
  ) {
    this.#closed = new Promise((resolve) => socket.once("close", () => resolve()));
    this.#backpressure = new Backpressure(socket, options.limits, () => this.#closeSlowReader());
    // The Python client pings every 20 s while it waits: a pinging client is not idle.
    socket.on("ping", () => options.onActivity());
    socket.on("message", (data, isBinary) => this.#receive(data, isBinary));
    socket.on("close", (code, reason) => {
      this.#closing = true;
      this.#backpressure.stop();
      options.onClose();
      options.log.info(
        { code, reason: reason.toString("utf8"), messages: this.#handled },
        "ws session closed",
      );
    });
  }

  /** Messages received and not yet answered. */
  get pending(): number {
    return this.#pending;
  }

  /** Resolves once the socket has closed and its last request is done. */
  get finished(): Promise<void> {
    return this.#closed.then(() => this.#queue);
  }

  send(reply: WsServerMessage): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(JSON.stringify(reply));
    this.#backpressure.check();
  }

  /** The session has been idle for the timeout: close with 4408, unless a request is in flight. */
  closeIfIdle(): void {
    if (this.#pending === 0) this.socket.close(WS_CLOSE.idle.code, WS_CLOSE.idle.reason);
  }

  /** Shutdown: resolves once the socket has closed and its last request is done; a socket slow to close is cut. */
  async drain(graceMs = SHUTDOWN_GRACE_MS): Promise<void> {
    const cut = setTimeout(() => this.socket.terminate(), graceMs);
    await this.#closed;
    clearTimeout(cut);
    await this.#queue;
  }

  #receive(data: RawData, isBinary: boolean): void {
    if (this.#closing) return;
    this.options.onActivity();
    this.#pending++;
    this.#queue = this.#queue
      .then(() => this.#handle(data, isBinary))
      .catch((err: unknown) => {
        // Only the connection's own machinery lands here (e.g. a reply that cannot be serialised).
        this.options.log.error({ err }, "ws session failed");
        this.#closing = true;
        this.send(wsFailureReply());
        this.socket.close(WS_CLOSE.serverError.code, WS_CLOSE.serverError.reason);
      })
      .finally(() => {
        this.#pending--;
        this.options.onActivity();
      });
  }

  async #handle(data: RawData, isBinary: boolean): Promise<void> {
    // Requests read before reading paused wait here, unanswered, until the client catches up.
    await this.#backpressure.ready();
    if (this.#closing || this.socket.readyState !== this.socket.OPEN) return;
    const reply = await this.options.answer(data, isBinary);
    this.#handled++;
    if (reply === null) {
      this.#closing = true;
      this.socket.close(WS_CLOSE.normal.code, WS_CLOSE.normal.reason);
      return;
    }
    this.send(reply);
  }

  #closeSlowReader(): void {
    const { socket } = this;
    this.options.log.warn(
      { buffered_bytes: socket.bufferedAmount },
      "ws client does not read its replies; closing",
    );
    this.#closing = true;
    socket.resume(); // to read the client's closing handshake
    socket.close(WS_CLOSE.slowReader.code, WS_CLOSE.slowReader.reason);
    setTimeout(() => socket.terminate(), this.options.limits.wsCloseGraceMs).unref();
  }
}
