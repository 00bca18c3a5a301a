// A real ECHO server on 127.0.0.1 (random port) for tests that drive it from another process (curl, Python).
import { buildApp, type EchoApp } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/config.js";
import { createService } from "../../src/server/create-service.js";

export interface LiveServer {
  app: EchoApp;
  /** e.g. http://127.0.0.1:43817 */
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startLiveServer(env: Record<string, string> = {}): Promise<LiveServer> {
  const config = loadConfig({ ECHO_DATA_DIR: "/nonexistent-echo-test-data", ECHO_DB: ":memory:", ...env });
  const { service } = createService(config);
  const app = await buildApp({ config, service, validateResponses: true });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === "string") throw new Error("the server has no TCP address");
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    close: async () => {
      await app.close();
      await service.history.close();
    },
  };
}

/** Environment for child processes: loopback never goes through a proxy. */
export function loopbackEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NO_PROXY: "127.0.0.1,localhost", no_proxy: "127.0.0.1,localhost", ...extra };
}
