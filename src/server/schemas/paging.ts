// Paging query fields and the paged reply, shared by the listing routes (/questions, /history).
import { z } from "zod";

/** `limit` and `offset` query fields; query values arrive as strings, hence the coercion. */
export function pagingQuery(defaultLimit: number, maxLimit: number) {
  return {
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(maxLimit)
      .default(defaultLimit)
      .describe(`Items per page, 1..${maxLimit} (default ${defaultLimit})`),
    offset: z.coerce
      .number()
      .int()
      .min(0)
      .max(Number.MAX_SAFE_INTEGER)
      .default(0)
      .describe("Items to skip before the page starts (default 0)"),
  };
}

/** `{ items, total, limit, offset }` around an item schema. */
export function pageOf<T extends z.ZodType>(item: T, items: string) {
  return z.object({
    items: z.array(item).describe(items),
    total: z.number().int().min(0).describe("Matching items across all pages"),
    limit: z.number().int().min(1).describe("Page size used"),
    offset: z.number().int().min(0).describe("Items skipped before this page"),
  });
}
