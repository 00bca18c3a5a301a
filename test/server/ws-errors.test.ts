// The one mapping from the environment's errors to WebSocket and JSON-RPC replies and close codes.
import type { FastifyBaseLogger } from "fastify";
import { describe, expect, it, vi } from "vitest";
import { envError } from "../../src/env/errors.js";
import { WS_CLOSE } from "../../src/server/schemas/ws-messages.js";
import {
  RPC_ERROR,
  rpcCreateRefusal,
  rpcSocketRefusal,
  wsFailureReply,
  wsRefusal,
  wsRequestFailure,
} from "../../src/server/ws-errors.js";

function recordingLog() {
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  return { log, asLogger: log as unknown as FastifyBaseLogger };
}

const capacity = () =>
  envError("CAPACITY_REACHED", { active: 2, max: 2 }, { active_sessions: 2, max_sessions: 2 });

describe("wsRefusal", () => {
  it("answers CAPACITY_REACHED with the counts and closes with the capacity code, logging a warning", () => {
    const { log, asLogger } = recordingLog();
    const { reply, close } = wsRefusal(capacity(), asLogger);
    expect(reply).toEqual({
      type: "error",
      data: expect.objectContaining({ code: "CAPACITY_REACHED", active_sessions: 2, max_sessions: 2 }),
    });
    expect(close).toEqual(WS_CLOSE.capacity);
    expect(log.warn).toHaveBeenCalledTimes(1);
  });

  it("answers an unknown or taken session as SESSION_ERROR and closes normally, its reason the message cut to 120", () => {
    const { asLogger } = recordingLog();
    const err = envError("SESSION_NOT_FOUND", { id: "x".repeat(300), attached: false });
    const { reply, close } = wsRefusal(err, asLogger);
    expect(reply.type).toBe("error");
    expect(reply.data).toMatchObject({ code: "SESSION_ERROR", echo_code: "SESSION_NOT_FOUND" });
    expect(close).toEqual({ code: WS_CLOSE.normal.code, reason: err.message.slice(0, 120) });
  });

  it("answers anything else as FACTORY_ERROR and closes with 1011, hiding the cause and logging it", () => {
    const { log, asLogger } = recordingLog();
    const { reply, close } = wsRefusal(new Error("disk on fire"), asLogger);
    expect(reply.data).toMatchObject({ code: "FACTORY_ERROR", factory_name: "CalibrationEnv" });
    expect(JSON.stringify(reply)).not.toContain("disk on fire");
    expect(close).toEqual(WS_CLOSE.serverError);
    expect(log.error).toHaveBeenCalledTimes(1);
  });
});

describe("JSON-RPC refusals", () => {
  it("gives capacity as -32000 with the counts, on the socket and on POST /mcp", () => {
    expect(rpcSocketRefusal(capacity())).toEqual({
      reply: {
        jsonrpc: "2.0",
        id: null,
        error: {
          code: RPC_ERROR.SERVER_ERROR,
          message: capacity().message,
          data: { active_sessions: 2, max_sessions: 2 },
        },
      },
      closeCode: WS_CLOSE.capacity.code,
    });
    expect(rpcCreateRefusal(capacity(), 7)).toMatchObject({ id: 7, error: { code: RPC_ERROR.SERVER_ERROR } });
  });

  it("hides any other failure on the socket (1011) and rethrows it on POST /mcp, for the server's 500", () => {
    const failure = new Error("boom");
    const { reply, closeCode } = rpcSocketRefusal(failure);
    expect(reply).toMatchObject({ error: { code: RPC_ERROR.SERVER_ERROR, data: null } });
    expect(JSON.stringify(reply)).not.toContain("boom");
    expect(closeCode).toBe(WS_CLOSE.serverError.code);
    expect(() => rpcCreateRefusal(failure, 1)).toThrow(failure);
  });
});

describe("wsRequestFailure", () => {
  it("answers the environment's errors as EXECUTION_ERROR with their code and details", () => {
    const { log, asLogger } = recordingLog();
    const err = envError("EPISODE_ID_IN_USE", { id: "e1" }, { episode_id: "e1" });
    expect(wsRequestFailure(err, "reset", asLogger)).toEqual({
      type: "error",
      data: {
        code: "EXECUTION_ERROR",
        message: err.message,
        echo_code: "EPISODE_ID_IN_USE",
        episode_id: "e1",
      },
    });
    expect(log.info).toHaveBeenCalledTimes(1);
  });

  it("answers an unexpected error as INTERNAL_ERROR naming the message type, without its text", () => {
    const { log, asLogger } = recordingLog();
    const reply = wsRequestFailure(new TypeError("secret"), "step", asLogger);
    expect(reply.data).toMatchObject({ code: "EXECUTION_ERROR", echo_code: "INTERNAL_ERROR" });
    expect((reply.data as { message: string }).message).toContain('"step"');
    expect(JSON.stringify(reply)).not.toContain("secret");
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(wsFailureReply().data).toMatchObject({ code: "SESSION_ERROR" });
  });
});
