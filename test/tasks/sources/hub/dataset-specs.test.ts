import { describe, expect, it } from "vitest";
import {
  DATASET_NAMES,
  DEFAULT_DATASET_NAMES,
  findHubDataset,
  HUB_DATASETS,
  resolveDatasetNames,
  splitProblem,
} from "../../../../src/tasks/sources/hub/dataset-specs.js";
import type { HubRow } from "../../../../src/tasks/sources/hub/hub-task.js";
import { plainValue } from "../../../../src/tasks/sources/hub/row-values.js";
import { Task } from "../../../../src/tasks/task.js";
import { SHA } from "./helpers/context.js";
import {
  arcRows,
  boolqRows,
  gsm8kRows,
  math500Rows,
  medmcqaRows,
  sciqRows,
  triviaQaRows,
} from "./helpers/sample-rows.js";

const samples: Record<string, HubRow[]> = {
  gsm8k: gsm8kRows(14) as unknown as HubRow[],
  "arc-easy": arcRows(8, false) as unknown as HubRow[],
  "arc-challenge": arcRows(8, true) as unknown as HubRow[],
  trivia_qa: triviaQaRows(9) as unknown as HubRow[],
  sciq: sciqRows(9) as unknown as HubRow[],
  medmcqa: medmcqaRows(9).map((row) => plainValue(row)) as HubRow[],
  math500: math500Rows(10) as unknown as HubRow[],
  boolq: boolqRows(9) as unknown as HubRow[],
};

describe("HUB_DATASETS (contract over the registry)", () => {
  it("has unique keys, known names and a sample for every entry", () => {
    const keys = HUB_DATASETS.map((spec) => spec.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(samples).sort()).toEqual([...keys].sort());
    for (const targets of Object.values(DATASET_NAMES)) {
      for (const key of targets) expect(findHubDataset(key)).toBeDefined();
    }
  });

  for (const spec of HUB_DATASETS) {
    describe(spec.key, () => {
      const rows = samples[spec.key] ?? [];
      const context = {
        key: spec.key,
        repo: spec.repo,
        config: spec.config,
        split: "train",
        revision: SHA,
        license: spec.license,
        domain: spec.domain,
      };

      it("normalises its own rows into valid tasks with stable ids and full provenance", () => {
        rows.forEach((row, index) => {
          const task = spec.normalise(row, index, context);
          expect(Task.safeParse(task).success).toBe(true);
          expect(task).toMatchObject({
            id: `${spec.key}/train/${index}`,
            domain: spec.domain,
            source: {
              kind: "hub",
              dataset: spec.repo,
              config: spec.config,
              split: "train",
              index,
              revision: SHA,
              license: spec.license,
            },
          });
        });
      });

      it("needs nothing beyond its declared columns", () => {
        rows.forEach((row, index) => {
          const narrowed = Object.fromEntries(spec.columns.map((column) => [column, row[column]]));
          expect(spec.normalise(narrowed, index, context)).toEqual(spec.normalise(row, index, context));
        });
      });

      it("lists files for every labeled split and refuses its unlabeled ones", () => {
        for (const split of Object.keys(spec.splits)) expect(splitProblem(spec, split)).toBeNull();
        for (const split of spec.unlabeledSplits) {
          expect(splitProblem(spec, split)).toMatch(
            new RegExp(`${spec.key} \\(${spec.repo}\\): the ${split} split has no answers`),
          );
        }
      });
    });
  }

  it("places SciQ on the Parquet convert branch and the rest on main", () => {
    expect(findHubDataset("sciq")?.revision).toBe("refs/convert/parquet");
    expect(findHubDataset("sciq")?.splits.train).toEqual(["default/train/0000.parquet"]);
    expect(findHubDataset("gsm8k")?.revision).toBe("main");
  });
});

describe("resolveDatasetNames", () => {
  it("expands arc to both configs, deduplicates and keeps registry order", () => {
    expect(resolveDatasetNames(["medmcqa", "arc", "arc-easy", "gsm8k"])).toEqual({
      ok: true,
      keys: ["gsm8k", "arc-easy", "arc-challenge", "medmcqa"],
    });
    // MATH-500 (test only) and BoolQ (long passages in every prompt) are asked for by name.
    expect(resolveDatasetNames([...DEFAULT_DATASET_NAMES])).toEqual({
      ok: true,
      keys: HUB_DATASETS.map((s) => s.key).filter((key) => key !== "math500" && key !== "boolq"),
    });
    expect(resolveDatasetNames(["boolq"])).toEqual({ ok: true, keys: ["boolq"] });
    expect(resolveDatasetNames(["math500"])).toEqual({ ok: true, keys: ["math500"] });
  });

  it("reports unknown names", () => {
    expect(resolveDatasetNames(["gsm8k", "mmlu", "toString"])).toEqual({
      ok: false,
      unknown: ["mmlu", "toString"],
    });
  });
});

describe("splitProblem", () => {
  it("names the dataset and the split", () => {
    const gsm8k = findHubDataset("gsm8k");
    const medmcqa = findHubDataset("medmcqa");
    if (!gsm8k || !medmcqa) throw new Error("registry incomplete");
    expect(splitProblem(gsm8k, "validation")).toBe(
      "gsm8k (openai/gsm8k) has no validation split; available: train, test",
    );
    expect(splitProblem(medmcqa, "test")).toContain(
      "medmcqa (openlifescienceai/medmcqa): the test split has no answers",
    );
  });
});
