// Loads the curated bank shipped in tasks/*.jsonl (unanswerable.jsonl too), refusing any line that is not a valid Task.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describeIssues } from "../../core/validation-issues.js";
import { Task } from "../task.js";

/** The tasks/ folder at the package root, found from this file in src/ or dist/. */
export const SHIPPED_TASKS_DIR = fileURLToPath(new URL("../../../tasks/", import.meta.url));

/** Parses JSONL text; errors name the file and line and say what was wrong. */
export function parseTaskLines(text: string, fileName: string): Task[] {
  const tasks: Task[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new Error(`${fileName}:${i + 1}: not valid JSON (${(error as Error).message})`);
    }
    const parsed = Task.safeParse(json);
    if (!parsed.success) {
      throw new Error(
        `${fileName}:${i + 1}: not a valid task: ${describeIssues(parsed.error.issues, "(task)")}`,
      );
    }
    tasks.push(parsed.data);
  });
  return tasks;
}

/** Every *.jsonl file in a folder, in name order. */
export function loadCuratedTasks(dir: string = SHIPPED_TASKS_DIR): Task[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".jsonl"))
    .sort();
  return files.flatMap((name) => parseTaskLines(readFileSync(join(dir, name), "utf8"), name));
}
