// Builds the app and lists the routes it registers, as an onRoute hook sees them (HEAD twins included).
import diagnostics from "node:diagnostics_channel";
import type { FastifyInstance } from "fastify";
import type { EchoApp } from "../../src/server/app.js";
import { build } from "./build-app.js";

export interface Route {
  method: string;
  url: string;
}

/**
 * The hook goes on through Fastify's initialization channel, before any plugin or route is added, so the
 * list comes from the app itself rather than from the code under test.
 */
export async function buildListingRoutes(
  env: Record<string, string> = {},
): Promise<{ app: EchoApp; routes: Route[] }> {
  const routes: Route[] = [];
  const onInit = (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook("onRoute", (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) routes.push({ method, url: route.url });
    });
  };
  diagnostics.subscribe("fastify.initialization", onInit);
  try {
    const app = await build(env);
    await app.ready();
    return { app, routes };
  } finally {
    diagnostics.unsubscribe("fastify.initialization", onInit);
  }
}
