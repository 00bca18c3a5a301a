// The three-phase curriculum of the original ECHO: which difficulties a phase draws, and when it advances.
import { z } from "zod";
import type { EpisodeOutcome } from "./metrics/episode-outcome.js";
import { RollingMetrics } from "./metrics/rolling-metrics.js";
import { type Difficulty, Phase } from "./taxonomy.js";

/** Percent of each difficulty drawn in a phase (integers, so the cut points are exact); phase 3 also mixes
 * in adversarial items. */
export const PHASE_MIX: Readonly<Record<1 | 2 | 3, Readonly<Record<Difficulty, number>>>> = {
  1: { easy: 100, medium: 0, hard: 0 },
  2: { easy: 50, medium: 50, hard: 0 },
  3: { easy: 20, medium: 40, hard: 40 },
};

/** Phase 1 shows the difficulty in the prompt; later phases hide it. */
export function showsDifficulty(phase: Phase): boolean {
  return phase === 1;
}

/** Share of phase-3 hard draws taken from adversarial items when a bucket has any. */
export const ADVERSARIAL_SHARE = 0.5;

/** Share of phase-3 draws taken from unanswerable questions when a draw does not say (`answerable` unset). */
export const UNANSWERABLE_SHARE = 0.1;

export const CurriculumConfig = z
  .object({
    ece_threshold: z
      .number()
      .gt(0)
      .max(1)
      .default(0.2)
      .describe("The phase advances once the rolling ECE of the phase's recent episodes is below this"),
    min_episodes: z
      .number()
      .int()
      .min(1)
      .default(200)
      .describe("Episodes that must be played in a phase before it can advance"),
    window: z
      .number()
      .int()
      .min(10)
      .default(200)
      .describe("How many of the phase's most recent episodes the rolling ECE is measured over"),
  })
  .meta({ id: "CurriculumConfig" });
export type CurriculumConfig = z.infer<typeof CurriculumConfig>;

/**
 * Draws a difficulty for a phase from a uniform number u in [0, 1).
 * @example drawDifficulty(3, 0.1) // "easy"
 */
export function drawDifficulty(phase: Phase, u: number): Difficulty {
  const mix = PHASE_MIX[phase as 1 | 2 | 3] ?? PHASE_MIX[1];
  const percent = u * 100;
  if (percent < mix.easy) return "easy";
  if (percent < mix.easy + mix.medium) return "medium";
  return mix.hard > 0 ? "hard" : mix.medium > 0 ? "medium" : "easy";
}

export const CurriculumState = z
  .object({
    phase: Phase,
    pinned: z.boolean().describe("A pinned phase never advances on its own"),
    episodes_in_phase: z.number().int().min(0).describe("Episodes recorded since the phase began"),
    episodes_total: z.number().int().min(0).describe("Episodes recorded by the curriculum in all phases"),
    rolling_ece: z
      .number()
      .nullable()
      .describe("ECE over the phase's most recent episodes (the window); null before any stated confidence"),
    window_count: z.number().int().min(0).describe("Episodes in the rolling window"),
    config: CurriculumConfig,
    next_phase_ready: z
      .boolean()
      .describe("Whether the advance rule holds now (false in phase 3 or when pinned)"),
  })
  .meta({ id: "CurriculumState" });
export type CurriculumState = z.infer<typeof CurriculumState>;

/**
 * The phase state machine: record each graded episode; the phase advances (never past 3) once enough
 * episodes were played in it and its rolling ECE is below the threshold. A new phase starts a new window.
 */
export class Curriculum {
  readonly config: CurriculumConfig;
  #phase: Phase;
  #pinned: boolean;
  #inPhase = 0;
  #total = 0;
  #window: RollingMetrics;

  constructor(config: Partial<CurriculumConfig> = {}, start: { phase?: Phase; pinned?: boolean } = {}) {
    this.config = CurriculumConfig.parse(config);
    this.#phase = Phase.parse(start.phase ?? 1);
    this.#pinned = start.pinned ?? false;
    this.#window = new RollingMetrics(this.config.window);
  }

  get phase(): Phase {
    return this.#phase;
  }

  get pinned(): boolean {
    return this.#pinned;
  }

  /** Records one graded episode; returns the new phase when this episode advanced it. */
  record(outcome: EpisodeOutcome): Phase | null {
    this.#total++;
    this.#inPhase++;
    this.#window.add(outcome);
    if (!this.#ready()) return null;
    this.#enter((this.#phase + 1) as Phase);
    return this.#phase;
  }

  /** Sets the phase (1..3) by hand, optionally pinning it there; the phase's window starts afresh. */
  setPhase(phase: number, pinned: boolean): void {
    const parsed = Phase.safeParse(phase);
    if (!parsed.success) throw new RangeError(`phase must be 1, 2 or 3, got ${String(phase)}`);
    this.#pinned = pinned;
    if (parsed.data !== this.#phase) this.#enter(parsed.data);
  }

  state(): CurriculumState {
    return {
      phase: this.#phase,
      pinned: this.#pinned,
      episodes_in_phase: this.#inPhase,
      episodes_total: this.#total,
      rolling_ece: this.#window.report().ece,
      window_count: this.#window.count,
      config: this.config,
      next_phase_ready: this.#ready(),
    };
  }

  #ready(): boolean {
    if (this.#pinned || this.#phase >= 3 || this.#inPhase < this.config.min_episodes) return false;
    const ece = this.#window.ece(); // checked after every episode: the ECE alone, not the whole report
    return ece !== null && ece < this.config.ece_threshold;
  }

  #enter(phase: Phase): void {
    this.#phase = phase;
    this.#inPhase = 0;
    this.#window = new RollingMetrics(this.config.window);
  }
}
