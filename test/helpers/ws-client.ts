// A WebSocket test client over real loopback sockets: buffered replies, and every wait bounded by a timeout.
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";
import WebSocket from "ws";
import type { EchoApp } from "../../src/server/app.js";

const DEFAULT_WAIT_MS = 5_000;
const opened: TestSocket[] = [];

afterEach(() => {
  for (const client of opened.splice(0)) client.ws.terminate();
});

/** Rejects after `ms` with a message naming what was awaited, so a broken test fails instead of hanging. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Polls `check` until it is true, or fails after `ms`. */
export async function waitFor(check: () => boolean, what: string, ms = DEFAULT_WAIT_MS): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Listens on 127.0.0.1, port 0, and returns the /ws URL. */
export async function listen(app: EchoApp): Promise<string> {
  await app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return `ws://127.0.0.1:${port}/ws`;
}

export interface Closed {
  code: number;
  reason: string;
}

export class TestSocket {
  readonly #inbox: unknown[] = [];
  #waiting: ((message: unknown) => void) | null = null;
  readonly closed: Promise<Closed>;

  private constructor(readonly ws: WebSocket) {
    // Listeners go on before the handshake completes: a capacity error arrives right after it.
    ws.on("message", (data) => {
      const message: unknown = JSON.parse(data.toString());
      if (this.#waiting) {
        const deliver = this.#waiting;
        this.#waiting = null;
        deliver(message);
      } else this.#inbox.push(message);
    });
    this.closed = new Promise((resolve) =>
      ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    ws.on("error", () => {}); // surfaced through `closed` and failed waits
  }

  static async open(url: string, maxPayload?: number): Promise<TestSocket> {
    const client = new TestSocket(new WebSocket(url, maxPayload ? { maxPayload } : {}));
    opened.push(client);
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        client.ws.once("open", () => resolve());
        client.ws.once("error", reject);
      }),
      DEFAULT_WAIT_MS,
      "the WebSocket handshake",
    );
    return client;
  }

  send(message: unknown): void {
    this.ws.send(typeof message === "string" ? message : JSON.stringify(message));
  }

  /** The next reply (in arrival order). */
  next(ms = DEFAULT_WAIT_MS): Promise<Record<string, unknown>> {
    const buffered = this.#inbox.shift();
    if (buffered !== undefined) return Promise.resolve(buffered as Record<string, unknown>);
    if (this.#waiting) throw new Error("only one next() at a time");
    const reply = new Promise<unknown>((resolve) => {
      this.#waiting = resolve;
    });
    return withTimeout(reply, ms, "a reply").finally(() => {
      this.#waiting = null;
    }) as Promise<Record<string, unknown>>;
  }

  /** Sends a message and waits for its reply. */
  async request(message: unknown, ms = DEFAULT_WAIT_MS): Promise<Record<string, unknown>> {
    this.send(message);
    return this.next(ms);
  }

  waitClosed(ms = DEFAULT_WAIT_MS): Promise<Closed> {
    return withTimeout(this.closed, ms, "the socket to close");
  }

  /** Number of replies received but not yet read. */
  get buffered(): number {
    return this.#inbox.length;
  }
}
