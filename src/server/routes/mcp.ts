// POST /mcp and WS /mcp: MCP over JSON-RPC 2.0 (answered by mcp-rpc.ts); WS /mcp holds one session per connection.
import type { FastifyInstance, FastifyPluginAsync } from "fastify";
import type { WebSocket } from "ws";
import { upgradeRequired } from "../errors.js";
import { type McpContext, mcpReply, mcpReplyTo } from "../mcp-rpc.js";
import { mayWrite } from "../plugins/auth.js";
import { ErrorReply } from "../schemas/error-reply.js";
import { frameText, JsonRpcReply, WS_CLOSE } from "../schemas/ws-messages.js";
import { type McpReply, RPC_ERROR, rpcError, rpcSocketRefusal } from "../ws-errors.js";

export { RPC_ERROR };

/** WS /mcp: one session per connection, JSON-RPC requests in, one JSON-RPC reply each, in order. */
function openMcpSocket(app: FastifyInstance, socket: WebSocket): void {
  const send = (reply: McpReply) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(reply));
  };
  let sessionId: string;
  try {
    const session = app.sessions.open();
    session.onIdle = () => socket.close(WS_CLOSE.idle.code, WS_CLOSE.idle.reason);
    sessionId = session.id;
  } catch (err) {
    const { reply, closeCode } = rpcSocketRefusal(err);
    send(reply);
    socket.close(closeCode);
    return;
  }
  const ctx: McpContext = { sessions: app.sessions, sessionId };
  socket.on("message", (data, isBinary) => {
    const session = app.sessions.get(sessionId);
    if (session) app.sessions.touch(session);
    let message: unknown;
    try {
      if (isBinary) throw new Error("binary frame; send JSON as a text frame");
      message = JSON.parse(frameText(data));
    } catch (error) {
      const why = error instanceof Error ? error.message : "not JSON";
      send(rpcError(null, RPC_ERROR.PARSE_ERROR, `Parse error: ${why}`));
      return;
    }
    send(mcpReplyTo(message, ctx));
  });
  socket.on("close", () => app.sessions.close(sessionId));
}

// Encapsulated so its raw-body parser does not leak: malformed JSON must get -32700 with HTTP 200, not a 422.
export const mcpRoutes: FastifyPluginAsync = async (app) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "string" }, (_request, body, done) => done(null, body));
  app.post(
    "/mcp",
    {
      // Changes no episode, and `openenv validate` posts {} here without a key: a read, not a write.
      config: { access: "read" },
      schema: {
        summary: "MCP over JSON-RPC 2.0 (this environment has no MCP tools)",
        description:
          "Always HTTP 200 with a JSON-RPC reply: -32700 parse error, -32600 invalid request, -32601 unknown " +
          "method, -32602 invalid params (e.g. an unknown session_id), -32603 for tools/list and tools/call " +
          "(no MCP tools here), -32000 server error (e.g. at capacity). openenv/session/create returns " +
          "{session_id} of a new session that GET /ws?session_id=... attaches to; openenv/session/close " +
          "{session_id} closes it. The same requests go over the WebSocket at GET /mcp.",
        tags: ["openenv"],
        response: { 200: JsonRpcReply },
      },
    },
    async (request) =>
      mcpReply(typeof request.body === "string" ? request.body : "", {
        sessions: app.sessions,
        sessionId: null,
        mayWrite: mayWrite(request, app.config.ECHO_API_KEY),
      }),
  );
  app.route({
    method: "GET",
    url: "/mcp",
    schema: {
      summary: "MCP over JSON-RPC 2.0 on a WebSocket (upgrade required)",
      description:
        "One session per connection; each text frame is one JSON-RPC request, answered in order, with the " +
        "codes of POST /mcp. A plain GET without the upgrade answers 426.",
      tags: ["openenv"],
      response: { 426: ErrorReply },
    },
    handler: upgradeRequired(
      "/mcp",
      '(ws://host/mcp) and send JSON-RPC requests, or POST one here, e.g. {"jsonrpc":"2.0","method":"tools/list","id":1}',
    ),
    wsHandler: (socket) => openMcpSocket(app, socket),
  });
};
