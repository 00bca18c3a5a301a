import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  parquetRowCount,
  readParquetChunks,
  rowGroupRanges,
} from "../../../../src/tasks/sources/hub/read-parquet.js";
import { arcParquet, medmcqaParquet } from "./helpers/parquet-fixtures.js";
import { arcRows, medmcqaRows } from "./helpers/sample-rows.js";

const dir = mkdtempSync(join(tmpdir(), "echo-parquet-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (name: string, bytes: Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

describe("rowGroupRanges", () => {
  it("covers whole row groups, at least chunkRows each", () => {
    expect(rowGroupRanges([], 10)).toEqual([]);
    expect(rowGroupRanges([7, 7, 7, 7, 7, 5], 10)).toEqual([
      [0, 14],
      [14, 28],
      [28, 40],
    ]);
    expect(rowGroupRanges([100], 10)).toEqual([[0, 100]]);
    expect(rowGroupRanges([0, 3], 10)).toEqual([[0, 3]]);
  });
});

describe("readParquetChunks", () => {
  const medmcqa = fixture("medmcqa.parquet", medmcqaParquet(medmcqaRows(40), 7));

  it("reads row ranges of whole row groups, only the asked columns, with int64 converted", async () => {
    const chunks = [];
    for await (const chunk of readParquetChunks(medmcqa, { columns: ["question", "cop"], chunkRows: 10 })) {
      chunks.push(chunk);
    }
    expect(chunks.map((c) => [c.rowStart, c.rows.length])).toEqual([
      [0, 14],
      [14, 14],
      [28, 12],
    ]);
    const first = chunks[0]?.rows[0];
    expect(Object.keys(first ?? {}).sort()).toEqual(["cop", "question"]);
    expect(chunks.flatMap((c) => c.rows.map((r) => r.cop))).toEqual(
      medmcqaRows(40).map((r) => Number(r.cop)),
    );
    expect(typeof first?.cop).toBe("number");
  });

  it("returns ARC's choices as a struct of lists", async () => {
    const arc = fixture("arc.parquet", arcParquet(arcRows(3, false)));
    const rows = [];
    for await (const chunk of readParquetChunks(arc, { columns: ["choices", "answerKey"] }))
      rows.push(...chunk.rows);
    expect(rows[1]).toEqual({
      choices: { text: ["option 1-0", "option 1-1", "option 1-2"], label: ["1", "2", "3"] },
      answerKey: "2",
    });
  });

  it("names missing columns, and refuses a file that is not Parquet", async () => {
    const read = async (path: string, columns: string[]) => {
      for await (const _ of readParquetChunks(path, { columns })) {
        // drain
      }
    };
    await expect(read(medmcqa, ["question", "answerKey"])).rejects.toThrow(/lacks column\(s\) answerKey/);
    const junk = fixture("junk.parquet", new TextEncoder().encode("<html>not parquet</html>"));
    await expect(read(junk, ["question"])).rejects.toThrow(/junk\.parquet is not a readable Parquet file/);
  });

  it("stops between chunks when the signal aborts", async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = async () => {
      for await (const chunk of readParquetChunks(medmcqa, {
        columns: ["cop"],
        chunkRows: 7,
        signal: controller.signal,
      })) {
        seen.push(chunk.rowStart);
        controller.abort();
      }
    };
    await expect(run()).rejects.toThrow();
    expect(seen).toEqual([0]);
  });

  it("counts rows from the footer", async () => {
    expect(await parquetRowCount(medmcqa)).toBe(40);
  });
});
