// `echo-env serve`: start the HTTP/WebSocket server (the default command).
import type { Command } from "commander";
import { ConfigError, loadConfig } from "../../server/config.js";
import { closeOnSignals, startServer } from "../../server/main.js";

export function registerServe(program: Command): Command {
  return program
    .command("serve", { isDefault: true })
    .description("Start the ECHO server (configuration from environment variables; see the README)")
    .option("--port <port>", "port to listen on (overrides $PORT, default 8000)")
    .option("--host <host>", "address to bind (overrides $HOST, default 0.0.0.0)")
    .action(async (options: { port?: string; host?: string }) => {
      try {
        const config = loadConfig({
          ...process.env,
          ...(options.port ? { PORT: options.port } : {}),
          ...(options.host ? { HOST: options.host } : {}),
        });
        closeOnSignals(await startServer(config));
      } catch (error) {
        const message =
          error instanceof ConfigError ? error.message : `could not start: ${(error as Error).message}`;
        process.stderr.write(`error: ${message}\n`);
        process.exitCode = 1;
      }
    });
}
