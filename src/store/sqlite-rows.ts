// How an EpisodeRecord maps to a row of the episodes table and back, and a history filter to a WHERE clause.
import type { Statement } from "better-sqlite3";
import type { EpisodeRecord } from "../core/episode-record.js";
import type { FormatVerdict } from "../core/format-verdict.js";
import type { EpisodeOutcome } from "../core/metrics/episode-outcome.js";
import type { Difficulty, Domain, EvalTaskName, Phase } from "../core/taxonomy.js";
import type { HistoryFilter } from "./history-store.js";

export const INSERT_EPISODE = `INSERT INTO episodes (
  episode_id, session_id, channel, task_id, domain, difficulty, phase, preset, seed, response, parsed_answer,
  parsed_confidence, abstained, format, is_correct, score, reward, c_accuracy, c_brier, c_overconfidence,
  c_underconfidence, c_format, c_abstention, c_clip, true_answer, created_at, graded_at, eval_task, c_length,
  answerable
) VALUES (${new Array(30).fill("?").join(", ")})`;

/** Inserts one record, bound in the column order of INSERT_EPISODE. */
export function insertEpisode(insert: Statement, r: EpisodeRecord): void {
  insert.run(rowOf(r));
}

/** The values of one record in the column order of INSERT_EPISODE (what the writer thread receives). */
export function rowOf(r: EpisodeRecord): unknown[] {
  const c = r.components;
  return [
    r.episode_id,
    r.session_id,
    r.channel,
    r.task_id,
    r.domain,
    r.difficulty,
    r.phase,
    r.preset,
    r.seed,
    r.response,
    r.parsed_answer,
    r.parsed_confidence,
    r.abstained ? 1 : 0,
    r.format,
    r.is_correct ? 1 : 0,
    r.score,
    r.reward,
    c.accuracy,
    c.brier,
    c.overconfidence,
    c.underconfidence,
    c.format,
    c.abstention,
    c.clip,
    r.true_answer,
    r.created_at,
    r.graded_at,
    r.eval_task,
    c.length ?? null,
    r.answerable === false ? 0 : 1,
  ];
}

/** A row as SQLite returns it. */
export interface EpisodeRow {
  episode_id: string;
  session_id: string | null;
  channel: EpisodeRecord["channel"];
  task_id: string;
  domain: Domain;
  difficulty: Difficulty;
  phase: Phase;
  preset: string;
  seed: number | null;
  response: string;
  parsed_answer: string;
  parsed_confidence: number;
  abstained: number;
  format: FormatVerdict;
  is_correct: number;
  score: number;
  reward: number;
  c_accuracy: number;
  c_brier: number;
  c_overconfidence: number;
  c_underconfidence: number;
  c_format: number;
  c_abstention: number;
  c_clip: number;
  true_answer: string;
  created_at: number;
  graded_at: number;
  eval_task: EvalTaskName | null;
  /** NULL when the preset had no length term (and in rows older than the column). */
  c_length: number | null;
  answerable: number;
}

export function recordOfRow(row: EpisodeRow): EpisodeRecord {
  return {
    episode_id: row.episode_id,
    session_id: row.session_id,
    channel: row.channel,
    task_id: row.task_id,
    domain: row.domain,
    difficulty: row.difficulty,
    phase: row.phase,
    preset: row.preset,
    seed: row.seed,
    response: row.response,
    parsed_answer: row.parsed_answer,
    parsed_confidence: row.parsed_confidence,
    abstained: row.abstained === 1,
    answerable: row.answerable === 1,
    format: row.format,
    is_correct: row.is_correct === 1,
    score: row.score,
    reward: row.reward,
    components: {
      accuracy: row.c_accuracy,
      brier: row.c_brier,
      overconfidence: row.c_overconfidence,
      underconfidence: row.c_underconfidence,
      format: row.c_format,
      abstention: row.c_abstention,
      ...(row.c_length === null ? {} : { length: row.c_length }),
      clip: row.c_clip,
    },
    true_answer: row.true_answer,
    created_at: row.created_at,
    graded_at: row.graded_at,
    eval_task: row.eval_task,
  };
}

/** The columns metrics read, in the order outcomeOfRaw expects (rows fetched in raw mode). */
export const OUTCOME_COLUMNS =
  "parsed_confidence, is_correct, abstained, format, reward, domain, difficulty, answerable";

export function outcomeOfRaw(row: unknown[]): EpisodeOutcome {
  return {
    confidence: row[0] as number,
    correct: row[1] === 1,
    abstained: row[2] === 1,
    format: row[3] as FormatVerdict,
    reward: row[4] as number,
    domain: row[5] as Domain,
    difficulty: row[6] as Difficulty,
    answerable: row[7] === 1,
  };
}

const FILTER_COLUMNS = {
  session: "session_id",
  domain: "domain",
  difficulty: "difficulty",
  phase: "phase",
  preset: "preset",
  channel: "channel",
  correct: "is_correct",
  eval_task: "eval_task",
} as const satisfies Record<keyof HistoryFilter, string>;

export interface Where {
  /** "" or "WHERE a = ? AND b = ?". */
  sql: string;
  /** The values for its placeholders, in order. */
  params: (string | number)[];
}

/** The WHERE clause of a filter; equal filter shapes give equal SQL, so statements can be cached by it. */
export function whereOf(filter: HistoryFilter): Where {
  const terms: string[] = [];
  const params: (string | number)[] = [];
  for (const key of Object.keys(FILTER_COLUMNS) as (keyof HistoryFilter)[]) {
    const value = filter[key];
    if (value === undefined) continue;
    terms.push(`${FILTER_COLUMNS[key]} = ?`);
    params.push(typeof value === "boolean" ? (value ? 1 : 0) : value);
  }
  return { sql: terms.length === 0 ? "" : `WHERE ${terms.join(" AND ")}`, params };
}
