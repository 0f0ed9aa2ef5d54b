// The home page with its inbox, signed in as a demo user, for the browser tests of the inbox and what feeds it.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, onTestFinished } from "vitest";
import { launchBrowser, signInByRequest, testServer } from "./browser";

export async function homeWithInbox(browser: Browser, baseUrl: string, username: string, width = 1366): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  onTestFinished(() => context.close());
  const page = await context.newPage();
  await signInByRequest(page, baseUrl, username);
  await page.getByRole("heading", { level: 2, name: "Menunggu Anda" }).waitFor();
  return page;
}

/**
 * For a test file that signs in as several demo users: one browser for the file, and `home(username, width)`
 * opening a fresh signed-in home page (closed after its test). Also the test server's address.
 */
export function homesForThisFile() {
  const { baseUrl } = testServer();
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const home = (username: string, width = 1366) => {
    if (!browser) throw new Error("browser not ready: call inside a test");
    return homeWithInbox(browser, baseUrl, username, width);
  };
  return { baseUrl, home };
}
