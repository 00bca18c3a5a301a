// The question catalogue without a server: listing with filters, drawing as /reset draws, never an answer.
import { describe, expect, it } from "vitest";
import { drawQuestions, listQuestions, toQuestion } from "../../src/env/question-catalogue.js";
import { loadBank } from "../../src/tasks/load-bank.js";
import { TaskSampler } from "../../src/tasks/sampler.js";

const { bank } = loadBank("/nonexistent-echo-test-data");
const page = { offset: 0, limit: 20 };

describe("the question catalogue", () => {
  it("shows a question as a model sees it, without its answer", () => {
    const task = bank.get("gen/arithmetic/v1/easy/3")!;
    const question = toQuestion(task, true);
    expect(Object.keys(question).sort()).toEqual(
      [
        "answerable",
        "choices",
        "difficulty",
        "domain",
        "messages",
        "prompt",
        "question",
        "source",
        "task_id",
      ].sort(),
    );
    expect(question.prompt).toContain("Difficulty");
    expect(toQuestion(task, false).prompt).not.toContain("Difficulty");
  });

  it("lists only the difficulties a phase asked for draws, and the current phase's prompts otherwise", () => {
    const phase1 = listQuestions(bank, { domain: "math", phase: 1 }, 3, page);
    expect(new Set(phase1.items.map((q) => q.difficulty))).toEqual(new Set(["easy"]));
    expect(phase1.total).toBe(bank.list({ domain: "math", difficulties: ["easy"] }).size);
    const all = listQuestions(bank, { domain: "math" }, 3, page);
    expect(all.total).toBe(bank.list({ domain: "math" }).size);
    expect(all.items[0]?.prompt).not.toContain("Difficulty");
    expect(listQuestions(bank, { domain: "math" }, 1, page).items[0]?.prompt).toContain("Difficulty");
  });

  it("draws as the server's sampler draws for /reset, page by page from one seeded stream", () => {
    const query = { domain: "math" as const, seed: 5 };
    const sampler = new TaskSampler(bank, 5);
    const expected = [0, 1, 2].map(() => sampler.next({ domain: "math", phase: 1 }).id);
    const first = drawQuestions(bank, query, 1, { offset: 0, limit: 3 });
    expect(first.items.map((q) => q.task_id)).toEqual(expected);
    const whole = drawQuestions(bank, query, 1, { offset: 0, limit: 6 });
    const tail = drawQuestions(bank, query, 1, { offset: 3, limit: 3 });
    expect(tail.items).toEqual(whole.items.slice(3));
  });

  it("throws NO_TASKS when nothing can be drawn", () => {
    expect(() => drawQuestions(bank, { domain: "math", difficulty: "hard" }, 1, page)).not.toThrow();
    expect(() => drawQuestions(bank, { domain: "nonexistent" as "math" }, 1, page)).toThrow(
      expect.objectContaining({ code: "NO_TASKS" }),
    );
  });
});
