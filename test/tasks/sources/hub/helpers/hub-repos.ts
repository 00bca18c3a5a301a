// The five datasets as a fake Hub serves them: real repo ids, file paths, refs and column layouts.
import type { FakeRepo } from "./fake-hub.js";
import {
  arcParquet,
  boolqParquet,
  gsm8kParquet,
  math500Parquet,
  medmcqaParquet,
  sciqParquet,
  triviaQaParquet,
} from "./parquet-fixtures.js";
import {
  arcRows,
  boolqRows,
  gsm8kRows,
  math500Rows,
  medmcqaRows,
  sciqRows,
  triviaQaRows,
} from "./sample-rows.js";

export const SHAS = {
  gsm8k: "1".repeat(40),
  arc: "2".repeat(40),
  trivia: "3".repeat(40),
  sciqMain: "4".repeat(40),
  sciqConvert: "5".repeat(40),
  medmcqa: "6".repeat(40),
  math500Main: "7".repeat(40),
  math500Convert: "8".repeat(40),
  boolqMain: "9".repeat(40),
  boolqConvert: "a".repeat(40),
};

/** Rows per split in the fixtures. */
export const ROWS = { gsm8k: 35, arc: 24, trivia: 30, sciq: 30, medmcqa: 40, math500: 30, boolq: 30 };

export function fixtureRepos(): Record<string, FakeRepo> {
  return {
    "openai/gsm8k": {
      refs: { main: SHAS.gsm8k },
      files: {
        "main/train-00000-of-00001.parquet": gsm8kParquet(gsm8kRows(ROWS.gsm8k)),
        "main/test-00000-of-00001.parquet": gsm8kParquet(gsm8kRows(10)),
      },
    },
    "allenai/ai2_arc": {
      refs: { main: SHAS.arc },
      files: {
        "ARC-Easy/train-00000-of-00001.parquet": arcParquet(arcRows(ROWS.arc, false)),
        "ARC-Challenge/train-00000-of-00001.parquet": arcParquet(arcRows(ROWS.arc, true)),
        "ARC-Challenge/test-00000-of-00001.parquet": arcParquet(arcRows(20, true)),
      },
    },
    "mandarjoshi/trivia_qa": {
      refs: { main: SHAS.trivia },
      files: {
        "rc.nocontext/train-00000-of-00001.parquet": triviaQaParquet(triviaQaRows(ROWS.trivia)),
        "rc.nocontext/validation-00000-of-00001.parquet": triviaQaParquet(triviaQaRows(12)),
        "rc.nocontext/test-00000-of-00001.parquet": triviaQaParquet(triviaQaRows(6, true)),
      },
    },
    // SciQ's Parquet lives only on the convert branch, as on the real Hub.
    "allenai/sciq": {
      refs: { main: SHAS.sciqMain, "refs/convert/parquet": SHAS.sciqConvert },
      files: { "default/train/0000.parquet": sciqParquet(sciqRows(ROWS.sciq)) },
    },
    "openlifescienceai/medmcqa": {
      refs: { main: SHAS.medmcqa },
      files: {
        // Several row groups, so the reader's row-range chunking is exercised.
        "data/train-00000-of-00001.parquet": medmcqaParquet(medmcqaRows(ROWS.medmcqa), 7),
        "data/validation-00000-of-00001.parquet": medmcqaParquet(medmcqaRows(12)),
        "data/test-00000-of-00001.parquet": medmcqaParquet(medmcqaRows(8, true)),
      },
    },
    // MATH-500 keeps test.jsonl on main; its Parquet copy is the dataset viewer's, on the convert branch.
    "HuggingFaceH4/MATH-500": {
      refs: { main: SHAS.math500Main, "refs/convert/parquet": SHAS.math500Convert },
      files: { "default/test/0000.parquet": math500Parquet(math500Rows(ROWS.math500)) },
    },
    // BoolQ's Parquet files as the dataset viewer converts them, on the convert branch.
    "google/boolq": {
      refs: { main: SHAS.boolqMain, "refs/convert/parquet": SHAS.boolqConvert },
      files: {
        "default/train/0000.parquet": boolqParquet(boolqRows(ROWS.boolq)),
        "default/validation/0000.parquet": boolqParquet(boolqRows(12)),
      },
    },
  };
}
