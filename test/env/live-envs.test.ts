// The live registry on a hand-driven clock: capacity per channel, one idle rule, one sweeper for both channels,
// release and close of sessions, and a shutdown that waits for work still running on a live environment.
import { afterEach, describe, expect, it, vi } from "vitest";
import { EchoError } from "../../src/env/errors.js";
import { LiveEnvs, sweepEveryMs } from "../../src/env/live-envs.js";
import { LiveTable } from "../../src/env/live-table.js";
import { loadConfig } from "../../src/server/config.js";
import { createService } from "../../src/server/create-service.js";

function setup(options: { maxSessions?: number; idleMs?: number; maxEpisodes?: number } = {}) {
  let now = 1_000_000;
  const config = loadConfig({ ECHO_DATA_DIR: "/nonexistent-echo-test-data", ECHO_DB: ":memory:" });
  const { service } = createService(config, { clock: () => now });
  const live = new LiveEnvs(service, {
    maxSessions: options.maxSessions ?? 4,
    idleMs: options.idleMs ?? 1_000,
    maxEpisodes: options.maxEpisodes,
  });
  const openEpisode = (seed = 0) => {
    const env = live.episodes.open();
    env.reset({ seed });
    live.episodes.register(env);
    return env.episodeId as string;
  };
  return { live, openEpisode, advance: (ms: number) => (now += ms) };
}

const errorOf = (fn: () => unknown): EchoError | null => {
  try {
    fn();
  } catch (error) {
    return error as EchoError;
  }
  return null;
};

afterEach(() => {
  vi.useRealTimers();
});

describe("LiveTable", () => {
  it("keeps entries in last-touched order and calls idle only those untouched for longer than idleMs", () => {
    let now = 0;
    const table = new LiveTable<string>(() => now, 100);
    table.set("a", "A");
    now = 10;
    table.set("b", "B");
    now = 20;
    expect(table.touch("a")).toBe(true);
    expect(table.touch("missing")).toBe(false);
    now = 110;
    expect(table.idle()).toEqual([]); // b untouched for exactly 100: not yet idle
    now = 111;
    expect(table.idle()).toEqual([["b", "B"]]);
    now = 121;
    expect(table.idle()).toEqual([
      ["b", "B"],
      ["a", "A"],
    ]);
    expect(table.dropStalest()).toBe("b");
    expect(table.size).toBe(1);
    expect(table.delete("a")).toBe(true);
    expect(table.dropStalest()).toBeNull();
  });
});

describe("LiveEnvs capacity", () => {
  it("refuses a session past maxSessions with CAPACITY_REACHED naming the counts; a close frees the slot", () => {
    const { live } = setup({ maxSessions: 2 });
    const first = live.sessions.open();
    live.sessions.open("rpc");
    const refused = errorOf(() => live.sessions.open());
    expect(refused).toBeInstanceOf(EchoError);
    expect(refused?.code).toBe("CAPACITY_REACHED");
    expect(refused?.details).toEqual({ active_sessions: 2, max_sessions: 2 });
    expect(refused?.message).toContain("MAX_CONCURRENT_ENVS");
    live.sessions.close(first.id);
    expect(live.sessions.open().id).not.toBe(first.id);
    expect(live.sessions.size).toBe(2);
  });

  it("counts only sessions against maxSessions; HTTP episodes beyond maxEpisodes drop the least recently used", () => {
    const { live, openEpisode } = setup({ maxSessions: 1, maxEpisodes: 3 });
    const ids = [openEpisode(1), openEpisode(2), openEpisode(3)];
    live.episodes.get(ids[0]); // now the freshest
    openEpisode(4);
    expect(live.episodes.size).toBe(3);
    expect(errorOf(() => live.episodes.get(ids[1]))?.code).toBe("EPISODE_NOT_FOUND");
    expect(live.episodes.get(ids[0]).episodeId).toBe(ids[0]);
    expect(() => live.sessions.open()).not.toThrow();
  });
});

describe("LiveEnvs idle expiry", () => {
  it("expires HTTP episodes and closes unheld sessions idle for longer than idleMs, in one sweep", () => {
    const { live, openEpisode, advance } = setup({ idleMs: 1_000 });
    const episode = openEpisode();
    const rpc = live.sessions.open("rpc");
    advance(1_000);
    live.sweep();
    expect(live.episodes.size).toBe(1); // exactly at the timeout both still live
    expect(live.sessions.get(rpc.id)).toBe(rpc);
    advance(1);
    live.sweep();
    expect(live.episodes.size).toBe(0);
    expect(live.sessions.size).toBe(0);
    expect(errorOf(() => live.episodes.get(episode))?.code).toBe("EPISODE_NOT_FOUND");
  });

  it("hands an idle session held by a socket to its onIdle instead of closing it, and spares a touched one", () => {
    const { live, advance } = setup({ idleMs: 1_000 });
    const held = live.sessions.open();
    const busy = live.sessions.open();
    const onIdle = vi.fn();
    held.onIdle = onIdle;
    advance(600);
    live.sessions.touch(busy);
    advance(600);
    live.sweep();
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(live.sessions.get(held.id)).toBe(held); // its socket closes it (and then the registry)
    expect(live.sessions.get(busy.id)).toBe(busy);
    expect(live.sessions.idle()).toEqual([held.id]);
  });
});

describe("LiveEnvs sweeper", () => {
  it("sweeps a quarter of the timeout, between 250 ms and 30 s", () => {
    expect(sweepEveryMs(100)).toBe(250);
    expect(sweepEveryMs(4_000)).toBe(1_000);
    expect(sweepEveryMs(30 * 60_000)).toBe(30_000);
  });

  it("runs one timer that sweeps both channels, and shutdown stops it", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const { live, openEpisode, advance } = setup({ idleMs: 4_000 });
    live.startSweeper();
    live.startSweeper();
    expect(vi.getTimerCount()).toBe(1);
    openEpisode();
    live.sessions.open("rpc");
    advance(4_001);
    vi.advanceTimersByTime(999);
    expect(live.episodes.size + live.sessions.size).toBe(2); // the period (1 s) has not passed yet
    vi.advanceTimersByTime(1);
    expect(live.episodes.size).toBe(0);
    expect(live.sessions.size).toBe(0);
    await live.shutdown();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("LiveEnvs release and close", () => {
  it("closes only rpc sessions on request; an attached one closes once its socket detaches", () => {
    const { live } = setup();
    const socketOwned = live.sessions.open();
    const rpc = live.sessions.open("rpc");
    expect(live.sessions.closeByRequest("nope")).toBe("unknown");
    expect(live.sessions.closeByRequest(socketOwned.id)).toBe("socket-owned");
    expect(live.sessions.attach(rpc.id)).toBe(rpc);
    expect(errorOf(() => live.sessions.attach(rpc.id))?.message).toContain(rpc.id);
    expect(errorOf(() => live.sessions.attach(socketOwned.id))?.code).toBe("SESSION_NOT_FOUND");
    expect(live.sessions.closeByRequest(rpc.id)).toBe("closing");
    expect(live.sessions.get(rpc.id)).toBe(rpc);
    live.sessions.detach(rpc);
    expect(live.sessions.get(rpc.id)).toBeUndefined();
  });

  it("keeps a detached rpc session open for a later attach, until it has been idle for the timeout", () => {
    const { live, advance } = setup({ idleMs: 1_000 });
    const rpc = live.sessions.open("rpc");
    live.sessions.attach(rpc.id);
    rpc.onIdle = () => {};
    advance(900);
    live.sessions.detach(rpc);
    expect(rpc.onIdle).toBeUndefined();
    advance(900);
    live.sweep();
    expect(live.sessions.attach(rpc.id)).toBe(rpc);
    live.sessions.detach(rpc);
    advance(1_001);
    live.sweep();
    expect(live.sessions.size).toBe(0);
  });
});

describe("LiveEnvs shutdown", () => {
  it("resolves only once every hold still registered has drained; released holds are not waited for", async () => {
    const { live } = setup();
    let finish = () => {};
    const drained = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const drain = vi.fn(() => drained);
    live.hold(drain);
    const released = vi.fn(async () => {});
    const release = live.hold(released);
    expect(live.held).toBe(2);
    release();
    expect(live.held).toBe(1);
    let done = false;
    const shutdown = live.shutdown().then(() => {
      done = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(drain).toHaveBeenCalledTimes(1);
    expect(released).not.toHaveBeenCalled();
    expect(done).toBe(false);
    finish();
    await shutdown;
    expect(done).toBe(true);
  });
});
