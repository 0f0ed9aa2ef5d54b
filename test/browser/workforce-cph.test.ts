// The demo's CPH is one number: the workforce page (from the daily call statistics) and the KPI page (from the
// period reviews) show the same CPH for every agent of the period under review, in a real Chromium.
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { signedInPage, testServer } from "../support/browser";

const { baseUrl } = testServer();
const signedIn = signedInPage(baseUrl, "koordinator");
let page: Page;
beforeAll(() => {
  page = signedIn.page();
});

/** The text under the column whose header matches `header`, per agent (the /staf/<id> their row links to). */
function columnByAgent(table: Locator, header: RegExp): Promise<Map<string, string>> {
  return table
    .evaluate((t, source) => {
      const pattern = new RegExp(source);
      const headers = [...t.querySelectorAll("thead th")].map((th) => th.textContent?.trim() ?? "");
      const column = headers.findIndex((h) => pattern.test(h));
      const found: [string, string][] = [];
      for (const row of t.querySelectorAll("tbody tr")) {
        const cells = [...row.children];
        const agent = row.querySelector('a[href^="/staf/"]')?.getAttribute("href");
        if (agent && cells.length === headers.length) found.push([agent, cells[column]?.textContent?.trim() ?? ""]);
      }
      return found;
    }, header.source)
    .then((pairs) => new Map(pairs));
}

describe("the demo's CPH", () => {
  test("is the same on the workforce page and on the KPI page, agent by agent", async () => {
    await page.getByRole("link", { name: "Tenaga kerja", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Analitik tenaga kerja" }).waitFor();
    const workload = page.locator("section[aria-labelledby=beban]");
    const period = await workload.getByLabel("Periode").inputValue();
    await expect(workload.textContent()).resolves.not.toContain("Belum ada statistik panggilan");
    const fromStatistics = await columnByAgent(workload.getByRole("table"), /^CPH\b/);

    await page.getByRole("link", { name: "KPI", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Tinjauan KPI" }).waitFor();
    const picker = page.locator(".toolbar form").first();
    await picker.getByLabel("Periode").selectOption(period);
    await picker.getByRole("button", { name: "Tampilkan" }).click();
    await page.waitForURL(new RegExp(`periode=${period}`));
    const fromReviews = await columnByAgent(page.getByRole("table", { name: "KPI per petugas" }), /^CPH\b/);
    const reviewed = [...fromReviews].filter(([, cph]) => cph !== "—");
    expect(reviewed.length).toBeGreaterThan(15);
    for (const [agent, cph] of reviewed) expect(fromStatistics.get(agent), agent).toBe(cph);
  });
});
