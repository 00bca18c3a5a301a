// How well a response followed its format (tags or answer line); shared by the parser, rewards and metrics.
import { z } from "zod";

export const FORMAT_VERDICTS = [
  "clean",
  "repaired",
  "missing_confidence",
  "missing_answer",
  "empty",
] as const;
export const FormatVerdict = z
  .enum(FORMAT_VERDICTS)
  .describe(
    "clean: both tags (or the answer line) parsed as written; repaired: usable after a fix-up (e.g. unclosed <answer>, clipped " +
      "confidence); missing_confidence / missing_answer: that part could not be read; empty: no usable text",
  );
export type FormatVerdict = z.infer<typeof FormatVerdict>;

/** A format failure is a response whose confidence or answer could not be read at all. */
export function isFormatFailure(format: FormatVerdict): boolean {
  return format === "missing_confidence" || format === "missing_answer" || format === "empty";
}
