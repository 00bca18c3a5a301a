// The one formatter of zod validation issues: wire details ({type, loc, msg}) and the one-line text form.

/** What ECHO reads of a validation issue; zod's issues have this shape. */
export interface ValidationIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** One problem as the wire reports it, FastAPI-style: its kind, where it is, and what was wrong. */
export interface IssueDetail {
  type: string;
  loc: (string | number)[];
  msg: string;
}

/**
 * Issues as wire details, each path prefixed by `where` (e.g. ["body"]).
 * @example issueDetails(schema.safeParse(x).error.issues, ["body"]) // [{ type: "too_small", loc: ["body", "seed"], msg: "..." }]
 */
export function issueDetails(
  issues: readonly ValidationIssue[],
  where: readonly (string | number)[] = [],
): IssueDetail[] {
  return issues.map((issue) => ({
    type: issue.code,
    loc: [...where, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
    msg: issue.message,
  }));
}

/**
 * Issues as one line of text, "path: message" joined by "; "; `whole` names an issue about the value itself.
 * @example describeIssues(Task.safeParse({}).error.issues, "(task)") // "id: Invalid input: expected string, received undefined; ..."
 */
export function describeIssues(issues: readonly ValidationIssue[], whole: string): string {
  return issueDetails(issues)
    .map((detail) => `${detail.loc.join(".") || whole}: ${detail.msg}`)
    .join("; ");
}
