// The response formats a model may be asked for: the <confidence>/<answer> tags, or one final answer line.
import { z } from "zod";

export const RESPONSE_FORMATS = ["tags", "answer_line"] as const;

export const ResponseFormat = z
  .enum(RESPONSE_FORMATS)
  .default("tags")
  .describe(
    "How the model is asked to answer and how its response is read. tags (default): " +
      "<confidence>N</confidence><answer>...</answer>; answer_line: a final line such as " +
      "'ANSWER: YES with 90% probability' (without any ANSWER: line, a last line stating a confidence counts)",
  )
  .meta({ id: "ResponseFormat" });
export type ResponseFormat = z.infer<typeof ResponseFormat>;

export const DEFAULT_RESPONSE_FORMAT: ResponseFormat = "tags";
