// No dead ends, in a real Chromium against the production build: every link a person of each role is shown on
// their main pages, and one page further, opens (200), never a 403 or 404; the workforce pages link to Impor only
// for those who may import; an agent's staff page lets an assessor score the agent and find their evaluations.
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from "vitest";
import { periodOf, shiftPeriod } from "../../analytics/period";
import { launchBrowser, shoot, signInByRequest, testServer } from "../support/browser";
import { walkLinks } from "../support/links";

const { baseUrl } = testServer();
// A period on the workforce page's list that is older than the demo's call statistics (six periods).
const EMPTY_PERIOD = shiftPeriod(periodOf(new Date()).id, -8).id;
const screenshots = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function pageAs(username: string, width = 1366, height = 900): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  onTestFinished(() => context.close());
  const page = await context.newPage();
  await signInByRequest(page, baseUrl, username);
  return page;
}

/** The addresses of the main navigation, as the person sees it. */
async function navigation(page: Page): Promise<string[]> {
  const links = page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link");
  const hrefs = await links.evaluateAll((all) => all.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.filter((h) => h.startsWith("/") && h !== "/");
}

describe("every link leads somewhere", () => {
  test.each(["admin", "kasi", "koordinator", "penilai", "supervisor", "petugas", "hr"])(
    "%s: every link on the main pages and one page further answers 200",
    { timeout: 180_000 },
    async (username) => {
      const page = await pageAs(username);
      const walked = await walkLinks(page.context().request, baseUrl, { navigation: await navigation(page) });
      expect(walked.checked).toBeGreaterThan(5);
      expect(walked.deadEnds).toEqual([]);
    },
  );
});

describe("the workforce pages point to Impor only for those who may import", () => {
  test("a supervisor is told who imports; the QA coordinator gets the link", async () => {
    const supervisor = await pageAs("supervisor");
    // A period without call statistics: the page says where they come from.
    await supervisor.goto(`${baseUrl}/tenaga-kerja?periode=${EMPTY_PERIOD}`);
    const workload = supervisor.locator("section[aria-labelledby=beban]");
    await expect(workload.textContent()).resolves.toContain(
      "Berkas statistik panggilan diimpor oleh Koordinator Penjamin Kualitas atau SDM.",
    );
    expect(await supervisor.locator('main a[href="/impor"]').count()).toBe(0);
    await supervisor.getByRole("link", { name: "Jadwal dinas" }).first().click();
    await supervisor.getByRole("heading", { level: 1, name: "Jadwal dinas" }).waitFor();
    expect(await supervisor.locator('main a[href="/impor"]').count()).toBe(0);
    await expect(supervisor.locator("main").textContent()).resolves.toContain(
      "dapat juga diimpor dari berkas CSV oleh Koordinator Penjamin Kualitas, Penjadwal (Tim Kerja Manajemen Layanan) atau SDM",
    );
    const koordinator = await pageAs("koordinator");
    await koordinator.goto(`${baseUrl}/tenaga-kerja?periode=${EMPTY_PERIOD}`);
    await koordinator.locator("section[aria-labelledby=beban]").getByRole("link", { name: "Impor" }).click();
    await koordinator.getByRole("heading", { level: 1, name: "Impor data" }).waitFor();
  });
});

describe("an agent's staff page", () => {
  for (const [width, height] of [
    [1366, 900],
    [390, 844],
  ] as const) {
    test(`at ${width} px an assessor scores the agent from there and finds all their evaluations`, async () => {
      const page = await pageAs("penilai", width, height);
      await page.goto(`${baseUrl}/staf`);
      // The first agent of the information team in the directory.
      const row = page.getByRole("row").filter({ hasText: "Petugas Layanan" }).first();
      const name = (await row.getByRole("link").first().textContent())?.trim() ?? "";
      await row.getByRole("link").first().click();
      await page.getByRole("heading", { level: 1, name }).waitFor();
      const evaluations = page.locator("section[aria-labelledby=evaluasi]");
      await expect(evaluations.getByRole("table").isVisible()).resolves.toBe(true);
      await shoot(page, { path: `${screenshots}staff-agent-${width}.png`, fullPage: true });

      await page.getByRole("link", { name: "Nilai petugas ini" }).click();
      await page.getByRole("heading", { level: 1, name: "Evaluasi interaksi baru" }).waitFor();
      const chosen = page.getByLabel("Petugas yang dinilai");
      expect(await chosen.locator("option:checked").textContent()).toContain(name);
      await page.goBack();
      await page.getByRole("link", { name: new RegExp(`^Semua evaluasi ${name} \\(\\d+\\)$`) }).click();
      await page.getByRole("heading", { level: 1, name: `Evaluasi ${name}` }).waitFor();
      expect(await page.locator("main table tbody tr").count()).toBeGreaterThan(5);
    });
  }

  test("the supervisor sees the evaluations of their team's agent but is not offered to score", async () => {
    const page = await pageAs("supervisor");
    await page.goto(`${baseUrl}/staf`);
    await page.getByRole("row").filter({ hasText: "Petugas Layanan" }).first().getByRole("link").first().click();
    await page.locator("section[aria-labelledby=evaluasi]").waitFor();
    expect(await page.getByRole("link", { name: "Nilai petugas ini" }).count()).toBe(0);
  });
});
