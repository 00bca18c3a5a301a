// A real server process on a disk that fills up (a small tmpfs): writes answer 503 with Retry-After while
// /health stays healthy and /ready says why, everything works again once space is freed (no restart), and
// after a SIGKILL and a restart the history holds every episode whose reward a client received, and no other.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { says } from "../helpers/score-batch.js";
import { postJson, spawnServer } from "../helpers/spawn-server.js";
import { fillDisk, mountTmpfs, tmpfsAvailable } from "../helpers/tmpfs.js";
import { withTimeout } from "../helpers/ws-client.js";

async function step(url: string): Promise<{ status: number; id: string; headers: Headers; body: unknown }> {
  const reset = (await postJson(`${url}/reset`, {})) as { observation: { episode_id: string } };
  const id = reset.observation.episode_id;
  const res = await fetch(`${url}/step`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ episode_id: id, action: { response: says(70, "4".repeat(3000)) } }),
  });
  return { status: res.status, id, headers: res.headers, body: await res.json() };
}

async function storedIds(url: string): Promise<string[]> {
  const res = await fetch(`${url}/history?limit=200`);
  if (res.status !== 200) throw new Error(`/history: ${res.status} ${await res.text()}`);
  const page = (await res.json()) as { items: { episode_id: string }[] };
  return page.items.map((item) => item.episode_id).sort();
}

describe.skipIf(!tmpfsAvailable)("a server whose disk fills up (a 3 MiB tmpfs)", () => {
  it("answers 503 while full, recovers once space is freed, and keeps exactly what it acknowledged", async () => {
    const dir = mountTmpfs(3072);
    const db = join(dir, "echo.db");
    const first = await spawnServer({ ECHO_DB: db });
    const acknowledged: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await step(first.url);
      expect(r.status).toBe(200);
      acknowledged.push(r.id);
    }
    fillDisk(join(dir, "filler"));
    // The WAL may have room for a few more frames: step until the disk refuses (bounded).
    let refused: Awaited<ReturnType<typeof step>> | undefined;
    for (let i = 0; i < 300 && refused === undefined; i++) {
      const r = await step(first.url);
      if (r.status === 200) acknowledged.push(r.id);
      else refused = r;
    }
    expect(refused?.status).toBe(503);
    expect(refused?.headers.get("retry-after")).toBe("30");
    expect(refused?.body).toMatchObject({ code: "STORAGE_UNAVAILABLE", cause: "disk_full" });
    expect((await fetch(`${first.url}/health`)).status).toBe(200);
    const ready = await fetch(`${first.url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ code: "STORAGE_UNAVAILABLE", cause: "disk_full" });

    rmSync(join(dir, "filler"));
    // /ready re-checks the disk at most once a second: poll it (bounded) until it turns 200.
    let readyAgain = 0;
    for (let i = 0; i < 40 && readyAgain !== 200; i++) {
      readyAgain = (await fetch(`${first.url}/ready`)).status;
      if (readyAgain !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(readyAgain).toBe(200);
    const after = await step(first.url);
    expect(after.status).toBe(200);
    acknowledged.push(after.id);

    first.child.kill("SIGKILL");
    await withTimeout(
      new Promise((resolve) => first.child.once("exit", resolve)),
      10_000,
      "the killed server",
    );
    const second = await spawnServer({ ECHO_DB: db });
    expect(await storedIds(second.url)).toEqual([...acknowledged].sort());
    second.child.kill("SIGKILL");
  }, 60_000);
});
