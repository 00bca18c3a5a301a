import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DEFAULT_RESPONSE_FORMAT, RESPONSE_FORMATS, ResponseFormat } from "../../src/core/response-format.js";

describe("ResponseFormat", () => {
  it("is tags or answer_line, tags when not given", () => {
    expect(RESPONSE_FORMATS).toEqual(["tags", "answer_line"]);
    expect(ResponseFormat.parse(undefined)).toBe("tags");
    expect(DEFAULT_RESPONSE_FORMAT).toBe("tags");
    expect(ResponseFormat.parse("answer_line")).toBe("answer_line");
    for (const bad of ["xml", "TAGS", "", null, 1]) expect(ResponseFormat.safeParse(bad).success).toBe(false);
  });

  it("is a named, described schema for the wire", () => {
    const schema = z.toJSONSchema(z.object({ response_format: ResponseFormat })) as {
      $defs?: Record<string, { description?: string; default?: string }>;
    };
    expect(schema.$defs?.ResponseFormat).toMatchObject({ default: "tags" });
    expect(schema.$defs?.ResponseFormat?.description).toMatch(/ANSWER: YES with 90% probability/);
  });
});
