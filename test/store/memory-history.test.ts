// MemoryHistory: the shared contract, plus its bounded ring.
import { describe, expect, it } from "vitest";
import { MemoryHistory } from "../../src/store/memory-history.js";
import { historyStoreContract, recordAt } from "./history-store.contract.js";

historyStoreContract("MemoryHistory", { open: () => new MemoryHistory() });

describe("MemoryHistory", () => {
  it("refuses a capacity that is not a positive integer", () => {
    for (const capacity of [0, -1, 1.5, Number.NaN]) {
      expect(() => new MemoryHistory(capacity)).toThrow(RangeError);
    }
  });

  it("keeps only the newest `capacity` records, and is not durable", async () => {
    const store = new MemoryHistory(3);
    await store.append([0, 1, 2, 3, 4].map((i) => recordAt(i)));
    expect(store.size).toBe(3);
    expect([...store.all()].map((r) => r.episode_id)).toEqual(["ep-2", "ep-3", "ep-4"]);
    expect(store.page({}, 10, 0).total).toBe(3);
    expect(store.durable).toBe(false);
  });
});
