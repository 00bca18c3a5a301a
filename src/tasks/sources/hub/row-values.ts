// Defensive readers for Parquet row values: rows come from the network, so every field is checked.

/**
 * A non-empty trimmed string, or null for anything else (null, numbers, blank text).
 * @example text("  Paris ") // "Paris"
 */
export function text(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** Strings of a list, trimmed, blanks dropped; a non-array gives []. */
export function textList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map(text).filter((item): item is string => item !== null);
}

/** Whitespace-separated words. */
export function wordCount(value: string): number {
  const trimmed = value.trim();
  return trimmed === "" ? 0 : trimmed.split(/\s+/).length;
}

/**
 * An integer from a number or a BigInt (hyparquet returns int64 columns as BigInt), or null when it is
 * missing, fractional or outside the safe integer range.
 * @example toSafeInteger(2n) // 2
 */
export function toSafeInteger(value: unknown): number | null {
  if (typeof value === "bigint") {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) return null;
    return Number(value);
  }
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  return null;
}

/**
 * A JSON-safe deep copy: BigInt becomes a number when safe, else its decimal string (JSON.stringify
 * rejects BigInt); typed arrays become plain arrays; Dates become ISO strings.
 * @example plainValue({ cop: 3n, tags: [1n] }) // { cop: 3, tags: [1] }
 */
export function plainValue(value: unknown): unknown {
  if (typeof value === "bigint") return toSafeInteger(value) ?? value.toString();
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plainValue);
  if (ArrayBuffer.isView(value)) {
    if (value instanceof DataView) return null;
    return Array.from(value as unknown as ArrayLike<unknown>, plainValue);
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = plainValue(item);
  return out;
}
