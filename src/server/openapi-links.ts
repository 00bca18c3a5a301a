// OpenAPI links: which reply value a later request can reuse, so clients and API fuzzers (schemathesis's
// stateful phase) can chain /reset into /step and /state on the same HTTP episode. One explicit list.

interface Link {
  from: { path: string; method: "get" | "post"; status: string };
  name: string;
  /** JSON Pointer escaping of the target path (~1 for /), as OpenAPI's operationRef wants. */
  operationRef: string;
  description: string;
  parameters?: Record<string, string>;
  requestBody?: Record<string, string>;
}

const EPISODE_ID = "$response.body#/observation/episode_id";

export const LINKS: readonly Link[] = [
  {
    from: { path: "/reset", method: "post", status: "200" },
    name: "StepThisEpisode",
    operationRef: "#/paths/~1step/post",
    description: "Answer the question this reset drew: send its episode_id with the action",
    requestBody: { episode_id: EPISODE_ID },
  },
  {
    from: { path: "/reset", method: "post", status: "200" },
    name: "StateOfThisEpisode",
    operationRef: "#/paths/~1state/get",
    description: "Read the state of the episode this reset started",
    parameters: { "query.episode_id": EPISODE_ID },
  },
  {
    from: { path: "/step", method: "post", status: "200" },
    name: "StateAfterStep",
    operationRef: "#/paths/~1state/get",
    description: "Read the state of the episode this step finished",
    parameters: { "query.episode_id": EPISODE_ID },
  },
];

/** The little of an OpenAPI document this file reads and writes. */
interface Paths {
  paths?: Record<string, Record<string, { responses?: Record<string, { links?: Record<string, unknown> }> }>>;
}

/** Adds LINKS to the document's replies (the document is the one @fastify/swagger built). */
export function withLinks<T>(document: T): T {
  const paths = (document as Paths).paths ?? {};
  for (const { from, name, operationRef, description, parameters, requestBody } of LINKS) {
    const response = paths[from.path]?.[from.method]?.responses?.[from.status];
    if (!response)
      throw new Error(`OpenAPI link ${name}: no ${from.status} reply of ${from.method} ${from.path}`);
    response.links = {
      ...response.links,
      [name]: {
        operationRef,
        description,
        ...(parameters ? { parameters } : {}),
        ...(requestBody ? { requestBody } : {}),
      },
    };
  }
  return document;
}
