// The two error bodies every route may answer with.
import { z } from "zod";
import { ERROR_TABLE } from "../error-table.js";

export const ErrorReply = z
  .object({
    detail: z.string().describe("What was wrong and what is expected"),
    code: z.string().describe(`Stable error code: ${Object.keys(ERROR_TABLE).join(", ")}`),
  })
  .loose()
  .meta({ id: "ErrorReply" });

export const ValidationErrorReply = z
  .object({
    detail: z
      .array(
        z.object({
          type: z.string().describe("Kind of problem (zod issue code, or json_invalid)"),
          loc: z
            .array(z.union([z.string(), z.number()]))
            .describe("Where: body, querystring or params, then the path"),
          msg: z.string().describe("What was wrong and what is expected"),
          input: z.unknown().optional(),
        }),
      )
      .describe("One entry per problem, as FastAPI reports them"),
    code: z.literal("VALIDATION_ERROR"),
  })
  .meta({ id: "ValidationErrorReply" });

/** A 422 is either a list of validation problems or one EchoError (e.g. UNKNOWN_PRESET, NO_TASKS). */
export const UnprocessableReply = z
  .union([ValidationErrorReply, ErrorReply])
  .meta({ id: "UnprocessableReply" });
