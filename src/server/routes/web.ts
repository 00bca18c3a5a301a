// The dashboard: src/web/ served as-is under /web/ (no build step), and / redirecting to it.
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyPluginAsync } from "fastify";
import { declareAccess } from "../plugins/auth.js";

/**
 * The dashboard's folder. The build copies no non-TypeScript files, so from src/server/routes and from
 * dist/server/routes alike it is found at <package root>/src/web/.
 */
export const WEB_DIR = fileURLToPath(new URL("../../../src/web/", import.meta.url));

export const WEB_PREFIX = "/web/";

export const webRoutes: FastifyPluginAsync = async (app) => {
  // Everything this plugin serves is public: the page asks for the API key itself when one is needed.
  declareAccess(app, "public");

  await app.register(fastifyStatic, {
    root: WEB_DIR,
    // Given without its trailing slash, the prefix also gets a /web -> /web/ redirect, so the page's relative
    // asset URLs resolve.
    prefix: "/web",
    redirect: true,
    decorateReply: false,
    dotfiles: "ignore",
    index: ["index.html"],
    list: false,
    // Revalidate on every load (ETag), so a new version of the page is never hidden by a cache.
    cacheControl: true,
    maxAge: 0,
  });

  // Relative, so behind a proxy that serves ECHO under a prefix, /prefix/ leads to /prefix/web/.
  app.get("/", { schema: { hide: true } }, async (_request, reply) =>
    reply.redirect(WEB_PREFIX.slice(1), 302),
  );
};
