// Starts the server: configuration -> service -> app -> listen, and a graceful close on SIGTERM/SIGINT.
import type { EchoApp } from "./app.js";
import { buildApp } from "./app.js";
import type { EnvConfig } from "./config.js";
import { createService } from "./create-service.js";

/** How long in-flight requests may take to finish after a shutdown signal. */
export const SHUTDOWN_GRACE_MS = 10_000;

export interface RunningServer {
  app: EchoApp;
  url: string;
  close(): Promise<void>;
}

export async function startServer(config: EnvConfig): Promise<RunningServer> {
  const { service, warnings } = createService(config);
  const app = await buildApp({
    config,
    service,
    logger: { level: config.LOG_LEVEL },
  });
  for (const warning of warnings) app.log.warn(warning);
  app.addHook("onClose", async () => {
    await service.history.close();
  });
  const url = await app.listen({ port: config.PORT, host: config.HOST });
  const summary = service.bank.summary();
  app.log.info(
    { tasks: summary.total, preset: service.defaultPreset, phase: service.curriculum.phase },
    `ECHO ready on ${url} (docs at ${url}/docs)`,
  );
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= app.close();
    return closing;
  };
  return { app, url, close };
}

/** Closes on SIGTERM/SIGINT: stop accepting, let in-flight requests finish (bounded), then exit 0. */
export function closeOnSignals(server: RunningServer): void {
  const onSignal = (signal: NodeJS.Signals) => {
    server.app.log.info({ signal }, "shutting down");
    const timer = setTimeout(() => {
      server.app.log.error("in-flight requests did not finish in time; exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    timer.unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, "error while closing");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}
