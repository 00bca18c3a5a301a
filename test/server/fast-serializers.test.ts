// The compiled /reward serializer writes exactly what JSON.stringify writes, for real batches, for any reply
// of the schema's shape, and (by falling back) for anything it cannot write itself.
import fc from "fast-check";
import build from "fast-json-stringify";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { FORMAT_VERDICTS } from "../../src/core/format-verdict.js";
import { RewardComponents } from "../../src/core/reward/reward-breakdown.js";
import { DIFFICULTIES, DOMAINS } from "../../src/core/taxonomy.js";
import { scoreBatch } from "../../src/env/batch-scoring.js";
import { buildApp, type EchoApp } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/config.js";
import { createService } from "../../src/server/create-service.js";
import { fastSerializerFor, serializerSchema } from "../../src/server/fast-serializers.js";
import { RewardReply } from "../../src/server/schemas/reward-batch.js";

const serialize = fastSerializerFor(RewardReply) as (data: unknown) => string;
const apps: EchoApp[] = [];

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

/** The app as production builds it: replies not validated, so the compiled serializer is the one used. */
async function productionApp(): Promise<EchoApp> {
  const config = loadConfig({ ECHO_DATA_DIR: "/nonexistent-echo-test-data", ECHO_DB: ":memory:" });
  const app = await buildApp({ config, service: createService(config).service });
  apps.push(app);
  return app;
}

const number = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, 1, -1.5, 1e21, 1e-7, 0.1 + 0.2, Number.MAX_VALUE, Number.MIN_VALUE),
);
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom("\ud800", 'a"b\\c\n\u2028'),
);
const orNull = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
// Every component the schema names, so the property follows the schema when a component is added.
const components = fc.record(
  Object.fromEntries(Object.keys(RewardComponents.shape).map((name) => [name, number])),
);
const result = fc.record({
  reward: orNull(number),
  components: orNull(components),
  is_correct: orNull(fc.boolean()),
  score: orNull(number),
  parsed_confidence: orNull(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double())),
  parsed_answer: orNull(text),
  abstained: orNull(fc.boolean()),
  format: orNull(fc.constantFrom(...FORMAT_VERDICTS)),
  grading_method: orNull(text),
  domain: orNull(fc.constantFrom(...DOMAINS)),
  difficulty: orNull(fc.constantFrom(...DIFFICULTIES)),
  error: orNull(text),
});
const signals = fc.record({
  size: fc.nat(),
  votes: fc.nat(),
  agreement: number,
  majority_answer: orNull(text),
  majority_correct: fc.boolean(),
  weighted_vote_answer: orNull(text),
  weighted_vote_correct: fc.boolean(),
});
// Group ids are any text, "__proto__" included (groupSignalsOf defines it as an own key, as here).
const groups = fc
  .array(fc.tuple(fc.oneof(text, fc.constant("__proto__")), signals), { maxLength: 4 })
  .map((entries) => Object.fromEntries(entries));
const reply = fc.record({
  rewards: fc.array(orNull(number)),
  results: fc.array(result),
  reward_preset: text,
  recorded: fc.nat(),
  groups,
});

describe("the compiled POST /reward serializer", () => {
  it("exists only for the reward reply", () => {
    expect(serialize).toBeTypeOf("function");
    expect(fastSerializerFor({})).toBeUndefined();
  });

  it("turns nullable unions into type lists and integers into numbers", () => {
    expect(serializerSchema({ anyOf: [{ type: "integer" }, { type: "null" }], description: "x" })).toEqual({
      type: ["number", "null"],
    });
    const object = { type: "object", properties: { description: { type: "string" }, n: { type: "number" } } };
    expect(serializerSchema({ ...object, required: ["description"] })).toEqual({
      ...object,
      required: ["description"],
    });
    expect(serializerSchema(object)).toEqual({ ...object, required: [] });
  });

  it("writes every preset's replies with the compiled code, never by falling back", async () => {
    // The fallback gives the same bytes, so only the compiled function itself shows a schema that cannot
    // write a normal reply (an optional field marked required made every reply fall back, at half the speed).
    const json = z.toJSONSchema(RewardReply, { io: "output", target: "draft-07", reused: "inline" });
    const compiled = build(serializerSchema(json) as build.Schema) as (data: unknown) => string;
    const app = await productionApp();
    const ids = app.echo.bank.list({}, 5);
    const items = Array.from({ length: 60 }, (_, i) => ({
      task_id: ids.at(i).id,
      response: `<confidence>${i}</confidence><answer>${i % 2 ? ids.at(i).answer : "no"}</answer>`,
      ...(i % 4 === 0 ? { group: "g", completion_tokens: i, max_tokens: 100 } : {}),
    }));
    for (const name of Object.keys(app.echo.presets)) {
      const preset = app.echo.preset(name);
      const { rewards, results, groups } = scoreBatch(app.echo, items, { preset, record: false });
      const reply = { rewards, results, reward_preset: preset.name, recorded: 0, groups };
      expect(compiled(reply), name).toBe(JSON.stringify(reply));
    }
  });

  it("writes an empty batch, failed items and every kind of graded item as JSON.stringify does", async () => {
    const app = await productionApp();
    const ids = app.echo.bank.list({}, 3);
    const items = Array.from({ length: 300 }, (_, i) => {
      const task = ids.at(i);
      const answers = [task.answer, "I don't know", "", "42", "\ud83d\ude00 é", "\ud800", "x".repeat(200)];
      return {
        task_id: i % 37 === 0 ? `missing/${i}` : task.id,
        response: `<confidence>${(i * 7) % 120}</confidence><answer>${answers[i % answers.length]}</answer>`,
        // Some items in groups (one id per task, one odd id), so the reply's groups are written too.
        ...(i % 3 === 0 ? { group: i % 2 === 0 ? task.id : '__proto__ "\u2028' } : {}),
      };
    });
    // The reply as the route builds it around scoreBatch.
    const replyOf = (batch: typeof items, name: string | undefined) => {
      const preset = app.echo.preset(name);
      const { rewards, results, groups } = scoreBatch(app.echo, batch, { preset, record: false });
      return { rewards, results, reward_preset: preset.name, recorded: 0, groups };
    };
    const empty = replyOf([], undefined);
    expect(serialize(empty)).toBe(JSON.stringify(empty));
    for (const preset of Object.keys(app.echo.presets)) {
      const scored = replyOf(items, preset);
      expect(Object.keys(scored.groups).length).toBeGreaterThan(1);
      expect(serialize(scored)).toBe(JSON.stringify(scored));
    }
  });

  it("writes any reply of the schema's shape as JSON.stringify does (NaN and lone surrogates included)", () => {
    fc.assert(
      fc.property(reply, (r) => {
        expect(serialize(r)).toBe(JSON.stringify(r));
      }),
      { numRuns: 300 },
    );
  });

  it("falls back to JSON.stringify for a reply it cannot write (a missing field)", () => {
    const partial = {
      rewards: [1],
      results: [{ reward: 1 }],
      reward_preset: "calibrated",
      recorded: 0,
      groups: {},
    };
    expect(serialize(partial)).toBe(JSON.stringify(partial));
  });

  it("is what a production server sends: the body is in JSON.stringify's exact form", async () => {
    const app = await productionApp();
    const task = app.echo.bank.list({}, 1).at(0);
    const res = await app.inject({
      method: "POST",
      url: "/reward",
      payload: {
        items: [{ task_id: task.id, response: `<confidence>70</confidence><answer>${task.answer}</answer>` }],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(JSON.stringify(JSON.parse(res.body)));
    expect(res.json().results[0].error).toBeNull();
  });
});
