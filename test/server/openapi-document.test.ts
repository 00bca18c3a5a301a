// The OpenAPI document lists what clients and API fuzzers rely on: links from /reset to /step and /state that
// resolve, and every status the error handler can give a route (found missing by schemathesis).
import { describe, expect, it } from "vitest";
import { LINKS } from "../../src/server/openapi-links.js";
import { build } from "../helpers/build-app.js";

type Operation = { parameters?: { in: string }[]; requestBody?: unknown; responses: Record<string, unknown> };
type Doc = { paths: Record<string, Record<string, Operation>> };

async function documentOf(): Promise<Doc> {
  const app = await build();
  return (await app.inject({ method: "GET", url: "/openapi.json" })).json() as Doc;
}

/** The operation an operationRef such as "#/paths/~1step/post" names. */
function resolve(doc: Doc, ref: string): Operation | undefined {
  const [, path, method] = /^#\/paths\/([^/]+)\/(\w+)$/.exec(ref) ?? [];
  return path && method ? doc.paths[path.replaceAll("~1", "/")]?.[method] : undefined;
}

describe("the OpenAPI document", () => {
  it.each(LINKS.map((link) => [link.name, link] as const))(
    "has link %s, and its target exists",
    async (_n, link) => {
      const doc = await documentOf();
      const reply = doc.paths[link.from.path]?.[link.from.method]?.responses[link.from.status] as {
        links?: Record<string, { operationRef: string }>;
      };
      expect(reply.links?.[link.name]?.operationRef).toBe(link.operationRef);
      expect(resolve(doc, link.operationRef)).toBeDefined();
    },
  );

  it("chains as the links say: the episode_id of a /reset reply steps that episode and reads its state", async () => {
    const app = await build();
    const id = (await app.inject({ method: "POST", url: "/reset", payload: {} })).json().observation
      .episode_id;
    await app.inject({ method: "POST", url: "/reset", payload: {} }); // a later episode is now the most recent
    const step = await app.inject({
      method: "POST",
      url: "/step",
      payload: { episode_id: id, action: { response: "x" } },
    });
    expect(step.json().observation.episode_id).toBe(id);
    const state = await app.inject({ method: "GET", url: `/state?episode_id=${id}` });
    expect(state.json()).toMatchObject({ episode_id: id, done: true });
  });

  it("lists 400 on every route, 422 where a schema checks the request, and 413 and 415 where there is a body", async () => {
    const doc = await documentOf();
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method.toUpperCase()} ${path}`;
        const statuses = Object.keys(operation.responses);
        expect(statuses, where).toContain("400");
        if ((operation.parameters?.length ?? 0) > 0 || operation.requestBody)
          expect(statuses, where).toContain("422");
        if (operation.requestBody) expect(statuses, where).toEqual(expect.arrayContaining(["413", "415"]));
      }
    }
  });

  it("lists 401 exactly on the routes that need the key, when a key is set", async () => {
    const app = await build({ ECHO_API_KEY: "a-long-enough-key" });
    const doc = (await app.inject({ method: "GET", url: "/openapi.json" })).json() as Doc;
    const lists401 = (path: string, method: string) => "401" in (doc.paths[path]?.[method]?.responses ?? {});
    expect(lists401("/step", "post")).toBe(true);
    expect(lists401("/reward", "post")).toBe(true);
    expect(lists401("/curriculum", "put")).toBe(true);
    expect(lists401("/ws", "get")).toBe(true);
    expect(lists401("/health", "get")).toBe(false);
    expect(lists401("/history", "get")).toBe(false); // reads stay open by default
    const open = (await documentOf()) as Doc;
    expect("401" in (open.paths["/step"]?.post?.responses ?? {})).toBe(false);
  });

  it("shows the bounds of a phase in a query string (1 to 3), which /history enforces", async () => {
    const doc = await documentOf();
    const phase = doc.paths["/history"]?.get?.parameters?.find(
      (p) => (p as { name?: string }).name === "phase",
    );
    expect(phase).toMatchObject({ schema: { type: "integer", minimum: 1, maximum: 3 } });
    const app = await build();
    expect((await app.inject({ method: "GET", url: "/history?phase=0" })).statusCode).toBe(422);
  });

  it("takes a path parameter of 100 four-byte characters to its schema (not a 400 from the router)", async () => {
    const app = await build();
    const name = encodeURIComponent("😀".repeat(100));
    const res = await app.inject({ method: "GET", url: `/tasks/${name}/score` });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("UNKNOWN_EVAL_TASK");
  });
});
