import { describe, expect, it } from "vitest";
import { openSpec, readResponseLines } from "../../src/eval/response-lines.js";
import { loadBank } from "../../src/tasks/load-bank.js";
import { MIXED_GRADED, MIXED_LINES, MIXED_PROBLEMS } from "./fixtures.js";

const { bank } = loadBank("/nonexistent-echo");
const lookup = (id: string) => bank.get(id);

describe("readResponseLines", () => {
  it("reads nothing from empty or blank text", () => {
    for (const text of ["", "\n\n", "  \r\n  "]) {
      expect(readResponseLines(text, lookup)).toEqual({ entries: [], problems: [], total: 0 });
    }
  });

  it("keeps good lines, numbers every bad one and never throws", () => {
    const { entries, problems, total } = readResponseLines(MIXED_LINES, lookup);
    expect(total).toBe(12);
    expect(entries.map((e) => e.line)).toEqual(MIXED_GRADED.map(([line]) => line));
    expect(problems.map((p) => [p.line, p.kind])).toEqual(MIXED_PROBLEMS);
    expect(problems.find((p) => p.line === 4)?.message).toMatch(/unknown task id "no\/such\/task"/);
    expect(problems.find((p) => p.line === 7)?.message).toMatch(/option letter \(A to B\)/);
  });

  it("takes domain and difficulty from the bank, or from the line, or leaves them unspecified", () => {
    const byLine = new Map(readResponseLines(MIXED_LINES, lookup).entries.map((e) => [e.line, e]));
    expect(byLine.get(1)).toMatchObject({
      key: "curated/factual/easy/001",
      domain: "factual",
      difficulty: "easy",
    });
    expect(byLine.get(9)).toMatchObject({
      domain: "math",
      difficulty: "easy",
      taskId: "gen/arithmetic/v1/easy/3",
    });
    expect(byLine.get(5)).toMatchObject({
      key: "question:Who wrote Hamlet?",
      domain: "creative",
      taskId: null,
    });
    expect(byLine.get(6)).toMatchObject({ domain: null, difficulty: null });
    expect(byLine.get(13)).toMatchObject({ key: "my/own/1", taskId: "my/own/1" });
    expect(byLine.get(10)?.response).toBeNull();
  });

  it("handles CRLF line endings", () => {
    const text = MIXED_LINES.split("\n").slice(0, 4).join("\r\n");
    expect(readResponseLines(text, lookup).entries.map((e) => e.line)).toEqual([1]);
  });
});

describe("openSpec", () => {
  const line = { question: "q", response: "r" };
  it("infers the grader like echo-env score", () => {
    expect(openSpec({ ...line, answer: "42" })).toMatchObject({ grader: "numeric" });
    expect(openSpec({ ...line, answer: " 3.5 " })).toMatchObject({ grader: "numeric" });
    expect(openSpec({ ...line, answer: "Lima" })).toMatchObject({ grader: "free_text", aliases: [] });
    expect(openSpec({ ...line, answer: "yes", grader: "yes_no" })).toMatchObject({ grader: "yes_no" });
    expect(openSpec({ ...line, answer: " No " })).toMatchObject({ grader: "yes_no" });
    expect(openSpec({ ...line, answer: "yes, mostly" })).toMatchObject({ grader: "free_text" });
  });

  it("infers math for mathematical golds that are not plain numbers, and accepts an explicit math grader", () => {
    for (const answer of ["\\frac{14}{3}", "(3, -4)", "x^2 - 1", "[0, 5)", "3-4i", "1011_2", "2\\sqrt{2}"]) {
      expect(openSpec({ ...line, answer }), answer).toMatchObject({ grader: "math" });
    }
    for (const answer of ["-12", "0.75", "1e3"]) {
      expect(openSpec({ ...line, answer }), answer).toMatchObject({ grader: "numeric" });
    }
    const explicit = readResponseLines(
      JSON.stringify({
        question: "q",
        response: "<answer>$\\dfrac{14}{3}$</answer>",
        answer: "14/3",
        grader: "math",
      }),
      lookup,
    );
    expect(explicit.problems).toEqual([]);
    expect(explicit.entries[0]?.spec).toMatchObject({ grader: "math", answer: "14/3" });
  });

  it("reads a gold given as a JSON number or boolean", () => {
    const read = (answer: unknown) =>
      readResponseLines(
        JSON.stringify({ question: "q", response: "<confidence>80</confidence><answer>4</answer>", answer }),
        lookup,
      );
    const four = read(4);
    expect(four.problems).toEqual([]);
    expect(four.entries[0]?.spec).toMatchObject({ grader: "numeric", answer: "4" });
    expect(read(true).entries[0]?.spec).toMatchObject({ grader: "yes_no", answer: "yes" });
    expect(read(false).entries[0]?.spec).toMatchObject({ grader: "yes_no", answer: "no" });
    expect(read(null).problems[0]?.kind).toBe("invalid_line");
    expect(read("").problems[0]?.kind).toBe("invalid_line");
  });

  it("reads a multiple-choice gold as a letter or as an option's text", () => {
    const choices = ["Mars", "Jupiter", "Venus"];
    expect(openSpec({ ...line, choices, answer: "b" })).toMatchObject({ answer: "B", answer_index: 1 });
    expect(openSpec({ ...line, choices, answer: "venus" })).toMatchObject({ answer: "C", answer_index: 2 });
    expect(openSpec({ ...line, choices, answer: "D" })).toMatch(/A to C/);
    expect(openSpec({ ...line, choices: null, answer: "A", grader: "multiple_choice" })).toMatch(
      /needs choices/,
    );
  });
});
