// What reset accepts: OpenEnv's seed and episode_id plus ECHO's extra keys.
import { z } from "zod";
import { ResponseFormat } from "../core/response-format.js";
import { Difficulty, Domain, EvalTaskName, Phase } from "../core/taxonomy.js";

export const ResetOptions = z
  .object({
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullish().describe("Same seed, same question"),
    episode_id: z
      .string()
      .min(1)
      .max(255)
      .nullish()
      .describe(
        "Id for the new episode (default: a fresh UUID); over HTTP it must not name an unfinished episode (409)",
      ),
    task_id: z.string().min(1).max(200).nullish().describe("Play this exact question"),
    domain: Domain.nullish().describe("Draw from this domain only"),
    difficulty: Difficulty.nullish().describe("Draw at this difficulty only"),
    phase: Phase.nullish().describe(
      "Draw with this phase's difficulty mix (default: the curriculum's phase)",
    ),
    reward_preset: z.string().min(1).max(64).nullish().describe("Reward preset for this episode"),
    answerable: z
      .boolean()
      .nullish()
      .describe(
        "false: draw only questions that cannot be answered (declining is right); true: never draw them; " +
          "absent: none in phases 1-2, a share of phase-3 draws (UNANSWERABLE_SHARE, 10%)",
      ),
    response_format: ResponseFormat.nullish().describe(
      "How the model is asked to answer and how its response is read: tags (default, " +
        "<confidence>N</confidence><answer>...</answer>) or answer_line (a last line 'ANSWER: ... with N% confidence')",
    ),
    task: EvalTaskName.nullish().describe(
      "Draw for one of the evaluation tasks (see GET /tasks); the episode counts for its score unless " +
        "task_id, domain, or another phase or difficulty overrides the task's draw",
    ),
  })
  .loose()
  .meta({ id: "ResetRequest" })
  .describe("null counts as absent, as in OpenEnv's reference server");
export type ResetOptions = z.infer<typeof ResetOptions>;
