// HttpEpisodes and SessionRegistry bounds, on a hand-driven clock: expiry, touch, capacity, idle detection.
import { describe, expect, it } from "vitest";
import { EchoError } from "../../src/env/errors.js";
import { HttpEpisodes } from "../../src/env/http-episodes.js";
import { SessionRegistry } from "../../src/env/sessions.js";
import { loadConfig } from "../../src/server/config.js";
import { createService } from "../../src/server/create-service.js";

function setup() {
  let now = 1_000_000;
  const clock = () => now;
  const config = loadConfig({ ECHO_DATA_DIR: "/nonexistent-echo-test-data", ECHO_DB: ":memory:" });
  const { service } = createService(config, { clock });
  return { service, advance: (ms: number) => (now += ms) };
}

function episodes(options: { capacity?: number; ttlMs?: number }) {
  const { service, advance } = setup();
  const store = new HttpEpisodes(service, options);
  const open = (seed = 0) => {
    const env = store.open();
    env.reset({ seed });
    store.register(env);
    return env.episodeId as string;
  };
  return { store, open, advance };
}

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as EchoError).code;
  }
  return null;
};

describe("HttpEpisodes", () => {
  it("answers NO_ACTIVE_EPISODE before any reset", () => {
    const { store } = episodes({});
    expect(codeOf(() => store.get(undefined))).toBe("NO_ACTIVE_EPISODE");
    expect(store.size).toBe(0);
  });

  it("drops an episode untouched for longer than the TTL, and only then", () => {
    const { store, open, advance } = episodes({ ttlMs: 1_000 });
    const id = open();
    advance(1_000);
    store.sweep();
    expect(store.size).toBe(1); // exactly at the TTL it still lives
    advance(1);
    store.sweep();
    expect(store.size).toBe(0);
    expect(codeOf(() => store.get(id))).toBe("EPISODE_NOT_FOUND");
    expect(codeOf(() => store.get(undefined))).toBe("NO_ACTIVE_EPISODE");
  });

  it("keeps an episode alive while it is used (get touches it)", () => {
    const { store, open, advance } = episodes({ ttlMs: 1_000 });
    const kept = open(1);
    const left = open(2);
    for (let i = 0; i < 5; i++) {
      advance(600);
      store.get(kept);
    }
    expect(store.get(kept).episodeId).toBe(kept);
    expect(codeOf(() => store.get(left))).toBe("EPISODE_NOT_FOUND");
    expect(store.size).toBe(1);
  });

  it("holds at most `capacity` episodes, dropping the least recently used", () => {
    const { store, open } = episodes({ capacity: 3 });
    const ids = [open(1), open(2), open(3)];
    store.get(ids[0]); // now the freshest
    const fourth = open(4);
    expect(store.size).toBe(3);
    expect(codeOf(() => store.get(ids[1]))).toBe("EPISODE_NOT_FOUND");
    for (const id of [ids[0], ids[2], fourth]) expect(store.get(id).episodeId).toBe(id);
    for (let i = 0; i < 100; i++) open(i);
    expect(store.size).toBe(3);
  });

  it("refuses to open a client-chosen id that names a live, unfinished episode; a finished or expired one is reusable", async () => {
    const { service, advance } = setup();
    const store = new HttpEpisodes(service, { ttlMs: 1_000 });
    const first = store.open("shared");
    first.reset({ episode_id: "shared", seed: 1 });
    store.register(first);
    expect(codeOf(() => store.open("shared"))).toBe("EPISODE_ID_IN_USE");
    expect(store.get("shared")).toBe(first);
    expect(codeOf(() => store.open("other"))).toBeNull();
    expect(codeOf(() => store.open(undefined))).toBeNull();
    await first.step({ response: "<confidence>50</confidence><answer>x</answer>" });
    expect(codeOf(() => store.open("shared"))).toBeNull();
    const second = store.open("shared");
    second.reset({ episode_id: "shared", seed: 2 });
    store.register(second);
    advance(1_001);
    expect(codeOf(() => store.open("shared"))).toBeNull();
  });

  it("steps the newest episode when no id is given, and names the limits when an id is gone", () => {
    const { store, open } = episodes({ capacity: 2, ttlMs: 5_000 });
    open(1);
    const newest = open(2);
    expect(store.get(undefined).episodeId).toBe(newest);
    let message = "";
    try {
      store.get("nope");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("5 s");
    expect(message).toContain("at most 2");
  });
});

describe("SessionRegistry", () => {
  it("refuses a session beyond the cap with CAPACITY_REACHED, and frees the slot on close", () => {
    const { service } = setup();
    const registry = new SessionRegistry(service, 2, 1_000);
    const a = registry.open();
    registry.open();
    let error: unknown;
    try {
      registry.open();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EchoError);
    expect((error as EchoError).details).toEqual({ active_sessions: 2, max_sessions: 2 });
    registry.close(a.id);
    expect(registry.open().id).not.toBe(a.id);
    expect(registry.size).toBe(2);
  });

  it("reports sessions idle for longer than the timeout; touching one keeps it", () => {
    const { service, advance } = setup();
    const registry = new SessionRegistry(service, 10, 1_000);
    const busy = registry.open();
    const quiet = registry.open();
    advance(1_000);
    expect(registry.idle()).toEqual([]);
    registry.touch(busy);
    advance(1);
    expect(registry.idle()).toEqual([quiet.id]);
  });
});
