// Profiles ECHO under one load scenario: starts dist/ with --cpu-prof, runs the load, stops the server and
// prints the functions with the most self and total time. Usage:
//   node --import tsx bench/profile.ts http|ws|reward|ceiling|ws-echo [--batch 256] [--record false] [--db memory|sqlite]
//   [--sessions 64] [--seconds 6] [--no-prof] [--node-flag=--max-semi-space-size=32 ...]
//   (--no-prof: only the throughput, without profiling overhead; --node-flag: passed to the server's node)
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { freePort, pinPhase3, ROOT, runLoad, startServer } from "./children.js";
import { type CpuProfile, summarise } from "./cpu-profile.js";
import { writeHubFixture } from "./hub-fixture.js";
import type { HttpResult } from "./load-http.js";
import type { WsResult } from "./load-ws.js";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    batch: { type: "string", default: "256" },
    record: { type: "string", default: "true" },
    db: { type: "string", default: "sqlite" },
    sessions: { type: "string", default: "64" },
    connections: { type: "string", default: "64" },
    seconds: { type: "string", default: "6" },
    "no-prof": { type: "boolean", default: false },
    "node-flag": { type: "string", multiple: true, default: [] },
  },
});
const kind = positionals[0] ?? "http";
const work = mkdtempSync(join(tmpdir(), "echo-profile-"));
const dataDir = join(work, "data");
writeHubFixture(dataDir, 700);
const profDir = join(work, "prof");
const profiling = [
  ...(values["node-flag"] ?? []),
  ...(values["no-prof"] ? [] : ["--cpu-prof", `--cpu-prof-dir=${profDir}`]),
];
const server = await startServer(
  kind === "ceiling" || kind === "ws-echo"
    ? [...profiling, "--import", "tsx", join(ROOT, "bench", "ceiling-server.ts")]
    : [...profiling, join(ROOT, "dist", "cli", "main.js"), "serve"],
  {
    ECHO_DATA_DIR: dataDir,
    ECHO_DB: values.db === "memory" ? ":memory:" : join(work, "echo.db"),
    LOG_LEVEL: "warn",
    MAX_CONCURRENT_ENVS: "1024",
  },
  await freePort(),
);
if (kind !== "ceiling" && kind !== "ws-echo") await pinPhase3(server.port);
const durationMs = Number(values.seconds) * 1000;
if (kind === "ws" || kind === "ws-echo") {
  const run = await runLoad<WsResult>(
    "load-ws",
    {
      kind: kind === "ws" ? "episodes" : "echo",
      url: `ws://127.0.0.1:${server.port}/ws`,
      sessions: Number(values.sessions),
      warmupMs: 2000,
      durationMs,
      dataDir,
    },
    server,
  );
  console.log(JSON.stringify({ rt: run.result.round_trips_per_s, server: run.server }));
} else {
  const scenario =
    kind === "ceiling"
      ? {
          kind,
          port: server.port,
          connections: Number(values.connections),
          warmupMs: 2000,
          durationMs,
          path: "/echo",
        }
      : kind === "reward"
        ? {
            kind,
            port: server.port,
            connections: 2,
            warmupMs: 2000,
            durationMs,
            dataDir,
            batch: Number(values.batch),
            record: values.record === "true",
          }
        : {
            kind: "episodes",
            port: server.port,
            connections: Number(values.connections),
            warmupMs: 2000,
            durationMs,
            dataDir,
          };
  const run = await runLoad<HttpResult>("load-http", scenario, server);
  console.log(
    JSON.stringify({
      rps: run.result.requests_per_s,
      items: run.result.items_per_s,
      p99: run.result.latency.p99_ms,
      server: run.server,
    }),
  );
}
await server.stop();
if (values["no-prof"]) process.exit(0);
const file = readdirSync(profDir).find((f) => f.endsWith(".cpuprofile"));
if (!file) throw new Error("no profile written");
console.log(summarise(JSON.parse(readFileSync(join(profDir, file), "utf8")) as CpuProfile));
console.log(`profile: ${join(profDir, file)}`);
