import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeIssues, issueDetails } from "../../src/core/validation-issues.js";

const Item = z.object({ seed: z.number().int().min(0), tags: z.array(z.string()) });
const issuesOf = (value: unknown) => Item.safeParse(value).error?.issues ?? [];

describe("issueDetails", () => {
  it("gives each issue its kind, its path under the prefix, and zod's message", () => {
    const details = issueDetails(issuesOf({ seed: -1, tags: ["a", 2] }), ["body"]);
    expect(details).toEqual([
      { type: "too_small", loc: ["body", "seed"], msg: expect.stringMatching(/>=\s*0/) },
      { type: "invalid_type", loc: ["body", "tags", 1], msg: expect.any(String) },
    ]);
  });

  it("handles no issues, no prefix and symbol keys", () => {
    expect(issueDetails([])).toEqual([]);
    const key = Symbol("k");
    expect(issueDetails([{ code: "custom", path: [key, 0], message: "bad" }])).toEqual([
      { type: "custom", loc: ["Symbol(k)", 0], msg: "bad" },
    ]);
  });
});

describe("describeIssues", () => {
  it("joins 'path: message' with '; ' and names an issue about the whole value", () => {
    expect(
      describeIssues(
        [
          { code: "custom", path: ["a", 0], message: "x" },
          { code: "custom", path: [], message: "y" },
        ],
        "(line)",
      ),
    ).toBe("a.0: x; (line): y");
    expect(describeIssues(issuesOf(7), "(task)")).toMatch(/^\(task\): /);
  });
});
