// Builds the Fastify app (never listens): zod validation and OpenAPI, WebSocket support, the error handler
// and the routes from one explicit list. Tests drive it with inject(); main.ts listens.
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import websocket from "@fastify/websocket";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { EchoService } from "../env/echo-service.js";
import type { HttpEpisodes } from "../env/http-episodes.js";
import { LiveEnvs } from "../env/live-envs.js";
import type { SessionRegistry } from "../env/sessions.js";
import { VERSION } from "../version.js";
import type { EnvConfig } from "./config.js";
import { bodyOf, serverError } from "./error-table.js";
import { registerErrorHandler } from "./errors.js";
import { fastSerializerFor } from "./fast-serializers.js";
import { HTTP_LIMITS, type HttpLimits } from "./http-limits.js";
import { withLinks } from "./openapi-links.js";
import { registerAccessControl } from "./plugins/auth.js";
import { ROUTES } from "./routes/index.js";
import { WS_CLOSE } from "./routes/ws.js";

export const BODY_LIMIT_BYTES = 16 * 1024 * 1024;
export const WS_MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;

declare module "fastify" {
  interface FastifyInstance {
    echo: EchoService;
    /** Every live environment: HTTP episodes and WebSocket sessions, one idle timeout, one sweeper. */
    live: LiveEnvs;
    /** `live.episodes`, the HTTP channel. */
    httpEpisodes: HttpEpisodes;
    /** `live.sessions`, the WebSocket (and openenv/session/create) channel. */
    sessions: SessionRegistry;
    config: EnvConfig;
    limits: HttpLimits;
  }
}

export interface BuildOptions {
  config: EnvConfig;
  service: EchoService;
  logger?: FastifyServerOptions["logger"];
  /** Check every reply against its zod schema (tests turn this on; it costs time per reply). */
  validateResponses?: boolean;
  /** Timeouts and connection limits other than HTTP_LIMITS (tests shorten them). */
  limits?: Partial<HttpLimits>;
}

export type EchoApp = FastifyInstance;

export async function buildApp(options: BuildOptions): Promise<EchoApp> {
  const { config, service } = options;
  const limits: HttpLimits = { ...HTTP_LIMITS, ...options.limits };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    routerOptions: { maxParamLength: limits.maxParamLength },
    http: {
      headersTimeout: limits.headersTimeoutMs,
      connectionsCheckingInterval: limits.connectionsCheckingIntervalMs,
    },
    requestIdHeader: "x-request-id",
    // Errors raised before routing (e.g. a bad percent-encoding in the URL) get the same body as the rest.
    frameworkErrors: (error, _request, reply) => {
      const refused = serverError("BAD_REQUEST", {
        reason: `${error.message}; check the URL's percent-encoding`,
      });
      (reply as FastifyReply).code(refused.statusCode).send(bodyOf(refused));
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // In production replies are not checked against their schemas: plain JSON.stringify, or a compiled
  // serializer that writes the same bytes for the few replies big enough to matter (fast-serializers.ts).
  if (options.validateResponses) app.setSerializerCompiler(serializerCompiler);
  else
    app.setSerializerCompiler(({ schema }) => fastSerializerFor(schema) ?? ((data) => JSON.stringify(data)));

  // An empty body counts as {} (curl -X POST /reset), otherwise Fastify's safe JSON parser decides.
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    if (typeof body === "string" && body.trim() === "") return done(null, {});
    return parseJson(request, body as string, done);
  });

  // Never below the WebSocket sessions allowed, with room beside them for HTTP clients.
  app.server.maxConnections = Math.max(limits.maxConnections, config.MAX_CONCURRENT_ENVS + 256);
  app.decorate("limits", limits);
  app.decorate("echo", service);
  app.decorate("config", config);
  const live = new LiveEnvs(service, {
    maxSessions: config.MAX_CONCURRENT_ENVS,
    idleMs: config.SESSION_TIMEOUT_S * 1000,
  });
  app.decorate("live", live);
  app.decorate("httpEpisodes", live.episodes);
  app.decorate("sessions", live.sessions);
  live.startSweeper();

  registerErrorHandler(app);
  // Before any route, so every route (docs and WebSocket included) passes the check.
  registerAccessControl(app, { apiKey: config.ECHO_API_KEY, publicRead: config.ECHO_PUBLIC_READ });

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "ECHO calibration environment",
        description:
          "An OpenEnv environment that rewards language models for calibrated confidence. " +
          "Speaks the openenv-http/1.x profile: /reset, /step, /state, /ws, plus batch rewards and metrics.",
        version: VERSION,
      },
      // With a key configured, Swagger UI shows an Authorize button that sends it as a Bearer token.
      ...(config.ECHO_API_KEY
        ? {
            components: { securitySchemes: { bearer: { type: "http" as const, scheme: "bearer" } } },
            security: [{ bearer: [] }],
          }
        : {}),
    },
    transform: jsonSchemaTransform,
    // Every schema with a .meta({ id }) lands under components.schemas, the WebSocket messages included.
    // OpenAPI links (openapi-links.ts) then chain /reset into /step and /state.
    transformObject: (documentObject) => withLinks(jsonSchemaTransformObject(documentObject)),
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });
  await app.register(websocket, {
    options: { maxPayload: WS_MAX_PAYLOAD_BYTES },
    // The whole shutdown of live environments, in order: every socket is told 1001 (the default closes without
    // a code), then the sweeper stops and each /ws connection drains (its socket closed, cut if slow, and its
    // last step recorded). Being preClose, it ends before onClose hooks run, so history closes after it.
    preClose: (done) => {
      for (const client of app.websocketServer.clients) {
        client.close(WS_CLOSE.shutdown.code, WS_CLOSE.shutdown.reason);
      }
      app.websocketServer.close();
      live.shutdown().then(() => done(), done);
    },
  });

  for (const route of ROUTES) await app.register(route);
  // OpenEnv clients and `openenv validate` read the document here; Swagger UI serves it at /docs/json too.
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  return app;
}
