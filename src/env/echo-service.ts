// What every episode shares: the bank and presets to draw and pay with, the curriculum, the history records
// are committed to, and the live metrics counted from it. Episodes themselves live in CalibrationEnv.
import { randomUUID } from "node:crypto";
import { Curriculum, showsDifficulty } from "../core/curriculum.js";
import { type EpisodeRecord, outcomeOf } from "../core/episode-record.js";
import { DEFAULT_RESPONSE_FORMAT } from "../core/response-format.js";
import type { RewardPreset } from "../core/reward/preset.js";
import { BUILT_IN_PRESETS, DEFAULT_PRESET, resolvePreset } from "../core/reward/presets.js";
import { Phase } from "../core/taxonomy.js";
import type { HistoryStore } from "../store/history-store.js";
import { MemoryHistory } from "../store/memory-history.js";
import type { TaskBank } from "../tasks/bank.js";
import { SampleError, sampleTask, TaskSampler } from "../tasks/sampler.js";
import type { Task } from "../tasks/task.js";
import type { Episode } from "./episode.js";
import { envError } from "./errors.js";
import { EVAL_TASKS, evalDraw } from "./eval-tasks.js";
import { LiveMetrics } from "./live-metrics.js";
import type { ResetOptions } from "./reset-options.js";
import { StorageHealth } from "./storage-health.js";

export interface EchoServiceOptions {
  bank: TaskBank;
  presets?: Readonly<Record<string, RewardPreset>>;
  defaultPreset?: string;
  curriculum?: Curriculum;
  history?: HistoryStore;
  /** Seed of the server's own draw order when reset gets no seed. */
  seed?: number;
  clock?: () => number;
  newId?: () => string;
}

export class EchoService {
  readonly bank: TaskBank;
  readonly presets: Readonly<Record<string, RewardPreset>>;
  readonly defaultPreset: string;
  readonly curriculum: Curriculum;
  readonly history: HistoryStore;
  readonly clock: () => number;
  readonly newId: () => string;
  /** Whether the history takes writes; /health and /ready report it. */
  readonly storage: StorageHealth;
  /** What the stored episodes add up to; restore() rebuilds it from history on start. */
  readonly live: LiveMetrics;
  readonly #sampler: TaskSampler;

  constructor(options: EchoServiceOptions) {
    this.bank = options.bank;
    this.presets = options.presets ?? BUILT_IN_PRESETS;
    this.defaultPreset = options.defaultPreset ?? DEFAULT_PRESET;
    const resolved = resolvePreset(this.defaultPreset, this.presets);
    if (!resolved.ok) throw new RangeError(`default ${resolved.error.message}`);
    this.curriculum = options.curriculum ?? new Curriculum();
    this.history = options.history ?? new MemoryHistory();
    this.clock = options.clock ?? Date.now;
    this.newId = options.newId ?? randomUUID;
    this.#sampler = new TaskSampler(this.bank, options.seed ?? 0);
    this.storage = new StorageHealth(this.history, this.clock);
    this.live = new LiveMetrics(this.history, this.curriculum, this.bank);
  }

  /**
   * Sets and/or pins the curriculum phase by hand. The change is stored first, at its place among the
   * episodes, so a restart replays it there. Throws RangeError for a phase outside 1..3, and
   * STORAGE_UNAVAILABLE (phase unchanged) when the history cannot store the change.
   */
  setPhase(phase: number, pinned: boolean): void {
    const parsed = Phase.safeParse(phase);
    if (!parsed.success) throw new RangeError(`phase must be 1, 2 or 3, got ${String(phase)}`);
    if (parsed.data === this.curriculum.phase && pinned === this.curriculum.pinned) return;
    try {
      this.history.recordPhaseChange({
        after_episodes: this.live.episodes,
        phase: parsed.data,
        pinned,
        changed_at: this.clock(),
      });
    } catch (error) {
      throw this.storage.failed(error, "the curriculum phase was not changed");
    }
    this.storage.succeeded();
    this.curriculum.setPhase(parsed.data, pinned);
  }

  preset(name: string | undefined): RewardPreset {
    const resolved = resolvePreset(name ?? this.defaultPreset, this.presets);
    if (!resolved.ok) throw envError("UNKNOWN_PRESET", resolved.error);
    return resolved.preset;
  }

  task(id: string): Task {
    const task = this.bank.get(id);
    if (!task) throw envError("TASK_NOT_FOUND", { id });
    return task;
  }

  /** Draws the question for a reset: the one named, else one the sampler picks under reset's constraints. */
  draw(resetOptions: ResetOptions): Episode {
    const options = withoutNulls(resetOptions);
    const preset = this.preset(options.reward_preset);
    const evalTask = options.task ? EVAL_TASKS[options.task] : undefined;
    const draw: ReturnType<typeof evalDraw> | Partial<ReturnType<typeof evalDraw>> = evalTask
      ? evalDraw(evalTask)
      : {};
    const phase = options.phase ?? draw.phase ?? this.curriculum.phase;
    let task: Task;
    if (options.task_id) {
      task = this.task(options.task_id);
    } else {
      const request = {
        domain: options.domain,
        difficulty: options.difficulty ?? draw.difficulty,
        phase,
        adversarial: draw.adversarial,
        // An evaluation task's draw keeps to answerable questions unless reset asks otherwise: its scores were
        // defined over them.
        answerable: options.answerable ?? (evalTask ? true : undefined),
      };
      try {
        task =
          options.seed === undefined
            ? this.#sampler.next(request)
            : sampleTask(this.bank, options.seed, request);
      } catch (error) {
        if (error instanceof SampleError) throw envError("NO_TASKS", { reason: error.message });
        throw error;
      }
    }
    return {
      episode_id: options.episode_id ?? this.newId(),
      task,
      phase,
      preset,
      seed: options.seed ?? null,
      eval_task: evalTask && drawnByRule(options, draw) ? evalTask.name : null,
      created_at: this.clock(),
      showDifficulty: showsDifficulty(phase),
      response_format: options.response_format ?? DEFAULT_RESPONSE_FORMAT,
    };
  }

  /**
   * Commits graded episodes: stores them, then counts them in live metrics and the curriculum; resolves once
   * the history has them. When it cannot store them it throws STORAGE_UNAVAILABLE and counts nothing;
   * `outcome` says what that means for the caller.
   */
  async record(records: readonly EpisodeRecord[], outcome = "the episodes were not recorded"): Promise<void> {
    if (records.length === 0) return;
    // Stores resolve appends in call order, so episodes are counted in the order they are stored.
    try {
      await this.history.append(records);
    } catch (error) {
      throw this.storage.failed(error, outcome);
    }
    this.storage.succeeded();
    for (const record of records) this.live.count(outcomeOf(record));
  }
}

type NoNulls<T> = { [K in keyof T]: Exclude<T[K], null> };

/**
 * Whether reset left the question to the evaluation task's rule: a chosen question, domain, or another phase
 * or difficulty draws something else, which must not count for the task (easy questions cannot pass
 * anti_hallucination).
 */
function drawnByRule(options: NoNulls<ResetOptions>, draw: Partial<ReturnType<typeof evalDraw>>): boolean {
  return (
    options.task_id === undefined &&
    options.domain === undefined &&
    options.answerable === undefined &&
    (options.phase === undefined || options.phase === draw.phase) &&
    (options.difficulty === undefined || options.difficulty === draw.difficulty)
  );
}

/** OpenEnv clients send None for "not given"; treat null like absent. */
function withoutNulls<T extends object>(value: T): NoNulls<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as NoNulls<T>;
}
