// A drawn episode: the question a reset picked and everything that decides how its response is paid.
import type { EpisodeRecord } from "../core/episode-record.js";
import type { ResponseFormat } from "../core/response-format.js";
import type { RewardPreset } from "../core/reward/preset.js";
import type { EvalTaskName, Phase } from "../core/taxonomy.js";
import type { Task } from "../tasks/task.js";

/** A drawn question waiting for its response. */
export interface Episode {
  episode_id: string;
  task: Task;
  phase: Phase;
  preset: RewardPreset;
  seed: number | null;
  /** The evaluation task whose draw rule picked the question, or null. */
  eval_task: EvalTaskName | null;
  created_at: number;
  showDifficulty: boolean;
  /** How the prompt asks for the answer and how the response is read. */
  response_format: ResponseFormat;
}

/** Where a graded response came from, as its record says. */
export interface Provenance {
  channel: EpisodeRecord["channel"];
  session_id: string | null;
}
