// Fuzzing: arbitrary bodies on every POST route, random query strings on every GET route and random frames
// on a real WebSocket never produce a 5xx, a crash or a partial episode, and the server stays healthy.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PRESET_NAMES } from "../../src/core/reward/presets.js";
import { DIFFICULTIES, DOMAINS, EVAL_TASK_NAMES } from "../../src/core/taxonomy.js";
import type { EchoApp } from "../../src/server/app.js";
import { buildListingRoutes } from "../helpers/list-routes.js";
import { listen, TestSocket, withTimeout } from "../helpers/ws-client.js";

const ANSWER = "<confidence>70</confidence><answer>4</answer>";
const SEED = 20_240_611; // fixed, so a failure replays; fast-check prints the counterexample

/** Names every object inherits: a lookup by a client-given name must not find them. */
const PROTOTYPE_KEYS = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty"] as const;

/** Anything at all, a string, or a value near the schema's edges. */
const loose = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(null, -1, 0, 1, 3, 4, 1e308, -0.5, "", " ", "NaN", ...PROTOTYPE_KEYS),
);
const oneOrAny = <T>(values: readonly T[]) => fc.oneof(fc.constantFrom(...values), loose);
/** A preset name: a real one, an inherited property name, or anything. */
const presetName = fc.oneof(fc.constantFrom(...PRESET_NAMES), fc.constantFrom(...PROTOTYPE_KEYS), loose);
const response = fc.oneof(
  fc.constant(ANSWER),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc
    .tuple(fc.integer({ min: -50, max: 150 }), fc.string({ maxLength: 20 }))
    .map(([c, a]) => `<confidence>${c}</confidence><answer>${a}</answer>`),
);

const resetBody = fc.record(
  {
    seed: fc.oneof(fc.nat(), loose),
    episode_id: fc.oneof(fc.uuid(), loose),
    task_id: oneOrAny(["gen/arithmetic/v1/easy/3", "curated/factual/easy/001"]),
    domain: oneOrAny(DOMAINS),
    difficulty: oneOrAny(DIFFICULTIES),
    phase: oneOrAny([1, 2, 3]),
    reward_preset: presetName,
    task: oneOrAny(EVAL_TASK_NAMES),
  },
  { requiredKeys: [] },
);
const stepBody = fc.oneof(
  fc.record({ action: fc.record({ response }) }),
  fc.record({ action: fc.oneof(fc.record({ response, metadata: loose }), loose), episode_id: loose }),
  fc.record({ response }),
  fc.record({ action: response }),
);
const rewardBody = fc.record(
  {
    items: fc.oneof(
      fc.array(
        fc.record({
          task_id: oneOrAny(["gen/arithmetic/v1/easy/3", "gen/arithmetic/v1/medium/9"]),
          response,
        }),
        { maxLength: 8 },
      ),
      loose,
    ),
    reward_preset: presetName,
    record: fc.oneof(fc.boolean(), loose),
  },
  { requiredKeys: [] },
);
const curriculumBody = fc.record(
  { phase: oneOrAny([1, 2, 3]), pinned: oneOrAny([true, false]) },
  { requiredKeys: [] },
);
const mcpBody = fc.record(
  { jsonrpc: oneOrAny(["2.0"]), method: oneOrAny(["tools/list", "tools/call"]), id: loose, params: loose },
  { requiredKeys: [] },
);

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  undefined,
] as const;

/** A body as sent: structured JSON for the route, any JSON, or junk, under any content type. */
const body = (structured: fc.Arbitrary<unknown>) =>
  fc.record({
    text: fc.oneof(
      { weight: 3, arbitrary: structured.map((v) => JSON.stringify(v)) },
      { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
      { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
      { weight: 1, arbitrary: fc.constantFrom("", "{", "[]", "null", '{"__proto__":{"x":1}}', "\u0000") },
    ),
    contentType: fc.oneof(
      { weight: 4, arbitrary: fc.constant("application/json") },
      fc.constantFrom(...CONTENT_TYPES),
    ),
  });

const QUERY_NAMES = [
  "limit",
  "offset",
  "window",
  "domain",
  "difficulty",
  "phase",
  "preset",
  "channel",
  "session",
  "correct",
  "seed",
  "source",
  "curve",
  "episode_id",
  "bucket",
  "token",
  "__proto__",
  "",
  "a[b]",
];
/** A query string: known names with odd values, arbitrary pairs, or raw junk (bad percent-encoding too). */
const query = fc.oneof(
  fc
    .array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...QUERY_NAMES), fc.string({ maxLength: 8 })),
        fc.string({ unit: "binary", maxLength: 12 }),
      ),
      { maxLength: 5 },
    )
    .map((pairs) => new URLSearchParams(pairs).toString()),
  fc
    .array(
      fc.constantFrom("a", "=", "&", "%", "%zz", "%41", "%00", "+", "limit=", "window=-1", "é", "%E9", "[]"),
      { maxLength: 8 },
    )
    .map((parts) => encodeURI(parts.join("")).replaceAll("%25", "%")),
);
const segment = fc.oneof(
  fc.constantFrom("math", "calibration", "gen/arithmetic/v1/easy/3", "", ".."),
  fc.string({ unit: "binary", maxLength: 30 }),
);

/** Counts the graded episodes the replies vouch for, to compare with what history holds. */
class Ledger {
  graded = 0;
  statuses = new Map<number, number>();

  see(status: number): void {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }
}

async function post(
  app: EchoApp,
  ledger: Ledger,
  method: "POST" | "PUT",
  url: string,
  text: string,
  contentType?: string,
) {
  const res = await app.inject({
    method,
    url,
    payload: text,
    headers: contentType === undefined ? {} : { "content-type": contentType },
  });
  ledger.see(res.statusCode);
  expect(res.statusCode, `${method} ${url} ${contentType} ${text.slice(0, 200)}`).toBeLessThan(500);
  if (res.statusCode === 200 && (url === "/reset" || url === "/reward")) {
    const json = res.json() as { observation?: { reward_preset: string }; reward_preset?: string };
    expect(PRESET_NAMES).toContain(json.observation?.reward_preset ?? json.reward_preset);
  }
  if (res.statusCode === 200 && url === "/step") ledger.graded++;
  if (res.statusCode === 200 && url === "/reward")
    ledger.graded += (res.json() as { recorded: number }).recorded;
  return res;
}

describe("fuzzing HTTP", () => {
  it("answers arbitrary bodies on every POST/PUT route below 500, and history holds exactly the graded episodes", async () => {
    const { app, routes } = await buildListingRoutes();
    const ledger = new Ledger();
    const structured: Record<string, fc.Arbitrary<unknown>> = {
      "/reset": resetBody,
      "/step": stepBody,
      "/reward": rewardBody,
      "/curriculum": curriculumBody,
      "/mcp": mcpBody,
    };
    const writes = routes.filter((r) => r.method === "POST" || r.method === "PUT");
    expect(writes.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      "POST /curriculum",
      "POST /mcp",
      "POST /reset",
      "POST /reward",
      "POST /step",
      "PUT /curriculum",
    ]);
    for (const route of writes) {
      const arbitrary = structured[route.url];
      if (!arbitrary) throw new Error(`no body generator for ${route.url}`);
      await fc.assert(
        fc.asyncProperty(body(arbitrary), async ({ text, contentType }) => {
          // A fresh episode before each step, so well-formed steps really grade (and must be stored).
          if (route.url === "/step") await post(app, ledger, "POST", "/reset", "{}", "application/json");
          await post(app, ledger, route.method as "POST" | "PUT", route.url, text, contentType);
        }),
        { numRuns: route.url === "/step" || route.url === "/reward" ? 250 : 120, seed: SEED },
      );
    }
    expect(ledger.graded).toBeGreaterThan(20); // the generators do reach the grading path
    expect(ledger.statuses.get(422) ?? 0).toBeGreaterThan(20);
    expect(app.echo.history.size).toBe(ledger.graded);
    expect((await app.inject({ method: "GET", url: "/health" })).statusCode).toBe(200);
  });

  it("answers random query strings and path parameters on every GET route below 500", async () => {
    const { app, routes } = await buildListingRoutes();
    const reads = routes.filter((r) => r.method === "GET" && r.url !== "/ws");
    expect(reads.length).toBeGreaterThan(15);
    for (const route of reads) {
      await fc.assert(
        fc.asyncProperty(query, segment, async (q, seg) => {
          const path = route.url
            .replace(/:[a-z_]+/g, () => encodeURIComponent(seg) || "x")
            .replace(/\*$/, () => encodeURI(seg));
          const res = await app.inject({ method: "GET", url: `${path}?${q}` });
          expect(res.statusCode, `GET ${path}?${q}`).toBeLessThan(500);
        }),
        { numRuns: 40, seed: SEED },
      );
    }
    expect((await app.inject({ method: "GET", url: "/health" })).statusCode).toBe(200);
  });
});

type Frame = { kind: "text"; text: string } | { kind: "binary"; bytes: Uint8Array };

const envelope = fc.record(
  {
    type: fc.oneof(fc.constantFrom("reset", "step", "state", "mcp", "close"), loose),
    data: fc.oneof(resetBody, fc.record({ response }), mcpBody, loose),
    extra: loose,
  },
  { requiredKeys: ["type"] },
);
const frame: fc.Arbitrary<Frame> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.constant({
      kind: "text",
      text: JSON.stringify({ type: "reset", data: { seed: 1 } }),
    } as Frame),
  },
  {
    weight: 2,
    arbitrary: response.map(
      (r): Frame => ({ kind: "text", text: JSON.stringify({ type: "step", data: { response: r } }) }),
    ),
  },
  { weight: 3, arbitrary: envelope.map((e): Frame => ({ kind: "text", text: JSON.stringify(e) })) },
  { weight: 1, arbitrary: fc.jsonValue().map((v): Frame => ({ kind: "text", text: JSON.stringify(v) })) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: "binary", maxLength: 100 }).map((text): Frame => ({ kind: "text", text })),
  },
  {
    weight: 1,
    arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes): Frame => ({ kind: "binary", bytes })),
  },
);

describe("fuzzing WebSocket frames", () => {
  it("answers every frame on a real socket without a server error, and stores exactly the graded steps", async () => {
    const { app } = await buildListingRoutes();
    const url = await listen(app);
    let client = await TestSocket.open(url);
    let graded = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(frame, { minLength: 1, maxLength: 8 }), async (frames) => {
        for (const f of frames) {
          if (f.kind === "binary") client.ws.send(f.bytes, { binary: true });
          else client.send(f.text);
          const outcome = await withTimeout(
            Promise.race([client.next(), client.closed.then((closed) => ({ closed }))]),
            5_000,
            `a reply or a close after ${f.kind === "text" ? f.text.slice(0, 100) : "binary"}`,
          );
          if ("closed" in outcome) {
            // Only a well-formed {"type":"close"} ends a session.
            expect((outcome.closed as { code: number }).code).toBe(1000);
            client = await TestSocket.open(url);
            continue;
          }
          const reply = outcome as { type: string; data: Record<string, unknown> };
          if (reply.type === "error") {
            expect(["INVALID_JSON", "UNKNOWN_TYPE", "VALIDATION_ERROR", "EXECUTION_ERROR"]).toContain(
              reply.data.code,
            );
            expect(reply.data.echo_code).not.toBe("INTERNAL_ERROR");
          }
          if (reply.type === "observation" && reply.data.done === true) graded++;
        }
      }),
      { numRuns: 60, seed: SEED },
    );
    expect(graded).toBeGreaterThan(5);
    expect(app.echo.history.size).toBe(graded);
    expect((await app.inject({ method: "GET", url: "/health" })).statusCode).toBe(200);
    const fresh = await TestSocket.open(url);
    expect((await fresh.request({ type: "reset", data: { seed: 3 } })).type).toBe("observation");
    expect((await fresh.request({ type: "step", data: { response: ANSWER } })).type).toBe("observation");
  });
});
