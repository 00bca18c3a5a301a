// Slow and stuck clients: hundreds of connections that never finish their request neither delay /health nor
// stay open past the header and request timeouts, the limits are the documented ones, and a WebSocket client
// that stops reading its replies is paused, then closed with 4429, instead of growing the server's memory.

import type { AddressInfo } from "node:net";
import { connect, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { HTTP_LIMITS } from "../../src/server/http-limits.js";
import { WS_CLOSE } from "../../src/server/routes/ws.js";
import { build } from "../helpers/build-app.js";
import { waitFor, withTimeout } from "../helpers/ws-client.js";

const STUCK = 300;

interface Stuck {
  socket: Socket;
  received: string;
  closed: boolean;
}

/** Opens a connection that sends `start` and then nothing more. */
function stuckClient(port: number, start: string): Promise<Stuck> {
  return new Promise((resolve, reject) => {
    const stuck: Stuck = { socket: connect(port, "127.0.0.1"), received: "", closed: false };
    stuck.socket.on("data", (chunk) => {
      stuck.received += chunk.toString();
    });
    stuck.socket.on("close", () => {
      stuck.closed = true;
    });
    stuck.socket.on("error", () => {});
    stuck.socket.once("connect", () => {
      stuck.socket.write(start);
      resolve(stuck);
    });
    stuck.socket.once("error", reject);
  });
}

describe("stuck HTTP clients", () => {
  it("leave /health answering at once, and are cut with 408 after the header and request timeouts", async () => {
    const app = await build(
      {},
      {
        limits: { headersTimeoutMs: 1_500, requestTimeoutMs: 2_500, connectionsCheckingIntervalMs: 100 },
      },
    );
    await app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const clients = await Promise.all(
      Array.from({ length: STUCK }, (_, i) =>
        stuckClient(
          port,
          i % 2 === 0
            ? "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n" // headers never finished
            : 'POST /reward HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"items": [', // body never finished
        ),
      ),
    );
    const health = await withTimeout(
      fetch(`http://127.0.0.1:${port}/health`),
      2_000,
      "/health beside 300 stuck clients",
    );
    expect(health.status).toBe(200);
    expect(clients.every((client) => !client.closed)).toBe(true);
    await waitFor(() => clients.every((client) => client.closed), "the stuck clients to be cut", 10_000);
    expect(clients.filter((client) => client.received.startsWith("HTTP/1.1 408")).length).toBe(STUCK);
  }, 20_000);

  it("are bounded by the documented limits when none are overridden", async () => {
    const app = await build();
    await app.listen({ host: "127.0.0.1", port: 0 });
    expect(app.server.headersTimeout).toBe(HTTP_LIMITS.headersTimeoutMs);
    expect(app.server.requestTimeout).toBe(HTTP_LIMITS.requestTimeoutMs);
    expect(app.server.keepAliveTimeout).toBe(HTTP_LIMITS.keepAliveTimeoutMs);
    expect(app.server.maxConnections).toBe(HTTP_LIMITS.maxConnections);
    const many = await build({ MAX_CONCURRENT_ENVS: "10000" });
    expect(many.server.maxConnections).toBe(10_256); // every allowed session fits, with HTTP room beside
    // Behind a proxy whose idle timeout is 60 s, the server must not close an idle connection first.
    expect(HTTP_LIMITS.keepAliveTimeoutMs).toBeGreaterThan(60_000);
    expect(HTTP_LIMITS.headersTimeoutMs).toBeLessThan(HTTP_LIMITS.requestTimeoutMs);
  });
});

describe("a WebSocket client that stops reading", () => {
  it("is paused at the high-water mark, answered no further, then closed with 4429", async () => {
    const highWater = 256 * 1024;
    const app = await build(
      {},
      { limits: { wsHighWaterBytes: highWater, wsSlowReaderMs: 300, wsCloseGraceMs: 5_000 } },
    );
    await app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const client = new WebSocket(`ws://127.0.0.1:${port}/ws`);
    let replies = 0;
    client.on("message", () => replies++);
    const closed = new Promise<number>((resolve) => client.on("close", (code) => resolve(code)));
    await withTimeout(new Promise((resolve) => client.once("open", resolve)), 5_000, "the handshake");
    client.pause(); // reads nothing from here on
    const sent = 4_000;
    for (let i = 0; i < sent; i++) client.send('{"type":"reset"}');

    const [server] = [...app.websocketServer.clients];
    let peak = 0;
    await waitFor(
      () => {
        peak = Math.max(peak, server?.bufferedAmount ?? 0);
        return server?.readyState === WebSocket.CLOSING;
      },
      "the server to close the slow reader",
      10_000,
    );
    // What sits unsent on the server stays near the mark: one reply (a few KiB) past it, at most.
    expect(peak).toBeLessThan(highWater + 64 * 1024);
    client.resume();
    expect(await withTimeout(closed, 10_000, "the close frame")).toBe(WS_CLOSE.slowReader.code);
    expect(replies).toBeGreaterThan(0);
    expect(replies).toBeLessThan(sent);
    await waitFor(() => app.sessions.size === 0, "the session to be released");
  }, 30_000);

  it("is not closed when it reads its replies, however many it asks for", async () => {
    const app = await build({}, { limits: { wsHighWaterBytes: 16 * 1024, wsSlowReaderMs: 300 } });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const client = new WebSocket(`ws://127.0.0.1:${port}/ws`);
    let replies = 0;
    client.on("message", () => replies++);
    await withTimeout(new Promise((resolve) => client.once("open", resolve)), 5_000, "the handshake");
    for (let i = 0; i < 500; i++) client.send('{"type":"reset"}');
    await waitFor(() => replies === 500, "every reply", 20_000);
    expect(client.readyState).toBe(WebSocket.OPEN);
    client.close();
  }, 30_000);
});
