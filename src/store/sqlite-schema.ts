// The SQLite schema as an ordered list of migrations; PRAGMA user_version counts how many have run.
import type { Database } from "better-sqlite3";

/** Marks a file as ECHO's (PRAGMA application_id, "ECHO" in ASCII) so ECHO never migrates a stranger's file. */
export const ECHO_APPLICATION_ID = 0x4543484f;

export interface Migration {
  /** What the migration changes, for error messages and reviewers. */
  description: string;
  up(db: Database): void;
}

/**
 * Append only: migration i takes a database from version i to i + 1, and a shipped migration never changes.
 * A schema change is a new entry that moves the data along (ALTER TABLE, copy), never a drop.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    description: "v1: episodes, one row per graded episode, indexed for the history filters",
    up: (db) => {
      db.pragma(`application_id = ${ECHO_APPLICATION_ID}`);
      // id is the insertion order; nothing is ever deleted, so it is also the replay order.
      db.exec(`
        CREATE TABLE episodes (
          id INTEGER PRIMARY KEY,
          episode_id TEXT NOT NULL,
          session_id TEXT,
          channel TEXT NOT NULL,
          task_id TEXT NOT NULL,
          domain TEXT NOT NULL,
          difficulty TEXT NOT NULL,
          phase INTEGER NOT NULL,
          preset TEXT NOT NULL,
          seed INTEGER,
          response TEXT NOT NULL,
          parsed_answer TEXT NOT NULL,
          parsed_confidence INTEGER NOT NULL,
          abstained INTEGER NOT NULL,
          format TEXT NOT NULL,
          is_correct INTEGER NOT NULL,
          score REAL NOT NULL,
          reward REAL NOT NULL,
          c_accuracy REAL NOT NULL,
          c_brier REAL NOT NULL,
          c_overconfidence REAL NOT NULL,
          c_underconfidence REAL NOT NULL,
          c_format REAL NOT NULL,
          c_abstention REAL NOT NULL,
          c_clip REAL NOT NULL,
          true_answer TEXT NOT NULL,
          created_at REAL NOT NULL,
          graded_at REAL NOT NULL
        ) STRICT;
        CREATE INDEX episodes_session ON episodes (session_id) WHERE session_id IS NOT NULL;
        CREATE INDEX episodes_domain ON episodes (domain);
        CREATE INDEX episodes_phase ON episodes (phase);
        CREATE INDEX episodes_preset ON episodes (preset);
        CREATE INDEX episodes_channel ON episodes (channel);
      `);
    },
  },
  {
    description: "v2: curriculum_events, phases set or pinned by hand, replayed in order with the episodes",
    up: (db) => {
      db.exec(`
        CREATE TABLE curriculum_events (
          id INTEGER PRIMARY KEY,
          after_episodes INTEGER NOT NULL,
          phase INTEGER NOT NULL,
          pinned INTEGER NOT NULL,
          changed_at REAL NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    description: "v3: episodes.eval_task, the evaluation task that drew an episode (NULL for older rows)",
    up: (db) => {
      db.exec(`
        ALTER TABLE episodes ADD COLUMN eval_task TEXT;
        CREATE INDEX episodes_eval_task ON episodes (eval_task) WHERE eval_task IS NOT NULL;
      `);
    },
  },
  {
    description:
      "v4: episodes.c_length, a preset's length term (NULL when the preset had none, as in older rows)",
    up: (db) => {
      db.exec("ALTER TABLE episodes ADD COLUMN c_length REAL;");
    },
  },
  {
    description:
      "v5: episodes.answerable, 0 for a question that cannot be answered (older rows: 1, answerable)",
    up: (db) => {
      db.exec("ALTER TABLE episodes ADD COLUMN answerable INTEGER NOT NULL DEFAULT 1;");
    },
  },
];

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Runs the migrations a database at `from` still needs, each in its own transaction with its version bump. */
export function migrate(db: Database, from: number): void {
  for (let version = from; version < SCHEMA_VERSION; version++) {
    const migration = MIGRATIONS[version] as Migration;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}
