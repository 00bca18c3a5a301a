// One /ws connection's queue on a scripted socket: replies in arrival order, reading paused past the high-water
// mark and closed with 4429 when the client never catches up, idle closes spared while busy, and drains.
import { EventEmitter } from "node:events";
import type { FastifyBaseLogger } from "fastify";
import { describe, expect, it, vi } from "vitest";
import type { RawData, WebSocket } from "ws";
import { WS_CLOSE, type WsServerMessage } from "../../src/server/schemas/ws-messages.js";
import { WsConnection } from "../../src/server/ws-connection.js";

/** The parts of a ws WebSocket the connection uses; close() completes the handshake on the next turn. */
class ScriptedSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  paused = false;
  sent: WsServerMessage[] = [];
  closedWith: { code: number; reason: string } | null = null;
  terminated = false;
  /** When false, close() starts the handshake but the client never finishes it. */
  completesClose = true;

  send(text: string): void {
    this.sent.push(JSON.parse(text));
  }
  close(code: number, reason = ""): void {
    if (this.readyState !== 1) return;
    this.readyState = 2;
    this.closedWith = { code, reason };
    if (this.completesClose) setImmediate(() => this.#closed(code, reason));
  }
  terminate(): void {
    this.terminated = true;
    if (this.readyState !== 3) this.#closed(1006, "");
  }
  pause(): void {
    this.paused = true;
  }
  resume(): void {
    this.paused = false;
  }
  receive(text: string): void {
    this.emit("message", Buffer.from(text), false);
  }
  #closed(code: number, reason: string): void {
    this.readyState = 3;
    this.emit("close", code, Buffer.from(reason));
  }
}

const quietLog = { info() {}, warn() {}, error() {} } as unknown as FastifyBaseLogger;
const LIMITS = { wsHighWaterBytes: 1_000, wsSlowReaderMs: 60, wsCloseGraceMs: 50 };
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits until `condition` holds (timers run late on a loaded machine), failing after two seconds. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await tick(5);
  }
}

function connect(answer: (text: string) => Promise<WsServerMessage | null>, limits = LIMITS) {
  const socket = new ScriptedSocket();
  const onActivity = vi.fn();
  const onClose = vi.fn();
  const connection = new WsConnection(socket as unknown as WebSocket, {
    limits,
    log: quietLog,
    answer: (data: RawData) => answer((data as Buffer).toString("utf8")),
    onActivity,
    onClose,
  });
  return { socket, connection, onActivity, onClose };
}

const state = (n: string): WsServerMessage => ({ type: "state", data: { n } }) as unknown as WsServerMessage;

const names = (sent: WsServerMessage[]) => sent.map((reply) => (reply.data as unknown as { n: string }).n);

/** An answer that resolves when the test says so, per message text. */
function gated() {
  const gates = new Map<string, () => void>();
  const answer = (text: string) =>
    new Promise<WsServerMessage>((resolve) => gates.set(text, () => resolve(state(text))));
  const open = async (text: string) => {
    while (!gates.has(text)) await tick();
    gates.get(text)?.();
  };
  return { answer, open, started: (text: string) => until(() => gates.has(text), `"${text}" to start`) };
}

describe("WsConnection ordering", () => {
  it("answers in arrival order even when a later request would finish first, and counts requests in flight", async () => {
    // Run at once, "c" would finish first and "a" last.
    const delays: Record<string, number> = { a: 40, b: 20, c: 0 };
    let running = 0;
    let mostRunning = 0;
    const { socket, connection, onActivity } = connect(async (text) => {
      mostRunning = Math.max(mostRunning, ++running);
      await tick(delays[text]);
      running--;
      return state(text);
    });
    socket.receive("a");
    socket.receive("b");
    socket.receive("c");
    expect(connection.pending).toBe(3);
    expect(onActivity).toHaveBeenCalledTimes(3);
    await until(() => connection.pending === 0, "every request to finish");
    expect(names(socket.sent)).toEqual(["a", "b", "c"]);
    expect(mostRunning).toBe(1); // one request at a time
    expect(onActivity).toHaveBeenCalledTimes(6); // each finished request counts as activity too
  });

  it("closes with 1000 on a null reply (the client's close) and answers nothing after it", async () => {
    const { socket, connection, onClose } = connect(async (text) => (text === "close" ? null : state(text)));
    socket.receive("a");
    socket.receive("close");
    socket.receive("late");
    await connection.finished;
    expect(names(socket.sent)).toEqual(["a"]);
    expect(socket.closedWith).toEqual(WS_CLOSE.normal);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("answers SESSION_ERROR and closes with 1011 when its own machinery fails", async () => {
    const { socket, connection } = connect(async () => {
      throw new Error("cannot serialise");
    });
    socket.receive("a");
    await connection.finished;
    expect(socket.sent).toEqual([
      {
        type: "error",
        data: expect.objectContaining({ code: "SESSION_ERROR", message: expect.stringContaining("closed") }),
      },
    ]);
    expect(socket.closedWith).toEqual(WS_CLOSE.serverError);
  });
});

describe("WsConnection backpressure", () => {
  it("pauses reading past the high-water mark, answers nothing more until half of it is read, then goes on", async () => {
    // A slow-reader limit far off, so only the buffer decides here.
    const { socket } = connect(async (text) => state(text), { ...LIMITS, wsSlowReaderMs: 60_000 });
    socket.bufferedAmount = 2_000; // the first reply leaves the buffer over the mark
    socket.receive("a");
    socket.receive("b");
    await until(() => socket.paused, "reading to pause");
    await tick(20);
    expect(socket.sent).toHaveLength(1);
    socket.bufferedAmount = 600; // read, but not yet below half the mark
    await tick(250);
    expect(socket.paused).toBe(true);
    expect(socket.sent).toHaveLength(1);
    socket.bufferedAmount = 400;
    await until(() => socket.sent.length === 2, "the second reply");
    expect(socket.paused).toBe(false);
    expect(names(socket.sent)).toEqual(["a", "b"]);
    expect(socket.closedWith).toBeNull();
  });

  it("closes a client that never reads its replies with 4429, answering nothing more, and cuts it after the grace", async () => {
    const { socket, connection } = connect(async (text) => state(text));
    socket.completesClose = false;
    socket.bufferedAmount = 2_000;
    socket.receive("a");
    socket.receive("b");
    await until(() => socket.closedWith !== null, "the close");
    expect(socket.closedWith).toEqual(WS_CLOSE.slowReader);
    expect(socket.paused).toBe(false); // resumed, to read the client's closing handshake
    await until(() => socket.terminated, "the cut after the grace");
    await connection.finished;
    expect(socket.sent).toHaveLength(1);
  });
});

describe("WsConnection idle and drain", () => {
  it("closes with 4408 when idle, but not while a request is in flight", async () => {
    const { answer, open } = gated();
    const { socket, connection } = connect(answer);
    socket.receive("a");
    connection.closeIfIdle();
    expect(socket.closedWith).toBeNull();
    await open("a");
    await until(() => connection.pending === 0, "the request to finish");
    connection.closeIfIdle();
    expect(socket.closedWith).toEqual(WS_CLOSE.idle);
  });

  it("drains only once the socket has closed and the step in flight is done", async () => {
    const { answer, open, started } = gated();
    const { socket, connection, onClose } = connect(answer);
    socket.receive("step");
    await started("step");
    socket.close(WS_CLOSE.shutdown.code, WS_CLOSE.shutdown.reason);
    let drained = false;
    const drain = connection.drain(1_000).then(() => {
      drained = true;
    });
    await until(() => onClose.mock.calls.length === 1, "the socket to close");
    await tick(10);
    expect(drained).toBe(false); // the socket is closed, but the step is still being recorded
    await open("step");
    await drain;
    expect(drained).toBe(true);
    expect(socket.terminated).toBe(false);
  });

  it("cuts a socket that does not finish its closing handshake within the grace", async () => {
    const { socket, connection } = connect(async (text) => state(text));
    socket.completesClose = false;
    socket.close(WS_CLOSE.shutdown.code, WS_CLOSE.shutdown.reason);
    await connection.drain(20);
    expect(socket.terminated).toBe(true);
  });
});
