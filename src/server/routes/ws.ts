// WS /ws: one OpenEnv session per connection; every message gets exactly one reply, in order (ws-connection.ts).
import type { FastifyBaseLogger, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RawData, WebSocket } from "ws";
import { z } from "zod";
import type { Session } from "../../env/sessions.js";
import { upgradeRequired } from "../errors.js";
import { mcpReplyTo } from "../mcp-rpc.js";
import { ErrorReply } from "../schemas/error-reply.js";
import { frameText, readClientMessage, WS_CLOSE, type WsServerMessage } from "../schemas/ws-messages.js";
import { WsConnection } from "../ws-connection.js";
import { wsErrorReply, wsRefusal, wsRequestFailure } from "../ws-errors.js";

export { WS_CLOSE };

export const wsRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The reply to one parsed-or-not frame; errors the session survives are replies too. */
  async function answer(
    session: Session,
    data: RawData,
    isBinary: boolean,
    log: FastifyBaseLogger,
  ): Promise<WsServerMessage | null> {
    if (isBinary)
      return wsErrorReply("INVALID_JSON", "binary frames are not accepted; send JSON as a text frame");
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
      return wsRequestFailure(err, message.type, log);
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

  function openSession(socket: WebSocket, request: FastifyRequest): void {
    const attachTo = (request.query as { session_id?: string }).session_id;
    let session: Session;
    try {
      session = attachTo === undefined ? app.sessions.open() : app.sessions.attach(attachTo);
    } catch (err) {
      const { reply, close } = wsRefusal(err, request.log);
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(reply));
      socket.close(close.code, close.reason);
      return;
    }

    const log = request.log.child({ session_id: session.id });
    const connection = new WsConnection(socket, {
      limits: app.limits,
      log,
      answer: (data, isBinary) => answer(session, data, isBinary, log),
      onActivity: () => app.sessions.touch(session),
      onClose: () => {
        if (session.origin === "rpc") app.sessions.detach(session);
        else app.sessions.close(session.id);
        // Held until a request still in flight (a step being recorded) is done, so shutdown waits for it.
        void connection.finished.then(release);
      },
    });
    const release = app.live.hold(() => connection.drain());
    session.onIdle = () => connection.closeIfIdle();
    log.info({ active_sessions: app.sessions.size }, "ws session opened");
  }
};
