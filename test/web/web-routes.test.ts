// The dashboard's static files and redirects through inject(): content types, caching, and no way out of src/web.
import { describe, expect, it } from "vitest";
import { WEB_DIR } from "../../src/server/routes/web.js";
import { build } from "../helpers/build-app.js";

describe("dashboard routes", () => {
  it("redirects / to /web/ (relatively, so a proxy's prefix is kept) and /web to /web/", async () => {
    const app = await build();
    const root = await app.inject({ method: "GET", url: "/" });
    expect(root.statusCode).toBe(302);
    expect(root.headers.location).toBe("web/");
    expect(new URL(root.headers.location as string, "http://h/").pathname).toBe("/web/");
    expect(new URL(root.headers.location as string, "http://h/echo/").pathname).toBe("/echo/web/");
    const bare = await app.inject({ method: "GET", url: "/web" });
    expect([301, 302]).toContain(bare.statusCode);
    expect(bare.headers.location).toBe("/web/");
  });

  it("serves the page as HTML with the scripts and styles it names", async () => {
    const app = await build();
    const page = await app.inject({ method: "GET", url: "/web/" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.body).toContain('<script type="module" src="app.js">');
    expect(page.body).toContain('href="styles.css"');
    expect(page.headers.etag).toBeTruthy();
    const index = await app.inject({ method: "GET", url: "/web/index.html" });
    expect(index.statusCode).toBe(200);
    expect(index.body).toBe(page.body);
  });

  it.each([
    ["/web/app.js", /^(text|application)\/javascript/],
    ["/web/charts/reliability.js", /^(text|application)\/javascript/],
    ["/web/styles.css", /^text\/css/],
    ["/web/charts.css", /^text\/css/],
    ["/web/favicon.svg", /^image\/svg\+xml/],
  ])("serves %s with content type %s", async (url, type) => {
    const app = await build();
    const res = await app.inject({ method: "GET", url });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(type);
  });

  it("answers 404 for a missing file and HEAD like GET", async () => {
    const app = await build();
    expect((await app.inject({ method: "GET", url: "/web/nope.js" })).statusCode).toBe(404);
    const head = await app.inject({ method: "HEAD", url: "/web/app.js" });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe("");
  });

  it.each([
    "/web/../package.json",
    "/web/..%2fpackage.json",
    "/web/..%2Fpackage.json",
    "/web/%2e%2e/package.json",
    "/web/%2e%2e%2fpackage.json",
    "/web/%2E%2E%2F%2E%2E%2Fpackage.json",
    "/web/..%5cpackage.json",
    "/web/....//package.json",
    "/web/charts/../../../package.json",
    "/web/%252e%252e/package.json",
    "/web//etc/passwd",
    "/web/%2fetc%2fpasswd",
    "/web/..%00/package.json",
    "/web/.%2e/server/routes/web.ts",
  ])("never serves anything outside src/web: %s", async (url) => {
    const app = await build();
    const res = await app.inject({ method: "GET", url });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.body).not.toContain('"name": "echo-env"');
    expect(res.body).not.toContain("root:");
    expect(res.body).not.toContain("fastifyStatic");
  });

  it("keeps the static routes out of the OpenAPI document", async () => {
    const app = await build();
    const doc = (await app.inject({ method: "GET", url: "/openapi.json" })).json() as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths).filter((p) => p === "/" || p.startsWith("/web"))).toEqual([]);
    expect(doc.paths["/metrics/timeline"]).toBeDefined();
  });

  it("marks every dashboard route public for the access-control plugin", async () => {
    const app = await build();
    const seen = new Map<string, unknown>();
    app.addHook("onRequest", async (request) => {
      seen.set(request.url, (request.routeOptions.config as { access?: unknown }).access);
    });
    for (const url of ["/", "/web", "/web/", "/web/app.js", "/metrics/timeline"]) {
      await app.inject({ method: "GET", url });
    }
    expect(Object.fromEntries(seen)).toEqual({
      "/": "public",
      "/web": "public",
      "/web/": "public",
      "/web/app.js": "public",
      "/metrics/timeline": undefined,
    });
  });

  it("serves the page without a key while the data routes demand one", async () => {
    const app = await build({ ECHO_API_KEY: "dashboard-test-key", ECHO_PUBLIC_READ: "false" });
    expect((await app.inject({ method: "GET", url: "/" })).statusCode).toBe(302);
    expect((await app.inject({ method: "GET", url: "/web/" })).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/web/app.js" })).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/metrics/timeline" })).statusCode).toBe(401);
    const authorized = await app.inject({
      method: "GET",
      url: "/metrics/timeline",
      headers: { authorization: "Bearer dashboard-test-key" },
    });
    expect(authorized.statusCode).toBe(200);
  });

  it("finds the folder at <package root>/src/web from src and dist alike", () => {
    expect(WEB_DIR.endsWith("/src/web/")).toBe(true);
  });
});
