// The record history keeps for a graded episode: pure, so a step, a batch and a test build it the same way.
import { type EpisodeRecord, storedText } from "../core/episode-record.js";
import { type ScoredResponse, scoredFields } from "../core/score-response.js";
import type { Episode, Provenance } from "./episode.js";

/** The parts of an episode a record keeps (a batch item has no reset: no eval_task, no prompt). */
export type RecordedEpisode = Pick<
  Episode,
  "episode_id" | "task" | "phase" | "preset" | "seed" | "created_at"
> &
  Partial<Pick<Episode, "eval_task">>;

/**
 * The EpisodeRecord of a graded response (response and answer cut to STORED_RESPONSE_CHARS).
 * @example toRecord(episode, response, scored, { channel: "http", session_id: null }, Date.now()).reward
 */
export function toRecord(
  episode: RecordedEpisode,
  response: string,
  scored: ScoredResponse,
  from: Provenance,
  gradedAt: number,
): EpisodeRecord {
  const { task } = episode;
  const fields = scoredFields(scored);
  return {
    episode_id: episode.episode_id,
    session_id: from.session_id,
    channel: from.channel,
    task_id: task.id,
    domain: task.domain,
    difficulty: task.difficulty,
    phase: episode.phase,
    preset: episode.preset.name,
    seed: episode.seed,
    eval_task: episode.eval_task ?? null,
    response: storedText(response),
    parsed_answer: storedText(fields.parsed_answer),
    parsed_confidence: fields.parsed_confidence,
    abstained: fields.abstained,
    format: fields.format,
    is_correct: fields.is_correct,
    score: fields.score,
    reward: fields.reward,
    components: fields.components,
    true_answer: task.answer,
    // Only the exception is written: older records, and every answerable one, leave it out.
    ...(task.answerable === false ? { answerable: false } : {}),
    created_at: episode.created_at,
    graded_at: gradedAt,
  };
}
