// POST /reward's per-item options (issue 18): response_format, token counts for a length term, and groups with
// their self-consistency figures, checked against a hand-computed example; a request using none of them gets
// the reply it always got, plus "groups":{}.
import { describe, expect, it } from "vitest";
import { scoreResponse } from "../../src/core/score-response.js";
import { buildApp, type EchoApp } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/config.js";
import { createService } from "../../src/server/create-service.js";
import { build } from "../helpers/build-app.js";
import { says } from "../helpers/score-batch.js";

const A = "gen/arithmetic/v1/easy/3"; // answer 40

async function reward(app: EchoApp, payload: object) {
  const res = await app.inject({ method: "POST", url: "/reward", payload });
  return { status: res.statusCode, body: res.json(), raw: res.body };
}

describe("POST /reward item options", () => {
  it("reads an item in its own response_format; items without one are read as tags", async () => {
    const app = await build();
    const line = "Forty, surely.\nANSWER: 40 with 85% probability";
    const { status, body } = await reward(app, {
      items: [
        { task_id: A, response: line, response_format: "answer_line" },
        { task_id: A, response: line },
        { task_id: A, response: says(85, "40"), response_format: "tags" },
      ],
      record: false,
    });
    expect(status).toBe(200);
    expect(body.results.map((r: { parsed_answer: string }) => r.parsed_answer)).toEqual(["40", "", "40"]);
    expect(body.results[0]).toMatchObject({ is_correct: true, parsed_confidence: 85, format: "clean" });
    expect(body.results[1]).toMatchObject({ is_correct: false, format: "missing_answer" });
    expect(body.rewards[0]).toBe(body.rewards[2]);
  });

  it("pays a preset's length term from the item's token counts, and 0 without them", async () => {
    const app = await build();
    const response = says(90, "40");
    const items = [
      { task_id: A, response },
      { task_id: A, response, completion_tokens: 500, max_tokens: 1000 },
      { task_id: A, response, completion_tokens: 100, max_tokens: 1000 },
      { task_id: A, response, completion_tokens: 1000, max_tokens: 1000 },
    ];
    const { status, body } = await reward(app, { items, reward_preset: "boolq", record: false });
    expect(status).toBe(200);
    // boolq: 1 - BS = 0.99 at 90 right; -0.5 outside 200..800 of 1,000 tokens.
    expect(body.rewards).toEqual([0.99, 0.99, 0.49, 0.49].map((r) => expect.closeTo(r, 10)));
    expect(body.results.map((r: { components: { length: number } }) => r.components.length)).toEqual([
      0, 0, -0.5, -0.5,
    ]);
    const preset = app.echo.preset("boolq");
    const expected = scoreResponse(app.echo.task(A), response, preset, undefined, {
      completion_tokens: 100,
      max_tokens: 1000,
    });
    expect(body.rewards[2]).toBe(expected.reward.total);
  });

  it("refuses a lone token count and a completion over its budget with 422 saying which field and why", async () => {
    const app = await build();
    for (const [item, loc, msg] of [
      [{ completion_tokens: 300 }, "max_tokens", /max_tokens is missing.*go together/],
      [{ max_tokens: 1000 }, "completion_tokens", /completion_tokens is missing.*send both, or neither/],
      [
        { completion_tokens: 1001, max_tokens: 1000 },
        "completion_tokens",
        /1001\) is over max_tokens \(1000\)/,
      ],
      [{ completion_tokens: -1, max_tokens: 1000 }, "completion_tokens", />=\s*0/],
      [{ completion_tokens: 0, max_tokens: 0 }, "max_tokens", />=\s*1/],
      [{ response_format: "json" }, "response_format", /tags.*answer_line/],
      [{ group: "" }, "group", />=\s*1|too small/i],
    ] as const) {
      const items = [
        { task_id: A, response: says(50, "40") },
        { task_id: A, response: "x", ...item },
      ];
      const { status, body } = await reward(app, { items });
      expect(status, JSON.stringify(item)).toBe(422);
      expect(body.code).toBe("VALIDATION_ERROR");
      const detail = body.detail.find((d: { loc: unknown[] }) => d.loc.at(-1) === loc);
      expect(detail?.loc, JSON.stringify(body.detail)).toEqual(["body", "items", 1, loc]);
      expect(detail.msg).toMatch(msg);
    }
    expect(app.echo.history.size).toBe(0);
    const atBudget = await reward(app, {
      items: [{ task_id: A, response: "x", completion_tokens: 1000, max_tokens: 1000 }],
    });
    expect(atBudget.status).toBe(200);
  });

  it("summarises each group, failed items as unreadable members (hand-computed)", async () => {
    const app = await build();
    // Group "p": 40 at 60, 40 and 30 (3 votes, 130 points, right); 41 at 90 and 95 (2 votes, 185 points,
    // wrong); an abstention, a hedge and an unknown task id cast no vote. 8 members: agreement 3/8, majority
    // 40 (right), weighted vote 41 (wrong). Group "q": one wrong answer agrees with itself.
    const items = [
      { task_id: A, response: says(60, "40"), group: "p" },
      { task_id: A, response: says(90, "41"), group: "p" },
      { task_id: A, response: says(70, "40") },
      { task_id: A, response: says(40, "40.0"), group: "p" },
      { task_id: A, response: says(70, "41"), group: "q" },
      { task_id: A, response: says(10, "I don't know"), group: "p" },
      { task_id: A, response: says(95, "It is 41"), group: "p" },
      { task_id: A, response: says(50, "40 or 41"), group: "p" },
      { task_id: "no/such/task", response: says(99, "40"), group: "p" },
      { task_id: A, response: says(30, "#### 40"), group: "p" },
    ];
    const { status, body } = await reward(app, { items, record: false });
    expect(status).toBe(200);
    expect(body.groups).toEqual({
      p: {
        size: 8,
        votes: 5,
        agreement: 3 / 8,
        majority_answer: "40",
        majority_correct: true,
        weighted_vote_answer: "41",
        weighted_vote_correct: false,
      },
      q: {
        size: 1,
        votes: 1,
        agreement: 1,
        majority_answer: "41",
        majority_correct: false,
        weighted_vote_answer: "41",
        weighted_vote_correct: false,
      },
    });
    expect(Object.keys(body.groups)).toEqual(["p", "q"]);
    expect(body.rewards[8]).toBeNull();
  });
});

describe("POST /reward's new fields in the OpenAPI document", () => {
  it("describe every new item field and the reply's groups", async () => {
    const app = await build();
    const doc = (await app.inject({ method: "GET", url: "/openapi.json" })).json();
    const schemas = doc.components.schemas;
    const item = schemas.RewardItem ?? schemas.RewardItemInput;
    for (const field of ["response_format", "completion_tokens", "max_tokens", "group"]) {
      expect(item.properties[field]?.description?.length ?? 0, field).toBeGreaterThan(40);
    }
    expect(item.required).toEqual(["task_id", "response"]);
    expect(schemas.RewardReply.properties.groups.description).toMatch(/Always present; \{\}/);
  });
});

describe("POST /reward without the new fields", () => {
  it("sends the reply it always sent, byte for byte, plus groups: {} at the end", async () => {
    const config = loadConfig({ ECHO_DATA_DIR: "/nonexistent-echo-test-data", ECHO_DB: ":memory:" });
    const app = await buildApp({ config, service: createService(config).service });
    try {
      const items = [
        { task_id: A, response: says(80, "40") },
        { task_id: A, response: "no tags" },
        { task_id: "missing", response: says(50, "1") },
      ];
      const { raw, body } = await reward(app, { items, record: false });
      const preset = app.echo.preset(undefined);
      const old = {
        rewards: body.rewards,
        results: body.results,
        reward_preset: preset.name,
        recorded: 0,
      };
      expect(raw).toBe(`${JSON.stringify(old).slice(0, -1)},"groups":{}}`);
      items.slice(0, 2).forEach((item, i) => {
        expect(body.rewards[i]).toBe(scoreResponse(app.echo.task(A), item.response, preset).reward.total);
      });
    } finally {
      await app.close();
    }
  });
});
