// The one task model every source (generators, curated bank, Hub datasets) produces.
import { z } from "zod";
import { GraderKind } from "../core/grading/grade-result.js";
import { Difficulty, Domain } from "../core/taxonomy.js";

export const SOURCE_KINDS = ["generated", "curated", "hub"] as const;

/** Why a question cannot be answered (issue 18's five kinds). */
export const UNANSWERABLE_KINDS = [
  "future",
  "private",
  "false_premise",
  "missing_context",
  "ambiguous",
] as const;

export const Unanswerability = z
  .object({
    kind: z
      .enum(UNANSWERABLE_KINDS)
      .describe(
        "future: not yet happened; private: nobody outside could know; false_premise: rests on something " +
          "untrue; missing_context: refers to something not given; ambiguous: several readings, no one answer",
      ),
    reason: z.string().trim().min(1).describe("Why no answer can be right, written by the task's author"),
  })
  .meta({ id: "Unanswerability" });
export type Unanswerability = z.infer<typeof Unanswerability>;

export const TaskSource = z
  .object({
    kind: z
      .enum(SOURCE_KINDS)
      .describe("generated (procedural), curated (shipped in tasks/) or hub (real dataset)"),
    dataset: z.string().describe("Generator name, curated file, or Hub repo id (e.g. 'openai/gsm8k')"),
    config: z.string().nullable().describe("Dataset config (e.g. 'ARC-Challenge'), or null"),
    split: z.string().describe("Split the row came from (train/validation/test), or 'generated'/'curated'"),
    index: z.number().int().min(0).describe("Row index within the split, or the generator's item index"),
    revision: z.string().nullable().describe("Resolved commit SHA, generator version, or null"),
    license: z.string().describe("License of the underlying data"),
  })
  .meta({ id: "TaskSource" });
export type TaskSource = z.infer<typeof TaskSource>;

/** Longest passage a task may carry: it is shown whole in every prompt. */
export const MAX_PASSAGE_CHARS = 6000;

export const Task = z
  .object({
    id: z
      .string()
      .min(1)
      .max(200)
      .describe(
        "Stable id, e.g. 'gsm8k/train/1234' or 'gen/arithmetic/v1/hard/981'; the task can be found from it",
      ),
    domain: Domain,
    difficulty: Difficulty,
    question: z.string().min(1).describe("The question text, without the answer options"),
    passage: z
      .string()
      .min(1)
      .max(MAX_PASSAGE_CHARS)
      .nullish()
      .describe(
        "Text the question is about (reading comprehension), shown before it in the prompt; else absent",
      ),
    choices: z
      .array(z.string().min(1))
      .min(2)
      .max(26)
      .nullable()
      .describe("Answer options, shown lettered A, B, C...; null for open questions"),
    answer: z.string().min(1).describe("Gold answer: a number, an option letter, 'yes'/'no', or text"),
    answer_index: z.number().int().min(0).nullable().describe("Index of the correct option, or null"),
    aliases: z.array(z.string()).describe("Other accepted forms of the answer (free-text and fuzzy grading)"),
    grader: GraderKind,
    adversarial: z.boolean().describe("Chosen to tempt confident wrong answers (used in curriculum phase 3)"),
    answerable: z
      .boolean()
      .default(true)
      .describe(
        "false for a question no one can answer (grader 'unanswerable'): declining is the right answer",
      ),
    unanswerable: Unanswerability.nullable()
      .default(null)
      .describe("Why the question cannot be answered; required when answerable is false, else null"),
    source: TaskSource,
  })
  .meta({ id: "Task" })
  .superRefine((task, ctx) => {
    if (task.grader === "multiple_choice") {
      if (!task.choices || task.answer_index === null || task.answer_index >= task.choices.length) {
        ctx.addIssue({
          code: "custom",
          message: "a multiple_choice task needs choices and an answer_index inside them",
          path: ["answer_index"],
        });
      } else if (task.answer !== String.fromCharCode(65 + task.answer_index)) {
        ctx.addIssue({
          code: "custom",
          message: `answer must be the letter of answer_index (${String.fromCharCode(65 + task.answer_index)})`,
          path: ["answer"],
        });
      }
    } else if (task.choices !== null || task.answer_index !== null) {
      ctx.addIssue({
        code: "custom",
        message: "only multiple_choice tasks carry choices",
        path: ["choices"],
      });
    }
    if (task.answerable !== (task.grader !== "unanswerable")) {
      ctx.addIssue({
        code: "custom",
        message: task.answerable
          ? 'an answerable task cannot use the "unanswerable" grader'
          : 'a task with answerable false must use the "unanswerable" grader',
        path: ["answerable"],
      });
    }
    if (task.answerable && task.unanswerable !== null) {
      ctx.addIssue({
        code: "custom",
        message: "unanswerable must be null when answerable is true",
        path: ["unanswerable"],
      });
    } else if (!task.answerable && task.unanswerable === null) {
      ctx.addIssue({
        code: "custom",
        message: "a task with answerable false needs unanswerable: {kind, reason}",
        path: ["unanswerable"],
      });
    }
  });
export type Task = z.infer<typeof Task>;

/** Letter for an option index: 0 -> "A". */
export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}
