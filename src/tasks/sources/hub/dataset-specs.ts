// The registry of supported Hub datasets: where each split lives, its license, domain and row normaliser.
import type { Domain } from "../../../core/taxonomy.js";
import type { Normalise } from "./hub-task.js";
import { normaliseArc } from "./normalise-arc.js";
import { normaliseBoolq } from "./normalise-boolq.js";
import { normaliseGsm8k } from "./normalise-gsm8k.js";
import { normaliseMath500 } from "./normalise-math500.js";
import { normaliseMedmcqa } from "./normalise-medmcqa.js";
import { normaliseSciq } from "./normalise-sciq.js";
import { normaliseTriviaQa } from "./normalise-trivia-qa.js";

export interface HubDatasetSpec {
  /** Registry key and task id prefix, e.g. "arc-challenge" -> "arc-challenge/test/17". */
  key: string;
  repo: string;
  config: string;
  /** Revision asked for by default; it is resolved to a commit SHA before anything is downloaded. */
  revision: string;
  domain: Domain;
  license: string;
  /** Parquet files per labeled split, as paths inside the repo, in row order. */
  splits: Readonly<Record<string, readonly string[]>>;
  /** Splits published without answers: asking for one is refused. */
  unlabeledSplits: readonly string[];
  /** The columns the normaliser reads; others (MedMCQA explanations, TriviaQA pages) are never decoded. */
  columns: readonly string[];
  /** The difficulty rule in words (for --help, the README and the manifest reader). */
  difficultyRule: string;
  normalise: Normalise;
}

const threeSplits = (dir: string) => ({
  train: [`${dir}/train-00000-of-00001.parquet`],
  validation: [`${dir}/validation-00000-of-00001.parquet`],
  test: [`${dir}/test-00000-of-00001.parquet`],
});

const arc = (config: "ARC-Easy" | "ARC-Challenge", key: string): HubDatasetSpec => ({
  key,
  repo: "allenai/ai2_arc",
  config,
  revision: "main",
  domain: "logic",
  license: "CC-BY-SA-4.0",
  splits: threeSplits(config),
  unlabeledSplits: [],
  columns: ["question", "choices", "answerKey"],
  difficultyRule:
    config === "ARC-Easy"
      ? "ARC-Easy: every question is easy"
      : "ARC-Challenge: hard when the question has >= 21 words, else medium",
  normalise: normaliseArc,
});

/**
 * Every supported dataset, in download order. Difficulty rules (simple, deterministic, per dataset):
 * - gsm8k: solution steps = non-empty rationale lines before "####": <= 2 easy, 3-4 medium, >= 5 hard.
 * - arc-easy: all easy. arc-challenge: >= 21 question words hard, else medium.
 * - trivia_qa: distinct answer.aliases (more redirects = better-known answer): >= 8 easy, 3-7 medium, <= 2 hard.
 * - sciq: question words: <= 10 easy, 11-17 medium, >= 18 hard.
 * - medmcqa: choice_type "multi" hard; "single" with <= 12 question words easy; else medium.
 * - math500: MATH's level: 1-2 easy, 3 medium, 4-5 hard.
 * - boolq: every question content word in a passage of <= 100 words easy; < 60% of them in the passage, or a
 *   passage over 150 words, hard; else medium.
 */
export const HUB_DATASETS: readonly HubDatasetSpec[] = [
  {
    key: "gsm8k",
    repo: "openai/gsm8k",
    config: "main",
    revision: "main",
    domain: "math",
    license: "MIT",
    splits: {
      train: ["main/train-00000-of-00001.parquet"],
      test: ["main/test-00000-of-00001.parquet"],
    },
    unlabeledSplits: [],
    columns: ["question", "answer"],
    difficultyRule:
      "solution steps (non-empty rationale lines before ####): <= 2 easy, 3-4 medium, >= 5 hard",
    normalise: normaliseGsm8k,
  },
  arc("ARC-Easy", "arc-easy"),
  arc("ARC-Challenge", "arc-challenge"),
  {
    key: "trivia_qa",
    repo: "mandarjoshi/trivia_qa",
    config: "rc.nocontext",
    revision: "main",
    domain: "factual",
    license: "unknown",
    splits: {
      train: ["rc.nocontext/train-00000-of-00001.parquet"],
      validation: ["rc.nocontext/validation-00000-of-00001.parquet"],
    },
    unlabeledSplits: ["test"],
    columns: ["question", "answer"],
    difficultyRule: "distinct answer.aliases: >= 8 easy, 3-7 medium, <= 2 hard",
    normalise: normaliseTriviaQa,
  },
  {
    key: "sciq",
    repo: "allenai/sciq",
    config: "default",
    revision: "refs/convert/parquet",
    domain: "science",
    license: "CC-BY-NC-3.0",
    splits: {
      train: ["default/train/0000.parquet"],
      validation: ["default/validation/0000.parquet"],
      test: ["default/test/0000.parquet"],
    },
    unlabeledSplits: [],
    columns: ["question", "distractor1", "distractor2", "distractor3", "correct_answer"],
    difficultyRule: "question words: <= 10 easy, 11-17 medium, >= 18 hard",
    normalise: normaliseSciq,
  },
  {
    key: "medmcqa",
    repo: "openlifescienceai/medmcqa",
    config: "default",
    revision: "main",
    domain: "medical",
    license: "Apache-2.0",
    splits: {
      train: ["data/train-00000-of-00001.parquet"],
      validation: ["data/validation-00000-of-00001.parquet"],
    },
    unlabeledSplits: ["test"],
    columns: ["question", "opa", "opb", "opc", "opd", "cop", "choice_type"],
    difficultyRule: "choice_type multi -> hard; single with <= 12 question words -> easy; else medium",
    normalise: normaliseMedmcqa,
  },
  {
    // One split, test; the repository holds test.jsonl, the dataset viewer's Parquet copy is on the convert
    // branch. Golds are LaTeX (\frac{14}{3}, (3, \frac{\pi}{2}), [-2,7], 4210_{5}): the math grader.
    key: "math500",
    repo: "HuggingFaceH4/MATH-500",
    config: "default",
    revision: "refs/convert/parquet",
    domain: "math",
    license: "MIT",
    splits: { test: ["default/test/0000.parquet"] },
    unlabeledSplits: [],
    columns: ["problem", "solution", "answer", "level"],
    difficultyRule: "MATH level: 1-2 easy, 3 medium, 4-5 hard",
    normalise: normaliseMath500,
  },
  {
    // Reading comprehension: the passage is part of the prompt (closed-book, a small model is at chance).
    // Factual: the questions are real search queries about Wikipedia articles. No labeled test split exists.
    key: "boolq",
    repo: "google/boolq",
    config: "default",
    revision: "refs/convert/parquet",
    domain: "factual",
    license: "CC-BY-SA-3.0",
    splits: {
      train: ["default/train/0000.parquet"],
      validation: ["default/validation/0000.parquet"],
    },
    unlabeledSplits: [],
    columns: ["question", "answer", "passage"],
    difficultyRule:
      "question content words found in the passage: all, in <= 100 passage words, easy; < 60% or a passage " +
      "over 150 words hard; else medium",
    normalise: normaliseBoolq,
  },
];

/** Names the CLI accepts, each standing for one or more registry keys ("arc" is both ARC configs). */
export const DATASET_NAMES: Readonly<Record<string, readonly string[]>> = {
  gsm8k: ["gsm8k"],
  arc: ["arc-easy", "arc-challenge"],
  "arc-easy": ["arc-easy"],
  "arc-challenge": ["arc-challenge"],
  trivia_qa: ["trivia_qa"],
  sciq: ["sciq"],
  medmcqa: ["medmcqa"],
  math500: ["math500"],
  boolq: ["boolq"],
};

/**
 * The default selection. Asked for by name: MATH-500 (only a test split: `--datasets math500 --split test`) and
 * BoolQ (its passages make prompts several times longer: `--datasets boolq`).
 */
export const DEFAULT_DATASET_NAMES = ["gsm8k", "arc", "trivia_qa", "sciq", "medmcqa"] as const;

/** The spec for a registry key, or undefined. */
export function findHubDataset(key: string): HubDatasetSpec | undefined {
  return HUB_DATASETS.find((spec) => spec.key === key);
}

/**
 * Registry keys for CLI names (deduplicated, in registry order), or the unknown names.
 * @example resolveDatasetNames(["arc"]) // { ok: true, keys: ["arc-easy", "arc-challenge"] }
 */
export function resolveDatasetNames(
  names: readonly string[],
): { ok: true; keys: string[] } | { ok: false; unknown: string[] } {
  const unknown = names.filter((name) => !Object.hasOwn(DATASET_NAMES, name));
  if (unknown.length > 0) return { ok: false, unknown };
  const wanted = new Set(names.flatMap((name) => DATASET_NAMES[name] ?? []));
  return { ok: true, keys: HUB_DATASETS.map((spec) => spec.key).filter((key) => wanted.has(key)) };
}

/** Why a split cannot be used for a dataset (unlabeled or absent), or null when it can. */
export function splitProblem(spec: HubDatasetSpec, split: string): string | null {
  if (spec.unlabeledSplits.includes(split)) {
    return `${spec.key} (${spec.repo}): the ${split} split has no answers (unlabeled), so it cannot be graded; use ${Object.keys(spec.splits).join(" or ")}`;
  }
  if (!Object.hasOwn(spec.splits, split)) {
    return `${spec.key} (${spec.repo}) has no ${split} split; available: ${Object.keys(spec.splits).join(", ")}`;
  }
  return null;
}
