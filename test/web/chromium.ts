// Debian's Chromium driven by playwright-core for the dashboard tests; never a browser download.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Quiet, sandbox-free headless flags: this machine's network is closed, so no background traffic. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const INSTALL = "apt-get update && apt-get install -y --no-install-recommends chromium";

/** Installs Debian's chromium when it is missing and we are root (as .ci/run does); otherwise fails clearly. */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  if (process.getuid?.() === 0) {
    execFileSync("bash", ["-c", INSTALL], { stdio: "inherit", timeout: 15 * 60_000 });
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `the dashboard tests need Debian's Chromium at ${CHROMIUM_PATH}; install it as root with: ${INSTALL}`,
    );
  }
}

/** A headless Chromium; playwright gives each launch a fresh temporary profile (user data dir). */
export async function launchChromium(): Promise<Browser> {
  ensureChromium();
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
}

export interface PageProblems {
  /** Console errors, uncaught exceptions, failed requests and HTTP error replies, as lines. */
  list: string[];
}

/** Collects everything that would show as an error in the browser's console or network panel. */
export function watchProblems(page: Page): PageProblems {
  const problems: PageProblems = { list: [] };
  page.on("console", (message) => {
    if (message.type() === "error") problems.list.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.list.push(`exception: ${error.message}`));
  page.on("requestfailed", (request) => {
    const why = request.failure()?.errorText;
    // A reload aborts the polls in flight; that is the browser's doing, not a failure.
    if (why !== "net::ERR_ABORTED") problems.list.push(`failed: ${request.method()} ${request.url()} ${why}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.list.push(`http ${response.status()}: ${response.url()}`);
  });
  return problems;
}
