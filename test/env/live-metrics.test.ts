// LiveMetrics: counting stored episodes, the running headline, queries that read history when narrowed, and
// restore rebuilding the same totals and curriculum (hand-made phase changes replayed where they happened).
import { describe, expect, it } from "vitest";
import { Curriculum } from "../../src/core/curriculum.js";
import { type EpisodeRecord, outcomeOf } from "../../src/core/episode-record.js";
import { getPreset } from "../../src/core/reward/presets.js";
import { scoreResponse } from "../../src/core/score-response.js";
import { LiveMetrics } from "../../src/env/live-metrics.js";
import { toRecord } from "../../src/env/to-record.js";
import { MemoryHistory } from "../../src/store/memory-history.js";
import { loadBank } from "../../src/tasks/load-bank.js";

const { bank } = loadBank("/nonexistent-echo-test-data");
const preset = getPreset("calibrated");

/** n graded math episodes, every third one wrong, all at 80%. */
function records(n: number): EpisodeRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const task = bank.get(`gen/arithmetic/v1/easy/${i}`)!;
    const response = `<confidence>80</confidence><answer>${i % 3 === 0 ? "-1" : task.answer}</answer>`;
    const episode = { episode_id: `e${i}`, task, phase: 1, preset, seed: null, created_at: i };
    return toRecord(
      episode,
      response,
      scoreResponse(task, response, preset),
      { channel: "http", session_id: null },
      i,
    );
  });
}

describe("LiveMetrics", () => {
  it("counts episodes into the headline, overall metrics and the curriculum", () => {
    const history = new MemoryHistory();
    const curriculum = new Curriculum();
    const live = new LiveMetrics(history, curriculum, bank);
    expect(live.running()).toMatchObject({ episodes: 0, accuracy: null });
    for (const record of records(6)) live.count(outcomeOf(record));
    expect(live.episodes).toBe(6);
    expect(live.running()).toMatchObject({ episodes: 6, mean_confidence: 0.8 });
    expect(live.running().accuracy).toBeCloseTo(4 / 6, 10);
    expect(live.metrics().count).toBe(6);
    expect(curriculum.state().episodes_total).toBe(6);
  });

  it("answers a narrowed query from history, and an unnarrowed one from the live totals", async () => {
    const history = new MemoryHistory();
    const live = new LiveMetrics(history, new Curriculum(), bank);
    const stored = records(9);
    await history.append(stored.slice(0, 3));
    for (const record of stored) live.count(outcomeOf(record));
    expect(live.metrics().count).toBe(9);
    expect(live.metrics({}, 2).count).toBe(2);
    expect(live.metrics({ domain: "math" }).count).toBe(3);
    const countOf = (f: ReturnType<typeof live.fingerprint>) =>
      f.domains.find((d) => d.domain === "math")?.count;
    expect(countOf(live.fingerprint())).toBe(9);
    expect(countOf(live.fingerprint({}, 2))).toBe(2);
  });

  it("restores the same totals and replays a hand-made phase change where it happened", async () => {
    const history = new MemoryHistory();
    const stored = records(12);
    await history.append(stored.slice(0, 5));
    history.recordPhaseChange({ after_episodes: 5, phase: 3, pinned: true, changed_at: 0 });
    await history.append(stored.slice(5));

    const curriculum = new Curriculum();
    const live = new LiveMetrics(history, curriculum, bank);
    live.restore();
    expect(live.episodes).toBe(12);
    expect(live.running().episodes).toBe(12);
    expect(curriculum.state()).toMatchObject({
      phase: 3,
      pinned: true,
      episodes_total: 12,
      episodes_in_phase: 7,
    });
  });
});
