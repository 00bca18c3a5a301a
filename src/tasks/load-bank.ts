// The bank at start-up: generators + the curated bank shipped in tasks/ + whatever Hub datasets are cached.
import { type BankOptionsInput, TaskBank } from "./bank.js";
import { GENERATORS } from "./generators/index.js";
import { loadCuratedTasks } from "./sources/curated.js";
import { loadCachedHubTasks } from "./sources/hub/load-cached.js";

export interface LoadedBank {
  bank: TaskBank;
  /** Problems with the Hub cache that cost only the affected tasks. */
  warnings: string[];
}

export function loadBank(dataDir: string, options: BankOptionsInput = {}): LoadedBank {
  const hub = loadCachedHubTasks(dataDir);
  const bank = new TaskBank({ generators: GENERATORS, curated: loadCuratedTasks(), hub: hub.tasks, options });
  return { bank, warnings: hub.warnings };
}
