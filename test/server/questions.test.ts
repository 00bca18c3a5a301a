// GET /questions and /questions/{id} through inject(): filters, paging, seeded order, and no answer ever shown.
import { describe, expect, it } from "vitest";
import type { EchoApp } from "../../src/server/app.js";
import { build } from "../helpers/build-app.js";

type Question = {
  task_id: string;
  domain: string;
  difficulty: string;
  prompt: string;
  choices: string[] | null;
  source: { kind: string };
};
type Page = { items: Question[]; total: number; limit: number; offset: number };

const SECRET_KEYS = ["answer", "answer_index", "aliases", "adversarial", "true_answer"];

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

async function get(app: EchoApp, url: string) {
  const res = await app.inject({ method: "GET", url });
  return { status: res.statusCode, body: res.json() };
}

async function page(app: EchoApp, query: string): Promise<Page> {
  const { status, body } = await get(app, `/questions${query}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body as Page;
}

describe("GET /questions", () => {
  it("pages 50 by default over every sampleable question, never showing an answer", async () => {
    const app = await build();
    const first = await page(app, "");
    expect(first.limit).toBe(50);
    expect(first.offset).toBe(0);
    expect(first.items).toHaveLength(50);
    const summary = app.echo.bank.summary();
    expect(first.total).toBe(summary.total + summary.unanswerable);
    const curated = await page(app, "?limit=1000&source=curated");
    expect(curated.items.some((q) => q.choices !== null)).toBe(true);
    const keys = keysOf([first, curated]);
    for (const secret of SECRET_KEYS) expect(keys.has(secret), secret).toBe(false);
    expect(JSON.stringify(curated)).not.toMatch(/"(answer|answer_index|aliases|adversarial)":/);
  });

  it("pages consistently: offset + limit slices one ordering, with a stable total", async () => {
    const app = await build();
    const big = await page(app, "?domain=science&limit=30");
    const a = await page(app, "?domain=science&limit=10&offset=0");
    const b = await page(app, "?domain=science&limit=20&offset=10");
    expect([...a.items, ...b.items].map((q) => q.task_id)).toEqual(big.items.map((q) => q.task_id));
    expect(a.total).toBe(big.total);
    const past = await page(app, `?domain=science&offset=${big.total}`);
    expect(past.items).toEqual([]);
    expect(past.total).toBe(big.total);
    const tail = await page(app, `?domain=science&offset=${big.total - 2}`);
    expect(tail.items).toHaveLength(2);
  });

  it("filters by domain, difficulty, source and phase", async () => {
    const app = await build();
    const factual = await page(app, "?domain=factual&limit=1000");
    expect(new Set(factual.items.map((q) => q.domain))).toEqual(new Set(["factual"]));
    const curated = await page(app, "?source=curated&difficulty=hard&limit=1000");
    expect(curated.total).toBeGreaterThan(0);
    for (const q of curated.items) expect([q.source.kind, q.difficulty]).toEqual(["curated", "hard"]);
    expect((await page(app, "?source=hub")).total).toBe(0); // no Hub cache in tests
    const phase1 = await page(app, "?phase=1&limit=1000&source=curated");
    expect(new Set(phase1.items.map((q) => q.difficulty))).toEqual(new Set(["easy"]));
    expect(phase1.items[0]?.prompt).toMatch(/Difficulty: easy/);
    const phase2 = await page(app, "?phase=2&limit=1000&source=curated");
    expect(new Set(phase2.items.map((q) => q.difficulty))).toEqual(new Set(["easy", "medium"]));
    expect(phase2.items[0]?.prompt).not.toMatch(/Difficulty:/);
    expect((await page(app, "?phase=1&difficulty=hard")).total).toBe(0);
    const phase3 = await page(app, "?phase=3");
    expect(phase3.total).toBe((await page(app, "")).total);
  });

  it("orders by seed: stable for a seed, different across seeds and from the plain order", async () => {
    const app = await build();
    const ids = async (q: string) => (await page(app, q)).items.map((x) => x.task_id);
    const seeded = await ids("?seed=42&limit=20");
    expect(await ids("?seed=42&limit=20")).toEqual(seeded);
    expect(await ids("?seed=43&limit=20")).not.toEqual(seeded);
    expect(await ids("?limit=20")).not.toEqual(seeded);
    expect([...(await ids("?seed=42&limit=10")), ...(await ids("?seed=42&limit=10&offset=10"))]).toEqual(
      seeded,
    );
    // Same questions, another order.
    const all = await ids("?domain=medical&limit=1000");
    const shuffled = await ids("?domain=medical&limit=1000&seed=7");
    expect([...shuffled].sort()).toEqual([...all].sort());
  });

  it("refuses bad query values with 422 saying which", async () => {
    const app = await build();
    for (const [query, field] of [
      ["limit=0", "limit"],
      ["limit=1001", "limit"],
      ["limit=ten", "limit"],
      ["offset=-1", "offset"],
      ["phase=4", "phase"],
      ["domain=astrology", "domain"],
      ["difficulty=trivial", "difficulty"],
      ["source=web", "source"],
      ["seed=-3", "seed"],
      ["seed=1.5", "seed"],
    ]) {
      const { status, body } = await get(app, `/questions?${query}`);
      expect(status, query).toBe(422);
      expect(body.detail[0].loc).toEqual(["querystring", field]);
    }
  });
});

describe("GET /questions?order=draw", () => {
  const ids = (p: Page) => p.items.map((q) => q.task_id);
  const share = (items: Question[], key: "domain" | "difficulty", value: string) =>
    items.filter((q) => q[key] === value).length / items.length;

  it("draws what /reset draws: the same questions in the same order for the same seed and phase", async () => {
    const drawn = await page(await build(), "?order=draw&phase=3&seed=0&limit=40");
    const app = await build({ ECHO_SEED: "0" });
    const reset: string[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await app.inject({ method: "POST", url: "/reset", payload: { phase: 3 } });
      reset.push(res.json().observation.task_id);
    }
    expect(ids(drawn)).toEqual(reset);
  });

  it("follows the phase's difficulty mix and spreads over every domain, unlike the plain listing", async () => {
    const app = await build();
    const items: Question[] = [];
    for (let offset = 0; offset < 2000; offset += 1000)
      items.push(...(await page(app, `?order=draw&phase=3&seed=5&limit=1000&offset=${offset}`)).items);
    expect(share(items, "difficulty", "easy")).toBeCloseTo(0.2, 1);
    expect(share(items, "difficulty", "medium")).toBeCloseTo(0.4, 1);
    expect(share(items, "difficulty", "hard")).toBeCloseTo(0.4, 1);
    for (const domain of ["math", "logic", "factual", "science", "medical", "coding", "creative"]) {
      expect(share(items, "domain", domain), domain).toBeGreaterThan(0.1);
    }
    const phase1 = await page(app, "?order=draw&phase=1&seed=5&limit=200");
    expect(new Set(phase1.items.map((q) => q.difficulty))).toEqual(new Set(["easy"]));
    expect(phase1.items[0]?.prompt).toMatch(/Difficulty: easy/);
    const medical = await page(app, "?order=draw&phase=2&domain=medical&difficulty=medium&limit=20");
    for (const q of medical.items) expect([q.domain, q.difficulty]).toEqual(["medical", "medium"]);
    // No repeat within a bucket before it is exhausted.
    expect(new Set(ids(medical)).size).toBe(20);
  });

  it("pages as slices of one seeded stream, never showing an answer", async () => {
    const app = await build();
    const whole = await page(app, "?order=draw&phase=3&seed=9&limit=30");
    const a = await page(app, "?order=draw&phase=3&seed=9&limit=10");
    const b = await page(app, "?order=draw&phase=3&seed=9&limit=20&offset=10");
    expect([...ids(a), ...ids(b)]).toEqual(ids(whole));
    expect(ids(await page(app, "?order=draw&phase=3&seed=10&limit=30"))).not.toEqual(ids(whole));
    expect(whole.total).toBe((await page(app, "?phase=3")).total);
    for (const secret of SECRET_KEYS) expect(keysOf(whole).has(secret)).toBe(false);
  });

  it("refuses source, streams past its reach and unknown orders with 422 saying why", async () => {
    const app = await build();
    const withSource = await get(app, "/questions?order=draw&source=curated");
    expect(withSource.status).toBe(422);
    expect(withSource.body.detail).toMatch(/drop source/);
    const far = await get(app, "/questions?order=draw&offset=99990&limit=20");
    expect(far.status).toBe(422);
    expect(far.body.detail).toMatch(/at most 100000 draws/);
    const unknown = await get(app, "/questions?order=random");
    expect(unknown.status).toBe(422);
    expect(unknown.body.detail[0].loc).toEqual(["querystring", "order"]);
  });

  it("lets a difficulty override the phase's mix, as /reset does, and counts what it draws from", async () => {
    const app = await build();
    const hard = await page(app, "?order=draw&phase=1&difficulty=hard&limit=50");
    expect(new Set(hard.items.map((q) => q.difficulty))).toEqual(new Set(["hard"]));
    expect(hard.items[0]?.prompt).toMatch(/Difficulty: hard/);
    // Phase 1 draws no question that cannot be answered, so the pool is the answerable hard questions.
    expect(hard.total).toBe((await page(app, "?difficulty=hard&answerable=true")).total);
  });
});

describe("GET /questions/{id}", () => {
  it("finds a question by an id with raw or percent-encoded slashes, without its answer", async () => {
    const app = await build();
    const raw = await get(app, "/questions/gen/arithmetic/v1/easy/3");
    const encoded = await get(app, "/questions/gen%2Farithmetic%2Fv1%2Feasy%2F3");
    expect(raw.status).toBe(200);
    expect(encoded.body).toEqual(raw.body);
    expect(raw.body.task_id).toBe("gen/arithmetic/v1/easy/3");
    const mc = await get(app, "/questions/curated/creative/easy/001");
    expect(mc.body.choices).toHaveLength(4);
    for (const secret of SECRET_KEYS) expect(keysOf([raw.body, mc.body]).has(secret)).toBe(false);
  });

  it("answers 404 TASK_NOT_FOUND with an example of a valid id", async () => {
    const app = await build();
    for (const url of ["/questions/nope", "/questions/gen/arithmetic/v9/easy/3", "/questions/"]) {
      const { status, body } = await get(app, url);
      expect(status, url).toBe(404);
      expect(body.code).toBe("TASK_NOT_FOUND");
      expect(body.detail).toMatch(/ids look like "gen\/arithmetic\/v1\/easy\/3"/);
    }
  });
});
