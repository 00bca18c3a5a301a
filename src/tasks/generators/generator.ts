// What a procedural generator is, and the one place a generated task gets its id, seed and provenance.
import type { GraderKind } from "../../core/grading/grade-result.js";
import { createRng, hashSeed, type Rng } from "../../core/rng.js";
import type { Difficulty, Domain } from "../../core/taxonomy.js";
import type { Task } from "../task.js";

export interface Generator {
  /** Registry name, e.g. "arithmetic"; part of every task id. */
  name: string;
  /** Bumped whenever the output for some (difficulty, index) changes; part of the id. */
  version: number;
  domain: Domain;
  description: string;
  /** Pure: the same (difficulty, index) always gives the same task. Throws RangeError on a bad index. */
  generate(difficulty: Difficulty, index: number): Task;
}

/** The part of a task a generator decides; id, domain, difficulty and source are stamped on by `defineGenerator`. */
export interface GeneratedBody {
  question: string;
  answer: string;
  grader: GraderKind;
  adversarial: boolean;
  choices?: string[];
  answer_index?: number;
  aliases?: string[];
}

export interface GeneratorMeta {
  name: string;
  version: number;
  domain: Domain;
  description: string;
}

/** @example generatedTaskId("arithmetic", 1, "hard", 981) // "gen/arithmetic/v1/hard/981" */
export function generatedTaskId(
  name: string,
  version: number,
  difficulty: Difficulty,
  index: number,
): string {
  return `gen/${name}/v${version}/${difficulty}/${index}`;
}

/** The seeded source for one item: a hash of every coordinate, never `seed + index`. */
export function generatorRng(name: string, version: number, difficulty: Difficulty, index: number): Rng {
  return createRng(hashSeed("gen", name, version, difficulty, index));
}

/** Wraps a body builder into a Generator that stamps id, provenance and the multiple-choice fields. */
export function defineGenerator(
  meta: GeneratorMeta,
  build: (rng: Rng, difficulty: Difficulty) => GeneratedBody,
): Generator {
  return {
    ...meta,
    generate(difficulty: Difficulty, index: number): Task {
      if (!Number.isSafeInteger(index) || index < 0) {
        throw new RangeError(`generator index must be a non-negative safe integer, got ${index}`);
      }
      const body = build(generatorRng(meta.name, meta.version, difficulty, index), difficulty);
      return {
        id: generatedTaskId(meta.name, meta.version, difficulty, index),
        domain: meta.domain,
        difficulty,
        question: body.question,
        choices: body.choices ?? null,
        answer: body.answer,
        answer_index: body.answer_index ?? null,
        aliases: body.aliases ?? [],
        grader: body.grader,
        adversarial: body.adversarial,
        answerable: true,
        unanswerable: null,
        source: {
          kind: "generated",
          dataset: `gen/${meta.name}`,
          config: null,
          split: "generated",
          index,
          revision: `v${meta.version}`,
          license: "MIT",
        },
      };
    },
  };
}

/**
 * Retries a builder until it accepts its draw (returns non-null). The rng keeps advancing, so the result is
 * still a pure function of the seed; the cap turns a generator bug into an error instead of a hang.
 */
export function drawUntil<T>(rng: Rng, attempt: (rng: Rng) => T | null, maxTries = 500): T {
  for (let i = 0; i < maxTries; i++) {
    const out = attempt(rng);
    if (out !== null) return out;
  }
  throw new Error(`generator could not draw an acceptable item in ${maxTries} tries`);
}
