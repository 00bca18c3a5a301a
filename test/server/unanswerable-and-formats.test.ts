// Issue 18 through HTTP: drawing questions that cannot be answered, scoring a decline on them, the answer_line
// format on /reset and /step, /questions filters, and the new figures in /metrics.
import { describe, expect, it } from "vitest";
import { computeReward } from "../../src/core/reward/compute-reward.js";
import { getPreset } from "../../src/core/reward/presets.js";
import type { EchoApp } from "../../src/server/app.js";
import { ANSWER_LINE_SYSTEM_PROMPT, SYSTEM_PROMPT } from "../../src/tasks/prompt.js";
import { build } from "../helpers/build-app.js";

async function post(app: EchoApp, url: string, payload: unknown) {
  const res = await app.inject({ method: "POST", url, payload: payload as object });
  return { status: res.statusCode, body: res.json() };
}

async function reset(app: EchoApp, payload: Record<string, unknown>) {
  const { status, body } = await post(app, "/reset", payload);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.observation;
}

async function step(app: EchoApp, episodeId: string, response: string) {
  const { status, body } = await post(app, "/step", { episode_id: episodeId, action: { response } });
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

const calibrated = getPreset("calibrated");
const paid = (confidence: number, correct: boolean) =>
  computeReward(calibrated, {
    confidence,
    correct,
    score: correct ? 1 : 0,
    abstained: false,
    format: "clean",
  }).total;

describe("/reset and /step on questions that cannot be answered", () => {
  it("draws only them with answerable: false, and pays a decline as a right answer at its stated confidence", async () => {
    const app = await build();
    const ids = new Set<string>();
    for (let seed = 0; seed < 12; seed++) {
      const obs = await reset(app, { answerable: false, seed });
      const task = app.echo.task(obs.task_id);
      expect(task.answerable, obs.task_id).toBe(false);
      ids.add(obs.task_id);
    }
    expect(ids.size).toBeGreaterThan(6);

    const obs = await reset(app, { answerable: false, seed: 3 });
    const declined = await step(
      app,
      obs.episode_id,
      "<confidence>90</confidence><answer>I don't know</answer>",
    );
    expect(declined.observation).toMatchObject({ is_correct: true, abstained: true, parsed_confidence: 90 });
    expect(declined.reward).toBeCloseTo(paid(90, true), 12);
    expect(declined.observation.feedback).toMatch(/^Correct to decline/);

    const again = await reset(app, { answerable: false, seed: 4 });
    const made = await step(app, again.episode_id, "<confidence>95</confidence><answer>Paris</answer>");
    expect(made.observation).toMatchObject({ is_correct: false, abstained: false, parsed_confidence: 95 });
    expect(made.reward).toBeCloseTo(paid(95, false), 12);
    expect(made.observation.feedback).toMatch(/cannot be answered/);

    // Both episodes are stored as unanswerable and show in the new metrics.
    const metrics = (await app.inject({ method: "GET", url: "/metrics" })).json();
    expect(metrics.refusal_rate_unanswerable).toBe(0.5);
    expect(metrics.confident_fabrication_rate).toBe(0.5);
    expect(metrics.refusal_rate_answerable).toBeNull();
    expect(metrics.false_confidence_rate).toBe(1);
  });

  it("never draws them with answerable: true, even in phase 3, and mixes some into phase 3 otherwise", async () => {
    const app = await build();
    let mixed = 0;
    for (let seed = 0; seed < 200; seed++) {
      const kept = await reset(app, { answerable: true, phase: 3, seed });
      expect(app.echo.task(kept.task_id).answerable).toBe(true);
      const open = await reset(app, { phase: 3, seed });
      if (!app.echo.task(open.task_id).answerable) mixed++;
      const early = await reset(app, { phase: 2, seed });
      expect(app.echo.task(early.task_id).answerable).toBe(true);
    }
    expect(mixed).toBeGreaterThan(5);
    expect(mixed).toBeLessThan(45);
  });

  it("keeps an evaluation task's draw to answerable questions", async () => {
    const app = await build();
    for (let seed = 0; seed < 100; seed++) {
      const obs = await reset(app, { task: "anti_hallucination", seed });
      expect(app.echo.task(obs.task_id).answerable).toBe(true);
    }
  });

  it("says what is wrong when none matches", async () => {
    const app = await build();
    // anti_hallucination draws adversarial items; no easy question that cannot be answered is adversarial.
    const payload = { answerable: false, task: "anti_hallucination", difficulty: "easy" };
    const { status, body } = await post(app, "/reset", payload);
    expect(status).toBe(422);
    expect(JSON.stringify(body)).toMatch(/no unanswerable tasks for easy, adversarial/);
    const bad = await post(app, "/reset", { answerable: "no" });
    expect(bad.status).toBe(422);
  });
});

describe("response_format on /reset and /step", () => {
  it("asks for the answer line, reads it, and says which format the observation used", async () => {
    const app = await build();
    const obs = await reset(app, { task_id: "gen/arithmetic/v1/easy/3", response_format: "answer_line" });
    expect(obs.response_format).toBe("answer_line");
    expect(obs.messages[0].content).toBe(ANSWER_LINE_SYSTEM_PROMPT);
    const answer = app.echo.task("gen/arithmetic/v1/easy/3").answer;
    const done = await step(app, obs.episode_id, `Let me add.\nANSWER: ${answer} with 80% confidence`);
    expect(done.observation).toMatchObject({
      is_correct: true,
      parsed_confidence: 80,
      format: "clean",
      response_format: "answer_line",
    });
    // Tags are plain text in answer_line mode: the format asked for is the format read.
    const other = await reset(app, { task_id: "gen/arithmetic/v1/easy/3", response_format: "answer_line" });
    const tags = await step(app, other.episode_id, `<confidence>80</confidence><answer>${answer}</answer>`);
    expect(tags.observation.format).not.toBe("clean");
    expect(tags.observation.feedback).toMatch(/end with the line ANSWER:/);
  });

  it("defaults to tags and refuses an unknown format", async () => {
    const app = await build();
    const obs = await reset(app, { seed: 1 });
    expect(obs.response_format).toBe("tags");
    expect(obs.messages[0].content).toBe(SYSTEM_PROMPT);
    const bad = await post(app, "/reset", { response_format: "json" });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toMatch(/response_format/);
  });
});

describe("/questions?answerable and response_format", () => {
  type Page = { items: { task_id: string; answerable: boolean; prompt: string }[]; total: number };
  const page = async (app: EchoApp, query: string): Promise<Page> => {
    const res = await app.inject({ method: "GET", url: `/questions${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };

  it("lists only them, none of them, or both, each item saying which", async () => {
    const app = await build();
    const only = await page(app, "?answerable=false&limit=1000");
    expect(only.total).toBe(app.echo.bank.summary().unanswerable);
    expect(only.total).toBeGreaterThanOrEqual(150);
    expect(only.items.every((q) => q.answerable === false)).toBe(true);
    const none = await page(app, "?answerable=true&limit=1");
    const both = await page(app, "?limit=1");
    expect(both.total).toBe(none.total + only.total);
    expect(none.items[0]?.answerable).toBe(true);
    const drawn = await page(app, "?order=draw&answerable=false&limit=20");
    expect(drawn.items.every((q) => q.answerable === false)).toBe(true);
    const early = await page(app, "?order=draw&phase=1&limit=200");
    expect(early.items.every((q) => q.answerable)).toBe(true);
    const bad = await app.inject({ method: "GET", url: "/questions?answerable=maybe" });
    expect(bad.statusCode).toBe(422);
  });

  it("builds prompts in the format asked for", async () => {
    const app = await build();
    const lines = await page(app, "?response_format=answer_line&limit=3");
    for (const q of lines.items) expect(q.prompt.startsWith(ANSWER_LINE_SYSTEM_PROMPT)).toBe(true);
    const tags = await page(app, "?limit=3");
    for (const q of tags.items) expect(q.prompt.startsWith(SYSTEM_PROMPT)).toBe(true);
  });
});
