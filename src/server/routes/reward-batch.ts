// POST /reward: stateless batch scoring for GRPO trainers (env/batch-scoring.ts scores; this route commits).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { scoreBatch } from "../../env/batch-scoring.js";
import { serverError } from "../error-table.js";
import { ErrorReply, UnprocessableReply } from "../schemas/error-reply.js";
import { RewardReply, RewardRequest } from "../schemas/reward-batch.js";

const NOT_RECORDED =
  "the batch was not recorded and no reward is returned (send it again, or with record: false)";

export const rewardBatchRoutes: FastifyPluginAsyncZod = async (app) => {
  const maxBatch = app.config.ECHO_MAX_BATCH;
  app.post(
    "/reward",
    {
      schema: {
        summary: "Score a batch of completions (stateless, for GRPO reward functions)",
        description:
          "Grades each {task_id, response} against its task and returns the rewards in order, with no " +
          "session or reset. An unknown task id or a response over MAX_RESPONSE_CHARS fails only its item " +
          "(reward null, error set). Each item may name its response_format, its token counts " +
          "(completion_tokens with max_tokens, for a preset's length term) and a group (one prompt's " +
          "generations); the reply's groups gives each group's agreement and votes. At most " +
          `ECHO_MAX_BATCH items per call (this server: ${maxBatch}). By default the scored items are stored ` +
          "in history and live metrics (channel 'batch'); send record: false to leave no trace. While the history " +
          "cannot be written, a recorded batch answers 503 STORAGE_UNAVAILABLE with Retry-After (nothing is " +
          "recorded); record: false keeps working.",
        tags: ["rewards"],
        body: RewardRequest,
        response: { 200: RewardReply, 413: ErrorReply, 422: UnprocessableReply, 503: ErrorReply },
      },
      // Before validation, so an oversized batch is refused without parsing its items.
      preValidation: (request, _reply, done) => {
        const items = (request.body as { items?: unknown } | null)?.items;
        if (Array.isArray(items) && items.length > maxBatch) {
          done(
            serverError(
              "BATCH_TOO_LARGE",
              { items: items.length, max_batch: maxBatch },
              { max_batch: maxBatch, items: items.length },
            ),
          );
          return;
        }
        done();
      },
    },
    async (request) => {
      const { items, reward_preset, record } = request.body;
      const preset = app.echo.preset(reward_preset);
      const { rewards, results, records, groups } = scoreBatch(app.echo, items, { preset, record });
      await app.echo.record(records, NOT_RECORDED);
      return { rewards, results, reward_preset: preset.name, recorded: records.length, groups };
    },
  );
};
