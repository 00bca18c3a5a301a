// Small hand-made tasks and a toy generator, for testing the bank and sampler without the real content.
import type { Difficulty, Domain } from "../../src/core/taxonomy.js";
import { defineGenerator } from "../../src/tasks/generators/generator.js";
import type { Task } from "../../src/tasks/task.js";

export function fakeTask(
  domain: Domain,
  difficulty: Difficulty,
  n: number,
  overrides: Partial<Task> = {},
  kind: Task["source"]["kind"] = "curated",
): Task {
  return {
    id: `${kind}/${domain}/${difficulty}/${n}`,
    domain,
    difficulty,
    question: `Question ${n} about ${domain} (${difficulty})?`,
    choices: null,
    answer: `answer ${n}`,
    answer_index: null,
    aliases: [],
    grader: "free_text",
    adversarial: false,
    answerable: true,
    unanswerable: null,
    source: {
      kind,
      dataset: kind === "hub" ? "fake/dataset" : "echo-curated",
      config: domain,
      split: kind === "hub" ? "train" : "curated",
      index: n,
      revision: "v1",
      license: "MIT",
    },
    ...overrides,
  };
}

/** A generator whose answer is a sum; every 4th hard item is adversarial. */
export const toyGenerator = defineGenerator(
  { name: "toy-sum", version: 1, domain: "math", description: "adds two numbers" },
  (rng, difficulty) => {
    const max = difficulty === "easy" ? 9 : difficulty === "medium" ? 99 : 999;
    const a = rng.int(0, max);
    const b = rng.int(0, max);
    return {
      question: `What is ${a} + ${b}?`,
      answer: String(a + b),
      grader: "numeric",
      adversarial: difficulty === "hard" && a % 4 === 0,
    };
  },
);
