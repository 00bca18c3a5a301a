// The one task model every source (generators, curated bank, Hub datasets) produces.
import { z } from "zod";
import { GraderKind } from "../core/grading/grade-result.js";
import { Difficulty, Domain } from "../core/taxonomy.js";

export const SOURCE_KINDS = ["generated", "curated", "hub"] as const;

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
    source: TaskSource,
    answerable: z.boolean().optional().describe("False for questions whose right answer is to decline"),
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
  });
export type Task = z.infer<typeof Task>;

/** Letter for an option index: 0 -> "A". */
export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}
