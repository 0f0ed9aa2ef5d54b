// What a person sees after an action: where the keyboard focus is, whether it is inside the window, and what
// a screen reader reads there (the element's text, or a field's label and the error tied to it).
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { signInByRequest } from "./browser";

export type Size = { width: number; height: number };
export const DESKTOP: Size = { width: 1366, height: 900 };
export const PHONE: Size = { width: 390, height: 844 };

/** A signed-in page of a new context; `js: false` is a browser without scripts. */
export async function pageAs(
  browser: Browser,
  baseUrl: string,
  username: string,
  { size = DESKTOP, js = true }: { size?: Size; js?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: size, javaScriptEnabled: js, acceptDownloads: true });
  const page = await context.newPage();
  await signInByRequest(page, baseUrl, username);
  return page;
}

type Focused = { tag: string; role: string | null; invalid: string | null; reads: string; top: number; bottom: number };

const readFocus = (page: Page) =>
  page.evaluate((): Focused => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: "body", role: null, invalid: null, reads: "", top: 0, bottom: 0 };
    const rect = (el.closest(".scale label") ?? el).getBoundingClientRect();
    const described = (el.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ");
    const group = el.closest("fieldset");
    const groupError = group?.getAttribute("aria-describedby")
      ? (document.getElementById(group.getAttribute("aria-describedby") ?? "")?.textContent ?? "")
      : "";
    return {
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute("role"),
      invalid: el.getAttribute("aria-invalid"),
      reads: `${el.textContent ?? ""} ${described} ${groupError}`.replace(/\s+/g, " ").trim(),
      top: rect.top,
      bottom: rect.bottom,
    };
  });

/**
 * Waits until the focus sits on what says `pattern` (a message, or a field in error whose error says it) and
 * checks that it is inside the window. Returns what has the focus.
 */
export async function expectFocusOn(page: Page, pattern: RegExp): Promise<Focused> {
  let last: Focused | undefined;
  for (let i = 0; i < 50; i++) {
    last = await readFocus(page);
    if (pattern.test(last.reads)) break;
    await page.waitForTimeout(100);
  }
  expect(last?.reads).toMatch(pattern);
  const height = page.viewportSize()?.height ?? 0;
  expect(last?.top).toBeGreaterThanOrEqual(0);
  expect(last?.bottom).toBeLessThanOrEqual(height);
  return last as Focused;
}

/** Tabs from `start` through the page until `stop` has the focus; the focused rectangles under the sticky bar. */
export async function tabStopsUnderStickyBar(page: Page, start: string, stopId: string) {
  await page.locator(start).focus();
  const covered: string[] = [];
  let stops = 0;
  for (let guard = 0; guard < 200; guard++) {
    await page.keyboard.press("Tab");
    stops += 1;
    const seen = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const bar = document.querySelector(".running-total")?.getBoundingClientRect();
      const rect = (el.closest(".scale label") ?? el).getBoundingClientRect();
      const under = !!bar && rect.bottom > bar.top + 0.5 && rect.top < bar.bottom - 0.5;
      return { id: el.id, name: el.getAttribute("name") ?? el.textContent ?? "", under };
    });
    if (seen.under) covered.push(seen.name);
    if (seen.id === stopId) break;
  }
  return { stops, covered };
}
