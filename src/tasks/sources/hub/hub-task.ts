// What a dataset normaliser receives and the one place a normalised row becomes a validated Task.
import type { Domain } from "../../../core/taxonomy.js";
import { Task } from "../../task.js";

/** Everything about a row's origin a normaliser needs besides the row itself. */
export interface NormaliseContext {
  /** Registry key, also the id prefix: "gsm8k", "arc-challenge", "trivia_qa"... */
  key: string;
  /** Hub repo id, e.g. "openai/gsm8k". */
  repo: string;
  config: string;
  split: string;
  /** The resolved 40-hex commit SHA the file was downloaded at. */
  revision: string;
  license: string;
  domain: Domain;
}

/** A parsed Parquet row (BigInt already converted, but normalisers must not rely on that). */
export type HubRow = Record<string, unknown>;

/** A row normaliser: a Task, or null when the row is unusable (unlabeled, malformed, ambiguous). */
export type Normalise = (row: HubRow, index: number, context: NormaliseContext) => Task | null;

/** The stable id of a row: derived from the split and the row index only. */
export function hubTaskId(context: Pick<NormaliseContext, "key" | "split">, index: number): string {
  return `${context.key}/${context.split}/${index}`;
}

// Hub questions are all answerable: the schema's defaults fill answerable and unanswerable in.
type TaskDraft = Omit<Task, "id" | "domain" | "source" | "adversarial" | "answerable" | "unanswerable">;

/** Adds id, domain and provenance, then validates; an invalid draft gives null instead of a throw. */
export function finishHubTask(draft: TaskDraft, index: number, context: NormaliseContext): Task | null {
  const parsed = Task.safeParse({
    ...draft,
    id: hubTaskId(context, index),
    domain: context.domain,
    adversarial: false,
    source: {
      kind: "hub",
      dataset: context.repo,
      config: context.config,
      split: context.split,
      index,
      revision: context.revision,
      license: context.license,
    },
  });
  return parsed.success ? parsed.data : null;
}
