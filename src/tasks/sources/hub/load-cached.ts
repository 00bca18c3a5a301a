// Loads the cached, normalised Hub tasks for the task bank at start-up: offline, synchronous, never fatal.
import { existsSync, readFileSync } from "node:fs";
import { Task } from "../../task.js";
import { type HubManifest, hubCachePaths, readManifest } from "./hub-cache.js";

export interface CachedHubTasks {
  tasks: Task[];
  manifest: HubManifest;
  /** Problems found (missing or damaged files, invalid lines, duplicate ids); the rest still loads. */
  warnings: string[];
}

/**
 * Every task listed by `<dataDir>/datasets/manifest.json`. No cache gives no tasks and no warnings; a bad
 * line or file costs only itself, with a warning, so a damaged cache never stops the server.
 * @example const { tasks, warnings } = loadCachedHubTasks(process.env.ECHO_DATA_DIR ?? "./data")
 */
export function loadCachedHubTasks(dataDir: string): CachedHubTasks {
  const { manifest, warnings } = readManifest(dataDir);
  const paths = hubCachePaths(dataDir);
  const tasks: Task[] = [];
  const seen = new Set<string>();
  for (const [name, entry] of Object.entries(manifest.entries)) {
    const file = paths.resolve(entry.tasks_file);
    if (!existsSync(file)) {
      warnings.push(`${name}: ${entry.tasks_file} is missing; run 'echo-env tasks download' again`);
      continue;
    }
    let loaded = 0;
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (line.trim() === "") return;
        const task = parseLine(line);
        if (task === null) {
          warnings.push(`${entry.tasks_file}:${i + 1}: not a valid task; skipped`);
        } else if (seen.has(task.id)) {
          warnings.push(`${entry.tasks_file}:${i + 1}: duplicate id ${task.id}; skipped`);
        } else {
          seen.add(task.id);
          tasks.push(task);
          loaded += 1;
        }
      });
    if (loaded !== entry.task_count) {
      warnings.push(`${name}: loaded ${loaded} tasks, the manifest lists ${entry.task_count}`);
    }
  }
  return { tasks, manifest, warnings };
}

function parseLine(line: string): Task | null {
  try {
    const parsed = Task.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
