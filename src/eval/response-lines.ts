// Reads a JSONL file of model responses into gradable entries, turning every bad line into a reported problem.
import { z } from "zod";
import { GraderKind, type GradingSpec } from "../core/grading/grade-result.js";
import { looksMathematical } from "../core/grading/math/looks-mathematical.js";
import { Difficulty, Domain } from "../core/taxonomy.js";
import { describeIssues } from "../core/validation-issues.js";
import { optionLetter, type Task } from "../tasks/task.js";

const response = z
  .string()
  .nullable()
  .describe("The model's full response text; null when it produced nothing (graded as an empty response)");

/** A response to a task of the bank, found by id (curated, generated or cached Hub). */
export const BankResponseLine = z
  .object({
    task_id: z.string().min(1).describe("Id of a task in the bank, e.g. 'curated/factual/easy/001'"),
    response,
  })
  .meta({ id: "BankResponseLine" });

/** A response to a task outside the bank, carrying its own gold answer. */
export const OpenResponseLine = z
  .object({
    task_id: z.string().min(1).optional().describe("Optional id, used to pair runs in a comparison"),
    question: z.string().min(1).describe("The question that was asked"),
    response,
    answer: z
      .union([z.string().min(1), z.number().finite(), z.boolean()])
      // JSON writers give numbers and booleans as such: 4 is "4", true is "yes".
      .transform((a) => (typeof a === "boolean" ? (a ? "yes" : "no") : String(a)))
      .describe(
        "Gold answer (a string, number or boolean); for multiple choice the option letter or its text",
      ),
    grader: GraderKind.optional().describe(
      "How to grade; inferred when absent: choices -> multiple_choice, a number -> numeric, yes or no (or a " +
        "boolean) -> yes_no, mathematical notation (LaTeX, an expression, a tuple or interval) -> math, else " +
        "free_text",
    ),
    aliases: z.array(z.string()).optional().describe("Other accepted answers"),
    choices: z.array(z.string().min(1)).min(2).max(26).nullable().optional().describe("Answer options"),
    domain: Domain.optional(),
    difficulty: Difficulty.nullable().optional(),
  })
  .meta({ id: "OpenResponseLine" });
export type OpenResponseLine = z.infer<typeof OpenResponseLine>;

export const PROBLEM_KINDS = ["invalid_json", "invalid_line", "invalid_gold", "unknown_task_id"] as const;

export const LineProblem = z
  .object({
    line: z.number().int().min(1).describe("1-based line number in the input file"),
    kind: z.enum(PROBLEM_KINDS).describe("What was wrong with the line"),
    message: z.string().describe("Human-readable explanation"),
  })
  .meta({ id: "LineProblem" });
export type LineProblem = z.infer<typeof LineProblem>;

/** One gradable line: the spec to grade against plus what the metrics group by. */
export interface ResponseEntry {
  line: number;
  /** Pairs records across runs: the task id, or the question text for an unnamed out-of-bank task. */
  key: string;
  taskId: string | null;
  spec: GradingSpec;
  domain: Domain | null;
  difficulty: Difficulty | null;
  response: string | null;
}

export interface ReadLines {
  entries: ResponseEntry[];
  problems: LineProblem[];
  /** Non-blank lines read. */
  total: number;
}

const YES_OR_NO = /^\s*(yes|no)\s*$/i;

/**
 * The grader for a gold answer given without one: options -> multiple_choice, a number -> numeric, yes or no
 * -> yes_no, other mathematical notation -> math, else free_text (as `echo-env score --gold` and eval lines
 * without a grader do).
 * @example inferGrader("42", []) // "numeric"
 * @example inferGrader("\\frac{14}{3}", []) // "math"
 */
export function inferGrader(answer: string, choices: readonly string[]): GraderKind {
  if (choices.length > 0) return "multiple_choice";
  const gold = answer.trim();
  // Plain numbers keep the numeric grader's fast path; `\frac{14}{3}`, `(3, -4)`, `x^2-1` need math.
  if (gold !== "" && Number.isFinite(Number(gold))) return "numeric";
  if (YES_OR_NO.test(answer)) return "yes_no";
  return looksMathematical(gold) ? "math" : "free_text";
}

/** The grading spec of an out-of-bank line, or a message saying why its gold is unusable. */
export function openSpec(line: OpenResponseLine): GradingSpec | string {
  const choices = line.choices ?? [];
  const grader = line.grader ?? inferGrader(line.answer, choices);
  if (grader !== "multiple_choice") return { grader, answer: line.answer, aliases: line.aliases ?? [] };
  const gold = line.answer.trim();
  // A single letter is a letter (as in `echo-env score`), anything else the text of an option.
  const index = /^[A-Za-z]$/.test(gold)
    ? gold.toUpperCase().charCodeAt(0) - 65
    : choices.findIndex((c) => c.trim().toLowerCase() === gold.toLowerCase());
  if (index < 0 || index >= choices.length) {
    return choices.length === 0
      ? "a multiple_choice line needs choices"
      : `answer must be an option letter (A to ${optionLetter(choices.length - 1)}) or an option's text`;
  }
  return { grader, answer: optionLetter(index), aliases: [], choices, answer_index: index };
}

const issuesOf = (error: z.ZodError) => describeIssues(error.issues, "(line)");

/**
 * Parses JSONL text; never throws. A line naming a task the bank knows is graded against the bank (its own
 * answer field, if any, is ignored); otherwise a line with question and answer is graded as given; anything
 * else becomes a numbered problem. Blank lines are skipped.
 * @example readResponseLines('{"task_id":"x","response":"<confidence>9</confidence><answer>4</answer>"}', bank.get)
 */
export function readResponseLines(text: string, lookup: (id: string) => Task | undefined): ReadLines {
  const entries: ResponseEntry[] = [];
  const problems: LineProblem[] = [];
  let total = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return;
    total++;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      problems.push({ line, kind: "invalid_json", message: `not valid JSON (${(error as Error).message})` });
      return;
    }
    const named = BankResponseLine.safeParse(json);
    const task = named.success ? lookup(named.data.task_id) : undefined;
    if (named.success && task) {
      const { domain, difficulty } = task;
      entries.push({
        line,
        key: task.id,
        taskId: task.id,
        spec: task,
        domain,
        difficulty,
        response: named.data.response,
      });
      return;
    }
    const open = OpenResponseLine.safeParse(json);
    if (open.success) {
      const spec = openSpec(open.data);
      if (typeof spec === "string") {
        problems.push({ line, kind: "invalid_gold", message: spec });
        return;
      }
      const { task_id, question, domain, difficulty } = open.data;
      entries.push({
        line,
        key: task_id ?? `question:${question.trim()}`,
        taskId: task_id ?? null,
        spec,
        domain: domain ?? null,
        difficulty: difficulty ?? null,
        response: open.data.response,
      });
      return;
    }
    if (named.success) {
      const message = `unknown task id "${named.data.task_id}" (not in the bank; add question and answer to grade it)`;
      problems.push({ line, kind: "unknown_task_id", message });
      return;
    }
    // Name the issues of the shape the line seems to attempt.
    const looksOpen = typeof json === "object" && json !== null && ("question" in json || "answer" in json);
    const error = looksOpen ? open.error : named.error;
    const message = `expected {task_id, response} or {question, response, answer, ...}: ${issuesOf(error)}`;
    problems.push({ line, kind: "invalid_line", message });
  });
  return { entries, problems, total };
}
