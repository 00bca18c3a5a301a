// Timelines without a server: points over the newest matching episodes, and the kept answer dropped once the
// episode count moves.
import { describe, expect, it } from "vitest";
import type { EpisodeRecord } from "../../src/core/episode-record.js";
import { getPreset } from "../../src/core/reward/presets.js";
import { scoreResponse } from "../../src/core/score-response.js";
import { Timelines } from "../../src/env/timelines.js";
import { toRecord } from "../../src/env/to-record.js";
import { MemoryHistory } from "../../src/store/memory-history.js";
import { loadBank } from "../../src/tasks/load-bank.js";

const { bank } = loadBank("/nonexistent-echo-test-data");
const preset = getPreset("calibrated");

function records(from: number, n: number): EpisodeRecord[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const task = bank.get(`gen/arithmetic/v1/easy/${i}`)!;
    const response = `<confidence>70</confidence><answer>${task.answer}</answer>`;
    const episode = { episode_id: `e${i}`, task, phase: 1, preset, seed: null, created_at: i };
    const scored = scoreResponse(task, response, preset);
    return toRecord(episode, response, scored, { channel: "http", session_id: null }, i);
  });
}

describe("Timelines", () => {
  it("covers the newest window of matching episodes, and keeps its answer until the count moves", async () => {
    const history = new MemoryHistory();
    let count = 0;
    const timelines = new Timelines(history, () => count);
    await history.append(records(0, 10));
    count = 10;
    const query = { filter: {}, window: 4, points: 2, rolling: 3 };
    const first = timelines.timeline(query);
    expect(first).toMatchObject({ total: 10, offset: 6, covered: 4, rolling: 3 });
    expect(first.points).toHaveLength(2);

    await history.append(records(10, 5));
    expect(timelines.timeline(query)).toBe(first); // same count: the kept answer
    count = 15;
    expect(timelines.timeline(query)).toMatchObject({ total: 15, offset: 11, covered: 4 });
    expect(timelines.timeline({ ...query, window: 20 })).toMatchObject({ total: 15, offset: 0, covered: 15 });
  });
});
