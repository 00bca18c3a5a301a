// Gold answers read defensively from a spec, with per-spec memoisation so hot loops reuse parsed gold.
import type { GradingSpec } from "./grade-result.js";

/** The gold answer followed by its aliases: strings only, trimmed, non-empty, without duplicates. */
export function goldTexts(spec: GradingSpec): string[] {
  const out: string[] = [];
  const add = (value: unknown) => {
    if (typeof value !== "string") return;
    const text = value.trim();
    if (text !== "" && !out.includes(text)) out.push(text);
  };
  add(spec?.answer);
  if (Array.isArray(spec?.aliases)) for (const alias of spec.aliases) add(alias);
  return out;
}

interface Memo<T> {
  answer: unknown;
  aliases: unknown;
  aliasCount: number;
  choices: unknown;
  answerIndex: unknown;
  value: T;
}

/**
 * Memoises `compute(spec)` per spec object. Tasks are immutable data, so the cache is checked only against the
 * identity of the fields a grader reads (and the alias count); a spec that is not an object is never cached.
 */
export function memoBySpec<T>(compute: (spec: GradingSpec) => T): (spec: GradingSpec) => T {
  const cache = new WeakMap<object, Memo<T>>();
  return (spec) => {
    if (typeof spec !== "object" || spec === null) return compute(spec);
    const aliasCount = Array.isArray(spec.aliases) ? spec.aliases.length : -1;
    const hit = cache.get(spec);
    if (
      hit !== undefined &&
      hit.answer === spec.answer &&
      hit.aliases === spec.aliases &&
      hit.aliasCount === aliasCount &&
      hit.choices === spec.choices &&
      hit.answerIndex === spec.answer_index
    ) {
      return hit.value;
    }
    const value = compute(spec);
    cache.set(spec, {
      answer: spec.answer,
      aliases: spec.aliases,
      aliasCount,
      choices: spec.choices,
      answerIndex: spec.answer_index,
      value,
    });
    return value;
  };
}
