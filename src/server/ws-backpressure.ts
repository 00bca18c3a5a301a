// Backpressure for one WebSocket: when its unsent replies pass the high-water mark the socket stops being read
// and no further request is answered, until the client has read enough of them; a client that stays behind
// for too long is reported as slow (the route then closes it). Memory per connection stays bounded by the
// mark plus what was already read, instead of growing with every request a non-reading client sends.
import type { WebSocket } from "ws";

export interface BackpressureLimits {
  wsHighWaterBytes: number;
  wsSlowReaderMs: number;
}

export class Backpressure {
  #waiting: (() => void)[] = [];
  #poll: NodeJS.Timeout | null = null;
  #since = 0;

  constructor(
    private readonly socket: WebSocket,
    private readonly limits: BackpressureLimits,
    private readonly onSlow: () => void,
  ) {}

  /** Whether reading is paused because replies are waiting to be sent. */
  get engaged(): boolean {
    return this.#poll !== null;
  }

  /** Call after each send: pauses reading once the unsent replies pass the high-water mark. */
  check(): void {
    if (this.#poll || this.socket.bufferedAmount <= this.limits.wsHighWaterBytes) return;
    this.socket.pause();
    this.#since = Date.now();
    const every = Math.max(10, Math.min(100, this.limits.wsSlowReaderMs / 4));
    this.#poll = setInterval(() => this.#look(), every);
  }

  /** Resolves when the next request may be answered (at once unless engaged). */
  ready(): Promise<void> {
    if (!this.#poll) return Promise.resolve();
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** Stops watching and lets every waiting request go on (the route drops them once the socket is closing). */
  stop(): void {
    if (this.#poll) clearInterval(this.#poll);
    this.#poll = null;
    for (const resolve of this.#waiting.splice(0)) resolve();
  }

  #look(): void {
    if (this.socket.readyState !== this.socket.OPEN) {
      this.stop();
    } else if (this.socket.bufferedAmount <= this.limits.wsHighWaterBytes / 2) {
      // Half the mark before reading again, so a client reading slowly does not flip it on every reply.
      this.socket.resume();
      this.stop();
    } else if (Date.now() - this.#since >= this.limits.wsSlowReaderMs) {
      this.stop();
      this.onSlow();
    }
  }
}
