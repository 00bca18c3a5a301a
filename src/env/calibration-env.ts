// One OpenEnv environment: reset draws a question, step grades one response and ends the episode.

import type { EpisodeRecord } from "../core/episode-record.js";
import type { EchoService, PendingEpisode } from "./echo-service.js";
import { envError } from "./errors.js";
import type { Action, EnvState, StepResult } from "./observation.js";
import type { ResetOptions } from "./reset-options.js";

export class CalibrationEnv {
  #episode: PendingEpisode | null = null;
  #done = false;
  #steps = 0;
  #completed = 0;
  #lastReward: number | null = null;
  /** Set while a step is being graded and stored, so a second step cannot grade the episode twice. */
  #stepping = false;

  constructor(
    private readonly service: EchoService,
    readonly sessionId: string | null,
    private readonly channel: EpisodeRecord["channel"],
  ) {}

  get episodeId(): string | null {
    return this.#episode?.episode_id ?? null;
  }

  get done(): boolean {
    return this.#done;
  }

  reset(options: ResetOptions = {}): StepResult {
    const episode = this.service.begin(options);
    this.#episode = episode;
    this.#done = false;
    this.#steps = 0;
    this.#lastReward = null;
    return { observation: this.service.observe(episode), reward: null, done: false };
  }

  async step(action: Action): Promise<StepResult> {
    const episode = this.#episode;
    if (!episode) {
      throw envError("NO_ACTIVE_EPISODE", { channel: "session" });
    }
    if (this.#done || this.#stepping) {
      throw envError("EPISODE_DONE", { id: episode.episode_id }, { episode_id: episode.episode_id });
    }
    this.#stepping = true;
    try {
      const scored = this.service.score(episode.task, action.response, episode.preset);
      const record = this.service.recordOf(episode, action.response, scored, this.channel, this.sessionId);
      // A record that cannot be stored leaves the episode open, so the same step can be sent again.
      await this.service.record(
        [record],
        `episode ${episode.episode_id} was not recorded and is still open (send the same step again)`,
      );
      this.#done = true;
      this.#steps++;
      this.#completed++;
      this.#lastReward = scored.reward.total;
      return {
        observation: this.service.observeGraded(episode, scored),
        reward: scored.reward.total,
        done: true,
      };
    } finally {
      this.#stepping = false;
    }
  }

  state(): EnvState {
    const episode = this.#episode;
    return {
      episode_id: episode?.episode_id ?? null,
      step_count: this.#steps,
      session_id: this.sessionId,
      task_id: episode?.task.id ?? null,
      domain: episode?.task.domain ?? null,
      difficulty: episode ? (episode.showDifficulty ? episode.task.difficulty : null) : null,
      phase: episode?.phase ?? null,
      reward_preset: episode?.preset.name ?? null,
      done: this.#done,
      episodes_completed: this.#completed,
      last_reward: this.#lastReward,
    };
  }
}
