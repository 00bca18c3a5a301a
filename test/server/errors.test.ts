// The error table and the one error handler: every code's status, the 422 shape, bad bodies, and no 500s.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PRESET_NAMES } from "../../src/core/reward/presets.js";
import { DIFFICULTIES, DOMAINS, EVAL_TASK_NAMES } from "../../src/core/taxonomy.js";
import { EchoError, ENV_ERRORS, envError, unknownTaskMessage } from "../../src/env/errors.js";
import {
  bodyOf,
  ERROR_TABLE,
  type ErrorCode,
  serverError,
  TRANSPORT_ERRORS,
} from "../../src/server/error-table.js";
import { ErrorReply } from "../../src/server/schemas/error-reply.js";
import { build } from "../helpers/build-app.js";

const CODES = Object.keys(ERROR_TABLE) as ErrorCode[];
const JSON_HEADERS = { "content-type": "application/json" };

describe("the error table", () => {
  it.each(CODES)("%s has an error status, a summary and a message template", (code) => {
    const { status, summary, message } = ERROR_TABLE[code];
    expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
    expect(Number.isInteger(status)).toBe(true);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
    expect(summary.length).toBeGreaterThan(0);
    expect(typeof message).toBe("function");
  });

  it("is the environment's codes plus the transport's, with no code in both", () => {
    const env = Object.keys(ENV_ERRORS);
    const transport = Object.keys(TRANSPORT_ERRORS);
    expect(env.filter((code) => transport.includes(code))).toEqual([]);
    expect([...CODES].sort()).toEqual([...env, ...transport].sort());
  });

  it("fills message templates from parameters and gives the error its code's status", () => {
    const error = serverError("BATCH_TOO_LARGE", { items: 3, max_batch: 2 }, { max_batch: 2, items: 3 });
    expect(error).toBeInstanceOf(EchoError);
    expect(error.statusCode).toBe(413);
    expect(error.message).toBe(
      "the batch has 3 items but this server scores at most 2 per /reward call (ECHO_MAX_BATCH); split it into smaller batches",
    );
    expect(bodyOf(error)).toEqual({ detail: error.message, code: "BATCH_TOO_LARGE", max_batch: 2, items: 3 });
    expect(envError("TASK_NOT_FOUND", { id: "x" }).message).toBe(unknownTaskMessage("x"));
    expect(serverError("INTERNAL_ERROR").message).toBe("internal server error");
  });

  it("is listed in the ErrorReply schema's description (what /openapi.json shows)", () => {
    const described = ErrorReply.shape.code.description ?? "";
    for (const code of CODES) expect(described).toContain(code);
  });

  it("sends every code with its status and body {detail, code, ...details}", async () => {
    const app = await build();
    app.get<{ Params: { code: string } }>("/__throw/:code", async (request) => {
      const code = request.params.code as ErrorCode;
      throw new EchoError(code, ERROR_TABLE[code].status, `thrown ${code}`, { extra: 1 });
    });
    for (const code of CODES) {
      const res = await app.inject({ method: "GET", url: `/__throw/${code}` });
      expect(res.statusCode, code).toBe(ERROR_TABLE[code].status);
      expect(res.json()).toEqual({ detail: `thrown ${code}`, code, extra: 1 });
    }
  });

  it("hides an unexpected error behind a 500 INTERNAL_ERROR without its message", async () => {
    const app = await build();
    app.get("/__boom", async () => {
      throw new Error("secret stack detail");
    });
    const res = await app.inject({ method: "GET", url: "/__boom" });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ detail: "internal server error", code: "INTERNAL_ERROR" });
    expect(res.body).not.toContain("secret");
  });
});

describe("bad requests", () => {
  it("answers a schema failure with 422 {detail: [{type, loc, msg}], code: VALIDATION_ERROR}", async () => {
    const app = await build();
    const res = await app.inject({ method: "POST", url: "/reset", payload: { seed: -5, phase: 9 } });
    expect(res.statusCode).toBe(422);
    const body = res.json() as { detail: { type: string; loc: unknown[]; msg: string }[]; code: string };
    expect(body.code).toBe("VALIDATION_ERROR");
    expect(body.detail.map((d) => d.loc)).toEqual(
      expect.arrayContaining([
        ["body", "seed"],
        ["body", "phase"],
      ]),
    );
    for (const d of body.detail) {
      expect(typeof d.type).toBe("string");
      expect(d.msg).toMatch(/>=\s*0|<=\s*3/);
    }
  });

  it.each([
    ["/reset", "{not json"],
    ["/reset", '{"seed": 1,}'],
    ["/step", '{"action": {"response": "x"'],
    ["/reset", '{"__proto__": {"polluted": true}}'],
    ["/step", '{"constructor": {"prototype": {"polluted": true}}}'],
  ])("answers malformed JSON to %s (%j) with 422 json_invalid", async (url, payload) => {
    const app = await build();
    const res = await app.inject({ method: "POST", url, headers: JSON_HEADERS, payload });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: "VALIDATION_ERROR",
      detail: [{ type: "json_invalid", loc: ["body"] }],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ["GET", "/nowhere"],
    ["GET", "/reset"],
    ["POST", "/health"],
    ["DELETE", "/state"],
  ] as const)("answers %s %s with 404 NOT_FOUND naming the route", async (method, url) => {
    const app = await build();
    const res = await app.inject({ method, url });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: "NOT_FOUND" });
    expect(res.json().detail).toContain(`${method} ${url}`);
  });

  it("reads a text/plain body as a string, which the schema rejects with 422", async () => {
    const app = await build();
    const res = await app.inject({
      method: "POST",
      url: "/reset",
      headers: { "content-type": "text/plain" },
      payload: '{"seed": 1}',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: "VALIDATION_ERROR", detail: [{ loc: ["body"] }] });
  });

  it.each(["application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"])(
    "answers Content-Type %s with 415 UNSUPPORTED_MEDIA_TYPE",
    async (type) => {
      const app = await build();
      const res = await app.inject({
        method: "POST",
        url: "/step",
        headers: { "content-type": type },
        payload: "a=1",
      });
      expect(res.statusCode).toBe(415);
      expect(res.json()).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
      expect(res.json().detail).toContain("application/json");
    },
  );

  it("answers a body over 16 MiB with 413 BODY_TOO_LARGE", async () => {
    const app = await build();
    const payload = JSON.stringify({ action: { response: "x".repeat(16 * 1024 * 1024 + 1) } });
    const res = await app.inject({ method: "POST", url: "/step", headers: JSON_HEADERS, payload });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: "BODY_TOO_LARGE" });
  });

  it("answers a bad percent-encoding and a wrong Content-Length with 400 BAD_REQUEST", async () => {
    const app = await build();
    const path = await app.inject({ method: "GET", url: "/%" });
    expect(path.statusCode).toBe(400);
    expect(path.json()).toMatchObject({ code: "BAD_REQUEST" });
    const length = await app.inject({
      method: "POST",
      url: "/reset",
      headers: { ...JSON_HEADERS, "content-length": "10" },
      payload: "{}",
    });
    expect(length.statusCode).toBe(400);
    expect(length.json()).toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("nothing a client sends produces a 500", () => {
  const json = fc.jsonValue({ maxDepth: 3 });
  // Each field is often valid, so draws get past validation into the environment's own errors.
  const either = <T>(valid: fc.Arbitrary<T>) => fc.oneof(valid, valid, json);
  const response = fc.oneof(fc.string(), fc.constant("<confidence>70</confidence><answer>4</answer>"));
  const stepish = fc.oneof(
    json,
    fc.record({ response: either(response) }),
    fc.record(
      {
        action: fc.oneof(
          response,
          fc.record({ response: either(response), metadata: json }, { requiredKeys: [] }),
          fc.dictionary(fc.string(), json),
        ),
        episode_id: either(fc.string({ maxLength: 8 })),
        timeout_s: either(fc.double({ min: 0.001, max: 60, noNaN: true })),
      },
      { requiredKeys: [] },
    ),
  );
  const resetish = fc.oneof(
    json,
    fc.record(
      {
        seed: either(fc.nat()),
        episode_id: either(fc.string({ minLength: 1, maxLength: 8 })),
        task_id: either(fc.oneof(fc.string(), fc.constant("curated/science/easy/010"))),
        domain: either(fc.constantFrom(...DOMAINS)),
        difficulty: either(fc.constantFrom(...DIFFICULTIES)),
        phase: either(fc.constantFrom(1, 2, 3)),
        reward_preset: either(fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom(...PRESET_NAMES))),
        task: either(fc.constantFrom(...EVAL_TASK_NAMES)),
      },
      { requiredKeys: [] },
    ),
  );

  it("holds for random JSON bodies on /reset and /step, and random raw bodies everywhere", async () => {
    const app = await build();
    const codes = new Set<string>(CODES);
    const check = (status: number, body: string) => {
      expect(status, body).toBeLessThan(500);
      if (status >= 400) expect(codes.has(JSON.parse(body).code), body).toBe(true);
    };
    await fc.assert(
      fc.asyncProperty(resetish, stepish, async (resetBody, stepBody) => {
        const r = await app.inject({
          method: "POST",
          url: "/reset",
          headers: JSON_HEADERS,
          payload: JSON.stringify(resetBody),
        });
        check(r.statusCode, r.body);
        const s = await app.inject({
          method: "POST",
          url: "/step",
          headers: JSON_HEADERS,
          payload: JSON.stringify(stepBody),
        });
        check(s.statusCode, s.body);
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("/reset", "/step", "/mcp"),
        fc.string({ maxLength: 200 }),
        async (url, raw) => {
          const res = await app.inject({ method: "POST", url, headers: JSON_HEADERS, payload: raw });
          expect(res.statusCode, raw).toBeLessThan(500);
          if (url === "/mcp") expect(res.json().jsonrpc).toBe("2.0");
        },
      ),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (id) => {
        const res = await app.inject({ method: "GET", url: `/state?episode_id=${encodeURIComponent(id)}` });
        check(res.statusCode, res.body);
      }),
      { numRuns: 100 },
    );
  });
});
