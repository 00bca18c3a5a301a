// A minimal WebSocket client over one socket: text frames, one request in flight, no extensions. Cheaper per
// message than the `ws` package, so on two cores the echo ceiling measures the server rather than the client.
import { randomBytes } from "node:crypto";
import { connect, type Socket } from "node:net";

const HEADER_END = Buffer.from("\r\n\r\n");

/**
 * Frames are masked with the all-zero key: RFC 6455 requires a mask on client frames (the server checks the
 * bit), and a zero key makes masking a no-op, so the payload is sent as is.
 */
function textFrame(payload: Buffer): Buffer {
  const n = payload.length;
  const headerLength = n < 126 ? 6 : n < 65_536 ? 8 : 14;
  const frame = Buffer.allocUnsafe(headerLength + n);
  frame[0] = 0x81; // FIN + text
  if (n < 126) {
    frame[1] = 0x80 | n;
  } else if (n < 65_536) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeBigUInt64BE(BigInt(n), 2);
  }
  frame.writeUInt32BE(0, headerLength - 4); // the mask key
  payload.copy(frame, headerLength);
  return frame;
}

export class RawWebSocket {
  readonly #socket: Socket;
  #buffer: Buffer = Buffer.alloc(0);
  #pending: { resolve: (text: string) => void; reject: (error: Error) => void } | null = null;
  #error: Error | null = null;

  private constructor(socket: Socket, rest: Buffer) {
    this.#socket = socket;
    this.#buffer = rest;
    socket.on("data", (chunk: Buffer) => this.#onData(chunk));
    const fail = (error: Error) => {
      this.#error ??= error;
      const pending = this.#pending;
      this.#pending = null;
      pending?.reject(this.#error);
    };
    socket.on("error", fail);
    socket.on("close", () => fail(new Error("connection closed")));
  }

  /** Connects and completes the opening handshake (101 Switching Protocols). */
  static open(host: string, port: number, path: string): Promise<RawWebSocket> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port });
      socket.setNoDelay(true);
      let head = Buffer.alloc(0);
      const onData = (chunk: Buffer) => {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf(HEADER_END);
        if (end < 0) return;
        socket.off("data", onData);
        socket.off("error", reject);
        const status = head.toString("latin1", 9, 12);
        if (status !== "101") {
          socket.destroy();
          reject(new Error(`upgrade refused: ${head.toString("latin1", 0, end)}`));
          return;
        }
        resolve(new RawWebSocket(socket, head.subarray(end + 4)));
      };
      socket.on("data", onData);
      socket.once("error", reject);
      socket.once("connect", () => {
        socket.write(
          `GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
            `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
        );
      });
    });
  }

  /** Sends one text message and resolves with the next text message the server sends. */
  request(text: string): Promise<string> {
    if (this.#error) return Promise.reject(this.#error);
    if (this.#pending) return Promise.reject(new Error("one request at a time per connection"));
    return new Promise((resolve, reject) => {
      this.#pending = { resolve, reject };
      this.#socket.write(textFrame(Buffer.from(text)));
    });
  }

  close(): void {
    this.#socket.end(Buffer.from([0x88, 0x82, 0, 0, 0, 0, 0x03, 0xe8])); // close 1000, masked with zeros
    this.#socket.destroySoon();
  }

  #onData(chunk: Buffer): void {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const b = this.#buffer;
      if (b.length < 2) return;
      const opcode = (b[0] as number) & 0x0f;
      let length = (b[1] as number) & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (b.length < 4) return;
        length = b.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (b.length < 10) return;
        length = Number(b.readBigUInt64BE(2));
        offset = 10;
      }
      if (b.length < offset + length) return;
      const payload = b.subarray(offset, offset + length);
      this.#buffer = b.subarray(offset + length);
      if (opcode === 0x8) {
        const code = payload.length >= 2 ? payload.readUInt16BE(0) : "no code";
        this.#socket.destroy(new Error(`server closed the session (${code})`));
        return;
      }
      if (opcode !== 0x1) continue; // pings and pongs carry nothing we wait for
      const pending = this.#pending;
      this.#pending = null;
      pending?.resolve(payload.toString("utf8"));
    }
  }
}
