// The dashboard end to end: a listening server on 127.0.0.1 and Debian's Chromium driving the real page.
import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { CalibrationReport } from "../../src/core/metrics/calibration-report.js";
import { PRESET_NAMES } from "../../src/core/reward/presets.js";
import { createRng } from "../../src/core/rng.js";
import type { Domain } from "../../src/core/taxonomy.js";
import type { EchoApp } from "../../src/server/app.js";
import type { HistoryPage } from "../../src/server/routes/metrics.js";
import { build } from "../helpers/build-app.js";
import { says } from "../helpers/score-batch.js";
import { launchChromium, type PageProblems, watchProblems } from "./chromium.js";
import { prefixProxy } from "./prefix-proxy.js";

const KEY = "dashboard-e2e-key";
const SHOTS = "test-results";

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
}, 15 * 60_000);

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
});

/** The app listening on a free loopback port (closed after the test by the build helper). */
async function serve(env: Record<string, string> = {}): Promise<{ app: EchoApp; url: string }> {
  const app = await build(env);
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  return { app, url };
}

async function open(
  url: string,
  path = "/web/?interval=500",
  viewport = { width: 1280, height: 900 },
): Promise<{ page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ viewport });
  contexts.push(context);
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${url}${path}`);
  return { page, problems };
}

const episodesShown = (page: Page, n: number) =>
  page.waitForFunction(`document.body.dataset.episodes === "${n}"`, undefined, { timeout: 30_000 });

// The page's number formats (src/web/format.js), written out again so a change there is caught here.
const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
const dec = (x: number | null) => (x === null ? "—" : x.toFixed(3));
const signed = (x: number | null) => {
  if (x === null) return "—";
  const text = Math.abs(x).toFixed(3);
  if (Number(text) === 0) return text;
  return x > 0 ? `+${text}` : `−${text}`;
};

/** Some answer other than the gold one: another option letter, or nonsense. */
const wrongAnswer = (gold: string, choices: readonly string[] | null) =>
  choices ? (gold === "A" ? "B" : "A") : "no-such-answer";

async function postReward(url: string, items: { task_id: string; response: string }[], headers = {}) {
  const res = await fetch(`${url}/reward`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ items }),
  });
  expect(res.status).toBe(200);
  return res.json();
}

async function cardText(page: Page, metric: string): Promise<{ text: string; value: string | null }> {
  const value = page.locator(`[data-metric="${metric}"] dd.value`);
  return { text: (await value.textContent()) ?? "", value: await value.getAttribute("data-value") };
}

/** Plays one episode in the playground, answering right or wrong, and returns the shown reward parts. */
async function playInPlayground(page: Page, app: EchoApp, right: boolean, confidence: number) {
  await page.getByRole("button", { name: "Draw a question" }).click();
  await page.locator("#pg-question").waitFor({ state: "visible" });
  const meta = (await page.locator("#pg-meta").textContent()) ?? "";
  const taskId = meta.split(" · ").at(-1) as string;
  const task = app.echo.task(taskId);
  await page.getByLabel("Confidence (0–100)").fill(String(confidence));
  await page
    .getByLabel("Answer", { exact: true })
    .fill(right ? task.answer : wrongAnswer(task.answer, task.choices));
  await page.getByRole("button", { name: "Submit answer" }).click();
  await page.locator("#pg-result").waitFor({ state: "visible" });
  const parts = await page
    .locator("#pg-components-body td.num")
    .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute("data-value"))));
  const reward = Number(await page.locator("#pg-reward").getAttribute("data-value"));
  const rewardText = (await page.locator("#pg-reward").textContent()) ?? "";
  const verdict = (await page.locator("#pg-verdict").textContent()) ?? "";
  return { taskId, parts, reward, rewardText, verdict };
}

// A browser test waits on polls and renders; give each one room on a busy two-core machine.
describe("dashboard in a real browser", { timeout: 90_000 }, () => {
  it("loads from / without console errors or failed requests", async () => {
    const { url } = await serve();
    const { page, problems } = await open(url, "/");
    expect(new URL(page.url()).pathname).toBe("/web/");
    await episodesShown(page, 0);
    const curves = () => page.locator("#best-response-chart path[data-preset]").count();
    await expect.poll(curves).toBe(PRESET_NAMES.length);
    expect(await page.locator("svg.chart").count()).toBe(4);
    expect(await cardText(page, "count")).toEqual({ text: "0", value: "0" });
    expect((await cardText(page, "ece")).text).toBe("—");
    expect(await page.locator("#fingerprint-table tbody tr.empty").count()).toBe(7);
    expect(await page.locator("#conn").textContent()).toBe("Live");
    // Every chart has a text alternative.
    const names = await page
      .locator("svg.chart")
      .evaluateAll((svgs) => svgs.map((svg) => svg.getAttribute("aria-labelledby")?.split(" ").length));
    expect(names).toEqual([2, 2, 2, 2]);
    // Every form control has a label (a <label> or aria-label).
    const unlabelled = await page.evaluate(
      `[...document.querySelectorAll("input, select, textarea")]
        .filter((c) => c.labels.length === 0 && !c.getAttribute("aria-label")).map((c) => c.id)`,
    );
    expect(unlabelled).toEqual([]);
    expect(problems.list).toEqual([]);
  });

  it("plays an episode in the playground and shows components that sum to the reward", async () => {
    const { app, url } = await serve();
    const { page, problems } = await open(url);
    await episodesShown(page, 0);
    const right = await playInPlayground(page, app, true, 80);
    expect(right.verdict).toMatch(/^Right/);
    expect(right.parts).toHaveLength(7);
    expect(right.parts.reduce((a, b) => a + b, 0)).toBeCloseTo(right.reward, 9);
    expect(right.rewardText).toBe(signed(right.reward));
    const history = (await (await fetch(`${url}/history?limit=1`)).json()) as z.infer<typeof HistoryPage>;
    expect(history.items[0]?.task_id).toBe(right.taskId);
    expect(history.items[0]?.reward).toBe(right.reward);

    await page.getByRole("button", { name: "Draw a question" }).click();
    await page.getByRole("radio", { name: "Raw response" }).check();
    await page.locator("#pg-response").fill(says(95, "surely-not-the-answer"));
    await page.getByRole("button", { name: "Submit answer" }).click();
    await expect.poll(() => page.locator("#pg-verdict").textContent()).toMatch(/^Wrong/);
    const overconfidence = Number(
      await page.locator('[data-component="overconfidence"] td.num').getAttribute("data-value"),
    );
    expect(overconfidence).toBeLessThan(0);
    await episodesShown(page, 2);
    expect(problems.list).toEqual([]);
  });

  it("updates the cards and the reliability diagram after episodes arrive through the API", async () => {
    const { app, url } = await serve();
    const { page, problems } = await open(url);
    await episodesShown(page, 0);
    // 200 answers at 80% of which 120 are right, and 100 at 30% of which 30 are right.
    const list = app.echo.bank.list({ domain: "math" }, 3);
    const items = Array.from({ length: 300 }, (_, i) => {
      const task = list.at(i);
      const [confidence, right] = i < 200 ? [80, i < 120] : [30, i < 230];
      return {
        task_id: task.id,
        response: says(confidence, right ? task.answer : wrongAnswer(task.answer, task.choices)),
      };
    });
    await postReward(url, items);
    await episodesShown(page, 300);

    const metrics = (await (await fetch(`${url}/metrics`)).json()) as CalibrationReport;
    expect(metrics.accuracy).toBeCloseTo(0.5, 12);
    const expected: [string, string][] = [
      ["count", "300"],
      ["accuracy", pct(metrics.accuracy)],
      ["mean_confidence", pct(metrics.mean_confidence)],
      ["ece", dec(metrics.ece)],
      ["mce", dec(metrics.mce)],
      ["brier", dec(metrics.brier)],
      ["auroc", dec(metrics.auroc)],
      ["overconfidence_rate", pct(metrics.overconfidence_rate)],
      ["false_confidence_rate", pct(metrics.false_confidence_rate)],
      ["abstention_rate", pct(metrics.abstention_rate)],
      ["refusal_rate_answerable", pct(metrics.refusal_rate_answerable)],
      ["mean_reward", signed(metrics.mean_reward)],
    ];
    // 80 of the 200 answers at 80% were wrong; no unanswerable question was asked, so those figures are empty.
    expect(metrics.false_confidence_rate).toBeCloseTo(0.4, 12);
    for (const metric of ["refusal_rate_unanswerable", "confident_fabrication_rate"]) {
      expect(metrics[metric as keyof CalibrationReport], metric).toBeNull();
      expect((await cardText(page, metric)).text, metric).toBe("—");
    }
    for (const [metric, text] of expected) {
      const shown = await cardText(page, metric);
      expect(shown.text, metric).toBe(text);
      const raw = metrics[metric as keyof CalibrationReport] as number;
      expect(Number(shown.value), metric).toBeCloseTo(raw, 12);
    }
    expect((await cardText(page, "phase")).text).toMatch(/^[123]/);
    expect((await cardText(page, "preset")).text).toBe("calibrated");

    const bins = await page.locator("#reliability-chart g.bin").evaluateAll((groups) =>
      groups.map((g) => ({
        bin: Number(g.getAttribute("data-bin")),
        count: Number(g.getAttribute("data-count")),
        accuracy: Number(g.getAttribute("data-accuracy")),
        confidence: Number(g.getAttribute("data-confidence")),
      })),
    );
    expect(bins).toEqual([
      { bin: 3, count: 100, accuracy: 0.3, confidence: 0.3 },
      { bin: 8, count: 200, accuracy: 0.6, confidence: 0.8 },
    ]);
    expect(await page.locator("#reliability-chart .gap.over").count()).toBe(1);
    const mathRow = page.locator('#fingerprint-table tr[data-domain="math"] td');
    expect(await mathRow.first().textContent()).toBe("300");
    expect(await page.locator("#fingerprint-table tbody tr.empty").count()).toBe(6);
    expect(await page.locator("#timeline-chart path.line.ece").count()).toBe(1);
    await expect.poll(() => page.locator("#recent-body tr[data-episode]").count()).toBe(12);
    await expect
      .poll(() => page.locator("#recent-body td.question").first().textContent())
      .not.toMatch(/^gen\//);
    expect(problems.list).toEqual([]);
  });

  it("shows untrusted text from episodes as text, never as markup", async () => {
    const { app, url } = await serve();
    const { page, problems } = await open(url);
    await episodesShown(page, 0);
    const task = app.echo.bank.list({ domain: "math" }, 1).at(0);
    const hostile = `<confidence>50</confidence><answer><img src=x onerror="window.pwned=1">${task.answer}</answer>`;
    await postReward(url, [{ task_id: task.id, response: hostile }]);
    await episodesShown(page, 1);
    expect(await page.locator("#recent-body td.response").first().textContent()).toBe(hostile);
    expect(await page.locator("#recent-body img").count()).toBe(0);
    expect(await page.evaluate("window.pwned")).toBeUndefined();
    expect(problems.list).toEqual([]);
  });

  it("asks for the API key when the server wants one, keeps it for the tab, and then works", async () => {
    const { app, url } = await serve({ ECHO_API_KEY: KEY, ECHO_PUBLIC_READ: "false" });
    const { page, problems } = await open(url);
    const dialog = page.getByRole("dialog", { name: "API key required" });
    await dialog.waitFor({ state: "visible" });
    await page.getByRole("textbox", { name: "API key" }).fill("not-the-key");
    await page.getByRole("button", { name: "Use this key" }).click();
    await expect.poll(() => page.locator("#auth-reason").textContent()).toMatch(/did not accept/);
    await page.getByRole("textbox", { name: "API key" }).fill(KEY);
    await page.getByRole("button", { name: "Use this key" }).click();
    await episodesShown(page, 0);
    expect(await page.evaluate('sessionStorage.getItem("echo-api-key")')).toBe(KEY);

    const played = await playInPlayground(page, app, true, 70);
    expect(played.parts.reduce((a, b) => a + b, 0)).toBeCloseTo(played.reward, 9);
    await episodesShown(page, 1);
    await page.reload();
    await episodesShown(page, 1);
    expect(await dialog.isVisible()).toBe(false);
    // Only the refusals before a (right) key was entered went wrong.
    expect(problems.list.filter((p) => !p.includes("401"))).toEqual([]);
    expect(problems.list.length).toBeGreaterThan(0);
  });

  it("shows public figures without a key and asks for it only to play", async () => {
    const { url } = await serve({ ECHO_API_KEY: KEY });
    const { page } = await open(url);
    await episodesShown(page, 0);
    expect(await page.getByRole("dialog").isVisible()).toBe(false);
    await page.getByRole("button", { name: "Draw a question" }).click();
    await page.getByRole("dialog", { name: "API key required" }).waitFor({ state: "visible" });
    await page.getByRole("textbox", { name: "API key" }).fill(KEY);
    await page.getByRole("button", { name: "Use this key" }).click();
    await page.locator("#pg-question").waitFor({ state: "visible" });
  });

  it("stops asking for the key once dismissed, until the user asks to enter one", async () => {
    const { url } = await serve({ ECHO_API_KEY: KEY, ECHO_PUBLIC_READ: "false" });
    const { page } = await open(url);
    const dialog = page.getByRole("dialog", { name: "API key required" });
    await dialog.waitFor({ state: "visible" });
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => page.locator("#conn").textContent()).toMatch(/Enter API key/);
    await page.waitForTimeout(1500); // three poll intervals
    expect(await dialog.isVisible()).toBe(false);
    await page.getByRole("button", { name: "Enter API key" }).click();
    await page.getByRole("textbox", { name: "API key" }).fill(KEY);
    await page.getByRole("button", { name: "Use this key" }).click();
    await episodesShown(page, 0);
    expect(await page.getByRole("button", { name: "Enter API key" }).isVisible()).toBe(false);
    await page.getByRole("button", { name: "Forget API key" }).click();
    await dialog.waitFor({ state: "visible" });
  });

  it("works behind a reverse proxy that serves it under a path prefix", async () => {
    const { url } = await serve();
    const proxy = await prefixProxy(url, "/echo");
    try {
      const { page, problems } = await open(proxy.url, "/echo/web/?interval=500");
      const seen: string[] = [];
      page.on("request", (request) => seen.push(new URL(request.url()).pathname));
      await episodesShown(page, 0);
      await page.reload();
      await episodesShown(page, 0);
      expect(seen.length).toBeGreaterThan(5);
      expect(seen.filter((path) => !path.startsWith("/echo/"))).toEqual([]);
      expect(problems.list).toEqual([]);
    } finally {
      proxy.server.closeAllConnections();
      await new Promise((resolve) => proxy.server.close(resolve));
    }
  });

  it("after a scripted run of a few hundred episodes, looks right wide and narrow (screenshots)", async () => {
    const { app, url } = await serve();
    await simulateTraining(app, url, 600);
    mkdirSync(SHOTS, { recursive: true });
    const { page, problems } = await open(url);
    await episodesShown(page, 600);
    await playInPlayground(page, app, true, 85);
    await episodesShown(page, 601);
    await page.screenshot({ path: `${SHOTS}/dashboard.png`, fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    // The training curve is redrawn at its box's width shortly after a resize.
    await page.waitForFunction(
      `Math.abs(document.querySelector("#timeline-chart svg").viewBox.baseVal.width -
        document.getElementById("timeline-chart").clientWidth) <= 16`,
    );
    await page.screenshot({ path: `${SHOTS}/dashboard-narrow.png`, fullPage: true });
    const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    expect(overflow).toBeLessThanOrEqual(0);
    // Keyboard: on a fresh load the first Tab reaches the skip link.
    await page.reload();
    await episodesShown(page, 601);
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement?.textContent")).toBe("Skip to the dashboard");
    expect(problems.list).toEqual([]);
  });
});

/**
 * A model that learns calibration: per-domain skill, confidence that starts 25 points too high and settles
 * on the truth, some format failures early and some abstentions late. Creative is left empty on purpose.
 */
async function simulateTraining(app: EchoApp, url: string, episodes: number): Promise<void> {
  const skill: Partial<Record<Domain, number>> = {
    math: 0.75,
    logic: 0.6,
    factual: 0.7,
    science: 0.65,
    medical: 0.45,
    coding: 0.55,
  };
  const domains = Object.keys(skill) as Domain[];
  const pools = Object.fromEntries(domains.map((d) => [d, app.echo.bank.list({ domain: d }, 11)]));
  const rng = createRng(20_240_601);
  const items: { task_id: string; response: string }[] = [];
  for (let i = 0; i < episodes; i++) {
    const t = i / episodes;
    const domain = rng.pick(domains);
    const pool = pools[domain]!;
    const task = pool.at(rng.int(0, pool.size - 1));
    const p = skill[domain]!;
    const right = rng.chance(p);
    const stated = Math.round(100 * Math.min(1, Math.max(0, p + 0.25 * (1 - t) + (rng.next() - 0.5) * 0.2)));
    const answer = right ? task.answer : wrongAnswer(task.answer, task.choices);
    let response = says(stated, answer);
    if (t < 0.3 && rng.chance(0.06)) response = `I think it is ${answer}`;
    else if (t > 0.5 && p < 0.5 && rng.chance(0.3)) response = says(5, "I don't know");
    items.push({ task_id: task.id, response });
  }
  for (let i = 0; i < items.length; i += 100) await postReward(url, items.slice(i, i + 100));
}
