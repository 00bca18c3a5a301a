// The explicit registry of procedural generators, and the reading of a generated task id (TaskBank.get
// regenerates a task from it).
import { DIFFICULTIES, type Difficulty } from "../../core/taxonomy.js";
import { arithmeticGenerator } from "./arithmetic/arithmetic.js";
import { dateArithmeticGenerator } from "./date-arithmetic/date-arithmetic.js";
import type { Generator } from "./generator.js";
import { logicSequenceGenerator } from "./logic-sequence/logic-sequence.js";
import { logicSyllogismGenerator } from "./logic-syllogism/logic-syllogism.js";
import { pythonOutputGenerator } from "./python-output/python-output.js";
import { unitConversionGenerator } from "./unit-conversion/unit-conversion.js";

export const GENERATORS: readonly Generator[] = [
  arithmeticGenerator,
  unitConversionGenerator,
  dateArithmeticGenerator,
  logicSequenceGenerator,
  logicSyllogismGenerator,
  pythonOutputGenerator,
];

export interface GeneratedId {
  name: string;
  version: number;
  difficulty: Difficulty;
  index: number;
}

const ID_PATTERN = /^gen\/([a-z0-9]+(?:-[a-z0-9]+)*)\/v(0|[1-9]\d*)\/([a-z]+)\/(0|[1-9]\d*)$/;

/**
 * Reads a generated task id; null for anything else. Only the canonical spelling parses (no leading zeros),
 * so each task has exactly one id.
 * @example parseGeneratedId("gen/arithmetic/v1/hard/981") // { name: "arithmetic", version: 1, difficulty: "hard", index: 981 }
 */
export function parseGeneratedId(id: string): GeneratedId | null {
  const m = ID_PATTERN.exec(id);
  if (!m) return null;
  const difficulty = DIFFICULTIES.find((d) => d === m[3]);
  const version = Number(m[2]);
  const index = Number(m[4]);
  if (!difficulty || !Number.isSafeInteger(version) || !Number.isSafeInteger(index)) return null;
  return { name: m[1] as string, version, difficulty, index };
}
