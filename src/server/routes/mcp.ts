// POST /mcp: JSON-RPC 2.0, answered the way OpenEnv's reference answers for an environment without MCP tools.
import type { FastifyPluginAsync } from "fastify";
import { JsonRpcReply } from "../schemas/ws-messages.js";

const rpcError = (id: unknown, code: number, message: string) => ({
  jsonrpc: "2.0" as const,
  id: typeof id === "string" || typeof id === "number" ? id : null,
  error: { code, message, data: null },
});

export type McpReply = ReturnType<typeof rpcError>;

/** The JSON-RPC reply for a raw request body. */
export function mcpReply(raw: string): McpReply {
  let message: unknown;
  try {
    message = JSON.parse(raw);
  } catch {
    return rpcError(null, -32700, "Parse error");
  }
  return mcpReplyTo(message);
}

const MCP_TOOL_METHODS = new Set(["tools/list", "tools/call"]);

/** The JSON-RPC reply for an already parsed request (the WebSocket `mcp` envelope carries one). */
export function mcpReplyTo(message: unknown): McpReply {
  if (typeof message !== "object" || message === null || Array.isArray(message)) {
    return rpcError(null, -32600, "Invalid Request");
  }
  const m = message as Record<string, unknown>;
  if (m.jsonrpc !== "2.0" || typeof m.method !== "string") return rpcError(m.id, -32600, "Invalid Request");
  // As the reference: the tool methods exist but this environment has no tools; anything else is unknown.
  if (!MCP_TOOL_METHODS.has(m.method)) return rpcError(m.id, -32601, `Method not found: ${m.method}`);
  if (m.params !== undefined && (typeof m.params !== "object" || m.params === null)) {
    return rpcError(m.id, -32602, "Invalid params: params must be an object");
  }
  return rpcError(m.id, -32603, "Environment does not support MCP");
}

// Encapsulated so its raw-body parser does not leak: malformed JSON must get -32700 with HTTP 200, not a 422.
export const mcpRoutes: FastifyPluginAsync = async (app) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "string" }, (_request, body, done) => done(null, body));
  app.post(
    "/mcp",
    {
      // Changes no state, and `openenv validate` posts {} here without a key: a read, not a write.
      config: { access: "read" },
      schema: {
        summary: "MCP over JSON-RPC 2.0 (this environment has no MCP tools)",
        description:
          "Always HTTP 200 with a JSON-RPC reply: -32700 parse error, -32600 invalid request, -32601 unknown " +
          "method, -32602 invalid params, -32603 for tools/list and tools/call (no MCP tools here).",
        tags: ["openenv"],
        response: { 200: JsonRpcReply },
      },
    },
    async (request) => mcpReply(typeof request.body === "string" ? request.body : ""),
  );
};
