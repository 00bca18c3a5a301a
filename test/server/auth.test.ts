// Access control over every registered route (enumerated from the app), the WebSocket upgrade, and the logs.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { buildApp, type EchoApp } from "../../src/server/app.js";
import { ConfigError, loadConfig } from "../../src/server/config.js";
import { createService } from "../../src/server/create-service.js";
import {
  type Access,
  accessOf,
  bearerToken,
  keyMatches,
  needsKey,
  queryToken,
} from "../../src/server/plugins/auth.js";
import { loggerOptions, redactUrl } from "../../src/server/plugins/logger.js";
import { build } from "../helpers/build-app.js";
import { buildListingRoutes, type Route } from "../helpers/list-routes.js";
import { listen, withTimeout } from "../helpers/ws-client.js";

const KEY = "test-key-0123456789";
const WRONG = "test-key-9876543210";

/**
 * Every route's access decision. A route registered without an entry here fails the first test: decide
 * whether it is public (always open), read (open unless ECHO_PUBLIC_READ=false) or write (needs the key).
 */
const ACCESS: Record<string, Access> = {
  "GET /": "public",
  "GET /health": "public",
  "GET /ready": "public",
  "GET /web": "public",
  "GET /web/*": "public",
  "GET /docs": "read",
  "GET /docs/static/*": "read",
  "GET /docs/json": "read",
  "GET /docs/yaml": "read",
  "GET /docs/static/index.html": "read",
  "GET /docs/static/swagger-initializer.js": "read",
  "GET /openapi.json": "read",
  "GET /state": "read",
  "GET /schema": "read",
  "GET /metadata": "read",
  "GET /history": "read",
  "GET /metrics": "read",
  "GET /metrics/timeline": "read",
  "GET /metrics/:domain": "read",
  "GET /fingerprint": "read",
  "GET /questions": "read",
  "GET /questions/*": "read",
  "GET /bank": "read",
  "GET /tasks": "read",
  "GET /tasks/:name/score": "read",
  "GET /rewards": "read",
  "GET /curriculum": "read",
  "POST /curriculum": "write",
  "PUT /curriculum": "write",
  "POST /reset": "write",
  "POST /step": "write",
  "POST /reward": "write",
  "POST /mcp": "read",
  "GET /mcp": "write",
  "GET /ws": "write",
};

/** A route's entry in the table: HEAD as its GET twin, a trailing slash (prefix twins) dropped. */
const keyOf = ({ method, url }: Route) =>
  `${method === "HEAD" ? "GET" : method} ${url.length > 1 ? url.replace(/\/$/, "") : url}`;

/** A concrete URL for a route pattern (parameters and wildcards filled in). */
const concrete = (url: string) =>
  url.replace(":domain", "math").replace(":name", "calibration").replace(/\*$/, "x");

const BODIES: Record<string, unknown> = {
  "/reset": {},
  "/mcp": { jsonrpc: "2.0", method: "tools/list", id: 1 },
};

async function call(app: EchoApp, route: Route, authorization?: string) {
  const headers: Record<string, string> = authorization ? { authorization } : {};
  const withBody = route.method === "POST" || route.method === "PUT";
  return app.inject({
    method: route.method as "GET",
    url: concrete(route.url),
    headers,
    ...(withBody ? { payload: (BODIES[route.url] ?? {}) as object } : {}),
  });
}

describe("every route has an access decision", () => {
  it("lists each registered route in the access table, and nothing else", async () => {
    const { routes } = await buildListingRoutes();
    const registered = new Set(
      routes
        .filter((r) => r.method !== "HEAD") // HEAD routes mirror their GET route
        .map(keyOf),
    );
    expect(registered.size).toBeGreaterThan(20);
    const undecided = [...registered].filter((r) => !(r in ACCESS));
    expect(undecided, "routes without an access decision in test/server/auth.test.ts").toEqual([]);
    const stale = Object.keys(ACCESS).filter((r) => !registered.has(r));
    expect(stale, "access table entries with no route").toEqual([]);
  });

  it.each([
    ["no key configured", {}, { public: false, read: false, write: false }],
    ["a key, public reads", { ECHO_API_KEY: KEY }, { public: false, read: false, write: true }],
    [
      "a key, private reads",
      { ECHO_API_KEY: KEY, ECHO_PUBLIC_READ: "false" },
      { public: false, read: true, write: true },
    ],
  ] as const)(
    "with %s, protects exactly the expected routes (HEAD included)",
    async (_name, env, guarded) => {
      const { app, routes } = await buildListingRoutes({ ...env });
      for (const route of routes) {
        const level = ACCESS[keyOf(route)] as Access;
        const where = `${route.method} ${route.url} (${level})`;
        const none = await call(app, route);
        const wrong = await call(app, route, `Bearer ${WRONG}`);
        const right = await call(app, route, `Bearer ${KEY}`);
        expect(right.statusCode, where).not.toBe(401);
        expect(right.statusCode, where).toBeLessThan(500);
        if (guarded[level]) {
          expect(none.statusCode, where).toBe(401);
          expect(none.headers["www-authenticate"], where).toBe('Bearer realm="echo"');
          expect(wrong.statusCode, where).toBe(401);
          expect(wrong.headers["www-authenticate"], where).toBe('Bearer realm="echo", error="invalid_token"');
          if (route.method !== "HEAD") {
            expect(none.json(), where).toEqual({
              detail: expect.stringContaining("Bearer"),
              code: "UNAUTHORIZED",
            });
            expect(wrong.json().code, where).toBe("UNAUTHORIZED");
          }
        } else {
          expect(none.statusCode, where).not.toBe(401);
          expect(wrong.statusCode, where).not.toBe(401); // an open route ignores a stale key
        }
      }
    },
  );

  it("keeps /health open in every configuration, GET and HEAD", async () => {
    const envs: Record<string, string>[] = [
      {},
      { ECHO_API_KEY: KEY },
      { ECHO_API_KEY: KEY, ECHO_PUBLIC_READ: "false" },
    ];
    for (const env of envs) {
      const app = await build(env);
      expect((await app.inject({ method: "GET", url: "/health" })).json()).toMatchObject({
        status: "healthy",
      });
      expect((await app.inject({ method: "HEAD", url: "/health" })).statusCode).toBe(200);
    }
  });

  it("guards the trailing-slash twin Fastify adds for a prefixed route (/docs/), which onRoute never sees", async () => {
    const app = await build({ ECHO_API_KEY: KEY, ECHO_PUBLIC_READ: "false" });
    expect((await app.inject({ method: "GET", url: "/docs/" })).statusCode).toBe(401);
    const headers = { authorization: `Bearer ${KEY}` };
    expect((await app.inject({ method: "GET", url: "/docs/", headers })).statusCode).toBe(200);
  });

  it("lets `openenv validate`'s POST /mcp {} through without a key while reads are public", async () => {
    const app = await build({ ECHO_API_KEY: KEY });
    const res = await app.inject({ method: "POST", url: "/mcp", payload: {} });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ jsonrpc: "2.0", error: { code: -32600 } });
    const closed = await build({ ECHO_API_KEY: KEY, ECHO_PUBLIC_READ: "false" });
    expect((await closed.inject({ method: "POST", url: "/mcp", payload: {} })).statusCode).toBe(401);
  });

  it("lets POST /mcp create or close sessions only with the key, since sessions use capacity", async () => {
    const app = await build({ ECHO_API_KEY: KEY });
    const create = { jsonrpc: "2.0", id: 1, method: "openenv/session/create" };
    const refused = await app.inject({ method: "POST", url: "/mcp", payload: create });
    expect(refused.json().error).toMatchObject({ code: -32000, message: /needs the server's API key/ });
    expect(app.sessions.size).toBe(0);
    const headers = { authorization: `Bearer ${KEY}` };
    const made = await app.inject({ method: "POST", url: "/mcp", payload: create, headers });
    expect(made.json().result).toMatchObject({ session_id: expect.any(String) });
    expect(app.sessions.size).toBe(1);
  });

  it("answers an unknown route 404, not 401, even when everything is private", async () => {
    const app = await build({ ECHO_API_KEY: KEY, ECHO_PUBLIC_READ: "false" });
    const res = await app.inject({ method: "POST", url: "/nope" });
    expect(res.statusCode).toBe(404);
  });

  it("refuses before reading the body: a 401 for a malformed or oversized body without a key", async () => {
    const app = await build({ ECHO_API_KEY: KEY });
    const res = await app.inject({
      method: "POST",
      url: "/step",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(res.statusCode).toBe(401);
    expect(app.httpEpisodes.size).toBe(0);
  });

  it("accepts the scheme in any case and surrounding spaces; refuses Basic, an empty Bearer and a prefix", async () => {
    const app = await build({ ECHO_API_KEY: KEY });
    const status = async (authorization: string) =>
      (await app.inject({ method: "POST", url: "/reset", headers: { authorization } })).statusCode;
    expect(await status(`bearer ${KEY}`)).toBe(200);
    expect(await status(`  BEARER   ${KEY}  `)).toBe(200);
    expect(await status(`Basic ${Buffer.from(`u:${KEY}`).toString("base64")}`)).toBe(401);
    expect(await status("Bearer ")).toBe(401);
    expect(await status(`Bearer ${KEY.slice(0, -1)}`)).toBe(401);
    expect(await status(`Bearer ${KEY}x`)).toBe(401);
    expect(await status(KEY)).toBe(401);
  });

  it("takes ?token= only on the WebSocket route, never on HTTP routes", async () => {
    const app = await build({ ECHO_API_KEY: KEY });
    const res = await app.inject({ method: "POST", url: `/reset?token=${KEY}` });
    expect(res.statusCode).toBe(401);
  });
});

describe("the access rules", () => {
  it.each([
    [undefined, "GET", false, "read"],
    [undefined, "HEAD", false, "read"],
    [undefined, "POST", false, "write"],
    [undefined, "PUT", false, "write"],
    [undefined, "DELETE", false, "write"],
    [undefined, "GET", true, "write"],
    ["public", "POST", false, "public"],
    ["read", "GET", true, "read"],
    ["bogus" as Access, "GET", false, "write"],
  ] as const)("route declaring %s, %s, websocket=%s -> %s", (declared, method, ws, expected) => {
    expect(accessOf(declared, method, ws)).toBe(expected);
  });

  it("refuses to register a route declaring an unknown access level", async () => {
    const app = await build();
    expect(() =>
      app.get("/__bogus", { config: { access: "admin" as Access } }, async () => ({ ok: true })),
    ).toThrow(/declares access "admin"; use one of: public, read, write/);
  });

  it("needs a key only when one is set, and for reads only when reads are private", () => {
    const open = { apiKey: undefined, publicRead: false };
    const keyed = { apiKey: KEY, publicRead: true };
    const closed = { apiKey: KEY, publicRead: false };
    expect(
      [open, keyed, closed].map((p) => ["public", "read", "write"].map((a) => needsKey(a as Access, p))),
    ).toEqual([
      [false, false, false],
      [false, false, true],
      [false, true, true],
    ]);
  });

  it("reads Bearer keys and ?token= values", () => {
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken("")).toBeNull();
    expect(bearerToken("Bearer")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken("Token abc")).toBeNull();
    expect(bearerToken("Bearer abc")).toBe("abc");
    expect(queryToken("/ws")).toBeNull();
    expect(queryToken("/ws?x=1")).toBeNull();
    expect(queryToken("/ws?token=")).toBe("");
    expect(queryToken("/ws?x=1&token=a%20b")).toBe("a b");
  });

  it("compares keys of any length without throwing", async () => {
    const { createHash } = await import("node:crypto");
    const expected = createHash("sha256").update(KEY).digest();
    expect(keyMatches(KEY, expected)).toBe(true);
    expect(keyMatches("", expected)).toBe(false);
    expect(keyMatches(KEY.repeat(1000), expected)).toBe(false);
    expect(keyMatches("é", expected)).toBe(false);
  });
});

describe("configuration", () => {
  it("refuses ECHO_PUBLIC_READ=false without a key, naming both variables", () => {
    expect(() => loadConfig({ ECHO_PUBLIC_READ: "false" })).toThrow(ConfigError);
    expect(() => loadConfig({ ECHO_PUBLIC_READ: "false" })).toThrow(/ECHO_PUBLIC_READ.*ECHO_API_KEY/);
  });

  it("trims the configured key, so one pasted with a trailing newline or space still matches", async () => {
    for (const pasted of [`${KEY}\n`, `${KEY} `, `\t${KEY}\r\n`]) {
      const app = await build({ ECHO_API_KEY: pasted });
      const res = await app.inject({
        method: "POST",
        url: "/reset",
        headers: { authorization: `Bearer ${KEY}` },
      });
      expect(res.statusCode, JSON.stringify(pasted)).toBe(200);
    }
  });

  it("never echoes a rejected key in the error message", () => {
    let message = "";
    try {
      loadConfig({ ECHO_API_KEY: "short" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("ECHO_API_KEY");
    expect(message).not.toContain("short");
  });
});

interface Upgrade {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  socket?: WebSocket;
}

/** Attempts a WebSocket upgrade; resolves with 101 and the open socket, or with the HTTP refusal. */
function upgrade(url: string, headers: Record<string, string> = {}): Promise<Upgrade> {
  const ws = new WebSocket(url, { headers });
  const attempt = new Promise<Upgrade>((resolve, reject) => {
    ws.once("open", () => resolve({ status: 101, headers: {}, body: "", socket: ws }));
    ws.once("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => {
        body += chunk.toString("utf8");
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    ws.once("error", reject);
  });
  return withTimeout(attempt, 5_000, "the upgrade").finally(() => {
    if (ws.readyState === WebSocket.OPEN) return;
    ws.terminate();
  });
}

describe("WebSocket upgrade", () => {
  it("refuses an upgrade without a key or with a wrong one with HTTP 401 before upgrading", async () => {
    const app = await build({ ECHO_API_KEY: KEY });
    const url = await listen(app);
    for (const attempt of [
      await upgrade(url),
      await upgrade(`${url}?token=${WRONG}`),
      await upgrade(url, { authorization: `Bearer ${WRONG}` }),
    ]) {
      expect(attempt.status).toBe(401);
      expect(attempt.headers["www-authenticate"]).toMatch(/^Bearer realm="echo"/);
      expect(JSON.parse(attempt.body)).toMatchObject({ code: "UNAUTHORIZED" });
    }
    expect(app.sessions.size).toBe(0);
  });

  it.each([
    ["the Authorization header", "", { authorization: `Bearer ${KEY}` }],
    ["?token=", `?token=${KEY}`, {}],
  ])("opens a session with the key in %s", async (_name, query, headers) => {
    const app = await build({ ECHO_API_KEY: KEY, ECHO_PUBLIC_READ: "false" });
    const url = await listen(app);
    const attempt = await upgrade(`${url}${query}`, headers);
    expect(attempt.status).toBe(101);
    const socket = attempt.socket as WebSocket;
    const reply = new Promise<string>((resolve) =>
      socket.once("message", (data) => resolve(data.toString())),
    );
    socket.send(JSON.stringify({ type: "state" }));
    expect(JSON.parse(await withTimeout(reply, 5_000, "a state reply"))).toMatchObject({ type: "state" });
    socket.terminate();
  });

  it("opens without any key when none is configured", async () => {
    const app = await build();
    const attempt = await upgrade(await listen(app));
    expect(attempt.status).toBe(101);
    attempt.socket?.terminate();
  });
});

describe("logs", () => {
  async function logged(env: Record<string, string>) {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
        done();
      },
    });
    const config = loadConfig({ ECHO_DATA_DIR: "/nonexistent-echo-test-data", ECHO_DB: ":memory:", ...env });
    const { service } = createService(config);
    const app = await buildApp({ config, service, logger: { ...loggerOptions("debug"), stream } });
    return { app, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
  }

  it("carries the request id on every request line, honouring x-request-id and generating one otherwise", async () => {
    const { app, records } = await logged({});
    await app.inject({ method: "GET", url: "/health", headers: { "x-request-id": "trace-abc-123" } });
    await app.inject({ method: "GET", url: "/health" });
    const requestLines = records().filter((r) => r.req !== undefined || r.res !== undefined);
    expect(requestLines.length).toBeGreaterThanOrEqual(4);
    for (const r of requestLines) expect(typeof r.reqId).toBe("string");
    const ids = new Set(requestLines.map((r) => r.reqId));
    expect(ids.has("trace-abc-123")).toBe(true);
    expect(ids.size).toBe(2);
    await app.close();
  });

  it("never logs the key (header or ?token=), nor request bodies or full responses", async () => {
    const { app, lines } = await logged({ ECHO_API_KEY: KEY });
    const marker = "BODY-MARKER-7d1f";
    const authorization = `Bearer ${KEY}`;
    await app.inject({ method: "POST", url: "/reset", headers: { authorization } });
    await app.inject({
      method: "POST",
      url: "/step",
      headers: { authorization },
      payload: { action: { response: `<confidence>70</confidence><answer>${marker}</answer>` } },
    });
    await app.inject({ method: "POST", url: "/step", payload: { action: { response: marker } } }); // 401
    await app.inject({ method: "POST", url: "/step", headers: { authorization: `Bearer ${KEY}x` } }); // 401
    await app.inject({
      method: "POST",
      url: "/reward",
      headers: { authorization },
      payload: { items: marker },
    });
    const url = await listen(app);
    const viaQuery = await upgrade(`${url}?token=${KEY}`);
    viaQuery.socket?.terminate();
    await upgrade(`${url}?token=${KEY}x`);
    await app.close();
    const all = lines.join("\n");
    expect(all).toContain("incoming request");
    expect(all).toContain("unauthorized");
    expect(all).toContain("token=%5Bredacted%5D");
    expect(all).not.toContain(KEY);
    expect(all).not.toContain(marker);
  });

  it("redacts token parameters however they are placed", () => {
    expect(redactUrl("/ws")).toBe("/ws");
    expect(redactUrl("/ws?x=1")).toBe("/ws?x=1");
    expect(redactUrl(`/ws?token=${KEY}`)).not.toContain(KEY);
    expect(redactUrl(`/ws?a=1&token=${KEY}&token=${KEY}`)).not.toContain(KEY);
    expect(redactUrl(`/ws?%74oken=${KEY}`)).not.toContain(KEY);
  });
});

describe("OpenAPI with a key", () => {
  it("declares a Bearer scheme only when a key is configured, so Swagger UI can send it", async () => {
    const open = await build();
    expect(
      (await open.inject({ method: "GET", url: "/openapi.json" })).json().components?.securitySchemes,
    ).toBe(undefined);
    const keyed = await build({ ECHO_API_KEY: KEY });
    const doc = (await keyed.inject({ method: "GET", url: "/openapi.json" })).json();
    expect(doc.components.securitySchemes).toEqual({ bearer: { type: "http", scheme: "bearer" } });
    expect(doc.security).toEqual([{ bearer: [] }]);
  });
});
