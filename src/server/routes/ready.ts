// GET /ready: readiness for load balancers and orchestrators, 503 while the history cannot take writes.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { envError } from "../../env/errors.js";
import { StorageStatus } from "../../env/storage-health.js";
import { ErrorReply } from "../schemas/error-reply.js";

export const ReadyReply = z
  .object({
    status: z.literal("ready").describe("Every route works, writes included"),
    storage: StorageStatus,
  })
  .meta({ id: "ReadyReply" });

export const readyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/ready",
    {
      // Open like /health: probes carry no key.
      config: { access: "public" },
      schema: {
        summary: "Readiness: 503 while the history cannot be written",
        description:
          "200 when writes work. While they fail (disk full, read-only, locked, removed, I/O error) it " +
          "answers 503 STORAGE_UNAVAILABLE with Retry-After and the storage state; it re-checks the disk at " +
          "most once a second, so it turns 200 again by itself once the cause is gone. Liveness is /health.",
        tags: ["openenv"],
        response: { 200: ReadyReply, 503: ErrorReply },
      },
    },
    async () => {
      const storage = app.echo.storage.status();
      if (storage.writable) return { status: "ready" as const, storage };
      throw envError(
        "STORAGE_UNAVAILABLE",
        { outcome: "not ready", reason: String(storage.detail) },
        { ...storage },
      );
    },
  );
};
