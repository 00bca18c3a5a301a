// Builds the app for a test on the embedded bank, with replies checked against their schemas; closed after.
import { afterEach } from "vitest";
import { buildApp, type EchoApp } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/config.js";
import { createService } from "../../src/server/create-service.js";
import type { HttpLimits } from "../../src/server/http-limits.js";
import type { HistoryStore } from "../../src/store/history-store.js";

const open: EchoApp[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((app) => app.close()));
});

export async function build(
  env: Record<string, string> = {},
  overrides: { history?: HistoryStore; clock?: () => number; limits?: Partial<HttpLimits> } = {},
): Promise<EchoApp> {
  const config = loadConfig({ ECHO_DATA_DIR: "/nonexistent-echo-test-data", ECHO_DB: ":memory:", ...env });
  const { limits, ...serviceOverrides } = overrides;
  const { service } = createService(config, serviceOverrides);
  const app = await buildApp({ config, service, validateResponses: true, ...(limits ? { limits } : {}) });
  open.push(app);
  return app;
}
