// POST /reward: stateless batch scoring for GRPO trainers, the hot path: one preset lookup per batch, no
// per-item parsing beyond the request schema, and a failed item costs only its own reward.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { EpisodeRecord } from "../../core/episode-record.js";
import type { RewardPreset } from "../../core/reward/preset.js";
import type { EchoService } from "../../env/echo-service.js";
import { unknownTaskMessage } from "../../env/errors.js";
import { MAX_RESPONSE_CHARS } from "../../env/observation.js";
import type { Task } from "../../tasks/task.js";
import { serverError } from "../error-table.js";
import { ErrorReply, UnprocessableReply } from "../schemas/error-reply.js";
import { type RewardItem, RewardReply, RewardRequest, type RewardResult } from "../schemas/reward-batch.js";

export interface ScoredBatch {
  reply: RewardReply;
  /** History records of the scored items (empty unless `record`). */
  records: EpisodeRecord[];
}

function failed(error: string): RewardResult {
  return {
    reward: null,
    components: null,
    is_correct: null,
    score: null,
    parsed_confidence: null,
    parsed_answer: null,
    abstained: null,
    format: null,
    grading_method: null,
    domain: null,
    difficulty: null,
    error,
  };
}

const tooLong = (length: number) =>
  `response is ${length} characters long, over the limit of ${MAX_RESPONSE_CHARS} (MAX_RESPONSE_CHARS); ` +
  "this item is not scored";

/** Scores a batch in order; items with an unknown task id or an over-long response get a null reward and an error. */
export function scoreBatch(
  service: EchoService,
  items: readonly RewardItem[],
  preset: RewardPreset,
  record: boolean,
): ScoredBatch {
  const n = items.length;
  const rewards: (number | null)[] = new Array(n);
  const results: RewardResult[] = new Array(n);
  const records: EpisodeRecord[] = [];
  // A batch item has no reset of its own: it counts in the current phase, created when the batch arrived.
  const phase = service.curriculum.phase;
  const createdAt = service.clock();
  // GRPO sends each prompt's completions side by side: reuse the last lookup (generated tasks are rebuilt).
  let lastId: string | undefined;
  let lastTask: Task | undefined;
  for (let i = 0; i < n; i++) {
    const item = items[i] as RewardItem;
    if (item.response.length > MAX_RESPONSE_CHARS) {
      rewards[i] = null;
      results[i] = failed(tooLong(item.response.length));
      continue;
    }
    const task = item.task_id === lastId ? lastTask : service.bank.get(item.task_id);
    lastId = item.task_id;
    lastTask = task;
    if (!task) {
      rewards[i] = null;
      results[i] = failed(unknownTaskMessage(item.task_id));
      continue;
    }
    let scored: ReturnType<EchoService["score"]>;
    try {
      scored = service.score(task, item.response, preset);
    } catch (error) {
      // Graders never throw by contract; if one does, only this item fails.
      rewards[i] = null;
      results[i] = failed(`could not grade this item: ${(error as Error).message}`);
      continue;
    }
    const { parsed, grade, reward } = scored;
    rewards[i] = reward.total;
    results[i] = {
      reward: reward.total,
      components: reward.components,
      is_correct: grade.correct,
      score: grade.score,
      parsed_confidence: parsed.confidence,
      parsed_answer: parsed.answer,
      abstained: parsed.abstained,
      format: parsed.format,
      grading_method: grade.method,
      domain: task.domain,
      difficulty: task.difficulty,
      error: null,
    };
    if (record) {
      const episode = { episode_id: service.newId(), task, phase, preset, seed: null, created_at: createdAt };
      records.push(service.recordOf(episode, item.response, scored, "batch", null));
    }
  }
  return { reply: { rewards, results, reward_preset: preset.name, recorded: records.length }, records };
}

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
          "(reward null, error set). At most " +
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
      const { reply, records } = scoreBatch(app.echo, items, preset, record);
      const outcome =
        "the batch was not recorded and no reward is returned (send it again, or with record: false)";
      if (records.length > 0) await app.echo.record(records, outcome);
      return reply;
    },
  );
};
