// The per-item wire shapes of POST /reward batch scoring: an item in, its result out.
import { z } from "zod";
import { FormatVerdict } from "../core/format-verdict.js";
import { GroupId } from "../core/group-signals.js";
import { RESPONSE_FORMATS } from "../core/response-format.js";
import { RewardComponents } from "../core/reward/reward-breakdown.js";
import { Difficulty, Domain } from "../core/taxonomy.js";
import { MAX_RESPONSE_CHARS } from "./observation.js";

export const RewardItem = z
  .object({
    task_id: z
      .string()
      .max(1024)
      .describe(
        "Id of the question the response answers (from /reset or /questions); an unknown id fails only this item",
      ),
    // No .max() here: one runaway completion must fail only its own item, not the batch (see scoreBatch).
    response: z
      .string()
      .describe(
        "The model's full completion, e.g. '<confidence>72</confidence><answer>Canberra</answer>'; one longer " +
          `than ${MAX_RESPONSE_CHARS} characters fails only this item`,
      ),
    // Optional without a default: an item that leaves it out is read exactly as before (tags).
    response_format: z
      .enum(RESPONSE_FORMATS)
      .optional()
      .describe(
        "How this response is read: tags (the default) wants <confidence>N</confidence><answer>...</answer>; " +
          "answer_line wants a final line such as 'ANSWER: YES with 90% probability'. Send the format the " +
          "prompt asked for (/reset's response_format)",
      ),
    completion_tokens: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe(
        "Tokens the completion used, for a preset's length term; send it with max_tokens (one without the " +
          "other is refused), never above it. Without both the length term is 0",
      ),
    max_tokens: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe(
        "The completion's token budget (the trainer's max_completion_length), for a preset's length term; " +
          "send it with completion_tokens",
      ),
    group: GroupId.optional().describe(
      "Id shared by the generations of one prompt (TRL passes them together), e.g. the prompt's index in " +
        "the call; the reply's groups summarises each id (agreement, majority and weighted votes). Items " +
        "without one are in no group",
    ),
  })
  // Whole-batch 422s, as for any malformed field: a lone or inconsistent token count is a client bug that
  // would otherwise pay a silent length term of 0 (or a penalty for an impossible fraction) on every item.
  .superRefine((item, ctx) => {
    const { completion_tokens: used, max_tokens: budget } = item;
    if ((used === undefined) !== (budget === undefined)) {
      const missing = used === undefined ? "completion_tokens" : "max_tokens";
      ctx.addIssue({
        code: "custom",
        path: [missing],
        message:
          `${missing} is missing: completion_tokens and max_tokens go together (the length term needs ` +
          "both); send both, or neither to leave the length term at 0",
      });
    } else if (used !== undefined && budget !== undefined && used > budget) {
      ctx.addIssue({
        code: "custom",
        path: ["completion_tokens"],
        message:
          `completion_tokens (${used}) is over max_tokens (${budget}): a completion uses at most its ` +
          "budget (a truncated one uses exactly max_tokens)",
      });
    }
  })
  .meta({ id: "RewardItem" });
export type RewardItem = z.infer<typeof RewardItem>;

const orNull = (what: string) => `${what}; null when the item failed`;

export const RewardResult = z
  .object({
    reward: z.number().nullable().describe(orNull("Total reward paid")),
    components: RewardComponents.nullable().describe(orNull("The reward's named terms")),
    is_correct: z.boolean().nullable().describe(orNull("Whether the grader judged the answer correct")),
    score: z.number().min(0).max(1).nullable().describe(orNull("Grader's credit in [0, 1]")),
    parsed_confidence: z
      .number()
      .int()
      .min(0)
      .max(100)
      .nullable()
      .describe(orNull("Confidence the reward used, percent")),
    parsed_answer: z.string().nullable().describe(orNull("Answer the parser extracted")),
    abstained: z.boolean().nullable().describe(orNull("Whether the model said it does not know")),
    format: FormatVerdict.nullable().describe(orNull("Format verdict of the response")),
    grading_method: z.string().nullable().describe(orNull("Which grading rule decided")),
    domain: Domain.nullable().describe(orNull("Domain of the task")),
    difficulty: Difficulty.nullable().describe(orNull("Difficulty of the task")),
    error: z
      .string()
      .nullable()
      .describe(
        "Why this item could not be scored (an unknown task id, an over-long response), or null when it was",
      ),
  })
  .meta({ id: "RewardResult" });
export type RewardResult = z.infer<typeof RewardResult>;
