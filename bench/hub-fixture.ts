// Writes a synthetic Hub cache (manifest + normalised JSONL) in the real task format, so the bench can start a
// server on a full-size bank without the network. Deterministic: the same arguments give the same files.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { createRng, hashSeed, type Rng } from "../src/core/rng.js";
import { DIFFICULTIES, type Difficulty, type Domain } from "../src/core/taxonomy.js";
import { type HubManifest, hubCachePaths, type ManifestEntry } from "../src/tasks/sources/hub/hub-cache.js";
import { optionLetter, type Task } from "../src/tasks/task.js";

const WORDS = (
  "the a of to and in is was for on that with as by at from his her which an be this are were had have " +
  "water energy cell plant animal light heat force river city king war year number price apple train store " +
  "students teacher doctor patient blood heart bone nerve drug dose acid salt metal rock earth moon star " +
  "farmer market bakery garden book paper school bus ticket coins marbles pencils cookies minutes hours"
).split(" ");

/** Words an answer may be made of: no articles or other short function words (a gold of "the" grades nothing). */
const CONTENT_WORDS = WORDS.filter((word) => word.length >= 4);

const SHA = "0123456789abcdef0123456789abcdef01234567";

interface DatasetShape {
  key: string;
  repo: string;
  config: string;
  domain: Domain;
  license: string;
  /** Difficulties this manifest entry holds (ARC-Easy is all easy, ARC-Challenge medium and hard). */
  difficulties: readonly Difficulty[];
  make: (
    rng: Rng,
    difficulty: Difficulty,
  ) => Omit<Task, "id" | "domain" | "difficulty" | "source" | "adversarial" | "answerable" | "unanswerable">;
}

function words(rng: Rng, min: number, max: number, from: readonly string[] = WORDS): string {
  const n = rng.int(min, max);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rng.pick(from));
  return out.join(" ");
}

const answerText = (rng: Rng, min: number, max: number) => words(rng, min, max, CONTENT_WORDS);

const sentence = (rng: Rng, min: number, max: number) => {
  const text = words(rng, min, max);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
};

function multipleChoice(rng: Rng, questionWords: [number, number], options: number) {
  const choices = Array.from({ length: options }, () => answerText(rng, 1, 4));
  const answerIndex = rng.int(0, options - 1);
  return {
    question: `${sentence(rng, questionWords[0], questionWords[1])}?`,
    choices,
    answer: optionLetter(answerIndex),
    answer_index: answerIndex,
    aliases: [],
    grader: "multiple_choice" as const,
  };
}

const STEPS: Record<Difficulty, [number, number]> = { easy: [20, 35], medium: [35, 55], hard: [55, 80] };
const ALIASES: Record<Difficulty, [number, number]> = { easy: [8, 16], medium: [3, 7], hard: [0, 2] };

const SHAPES: readonly DatasetShape[] = [
  {
    key: "gsm8k",
    repo: "openai/gsm8k",
    config: "main",
    domain: "math",
    license: "MIT",
    difficulties: DIFFICULTIES,
    make: (rng, difficulty) => ({
      question: `${sentence(rng, STEPS[difficulty][0], STEPS[difficulty][1])}. How many does she have left?`,
      choices: null,
      answer: String(rng.int(2, 5000)),
      answer_index: null,
      aliases: [],
      grader: "numeric",
    }),
  },
  {
    key: "arc-easy",
    repo: "allenai/ai2_arc",
    config: "ARC-Easy",
    domain: "logic",
    license: "CC-BY-SA-4.0",
    difficulties: ["easy"],
    make: (rng) => multipleChoice(rng, [8, 20], 4),
  },
  {
    key: "arc-challenge",
    repo: "allenai/ai2_arc",
    config: "ARC-Challenge",
    domain: "logic",
    license: "CC-BY-SA-4.0",
    difficulties: ["medium", "hard"],
    make: (rng, difficulty) => multipleChoice(rng, difficulty === "hard" ? [21, 40] : [8, 20], 4),
  },
  {
    key: "trivia_qa",
    repo: "mandarjoshi/trivia_qa",
    config: "rc.nocontext",
    domain: "factual",
    license: "unknown",
    difficulties: DIFFICULTIES,
    make: (rng, difficulty) => {
      const gold = answerText(rng, 1, 3);
      const n = rng.int(ALIASES[difficulty][0], ALIASES[difficulty][1]);
      const aliases = [...new Set(Array.from({ length: n * 2 }, () => answerText(rng, 1, 3)))].filter(
        (a) => a !== gold,
      );
      return {
        question: `${sentence(rng, 8, 25)}?`,
        choices: null,
        answer: gold,
        answer_index: null,
        aliases,
        grader: "free_text",
      };
    },
  },
  {
    key: "sciq",
    repo: "allenai/sciq",
    config: "default",
    domain: "science",
    license: "CC-BY-NC-3.0",
    difficulties: DIFFICULTIES,
    make: (rng, difficulty) =>
      multipleChoice(rng, difficulty === "easy" ? [5, 10] : difficulty === "medium" ? [11, 17] : [18, 30], 4),
  },
  {
    key: "medmcqa",
    repo: "openlifescienceai/medmcqa",
    config: "default",
    domain: "medical",
    license: "Apache-2.0",
    difficulties: DIFFICULTIES,
    make: (rng, difficulty) => multipleChoice(rng, difficulty === "easy" ? [5, 12] : [13, 30], 4),
  },
];

/**
 * Writes `<dataDir>/datasets/manifest.json` and one JSONL file per dataset: `perBucket` tasks for every
 * domain x difficulty the five Hub datasets cover (5 domains x 3 difficulties), split train. Returns the
 * number of tasks written.
 * @example writeHubFixture("/tmp/echo-bench/data", 700) // 10500
 */
export function writeHubFixture(dataDir: string, perBucket: number): number {
  const paths = hubCachePaths(dataDir);
  const manifest: HubManifest = { version: 1, entries: {} };
  let total = 0;
  for (const shape of SHAPES) {
    const rng = createRng(hashSeed("bench-hub", shape.key));
    const lines: string[] = [];
    const selected = { easy: 0, medium: 0, hard: 0 };
    // ARC's domain (logic) comes from two entries; together they fill its three buckets.
    for (const difficulty of shape.difficulties) {
      for (let i = 0; i < perBucket; i++) {
        const index = lines.length;
        const task: Task = {
          ...shape.make(rng, difficulty),
          id: `${shape.key}/train/${index}`,
          domain: shape.domain,
          difficulty,
          adversarial: false,
          answerable: true,
          unanswerable: null,
          source: {
            kind: "hub",
            dataset: shape.repo,
            config: shape.config,
            split: "train",
            index,
            revision: SHA,
            license: shape.license,
          },
        };
        lines.push(JSON.stringify(task));
        selected[difficulty]++;
      }
    }
    const tasksFile = paths.tasksRelative(shape.key, "train");
    const file = paths.resolve(tasksFile);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${lines.join("\n")}\n`);
    const entry: ManifestEntry = {
      key: shape.key,
      repo: shape.repo,
      config: shape.config,
      split: "train",
      domain: shape.domain,
      license: shape.license,
      requested_revision: "main",
      commit_sha: SHA,
      files: [
        { path: "train.parquet", size: 0, local_path: paths.rawRelative(shape.repo, SHA, "train.parquet") },
      ],
      row_count: lines.length,
      skipped_rows: 0,
      per_bucket: perBucket,
      eligible: selected,
      selected,
      tasks_file: tasksFile,
      task_count: lines.length,
      difficulty_rule: "synthetic (bench fixture)",
      downloaded_at: "2025-01-01T00:00:00.000Z",
    };
    manifest.entries[`${shape.key}/train`] = entry;
    total += lines.length;
  }
  mkdirSync(paths.root, { recursive: true });
  writeFileSync(paths.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  return total;
}
