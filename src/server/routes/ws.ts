// WS /ws: one OpenEnv session per connection; every message gets exactly one reply, in order.
import type { FastifyBaseLogger, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RawData, WebSocket } from "ws";
import { z } from "zod";
import { EchoError, envError } from "../../env/errors.js";
import type { Session } from "../../env/sessions.js";
import { upgradeRequired } from "../errors.js";
import { ErrorReply } from "../schemas/error-reply.js";
import {
  frameText,
  readClientMessage,
  WS_CLOSE,
  type WsErrorCode,
  type WsServerMessage,
} from "../schemas/ws-messages.js";
import { Backpressure } from "../ws-backpressure.js";
import { mcpReplyTo } from "./mcp.js";

export { WS_CLOSE };

type Reply = WsServerMessage;

const errorReply = (code: WsErrorCode, message: string, extra: Record<string, unknown> = {}): Reply => ({
  type: "error",
  data: { ...extra, message, code },
});

/** How long app.close() waits for a socket to finish its closing handshake before cutting it. */
const SHUTDOWN_GRACE_MS = 5_000;

interface Live {
  socket: WebSocket;
  /** Messages received and not yet answered; a session with work in flight is never idle. */
  pending: number;
  /** The connection's requests, chained: step awaits durable recording and replies must keep their order. */
  queue: Promise<void>;
  closed: Promise<void>;
}

/** Resolves once the socket has closed and its last request is done; a socket slow to close is cut. */
async function drain(conn: Live): Promise<void> {
  const cut = setTimeout(() => conn.socket.terminate(), SHUTDOWN_GRACE_MS);
  await conn.closed;
  clearTimeout(cut);
  await conn.queue;
}

export const wsRoutes: FastifyPluginAsyncZod = async (app) => {
  const live = new Map<string, Live>();

  // The root's preClose (@fastify/websocket's) runs first and sends every socket its 1001; this one then waits
  // for them, in preClose rather than onClose so steps still being recorded finish before history closes.
  app.addHook("preClose", async () => {
    await Promise.all([...live.values()].map(drain));
  });

  /** The reply to one parsed-or-not frame; errors the session survives are replies too. */
  async function answer(
    session: Session,
    data: RawData,
    isBinary: boolean,
    log: FastifyBaseLogger,
  ): Promise<Reply | null> {
    if (isBinary)
      return errorReply("INVALID_JSON", "binary frames are not accepted; send JSON as a text frame");
    const verdict = readClientMessage(frameText(data));
    if (!verdict.ok) {
      log.info({ code: verdict.error.code }, "ws message rejected");
      return { type: "error", data: verdict.error };
    }
    const message = verdict.message;
    try {
      switch (message.type) {
        case "reset":
          return { type: "observation", data: session.env.reset(message.data ?? {}) };
        case "step":
          return { type: "observation", data: await session.env.step(message.data) };
        case "state":
          return { type: "state", data: session.env.state() };
        case "mcp":
          return {
            type: "mcp",
            data: mcpReplyTo(message.data, { sessions: app.sessions, sessionId: session.id }),
          };
        case "close":
          return null;
      }
    } catch (err) {
      if (err instanceof EchoError) {
        log.info({ code: "EXECUTION_ERROR", echo_code: err.code, type: message.type }, "ws request failed");
        return errorReply("EXECUTION_ERROR", err.message, { ...err.details, echo_code: err.code });
      }
      log.error({ err, type: message.type }, "ws request failed unexpectedly");
      return errorReply(
        "EXECUTION_ERROR",
        `internal error while handling "${message.type}"; the session is still open`,
        {
          echo_code: "INTERNAL_ERROR",
        },
      );
    }
  }

  app.route({
    method: "GET",
    url: "/ws",
    schema: {
      summary: "OpenEnv WebSocket session (upgrade required)",
      description:
        "One session per connection. Client messages are WsClientMessage ({type: reset|step|state|close|mcp, " +
        "data}); every one gets exactly one WsServerMessage reply, in order (observation, state, mcp or " +
        "error with a WsErrorCode). Both are under components.schemas. A plain GET without the upgrade " +
        "answers 426. With ?session_id=<id> the connection attaches to a session made by the JSON-RPC " +
        "method openenv/session/create (POST /mcp) instead of opening a new one; that session outlives the " +
        "connection until openenv/session/close or SESSION_TIMEOUT_S of idleness.",
      tags: ["openenv"],
      querystring: z.object({
        session_id: z
          .string()
          .max(255)
          .optional()
          .describe("Attach to this session from openenv/session/create instead of opening a new one"),
      }),
      response: { 426: ErrorReply },
    },
    // A plain GET (no Upgrade header) lands here rather than on @fastify/websocket's bare 404.
    handler: upgradeRequired("/ws", '(ws://host/ws, or wss:// behind TLS), then send {"type":"reset"}'),
    wsHandler: (socket, request) => openSession(socket, request),
  });

  /** The openenv/session/create session a `?session_id=` connection asks for, if it is free. */
  function attach(id: string): Session {
    const session = app.sessions.get(id);
    if (session?.origin !== "rpc") {
      throw envError("SESSION_NOT_FOUND", { id, attached: false });
    }
    if (session.attached) {
      throw envError("SESSION_NOT_FOUND", { id, attached: true });
    }
    session.attached = true;
    app.sessions.touch(session);
    return session;
  }

  function openSession(socket: WebSocket, request: FastifyRequest): void {
    let backpressure: Backpressure | null = null;
    const send = (reply: Reply) => {
      if (socket.readyState !== socket.OPEN) return;
      socket.send(JSON.stringify(reply));
      backpressure?.check();
    };

    const attachTo = (request.query as { session_id?: string }).session_id;
    let session: Session;
    try {
      session = attachTo === undefined ? app.sessions.open() : attach(attachTo);
    } catch (err) {
      if (err instanceof EchoError && err.code === "CAPACITY_REACHED") {
        request.log.warn({ ...err.details }, "ws session refused: at capacity");
        send(errorReply("CAPACITY_REACHED", err.message, err.details));
        socket.close(WS_CLOSE.capacity.code, WS_CLOSE.capacity.reason);
      } else if (err instanceof EchoError && err.code === "SESSION_NOT_FOUND") {
        send(errorReply("SESSION_ERROR", err.message, { echo_code: err.code }));
        socket.close(WS_CLOSE.normal.code, err.message.slice(0, 120));
      } else {
        request.log.error({ err }, "ws session could not be created");
        const message = "could not create an environment for this session; try again later";
        send(errorReply("FACTORY_ERROR", message, { factory_name: "CalibrationEnv" }));
        socket.close(WS_CLOSE.serverError.code, WS_CLOSE.serverError.reason);
      }
      return;
    }

    const log = request.log.child({ session_id: session.id });
    const conn: Live = {
      socket,
      pending: 0,
      queue: Promise.resolve(),
      closed: new Promise((resolve) => socket.once("close", () => resolve())),
    };
    live.set(session.id, conn);
    session.onIdle = () => {
      if (conn.pending === 0) socket.close(WS_CLOSE.idle.code, WS_CLOSE.idle.reason);
    };
    log.info({ active_sessions: app.sessions.size }, "ws session opened");
    let closing = false;
    let handled = 0;
    backpressure = new Backpressure(socket, app.limits, () => {
      log.warn({ buffered_bytes: socket.bufferedAmount }, "ws client does not read its replies; closing");
      closing = true;
      socket.resume(); // to read the client's closing handshake
      socket.close(WS_CLOSE.slowReader.code, WS_CLOSE.slowReader.reason);
      setTimeout(() => socket.terminate(), app.limits.wsCloseGraceMs).unref();
    });
    const watch = backpressure;

    const handle = async (data: RawData, isBinary: boolean) => {
      // Requests read before reading paused wait here, unanswered, until the client catches up.
      await watch.ready();
      if (closing || socket.readyState !== socket.OPEN) return;
      const reply = await answer(session, data, isBinary, log);
      handled++;
      if (reply === null) {
        closing = true;
        socket.close(WS_CLOSE.normal.code, WS_CLOSE.normal.reason);
        return;
      }
      send(reply);
    };

    // The Python client pings every 20 s while it waits: a pinging client is not idle.
    socket.on("ping", () => app.sessions.touch(session));

    socket.on("message", (data, isBinary) => {
      if (closing) return;
      app.sessions.touch(session);
      conn.pending++;
      conn.queue = conn.queue
        .then(() => handle(data, isBinary))
        .catch((err: unknown) => {
          // Only the connection's own machinery lands here (e.g. a reply that cannot be serialised).
          log.error({ err }, "ws session failed");
          closing = true;
          const message = "the session failed on the server and was closed; open a new connection";
          send(errorReply("SESSION_ERROR", message));
          socket.close(WS_CLOSE.serverError.code, WS_CLOSE.serverError.reason);
        })
        .finally(() => {
          conn.pending--;
          app.sessions.touch(session);
        });
    });

    socket.on("close", (code, reason) => {
      closing = true;
      watch.stop();
      if (session.origin === "rpc") app.sessions.detach(session);
      else app.sessions.close(session.id);
      // Kept in `live` until a request still in flight (a step being recorded) is done, so app.close() waits.
      void conn.queue.then(() => live.delete(session.id));
      log.info({ code, reason: reason.toString("utf8"), messages: handled }, "ws session closed");
    });
  }
};
