import { describe, expect, it } from "vitest";
import {
  normaliseTriviaQa,
  triviaQaDifficulty,
} from "../../../../src/tasks/sources/hub/normalise-trivia-qa.js";
import { contextFor } from "./helpers/context.js";

const context = contextFor({
  key: "trivia_qa",
  repo: "mandarjoshi/trivia_qa",
  config: "rc.nocontext",
  split: "validation",
  domain: "factual",
});
const answer = (value: string, aliases: string[], normalized = aliases.map((a) => a.toLowerCase())) => ({
  question: "Which Lloyd Webber musical premiered in the US on 10 December 1993?",
  answer: { value, aliases, normalized_aliases: normalized, type: "WikipediaEntity" },
});

describe("normaliseTriviaQa", () => {
  it("uses answer.value as gold and aliases plus normalized aliases, deduplicated, as aliases", () => {
    const task = normaliseTriviaQa(
      answer("Sunset Boulevard", ["Sunset Boulevard", "Sunset Blvd"]),
      88,
      context,
    );
    expect(task).toMatchObject({
      id: "trivia_qa/validation/88",
      answer: "Sunset Boulevard",
      aliases: ["Sunset Blvd", "sunset boulevard", "sunset blvd"],
      grader: "free_text",
      choices: null,
      answer_index: null,
      difficulty: "hard",
    });
  });

  it("refuses the unlabeled test rows (<unk>, no aliases) and malformed rows", () => {
    expect(normaliseTriviaQa(answer("<unk>", []), 0, context)).toBeNull();
    expect(normaliseTriviaQa(answer("", ["x"]), 0, context)).toBeNull();
    expect(normaliseTriviaQa({ question: "q", answer: null }, 0, context)).toBeNull();
    expect(normaliseTriviaQa({ question: "", answer: { value: "x" } }, 0, context)).toBeNull();
  });

  it("tolerates missing alias lists", () => {
    expect(normaliseTriviaQa({ question: "q", answer: { value: "x" } }, 1, context)).toMatchObject({
      answer: "x",
      aliases: [],
    });
  });
});

describe("triviaQaDifficulty", () => {
  it.each([
    [0, "hard"],
    [2, "hard"],
    [3, "medium"],
    [7, "medium"],
    [8, "easy"],
    [40, "easy"],
  ] as const)("%i aliases -> %s", (count, expected) => {
    expect(triviaQaDifficulty(count)).toBe(expected);
  });
});
