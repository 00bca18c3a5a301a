// Starts the server: configuration -> service -> app -> listen, and a graceful close on SIGTERM/SIGINT.
import type { EchoApp } from "./app.js";
import { buildApp } from "./app.js";
import type { EnvConfig } from "./config.js";
import { createService } from "./create-service.js";
import { loggerOptions } from "./plugins/logger.js";

/** How long in-flight requests may take to finish after a shutdown signal before their connections are cut. */
export const SHUTDOWN_GRACE_MS = 8_000;
/** After this the process exits 1 whatever is left: under Docker's 10 s between SIGTERM and SIGKILL. */
export const SHUTDOWN_HARD_LIMIT_MS = 9_500;
/** While closing, keep-alive connections that fall idle are closed this often (Node closes them only once). */
const IDLE_SWEEP_MS = 100;

export interface RunningServer {
  app: EchoApp;
  url: string;
  /** Stops accepting, waits for in-flight requests and sessions, then closes history. Idempotent. */
  close(): Promise<void>;
}

export async function startServer(config: EnvConfig): Promise<RunningServer> {
  const { service, warnings } = createService(config);
  let app: EchoApp;
  try {
    app = await buildApp({ config, service, logger: loggerOptions(config.LOG_LEVEL) });
  } catch (error) {
    await service.history.close();
    throw error;
  }
  for (const warning of warnings) app.log.warn(warning);

  let closing: Promise<void> | undefined;
  // A reply finished during shutdown tells its client not to reuse the connection.
  // Callback style: an async hook would cost every reply a promise.
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (closing) reply.header("connection", "close");
    done(null, payload);
  });
  // onClose runs once the server has stopped and in-flight requests (and the ws route's preClose drain) are done.
  app.addHook("onClose", async () => {
    await service.history.close();
  });

  let url: string;
  try {
    url = await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    await app.close();
    throw error;
  }
  const summary = service.bank.summary();
  app.log.info(
    { tasks: summary.total, preset: service.defaultPreset, phase: service.curriculum.phase },
    `ECHO ready on ${url} (docs at ${url}/docs)`,
  );
  const close = () => {
    closing ??= (async () => {
      const sweep = setInterval(() => app.server.closeIdleConnections(), IDLE_SWEEP_MS);
      try {
        await app.close();
      } finally {
        clearInterval(sweep);
      }
    })();
    return closing;
  };
  return { app, url, close };
}

/**
 * Closes on SIGTERM/SIGINT: stop accepting, let in-flight requests finish (cut after SHUTDOWN_GRACE_MS),
 * close WebSockets with 1001, close history, exit 0. A second signal exits 1 at once.
 */
export function closeOnSignals(server: RunningServer): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    const log = server.app.log;
    if (signalled) {
      log.warn({ signal }, "second signal while shutting down; exiting now");
      process.exit(1);
    }
    signalled = true;
    log.info({ signal, grace_ms: SHUTDOWN_GRACE_MS }, "shutting down");
    const cut = setTimeout(() => {
      log.warn("in-flight requests did not finish within the grace period; cutting their connections");
      server.app.server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    const hard = setTimeout(() => {
      log.error("shutdown did not complete in time; exiting");
      process.exit(1);
    }, SHUTDOWN_HARD_LIMIT_MS);
    cut.unref();
    hard.unref();
    server.close().then(
      () => {
        log.info("shut down cleanly");
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, "error while shutting down");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
