// Query of the metric routes (/metrics, /metrics/{domain}, /fingerprint): history filters plus a window.
import { z } from "zod";
import { HistoryFilter } from "../../store/history-store.js";

export const MAX_WINDOW = 1_000_000;

export const MetricsQuery = HistoryFilter.omit({ correct: true }).extend({
  window: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_WINDOW)
    .optional()
    .describe(`Only the newest N matching episodes, 1..${MAX_WINDOW} (default: all recorded episodes)`),
});
export type MetricsQuery = z.infer<typeof MetricsQuery>;

/** Splits a parsed query into the history filter and the window. */
export function filterOf(query: MetricsQuery): { filter: HistoryFilter; window: number | undefined } {
  const { window, ...filter } = query;
  return { filter, window };
}
