// One OpenEnv environment: reset draws a question, step grades one response and ends the episode. The
// environment owns its episode: it scores, builds the record and the observations itself, and asks the shared
// service only to draw the question and to commit the record.
import type { EpisodeRecord } from "../core/episode-record.js";
import { scoreResponse } from "../core/score-response.js";
import { buildPrompt, type TaskPrompt } from "../tasks/prompt.js";
import type { EchoService } from "./echo-service.js";
import type { Episode } from "./episode.js";
import { envError } from "./errors.js";
import type { Action, EnvState, StepResult } from "./observation.js";
import type { ResetOptions } from "./reset-options.js";
import { toObservation } from "./to-observation.js";
import { toRecord } from "./to-record.js";

export class CalibrationEnv {
  #episode: Episode | null = null;
  /** The episode's prompt, built once at reset: the step's observation shows it again. */
  #prompt: TaskPrompt | null = null;
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
    const episode = this.service.draw(options);
    const prompt = buildPrompt(episode.task, {
      showDifficulty: episode.showDifficulty,
      responseFormat: episode.response_format,
    });
    this.#episode = episode;
    this.#prompt = prompt;
    this.#done = false;
    this.#steps = 0;
    this.#lastReward = null;
    return {
      observation: toObservation(episode, prompt, this.service.live.running()),
      reward: null,
      done: false,
    };
  }

  /**
   * Grades the response, commits its record, and ends the episode. Refuses a finished episode (EPISODE_DONE)
   * and a step before reset (NO_ACTIVE_EPISODE); a record the history cannot store (STORAGE_UNAVAILABLE)
   * leaves the episode open, so the same step can be sent again.
   */
  async step(action: Action): Promise<StepResult> {
    const episode = this.#episode;
    const prompt = this.#prompt;
    if (!episode || !prompt) {
      throw envError("NO_ACTIVE_EPISODE", { channel: "session" });
    }
    if (this.#done || this.#stepping) {
      throw envError("EPISODE_DONE", { id: episode.episode_id }, { episode_id: episode.episode_id });
    }
    this.#stepping = true;
    try {
      const scored = scoreResponse(episode.task, action.response, episode.preset, {
        responseFormat: episode.response_format,
      });
      const from = { channel: this.channel, session_id: this.sessionId };
      const record = toRecord(episode, action.response, scored, from, this.service.clock());
      await this.service.record(
        [record],
        `episode ${episode.episode_id} was not recorded and is still open (send the same step again)`,
      );
      this.#done = true;
      this.#steps++;
      this.#completed++;
      this.#lastReward = scored.reward.total;
      return {
        observation: toObservation(episode, prompt, this.service.live.running(), scored),
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
