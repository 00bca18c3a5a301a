// A minimal keep-alive HTTP/1.1 client over one socket: one request at a time, Content-Length replies only.
// Much cheaper per request than node:http or fetch, so the load generator is not what a run measures.
import { connect, type Socket } from "node:net";

export interface HttpReply {
  status: number;
  body: Buffer;
}

const CRLF2 = Buffer.from("\r\n\r\n");
const CONTENT_LENGTH = /\r\ncontent-length:\s*(\d+)/i;

export class KeepAliveConnection {
  readonly #socket: Socket;
  readonly #hostHeader: string;
  #chunks: Buffer[] = [];
  #buffered = 0;
  #headerEnd = -1;
  #bodyLength = -1;
  #status = 0;
  #pending: { resolve: (reply: HttpReply) => void; reject: (error: Error) => void } | null = null;
  #error: Error | null = null;

  private constructor(socket: Socket, host: string, port: number) {
    this.#socket = socket;
    this.#hostHeader = `${host}:${port}`;
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => this.#onData(chunk));
    const fail = (error: Error) => {
      this.#error = error;
      const pending = this.#pending;
      this.#pending = null;
      pending?.reject(error);
    };
    socket.on("error", fail);
    socket.on("close", () => fail(new Error("connection closed by the server")));
  }

  static open(host: string, port: number): Promise<KeepAliveConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port });
      socket.once("connect", () => resolve(new KeepAliveConnection(socket, host, port)));
      socket.once("error", reject);
    });
  }

  /** Sends one request; `body` is JSON text (or nothing). Resolves with the status and the raw body. */
  request(method: string, path: string, body?: string | Buffer): Promise<HttpReply> {
    if (this.#error) return Promise.reject(this.#error);
    if (this.#pending) return Promise.reject(new Error("one request at a time per connection"));
    return new Promise((resolve, reject) => {
      this.#pending = { resolve, reject };
      if (body === undefined) {
        this.#socket.write(`${method} ${path} HTTP/1.1\r\nhost: ${this.#hostHeader}\r\n\r\n`);
        return;
      }
      const length = typeof body === "string" ? Buffer.byteLength(body) : body.length;
      const head =
        `${method} ${path} HTTP/1.1\r\nhost: ${this.#hostHeader}\r\n` +
        `content-type: application/json\r\ncontent-length: ${length}\r\n\r\n`;
      if (typeof body === "string") this.#socket.write(head + body);
      else {
        this.#socket.cork();
        this.#socket.write(head);
        this.#socket.write(body);
        this.#socket.uncork();
      }
    });
  }

  close(): void {
    this.#socket.destroy();
  }

  #onData(chunk: Buffer): void {
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;
    if (this.#headerEnd < 0) {
      const all = this.#chunks.length === 1 ? chunk : Buffer.concat(this.#chunks);
      this.#chunks = [all];
      const end = all.indexOf(CRLF2);
      if (end < 0) return;
      const head = all.toString("latin1", 0, end);
      const length = CONTENT_LENGTH.exec(head);
      if (!length) {
        this.#fail(new Error(`reply without content-length: ${head.slice(0, 200)}`));
        return;
      }
      this.#status = Number(head.slice(9, 12));
      this.#headerEnd = end + 4;
      this.#bodyLength = Number(length[1]);
    }
    if (this.#buffered < this.#headerEnd + this.#bodyLength) return;
    const all = this.#chunks.length === 1 ? (this.#chunks[0] as Buffer) : Buffer.concat(this.#chunks);
    const end = this.#headerEnd + this.#bodyLength;
    const reply = { status: this.#status, body: all.subarray(this.#headerEnd, end) };
    if (all.length > end) this.#fail(new Error("the server sent more than one reply"));
    this.#chunks = [];
    this.#buffered = 0;
    this.#headerEnd = -1;
    this.#bodyLength = -1;
    const pending = this.#pending;
    this.#pending = null;
    pending?.resolve(reply);
  }

  #fail(error: Error): void {
    this.#socket.destroy(error);
  }
}
