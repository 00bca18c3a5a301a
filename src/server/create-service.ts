// Assembles the service from configuration: bank sources, presets, curriculum and history.
import { Curriculum } from "../core/curriculum.js";
import { getPreset } from "../core/reward/presets.js";
import { EchoService } from "../env/echo-service.js";
import type { HistoryStore } from "../store/history-store.js";
import { MemoryHistory } from "../store/memory-history.js";
import { loadBank } from "../tasks/load-bank.js";
import type { EnvConfig } from "./config.js";

export interface CreatedService {
  service: EchoService;
  warnings: string[];
}

export function createService(
  config: EnvConfig,
  overrides: { history?: HistoryStore; clock?: () => number } = {},
): CreatedService {
  getPreset(config.REWARD_PRESET); // throws a RangeError naming the valid presets
  const { bank, warnings } = loadBank(config.ECHO_DATA_DIR, {
    ...(config.ECHO_DOMAINS ? { domains: config.ECHO_DOMAINS } : {}),
    ...(config.ECHO_SOURCES ? { sources: config.ECHO_SOURCES } : {}),
    ...(config.ECHO_DOMAIN_WEIGHTS ? { domain_weights: config.ECHO_DOMAIN_WEIGHTS } : {}),
    ...(config.ECHO_SOURCE_WEIGHTS ? { source_weights: config.ECHO_SOURCE_WEIGHTS } : {}),
  });
  const service = new EchoService({
    bank,
    defaultPreset: config.REWARD_PRESET,
    curriculum: new Curriculum(),
    history: overrides.history ?? new MemoryHistory(),
    seed: config.ECHO_SEED,
    ...(overrides.clock ? { clock: overrides.clock } : {}),
  });
  service.restore();
  return { service, warnings };
}
