// Stateless batch scoring for POST /reward, the hot path: one preset for the whole batch, no per-item parsing
// beyond the request schema, and a failed item costs only its own reward.
import type { EpisodeRecord } from "../core/episode-record.js";
import { type GroupedItem, type GroupSignals, groupSignalsOf } from "../core/group-signals.js";
import type { ParseOptions } from "../core/parse-response.js";
import type { RewardPreset } from "../core/reward/preset.js";
import type { TokenCounts } from "../core/reward/reward-input.js";
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
  /** Per group id of the items that carry one, its self-consistency signals; empty when none does. */
  groups: Record<string, GroupSignals>;
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
 * A scored item's result, field by field: spreading scoredFields into a wider object made every result a slow
 * object, and /reward ran at half its speed.
 */
function resultOf(scored: ScoredResponse, task: Task): RewardResult {
  const f = scoredFields(scored);
  return {
    reward: f.reward,
    components: f.components,
    is_correct: f.is_correct,
    score: f.score,
    parsed_confidence: f.parsed_confidence,
    parsed_answer: f.parsed_answer,
    abstained: f.abstained,
    format: f.format,
    grading_method: f.grading_method,
    domain: task.domain,
    difficulty: task.difficulty,
    error: null,
  };
}

/** An item's own response format overrides the batch's; no new object for an item that names none. */
function parseOptionsOf(item: RewardItem, batch: ParseOptions | undefined): ParseOptions | undefined {
  return item.response_format === undefined ? batch : { ...batch, responseFormat: item.response_format };
}

/** The item's token counts; the request schema lets them through only together. */
function tokensOf(item: RewardItem): TokenCounts | undefined {
  return item.completion_tokens === undefined && item.max_tokens === undefined
    ? undefined
    : { completion_tokens: item.completion_tokens, max_tokens: item.max_tokens };
}

/**
 * Scores a batch in order; items with an unknown task id or an over-long response get a null reward and an
 * error. Each item is read in its own response format and pays its own length term; items carrying a `group`
 * are summarised per group (a failed item is an unreadable member). Reads the bank, the curriculum's phase, the
 * clock and ids from `service`; stores nothing.
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
  const grouped: GroupedItem[] = [];
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
      if (item.group !== undefined) grouped.push({ group: item.group, scored: null });
      continue;
    }
    const task = item.task_id === lastId ? lastTask : service.bank.get(item.task_id);
    lastId = item.task_id;
    lastTask = task;
    if (!task) {
      rewards[i] = null;
      results[i] = failed(unknownTaskMessage(item.task_id));
      if (item.group !== undefined) grouped.push({ group: item.group, scored: null });
      continue;
    }
    let scored: ScoredResponse;
    try {
      scored = scoreResponse(
        task,
        item.response,
        preset,
        parseOptionsOf(item, options.parse),
        tokensOf(item),
      );
    } catch (error) {
      // Graders never throw by contract; if one does, only this item fails.
      rewards[i] = null;
      results[i] = failed(`could not grade this item: ${(error as Error).message}`);
      if (item.group !== undefined) grouped.push({ group: item.group, spec: task, scored: null });
      continue;
    }
    if (item.group !== undefined) grouped.push({ group: item.group, spec: task, scored });
    rewards[i] = scored.reward.total;
    results[i] = resultOf(scored, task);
    if (options.record) {
      const episode = { episode_id: service.newId(), task, phase, preset, seed: null, created_at: createdAt };
      records.push(toRecord(episode, item.response, scored, BATCH, service.clock()));
    }
  }
  return { rewards, results, records, groups: groupSignalsOf(grouped) };
}
