// The home page with its inbox, signed in as a demo user, for the browser tests of the inbox and what feeds it.
import type { Browser, Page } from "playwright-core";
import { onTestFinished } from "vitest";
import { signIn } from "./browser";

export async function homeWithInbox(browser: Browser, baseUrl: string, username: string, width = 1366): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  onTestFinished(() => context.close());
  const page = await context.newPage();
  await signIn(page, baseUrl, username);
  await page.getByRole("heading", { level: 2, name: "Menunggu Anda" }).waitFor();
  return page;
}
