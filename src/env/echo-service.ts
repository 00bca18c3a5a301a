// Everything sessions share: the bank, presets, curriculum, live metrics and history. The server's routes
// and every session call into this; it knows nothing of HTTP.
import { randomUUID } from "node:crypto";
import { Curriculum, showsDifficulty } from "../core/curriculum.js";
import { type EpisodeRecord, outcomeOf, storedText } from "../core/episode-record.js";
import type { CalibrationReport } from "../core/metrics/calibration-report.js";
import { computeMetrics, computeMetricsBy } from "../core/metrics/compute-metrics.js";
import type { EpisodeOutcome } from "../core/metrics/episode-outcome.js";
import { type Fingerprint, fingerprintOf } from "../core/metrics/fingerprint.js";
import { createDomainMetrics, type GroupedMetrics } from "../core/metrics/grouped-metrics.js";
import { MetricsAccumulator } from "../core/metrics/metrics-accumulator.js";
import type { RewardPreset } from "../core/reward/preset.js";
import { BUILT_IN_PRESETS, DEFAULT_PRESET, resolvePreset } from "../core/reward/presets.js";
import { type ScoredResponse, scoreResponse } from "../core/score-response.js";
import { type Domain, type EvalTaskName, Phase } from "../core/taxonomy.js";
import type { HistoryFilter, HistoryStore, PhaseChange } from "../store/history-store.js";
import { MemoryHistory } from "../store/memory-history.js";
import type { TaskBank } from "../tasks/bank.js";
import { buildPrompt } from "../tasks/prompt.js";
import { SampleError, sampleTask, TaskSampler } from "../tasks/sampler.js";
import type { Task } from "../tasks/task.js";
import { envError } from "./errors.js";
import { EVAL_TASKS, evalDraw } from "./eval-tasks.js";
import type { Observation, RunningCalibration } from "./observation.js";
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

/** A drawn question waiting for its response. */
export interface PendingEpisode {
  episode_id: string;
  task: Task;
  phase: Phase;
  preset: RewardPreset;
  seed: number | null;
  /** The evaluation task whose draw rule picked the question, or null. */
  eval_task: EvalTaskName | null;
  created_at: number;
  showDifficulty: boolean;
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
  readonly #sampler: TaskSampler;
  readonly #overall = new MetricsAccumulator();
  readonly #byDomain: GroupedMetrics<Domain> = createDomainMetrics();
  /** Episodes counted so far (restored ones included): where a hand-made phase change sits among them. */
  #episodes = 0;
  /** running() until the next episode is counted: every reset and step shows it, and it costs a full report. */
  #running: RunningCalibration | null = null;

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
  }

  /**
   * Rebuilds live metrics and the curriculum from stored history (a restart changes nothing): the stored
   * outcomes are streamed oldest first, with hand-made phase changes replayed where they happened.
   */
  restore(): void {
    const changes = this.history.phaseChanges();
    let next = 0;
    for (const outcome of this.history.outcomes()) {
      while (next < changes.length && (changes[next] as PhaseChange).after_episodes <= this.#episodes) {
        const change = changes[next++] as PhaseChange;
        this.curriculum.setPhase(change.phase, change.pinned);
      }
      this.#count(outcome);
    }
    for (const change of changes.slice(next)) this.curriculum.setPhase(change.phase, change.pinned);
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
        after_episodes: this.#episodes,
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
    if (!task) {
      throw envError("TASK_NOT_FOUND", { id });
    }
    return task;
  }

  /** Draws the question for a reset. */
  begin(resetOptions: ResetOptions): PendingEpisode {
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
    };
  }

  /** Grades a response; pure apart from reading the preset registry. */
  score(task: Task, response: unknown, preset: RewardPreset): ScoredResponse {
    return scoreResponse(task, response, preset);
  }

  /** The record history keeps for a graded episode (no eval_task: drawn for no evaluation task). */
  recordOf(
    episode: Pick<PendingEpisode, "episode_id" | "task" | "phase" | "preset" | "seed" | "created_at"> &
      Partial<Pick<PendingEpisode, "eval_task">>,
    response: string,
    scored: ScoredResponse,
    channel: EpisodeRecord["channel"],
    sessionId: string | null,
  ): EpisodeRecord {
    return {
      episode_id: episode.episode_id,
      session_id: sessionId,
      channel,
      task_id: episode.task.id,
      domain: episode.task.domain,
      difficulty: episode.task.difficulty,
      phase: episode.phase,
      preset: episode.preset.name,
      seed: episode.seed,
      eval_task: episode.eval_task ?? null,
      response: storedText(response),
      parsed_answer: storedText(scored.parsed.answer),
      parsed_confidence: scored.parsed.confidence,
      abstained: scored.parsed.abstained,
      format: scored.parsed.format,
      is_correct: scored.grade.correct,
      score: scored.grade.score,
      reward: scored.reward.total,
      components: scored.reward.components,
      true_answer: episode.task.answer,
      created_at: episode.created_at,
      graded_at: this.clock(),
    };
  }

  /**
   * Stores graded episodes, then counts them; resolves once the history has them. When it cannot store them
   * it throws STORAGE_UNAVAILABLE and counts nothing; `outcome` says what that means for the caller.
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
    for (const record of records) this.#count(outcomeOf(record));
  }

  #count(outcome: EpisodeOutcome): void {
    this.#overall.add(outcome);
    this.#byDomain.add(outcome);
    this.curriculum.record(outcome);
    this.#episodes++;
    this.#running = null;
  }

  running(): RunningCalibration {
    if (this.#running) return { ...this.#running };
    const r = this.#overall.headline();
    this.#running = {
      episodes: r.count,
      accuracy: r.accuracy,
      mean_confidence: r.mean_confidence,
      ece: r.ece,
      brier: r.brier,
      mean_reward: r.mean_reward,
    };
    return { ...this.#running };
  }

  /** All-time metrics, or metrics over the newest `window` matching episodes of the stored history. */
  metrics(filter: HistoryFilter = {}, window?: number): CalibrationReport {
    const filtered = Object.values(filter).some((v) => v !== undefined);
    if (!filtered && window === undefined) return this.#overall.report();
    return computeMetrics(this.history.outcomes(filter, window));
  }

  fingerprint(filter: HistoryFilter = {}, window?: number): Fingerprint {
    const filtered = Object.values(filter).some((v) => v !== undefined);
    const reports =
      !filtered && window === undefined
        ? this.#byDomain.reports()
        : computeMetricsBy(this.history.outcomes(filter, window), "domain");
    return fingerprintOf(reports, 5, this.bank.domains);
  }

  /** The observation a reset returns. */
  observe(episode: PendingEpisode): Observation {
    const { task } = episode;
    const prompt = buildPrompt(task, { showDifficulty: episode.showDifficulty });
    return {
      episode_id: episode.episode_id,
      task_id: task.id,
      question: task.question,
      choices: task.choices,
      prompt: prompt.text,
      messages: prompt.messages,
      domain: task.domain,
      difficulty: episode.showDifficulty ? task.difficulty : null,
      phase: episode.phase,
      reward_preset: episode.preset.name,
      calibration: this.running(),
      is_correct: null,
      parsed_confidence: null,
      parsed_answer: null,
      abstained: null,
      format: null,
      format_issues: null,
      score: null,
      grading_method: null,
      reward_components: null,
      true_answer: null,
      feedback: null,
    };
  }

  /** The observation a step returns. */
  observeGraded(episode: PendingEpisode, scored: ScoredResponse): Observation {
    const { parsed, grade, reward } = scored;
    return {
      ...this.observe(episode),
      is_correct: grade.correct,
      parsed_confidence: parsed.confidence,
      parsed_answer: parsed.answer,
      abstained: parsed.abstained,
      format: parsed.format,
      format_issues: parsed.issues.map((i) => i.code),
      score: grade.score,
      grading_method: grade.method,
      reward_components: reward.components,
      true_answer: episode.task.answer,
      feedback: feedbackLine(episode.task, scored),
    };
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
    (options.phase === undefined || options.phase === draw.phase) &&
    (options.difficulty === undefined || options.difficulty === draw.difficulty)
  );
}

/** OpenEnv clients send None for "not given"; treat null like absent. */
function withoutNulls<T extends object>(value: T): NoNulls<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as NoNulls<T>;
}

function feedbackLine(task: Task, { parsed, grade, reward }: ScoredResponse): string {
  const total = reward.total.toFixed(3);
  if (
    parsed.format === "empty" ||
    parsed.format === "missing_answer" ||
    parsed.format === "missing_confidence"
  ) {
    return `Format problem (${parsed.format}): reply as <confidence>N</confidence><answer>...</answer>. Reward ${total}.`;
  }
  if (parsed.abstained) return `Abstained at ${parsed.confidence}% confidence. Reward ${total}.`;
  const verdict = grade.correct ? "Correct" : `Wrong (the answer is ${task.answer})`;
  return `${verdict} at ${parsed.confidence}% confidence. Reward ${total}.`;
}
