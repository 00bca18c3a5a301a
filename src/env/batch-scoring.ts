// Stateless batch scoring for POST /reward, the hot path: one preset for the whole batch, no per-item parsing
// beyond the request schema, and a failed item costs only its own reward.
import type { EpisodeRecord } from "../core/episode-record.js";
import type { ParseOptions } from "../core/parse-response.js";
import type { RewardPreset } from "../core/reward/preset.js";
import { type ScoredResponse, scoredFields, scoreResponse } from "../core/score-response.js";
import type { Task } from "../tasks/task.js";
import type { RewardItem, RewardResult } from "./batch-schemas.js";
import type { EchoService } from "./echo-service.js";
import { unknownTaskMessage } from "./errors.js";
import { MAX_RESPONSE_CHARS } from "./observation.js";
import { toRecord } from "./to-record.js";

/**
 * How a batch is scored: one object from the route to scoreResponse, so a batch-wide option (the response
 * format, say) is one field here and one argument there.
 */
export interface BatchOptions {
  preset: RewardPreset;
  /** Build a history record for every scored item (channel "batch"). */
  record: boolean;
  /** How every item's response is read (response format, default confidence...). */
  parse?: ParseOptions;
}

export interface ScoredBatch {
  /** One reward per item, in order; null for an item that failed. */
  rewards: (number | null)[];
  results: RewardResult[];
  /** History records of the scored items (empty unless `record`); the caller commits them. */
  records: EpisodeRecord[];
}

const BATCH = { channel: "batch", session_id: null } as const;

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

/**
 * Scores a batch in order; items with an unknown task id or an over-long response get a null reward and an
 * error. Reads the bank, the curriculum's phase, the clock and ids from `service`; stores nothing.
 * @example scoreBatch(service, [{ task_id, response }], { preset, record: false }).rewards[0]
 */
export function scoreBatch(
  service: Pick<EchoService, "bank" | "curriculum" | "clock" | "newId">,
  items: readonly RewardItem[],
  options: BatchOptions,
): ScoredBatch {
  const { preset } = options;
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
    let scored: ScoredResponse;
    try {
      scored = scoreResponse(task, item.response, preset, options.parse);
    } catch (error) {
      // Graders never throw by contract; if one does, only this item fails.
      rewards[i] = null;
      results[i] = failed(`could not grade this item: ${(error as Error).message}`);
      continue;
    }
    rewards[i] = scored.reward.total;
    results[i] = { ...scoredFields(scored), domain: task.domain, difficulty: task.difficulty, error: null };
    if (options.record) {
      const episode = { episode_id: service.newId(), task, phase, preset, seed: null, created_at: createdAt };
      records.push(toRecord(episode, item.response, scored, BATCH, service.clock()));
    }
  }
  return { rewards, results, records };
}
