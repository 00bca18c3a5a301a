// Assembles the service from configuration: bank sources, presets, curriculum and history.
import { join } from "node:path";
import { Curriculum } from "../core/curriculum.js";
import { EchoService } from "../env/echo-service.js";
import type { HistoryStore } from "../store/history-store.js";
import { MemoryHistory } from "../store/memory-history.js";
import { SqliteHistory } from "../store/sqlite-history.js";
import { loadBank } from "../tasks/load-bank.js";
import type { EnvConfig } from "./config.js";

export interface CreatedService {
  service: EchoService;
  warnings: string[];
}

/** ECHO_DB names the history file, default `<ECHO_DATA_DIR>/echo.db`; ":memory:" keeps history in memory. */
export function historyPath(config: Pick<EnvConfig, "ECHO_DB" | "ECHO_DATA_DIR">): string {
  return config.ECHO_DB ?? join(config.ECHO_DATA_DIR, "echo.db");
}

/** Opens the configured history; throws HistoryOpenError when the database cannot be used. */
export function openHistory(
  config: Pick<EnvConfig, "ECHO_DB" | "ECHO_DATA_DIR" | "ECHO_DB_SYNC">,
): HistoryStore {
  const path = historyPath(config);
  return path === ":memory:"
    ? new MemoryHistory()
    : new SqliteHistory(path, { synchronous: config.ECHO_DB_SYNC === "normal" ? "NORMAL" : "FULL" });
}

export function createService(
  config: EnvConfig,
  overrides: { history?: HistoryStore; clock?: () => number } = {},
): CreatedService {
  const { bank, warnings } = loadBank(config.ECHO_DATA_DIR, {
    ...(config.ECHO_DOMAINS ? { domains: config.ECHO_DOMAINS } : {}),
    ...(config.ECHO_SOURCES ? { sources: config.ECHO_SOURCES } : {}),
    ...(config.ECHO_DOMAIN_WEIGHTS ? { domain_weights: config.ECHO_DOMAIN_WEIGHTS } : {}),
    ...(config.ECHO_SOURCE_WEIGHTS ? { source_weights: config.ECHO_SOURCE_WEIGHTS } : {}),
  });
  // Opened after the bank loaded, so a bad task configuration fails before the database is touched.
  const history = overrides.history ?? openHistory(config);
  try {
    const service = new EchoService({
      bank,
      defaultPreset: config.REWARD_PRESET,
      curriculum: new Curriculum({
        ...(config.ECHO_CURRICULUM_ECE !== undefined ? { ece_threshold: config.ECHO_CURRICULUM_ECE } : {}),
        ...(config.ECHO_CURRICULUM_MIN_EPISODES !== undefined
          ? { min_episodes: config.ECHO_CURRICULUM_MIN_EPISODES }
          : {}),
        ...(config.ECHO_CURRICULUM_WINDOW !== undefined ? { window: config.ECHO_CURRICULUM_WINDOW } : {}),
      }),
      history,
      seed: config.ECHO_SEED,
      ...(overrides.clock ? { clock: overrides.clock } : {}),
    });
    service.live.restore();
    return { service, warnings };
  } catch (error) {
    if (!overrides.history) void history.close();
    throw error;
  }
}
