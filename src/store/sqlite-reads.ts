// The SQLite history's reads, on the main thread's connection: it sees every commit the writer acknowledged.
import type { Database, Statement } from "better-sqlite3";
import type { EpisodeRecord } from "../core/episode-record.js";
import type { EpisodeOutcome } from "../core/metrics/episode-outcome.js";
import type { HistoryFilter, HistoryPage, PhaseChange } from "./history-store.js";
import { type EpisodeRow, OUTCOME_COLUMNS, outcomeOfRaw, recordOfRow, whereOf } from "./sqlite-rows.js";

export class SqliteReads {
  /** Prepared queries by kind and filter shape: at most 4 kinds x 2^8 shapes, so bounded. */
  readonly #queries = new Map<string, Statement>();

  /** `size`: the episodes stored, so an unfiltered page needs no count. */
  constructor(
    private readonly db: Database,
    private readonly size: () => number,
  ) {}

  /** A cached statement for queries run to completion at once (an iterated one is prepared afresh, since a
   * statement cannot run again while a cursor on it is open). */
  #query(kind: string, where: string, sql: () => string): Statement {
    const key = `${kind} ${where}`;
    let statement = this.#queries.get(key);
    if (!statement) {
      statement = this.db.prepare(sql());
      this.#queries.set(key, statement);
    }
    return statement;
  }

  page(filter: HistoryFilter, limit: number, offset: number): HistoryPage {
    const where = whereOf(filter);
    const rows = this.#query(
      "page",
      where.sql,
      () => `SELECT * FROM episodes ${where.sql} ORDER BY id DESC LIMIT ? OFFSET ?`,
    ).all(...where.params, limit, offset) as EpisodeRow[];
    const total =
      where.params.length === 0
        ? this.size()
        : (this.#query("count", where.sql, () => `SELECT count(*) FROM episodes ${where.sql}`)
            .pluck()
            .get(...where.params) as number);
    return { items: rows.map(recordOfRow), total };
  }

  recent(filter: HistoryFilter, limit?: number): EpisodeRecord[] {
    const where = whereOf(filter);
    if (limit === undefined) {
      const rows = this.#query("all", where.sql, () => `SELECT * FROM episodes ${where.sql} ORDER BY id`).all(
        ...where.params,
      ) as EpisodeRow[];
      return rows.map(recordOfRow);
    }
    const rows = this.#query(
      "recent",
      where.sql,
      () => `SELECT * FROM episodes ${where.sql} ORDER BY id DESC LIMIT ?`,
    ).all(...where.params, limit) as EpisodeRow[];
    return rows.reverse().map(recordOfRow);
  }

  *all(): Iterable<EpisodeRecord> {
    for (const row of this.db.prepare("SELECT * FROM episodes ORDER BY id").iterate()) {
      yield recordOfRow(row as EpisodeRow);
    }
  }

  *outcomes(filter: HistoryFilter = {}, limit?: number): Iterable<EpisodeOutcome> {
    const where = whereOf(filter);
    const sql =
      limit === undefined
        ? `SELECT ${OUTCOME_COLUMNS} FROM episodes ${where.sql} ORDER BY id`
        : `SELECT ${OUTCOME_COLUMNS} FROM (SELECT id, ${OUTCOME_COLUMNS} FROM episodes ${where.sql} ` +
          "ORDER BY id DESC LIMIT ?) ORDER BY id";
    const params = limit === undefined ? where.params : [...where.params, limit];
    for (const row of this.db
      .prepare(sql)
      .raw(true)
      .iterate(...params))
      yield outcomeOfRaw(row as unknown[]);
  }

  phaseChanges(): PhaseChange[] {
    const rows = this.db
      .prepare("SELECT after_episodes, phase, pinned, changed_at FROM curriculum_events ORDER BY id")
      .all() as { after_episodes: number; phase: PhaseChange["phase"]; pinned: number; changed_at: number }[];
    return rows.map((row) => ({ ...row, pinned: row.pinned === 1 }));
  }
}
