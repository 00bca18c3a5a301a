// GET and POST|PUT /curriculum through inject(): state, phase mixes, setting, pinning and unpinning.
import { describe, expect, it } from "vitest";
import type { EchoApp } from "../../src/server/app.js";
import { build } from "../helpers/build-app.js";

async function send(app: EchoApp, method: "GET" | "POST" | "PUT", payload?: unknown) {
  const res = await app.inject({
    method,
    url: "/curriculum",
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: res.statusCode, body: res.json() };
}

describe("GET /curriculum", () => {
  it("starts in phase 1, unpinned, with the mix of every phase", async () => {
    const app = await build();
    const { status, body } = await send(app, "GET");
    expect(status).toBe(200);
    expect(body).toMatchObject({ phase: 1, pinned: false, episodes_in_phase: 0, next_phase_ready: false });
    expect(body.phase_mix).toEqual([
      { phase: 1, easy: 100, medium: 0, hard: 0, shows_difficulty: true },
      { phase: 2, easy: 50, medium: 50, hard: 0, shows_difficulty: false },
      { phase: 3, easy: 20, medium: 40, hard: 40, shows_difficulty: false },
    ]);
    expect(body.adversarial_share).toBe(0.5);
  });

  it("takes its settings from ECHO_CURRICULUM_ECE, _MIN_EPISODES and _WINDOW", async () => {
    const defaults = await send(await build(), "GET");
    expect(defaults.body.config).toEqual({ ece_threshold: 0.2, min_episodes: 200, window: 200 });
    const app = await build({
      ECHO_CURRICULUM_ECE: "0.5",
      ECHO_CURRICULUM_MIN_EPISODES: "2",
      ECHO_CURRICULUM_WINDOW: "10",
    });
    expect((await send(app, "GET")).body.config).toEqual({ ece_threshold: 0.5, min_episodes: 2, window: 10 });
    // Two well-calibrated episodes now advance the phase (the default needs 200).
    const task = app.echo.task("gen/arithmetic/v1/easy/3");
    const item = { task_id: task.id, response: `<confidence>99</confidence><answer>${task.answer}</answer>` };
    await app.inject({ method: "POST", url: "/reward", payload: { items: [item] } });
    expect((await send(app, "GET")).body).toMatchObject({ phase: 1, episodes_in_phase: 1 });
    await app.inject({ method: "POST", url: "/reward", payload: { items: [item] } });
    expect((await send(app, "GET")).body).toMatchObject({ phase: 2, episodes_in_phase: 0 });
  });
});

describe("POST|PUT /curriculum", () => {
  it("sets the phase, pins it, and unpins it with {pinned: false} alone", async () => {
    const app = await build();
    const moved = await send(app, "POST", { phase: 2 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ phase: 2, pinned: false });
    const pinned = await send(app, "PUT", { phase: 3, pinned: true });
    expect(pinned.body).toMatchObject({ phase: 3, pinned: true });
    expect((await send(app, "GET")).body).toMatchObject({ phase: 3, pinned: true });
    expect(app.echo.curriculum.pinned).toBe(true);
    // A phase alone keeps the pin as it was.
    expect((await send(app, "POST", { phase: 1 })).body).toMatchObject({ phase: 1, pinned: true });
    const unpinned = await send(app, "POST", { pinned: false });
    expect(unpinned.body).toMatchObject({ phase: 1, pinned: false });
    expect((await send(app, "PUT", { pinned: true })).body).toMatchObject({ phase: 1, pinned: true });
  });

  it("is the phase /reward batches are then recorded in", async () => {
    const app = await build();
    await send(app, "POST", { phase: 3, pinned: true });
    const task = app.echo.task("gen/arithmetic/v1/hard/1");
    await app.inject({
      method: "POST",
      url: "/reward",
      payload: {
        items: [{ task_id: task.id, response: `<confidence>50</confidence><answer>${task.answer}</answer>` }],
      },
    });
    expect(app.echo.history.recent({})[0]?.phase).toBe(3);
    expect((await send(app, "GET")).body).toMatchObject({ phase: 3, episodes_in_phase: 1 });
  });

  it("accepts only phases 1..3, saying so, and refuses an empty or unknown body", async () => {
    const app = await build();
    for (const phase of [4, 0, -1, 1.5, "2", null]) {
      const { status, body } = await send(app, "POST", { phase });
      expect(status, String(phase)).toBe(422);
      expect(body.detail[0]).toMatchObject({ loc: ["body", "phase"], msg: "phase must be 1, 2 or 3" });
    }
    const empty = await send(app, "POST", {});
    expect(empty.status).toBe(422);
    expect(empty.body.detail[0].msg).toMatch(/send phase \(1, 2 or 3\) and\/or pinned/);
    expect((await send(app, "PUT", { phase: 2, pin: true })).status).toBe(422);
    expect((await send(app, "POST", { pinned: "yes" })).status).toBe(422);
    expect((await send(app, "GET")).body).toMatchObject({ phase: 1, pinned: false });
  });
});
