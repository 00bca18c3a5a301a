// Access control: an optional API key (ECHO_API_KEY) guards each route by the access level it declares.
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { bodyOf, serverError } from "../error-table.js";
import { ErrorReply } from "../schemas/error-reply.js";

/**
 * Who may call a route. public: anyone, always. read: anyone unless ECHO_PUBLIC_READ=false, then key
 * holders. write: key holders whenever ECHO_API_KEY is set. Without a key every route is open.
 */
export const ACCESS_LEVELS = ["public", "read", "write"] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route's access level; default: read for GET/HEAD, write for other methods and WebSocket routes. */
    access?: Access;
  }
}

export interface AccessPolicy {
  /** ECHO_API_KEY; undefined leaves every route open. */
  apiKey: string | undefined;
  /** ECHO_PUBLIC_READ: whether read routes stay open when a key is set. */
  publicRead: boolean;
}

const SAFE_METHODS = new Set(["GET", "HEAD"]);

/** The level a request needs: the route's declared one, else by method; a WebSocket upgrade writes. */
export function accessOf(declared: Access | undefined, method: string, websocket: boolean): Access {
  if (declared !== undefined) return ACCESS_LEVELS.includes(declared) ? declared : "write";
  if (websocket) return "write";
  return SAFE_METHODS.has(method) ? "read" : "write";
}

/** Whether a request at this level must present the key. */
export function needsKey(access: Access, policy: AccessPolicy): boolean {
  if (policy.apiKey === undefined || access === "public") return false;
  return access === "write" || !policy.publicRead;
}

/**
 * The key in `Authorization: Bearer <key>` (scheme in any case), or null.
 * @example bearerToken("Bearer s3cret-key") // "s3cret-key"
 * @example bearerToken("Basic dXNlcg==") // null
 */
export function bearerToken(header: string | undefined): string | null {
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match ? (match[1] as string) : null;
}

/** The `token` query parameter of a raw URL, or null. */
export function queryToken(url: string): string | null {
  const q = url.indexOf("?");
  if (q < 0) return null;
  return new URLSearchParams(url.slice(q + 1)).get("token");
}

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

/** Compares a presented key with the expected one's digest in time independent of where they differ. */
export function keyMatches(given: string, expected: Buffer): boolean {
  return timingSafeEqual(digest(given), expected);
}

function refuse(reply: FastifyReply, reason: "missing" | "invalid", websocket: boolean): FastifyReply {
  const refused = serverError("UNAUTHORIZED", { reason, websocket });
  const challenge =
    reason === "missing" ? 'Bearer realm="echo"' : 'Bearer realm="echo", error="invalid_token"';
  return reply.code(refused.statusCode).header("www-authenticate", challenge).send(bodyOf(refused));
}

/**
 * Installs the check on the root instance; call it before any route is registered so every route passes
 * through it. Runs at preParsing: before the body is read (a refused request costs no parsing) and after
 * @fastify/websocket's onRequest has marked upgrades, so a refused upgrade gets its 401 and its socket closed.
 */
export function registerAccessControl(app: FastifyInstance, policy: AccessPolicy): void {
  const expected = policy.apiKey === undefined ? undefined : digest(policy.apiKey);
  const websocketRoutes = new Set<string>();

  app.addHook("onRoute", (route) => {
    const declared = route.config?.access;
    if (declared !== undefined && !ACCESS_LEVELS.includes(declared)) {
      throw new TypeError(
        `route ${route.url} declares access "${declared}"; use one of: ${ACCESS_LEVELS.join(", ")}`,
      );
    }
    // `websocket: true` routes, and full declarations with an HTTP handler beside their wsHandler (/ws).
    const websocket = Boolean(route.websocket || route.wsHandler);
    if (websocket) websocketRoutes.add(route.url);
    // The OpenAPI document lists the 401 of every route that needs the key.
    const response = (route.schema as { response?: Record<string, unknown> } | undefined)?.response;
    const methods = [route.method].flat();
    if (response && methods.some((method) => needsKey(accessOf(declared, method, websocket), policy))) {
      response[401] ??= ErrorReply;
    }
  });

  // Without a key every route is open: no hook at all, so open servers pay nothing per request.
  if (expected === undefined) return;
  app.addHook("preParsing", async (request: FastifyRequest, reply: FastifyReply) => {
    // An unknown route answers 404 whatever the key: it says nothing the source does not.
    if (request.is404) return;
    const websocket = websocketRoutes.has(request.routeOptions.url ?? "");
    const access = accessOf(request.routeOptions.config.access, request.method, websocket);
    if (!needsKey(access, policy)) return;
    const header = request.headers.authorization;
    // Browsers cannot set headers on a WebSocket, so /ws also takes the key as ?token=.
    const given = bearerToken(header) ?? (websocket ? queryToken(request.url) : null);
    if (given === null) {
      const reason = header === undefined ? "no key" : "not a Bearer key";
      request.log.info({ access, reason }, "unauthorized");
      return refuse(reply, "missing", websocket);
    }
    if (!keyMatches(given, expected)) {
      request.log.info({ access, reason: "wrong key" }, "unauthorized");
      return refuse(reply, "invalid", websocket);
    }
  });
}

/**
 * Whether a request may do what a write route may: no key is configured, or it presents the key as a Bearer
 * token. For routes open to reads whose body can ask for more (POST /mcp's openenv/session/create).
 */
export function mayWrite(request: FastifyRequest, apiKey: string | undefined): boolean {
  if (apiKey === undefined) return true;
  const given = bearerToken(request.headers.authorization);
  return given !== null && keyMatches(given, digest(apiKey));
}

/**
 * Gives every route registered in this (encapsulated) plugin, from now on, an access level unless it
 * declares its own: for plugins such as @fastify/static that take no route config.
 * @example
 * export const webRoutes: FastifyPluginAsync = async (app) => {
 *   declareAccess(app, "public");
 *   await app.register(fastifyStatic, { root, prefix: "/web/" });
 * };
 */
export function declareAccess(app: FastifyInstance, access: Access): void {
  app.addHook("onRoute", (route) => {
    route.config = { ...route.config, access: route.config?.access ?? access };
  });
}
