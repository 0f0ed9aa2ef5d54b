// A role's walk through the app as a person makes it (issue 11): signed in once, then only clicks — the main
// navigation (on a phone behind its "Menu"), links and buttons. After each save or refusal the message, or the
// first field in error, must have the focus inside the window; with MUTU_SCREENSHOTS=1 a screenshot keeps that
// moment. The whole walk long, every page the walk meets is watched for sideways scrolling.
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { expect, onTestFinished } from "vitest";
import { shoot, signIn } from "./browser";
import { DESKTOP, expectFocusOn, PHONE } from "./focus";

export const SIZES = [
  ["desktop", DESKTOP],
  ["phone", PHONE],
] as const;
export type SizeLabel = (typeof SIZES)[number][0];

const screenshots = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));

export type Walk = {
  page: Page;
  label: SizeLabel;
  /** Where a page was wider than the window: "address: scroll width > window width". */
  sideways: string[];
  /** Opens a page of the main navigation, as a person would on this size. */
  menu: (link: string) => Promise<void>;
  /** Waits until the result of a save (or a refusal) has the focus and is in view; shoot() keeps a screenshot. */
  result: (pattern: RegExp, shot: string) => Promise<{ tag: string; role: string | null; invalid: string | null }>;
  /** Checks that no page of the walk scrolled sideways. */
  end: () => void;
};

declare global {
  interface Window {
    mutuSideways?: (scrollWidth: number, clientWidth: number) => void;
  }
}

/**
 * Signs `username` in on a new context of `size` (closed when the test ends) and watches every page it opens
 * for sideways scrolling. Call it inside a test.
 */
export async function startWalk(
  browser: Browser,
  baseUrl: string,
  username: string,
  [label, size]: (typeof SIZES)[number],
): Promise<Walk> {
  const context = await browser.newContext({ viewport: size, acceptDownloads: true });
  onTestFinished(() => context.close()); // also when the walk fails halfway
  const sideways: string[] = [];
  await context.exposeBinding("mutuSideways", ({ page: at }, scrollWidth: number, clientWidth: number) => {
    const seen = `${new URL(at.url()).pathname}: ${scrollWidth} > ${clientWidth}`;
    if (!sideways.includes(seen)) sideways.push(seen);
  });
  // After the page has loaded and after every change to it (a message, an opened step, a chart drawn), once a
  // frame: the document must not be wider than its window.
  await context.addInitScript(() => {
    let queued = false;
    const check = () => {
      queued = false;
      const root = document.scrollingElement;
      if (root && root.scrollWidth > root.clientWidth) window.mutuSideways?.(root.scrollWidth, root.clientWidth);
    };
    const soon = () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(check);
    };
    addEventListener("load", () => {
      soon();
      new MutationObserver(soon).observe(document.body, { subtree: true, childList: true, attributes: true });
      addEventListener("toggle", soon, true);
    });
  });
  // Watched from the sign-in on (through the form, as a person does), so the home page it leads to is watched as
  // it loads: no second load of it.
  const page = await context.newPage();
  await signIn(page, baseUrl, username);

  return {
    page,
    label,
    sideways,
    menu: async (link) => {
      if (label === "phone") await page.locator("summary", { hasText: /^Menu$/ }).click();
      // Only the visible navigation is a "navigation" to Playwright: on a phone the one inside the menu.
      await page
        .getByRole("navigation", { name: "Navigasi utama" })
        .getByRole("link", { name: link, exact: true })
        .click();
    },
    result: async (pattern, shot) => {
      const focused = await expectFocusOn(page, pattern);
      await shoot(page, { path: `${screenshots}jalan-${username}-${shot}-${label}.png` });
      return focused;
    },
    end: () => {
      expect(sideways, "pages that scrolled sideways").toEqual([]);
    },
  };
}
