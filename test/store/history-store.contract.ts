// The one contract every HistoryStore passes (memory and SQLite): storage, order, paging, filters, commits.
import { describe, expect, it } from "vitest";
import { type EpisodeRecord, outcomeOf } from "../../src/core/episode-record.js";
import { FORMAT_VERDICTS } from "../../src/core/format-verdict.js";
import { DIFFICULTIES, DOMAINS } from "../../src/core/taxonomy.js";
import { type HistoryFilter, type HistoryStore, matchesFilter } from "../../src/store/history-store.js";

/** A record with every field set from `i`, so records differ in each filtered column. */
export function recordAt(i: number, extra: Partial<EpisodeRecord> = {}): EpisodeRecord {
  return {
    episode_id: `ep-${i}`,
    session_id: i % 3 === 0 ? `session-${i % 2}` : null,
    channel: i % 3 === 0 ? "ws" : i % 3 === 1 ? "http" : "batch",
    task_id: `gen/arithmetic/v1/easy/${i}`,
    domain: DOMAINS[i % DOMAINS.length] as EpisodeRecord["domain"],
    difficulty: DIFFICULTIES[i % 3 === 2 ? 2 : i % 2] as EpisodeRecord["difficulty"],
    phase: ((i % 3) + 1) as 1 | 2 | 3,
    preset: i % 4 === 0 ? "brier" : "calibrated",
    seed: i % 5 === 0 ? null : i * 1_000_003,
    eval_task: i % 4 === 1 ? "anti_hallucination" : i % 4 === 3 ? "calibration_fundamentals" : null,
    response: `<confidence>${i % 101}</confidence><answer>${i} é 漢字 🙂</answer>`,
    parsed_answer: `${i} é 漢字 🙂`,
    parsed_confidence: (i * 37) % 101,
    abstained: i % 7 === 0,
    answerable: i % 5 !== 4,
    format: FORMAT_VERDICTS[i % 5] as EpisodeRecord["format"],
    is_correct: i % 2 === 0,
    score: i % 2 === 0 ? 1 : 0.25,
    reward: (i % 2 === 0 ? 1 : -1) * (0.1 + i / 7),
    components: {
      accuracy: 0.5,
      brier: 1 / 3,
      overconfidence: -0.2,
      underconfidence: 0,
      format: 0.05,
      abstention: 0,
      // Only presets with a length term have the component.
      ...(i % 6 === 0 ? { length: -0.5 } : {}),
      clip: -0.000001,
    },
    true_answer: `${i}`,
    created_at: 1_700_000_000_000 + i * 1000,
    graded_at: 1_700_000_000_500 + i * 1000,
    ...extra,
  };
}

const FILTERS: HistoryFilter[] = [
  {},
  { session: "session-0" },
  { session: "nobody" },
  { domain: "math" },
  { difficulty: "hard" },
  { phase: 2 },
  { preset: "brier" },
  { channel: "ws" },
  { channel: "batch" },
  { correct: true },
  { correct: false },
  { channel: "http", correct: false },
  { domain: "logic", phase: 2, preset: "calibrated" },
  { eval_task: "anti_hallucination" },
  { eval_task: "domain_aware_calibration" },
  { eval_task: "anti_hallucination", session: "session-1" },
];

export interface StoreFactory {
  /** A fresh, empty store. */
  open(): HistoryStore | Promise<HistoryStore>;
}

export function historyStoreContract(name: string, factory: StoreFactory): void {
  describe(`${name}: the HistoryStore contract`, () => {
    it("starts empty and answers every query with nothing", async () => {
      const store = await factory.open();
      expect(store.size).toBe(0);
      expect(store.page({}, 10, 0)).toEqual({ items: [], total: 0 });
      expect(store.page({ domain: "math" }, 10, 5)).toEqual({ items: [], total: 0 });
      expect(store.recent({})).toEqual([]);
      expect(store.recent({}, 5)).toEqual([]);
      expect([...store.all()]).toEqual([]);
      expect([...store.outcomes()]).toEqual([]);
      expect(store.phaseChanges()).toEqual([]);
      await store.append([]);
      expect(store.size).toBe(0);
      await store.close();
    });

    it("gives back every field exactly as appended, oldest first from all(), newest first from page()", async () => {
      const store = await factory.open();
      const records = Array.from({ length: 12 }, (_, i) => recordAt(i));
      await store.append(records.slice(0, 5));
      await store.append(records.slice(5));
      expect(store.size).toBe(12);
      expect([...store.all()]).toEqual(records);
      expect(store.page({}, 3, 0)).toEqual({ items: records.slice(9).reverse(), total: 12 });
      expect(store.page({}, 3, 10).items).toEqual([records[1], records[0]]);
      expect(store.page({}, 3, 12)).toEqual({ items: [], total: 12 });
      expect(store.recent({}, 4)).toEqual(records.slice(8));
      expect(store.recent({})).toEqual(records);
      expect(store.recent({}, 100)).toEqual(records);
      await store.close();
    });

    it("keeps awkward values: null seed and session, huge seeds, tiny and negative rewards, long text", async () => {
      const store = await factory.open();
      const odd = [
        recordAt(1, { seed: Number.MAX_SAFE_INTEGER, reward: -0.000000000123, score: 0.1 + 0.2 }),
        recordAt(2, { seed: 0, session_id: "", response: "x".repeat(4000), parsed_answer: "" }),
        recordAt(3, { seed: null, session_id: null, created_at: 1.5, graded_at: 2.25, reward: 1e-300 }),
      ];
      await store.append(odd);
      expect([...store.all()]).toEqual(odd);
      await store.close();
    });

    it.each(FILTERS.map((filter) => [JSON.stringify(filter), filter] as const))(
      "filters %s like matchesFilter, in page, recent and outcomes",
      async (_name, filter) => {
        const store = await factory.open();
        const records = Array.from({ length: 40 }, (_, i) => recordAt(i));
        await store.append(records);
        const matching = records.filter((r) => matchesFilter(r, filter));
        const newestFirst = [...matching].reverse();
        expect(store.page(filter, 5, 2)).toEqual({ items: newestFirst.slice(2, 7), total: matching.length });
        expect(store.page(filter, 500, 0).items).toEqual(newestFirst);
        expect(store.recent(filter, 3)).toEqual(matching.slice(-3));
        expect(store.recent(filter)).toEqual(matching);
        expect([...store.outcomes(filter)]).toEqual(matching.map(outcomeOf));
        expect([...store.outcomes(filter, 4)]).toEqual(matching.slice(-4).map(outcomeOf));
        await store.close();
      },
    );

    it("resolves concurrent appends in call order, each once its records are readable", async () => {
      const store = await factory.open();
      const order: number[] = [];
      const seen: number[] = [];
      const appends = Array.from({ length: 50 }, (_, k) =>
        store.append([recordAt(2 * k), recordAt(2 * k + 1)]).then(() => {
          order.push(k);
          seen.push(store.page({}, 1, 0).total);
        }),
      );
      await Promise.all(appends);
      expect(order).toEqual(Array.from({ length: 50 }, (_, k) => k));
      // Each caller saw at least its own records stored.
      seen.forEach((total, k) => {
        expect(total).toBeGreaterThanOrEqual(2 * (k + 1));
      });
      expect([...store.all()].map((r) => r.episode_id)).toEqual(
        Array.from({ length: 100 }, (_, i) => `ep-${i}`),
      );
      await store.close();
    });

    it("stores curriculum changes in order", async () => {
      const store = await factory.open();
      const changes = [
        { after_episodes: 0, phase: 2 as const, pinned: false, changed_at: 10 },
        { after_episodes: 0, phase: 3 as const, pinned: true, changed_at: 11 },
        { after_episodes: 7, phase: 1 as const, pinned: false, changed_at: 12.5 },
      ];
      for (const change of changes) store.recordPhaseChange(change);
      expect(store.phaseChanges()).toEqual(changes);
      await store.close();
    });

    it("refuses appends after close, and closes twice without harm", async () => {
      const store = await factory.open();
      await store.append([recordAt(0)]);
      await store.close();
      await store.close();
      await expect(store.append([recordAt(1)])).rejects.toThrow(/closed/);
    });

    it("says it can write while open (changing nothing), and that it cannot once closed", async () => {
      const store = await factory.open();
      await store.append([recordAt(0)]);
      expect(() => store.checkWritable()).not.toThrow();
      expect(store.size).toBe(1);
      expect([...store.all()]).toEqual([recordAt(0)]);
      await store.close();
      expect(() => store.checkWritable()).toThrow(/closed/);
    });
  });
}
