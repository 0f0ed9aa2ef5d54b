// Debian's Chromium driven by playwright-core: no browser download, the same binary in CI and on a laptop.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";

/** The password of every demo account (fixtures loaded on first start). */
export const DEMO_PASSWORD = "mutu-demo-2026";

/**
 * The test server of this file's worker (browser-global-setup.ts): where it listens and its process id. Workers
 * are numbered from 1 (VITEST_POOL_ID), and two never run at once with the same number.
 */
export function testServer(): { baseUrl: string; pid: number } {
  const servers = inject("servers");
  const server = servers[(Number(process.env.VITEST_POOL_ID ?? "1") - 1) % servers.length];
  if (!server) throw new Error("no test server: run the browser project (vitest.config.ts)");
  return server;
}

/**
 * Debian's headless Chromium (package chromium-headless-shell) when it is installed: the same engine without the
 * desktop browser around it, and the suite takes half as long on two cores; else the full browser (chromium).
 */
function chromiumPath(): string {
  return existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium";
}
const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? chromiumPath(),
    args: [
      // Containers and CI runners as root lack what Chromium's sandbox needs.
      "--no-sandbox",
      "--disable-gpu",
      // No update checks, sync or QUIC probes: a test run talks to the test server only.
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });
}

/** Signs in through the form at /masuk and waits until the home page greets the user. */
export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/masuk`);
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL(`${baseUrl}/`);
  await page.getByRole("heading", { level: 1, name: /^Selamat datang, / }).waitFor();
}

/**
 * signIn without the form's two page loads: the form's fields are posted from the page's context (so the session
 * cookie lands in that browser), then the home page must greet the user as after signIn (read by request with
 * `openHome: false`, leaving the page where it is). Each call makes a new
 * session on the server, as signing in through the form does: sessions also keep state (a staff search, decision
 * 016), so tests never share one. The form itself is tested in navigation.test.ts and by the journeys.
 */
export async function signInByRequest(
  page: Page,
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
  { openHome = true }: { openHome?: boolean } = {},
): Promise<void> {
  const response = await page.context().request.post(`${baseUrl}/masuk`, {
    form: { username, password, redirectTo: "/" },
    // What the browser sends with the form: the server refuses writes from another origin.
    headers: { Origin: baseUrl },
    maxRedirects: 0,
  });
  if (response.status() !== 302 && response.status() !== 303) {
    throw new Error(`signing ${username} in answered ${response.status()}: ${await response.text()}`);
  }
  if (!openHome) {
    // The greeting read from the server's page, for a caller whose next step is not the home page.
    const home = await page.context().request.get(`${baseUrl}/`, { maxRedirects: 0 });
    if (home.status() !== 200 || !(await home.text()).includes("Selamat datang, ")) {
      throw new Error(`${username} is not signed in: the home page answered ${home.status()}`);
    }
    return;
  }
  await page.goto(`${baseUrl}/`);
  if (page.url() !== `${baseUrl}/`) throw new Error(`${username} is not signed in: the home page led to ${page.url()}`);
  await page.getByRole("heading", { level: 1, name: /^Selamat datang, / }).waitFor();
}

/**
 * For a test file that walks one user through the app: a browser and a signed-in page (1280×900, downloads
 * accepted) made before the tests, closed after them. Returns getters, since the page exists only then.
 */
export function signedInPage(baseUrl: string, username: string): { page: () => Page } {
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    await signInByRequest(page, baseUrl, username);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    page: () => {
      if (!page) throw new Error("the page is made before the tests");
      return page;
    },
  };
}

/** Follows a link of the main navigation, opening the phone's "Menu" first where the links are folded into it. */
export async function navigateTo(page: Page, name: string): Promise<void> {
  const menu = page.locator("details.phone-menu");
  if ((await menu.isVisible()) && !(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await menu.locator("summary").click();
  }
  await page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name, exact: true }).click();
}

/**
 * A screenshot for people to look at (test-results/screenshots/), taken only with MUTU_SCREENSHOTS=1: each costs
 * Chromium 0.2–0.6 s of CPU on a machine the suite already keeps busy, and no test reads them.
 */
export async function shoot(target: Page | Locator, options: { path: string; fullPage?: boolean }): Promise<void> {
  if (process.env.MUTU_SCREENSHOTS !== "1") return;
  if ("goto" in target) await target.screenshot(options);
  else await target.screenshot({ path: options.path });
}

/** Where shoot() puts the screenshot of `username`'s page at `path`: test-results/screenshots/<prefix>-<user><path>.png. */
export function screenshotPath(prefix: string, username: string, path: string): string {
  const folder = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));
  return `${folder}${prefix}-${username}${path.replace(/[^a-z0-9]+/gi, "-").replace(/-$/, "")}.png`;
}
