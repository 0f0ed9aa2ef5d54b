// Lists people can work with, on a phone (390 × 844) and a desktop (1366 × 900), in Chromium against the
// production build: no main page of any role scrolls sideways on a phone and no list hides a column; the staff
// search finds "harahap" and keeps its filters through a reload without the search text in the address;
// /evaluasi pages and sorts and shows its Status column at 1366 px; charts are named images. That every page of
// each role fits at 1366 px is checked by the words sweep (words.test.ts), on each page it reads. With
// MUTU_SCREENSHOTS=1, screenshots of every page on a phone go to test-results/screenshots/phone-*.png.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from "vitest";
import { launchBrowser, screenshotPath, shoot, signInByRequest, testServer } from "../support/browser";
import { layoutProblems, MAIN_PAGES } from "../support/layout";

const { baseUrl } = testServer();
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function pageAs(username: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  onTestFinished(() => context.close());
  const page = await context.newPage();
  await signInByRequest(page, baseUrl, username);
  return page;
}

/** Waits until scripts have drawn what only they draw (the KPI charts): the widest things on a page. */
async function drawn(page: Page): Promise<void> {
  if ((await page.locator("figure.chart").count()) > 0) await page.locator("figure.chart svg").first().waitFor();
}

// On a phone also the first record of a list.
const FIRST_OF_LIST: Record<string, string> = {
  kasi: "/evaluasi",
  koordinator: "/kalibrasi",
  penilai: "/template",
  supervisor: "/staf",
  petugas: "/evaluasi",
  hr: "/pelatihan",
};

describe("on a phone (390 × 844) no main page scrolls sideways and no list hides a column", () => {
  test.each(Object.keys(MAIN_PAGES))("%s", async (username) => {
    const page = await pageAs(username, PHONE);
    const paths = [...(MAIN_PAGES[username] ?? [])];
    const list = FIRST_OF_LIST[username];
    if (list) {
      await page.goto(`${baseUrl}${list}`);
      const href = await page.locator("table tbody a[href]").first().getAttribute("href");
      if (href) paths.push(href);
    }
    if (username === "penilai") {
      await page.goto(`${baseUrl}/evaluasi/baru`);
      const agent = await page
        .locator("select[name=petugas] option[value]:not([value=''])")
        .first()
        .getAttribute("value");
      paths.push(`/evaluasi/baru?petugas=${agent}`);
    }
    const found: string[] = [];
    for (const path of paths) {
      const response = await page.goto(`${baseUrl}${path}`);
      expect(response?.status(), path).toBe(200);
      await drawn(page);
      found.push(...(await layoutProblems(page)).map((p) => `${path}: ${p}`));
      await shoot(page, { path: screenshotPath("phone", username, path) });
    }
    expect(found).toEqual([]);
  });

  test("the header is one row; the menu opens with the links and closes after choosing one", async () => {
    const page = await pageAs("kasi", PHONE);
    const header = await page.locator("header.site-header").boundingBox();
    expect(header?.height).toBeLessThan(90);
    await page.getByText("Menu", { exact: true }).click();
    const menu = page.getByRole("navigation", { name: "Navigasi utama" });
    await menu.getByRole("link", { name: "Staf" }).click();
    await page.getByRole("heading", { level: 1, name: "Direktori Staf" }).waitFor();
    expect(await menu.isVisible()).toBe(false);
    await shoot(page, { path: screenshotPath("phone", "kasi", "/menu"), fullPage: false });
  });

  test("lists show Total and Status; the evaluation shows Skor and Catatan; the roster a person's whole week", async () => {
    const page = await pageAs("koordinator", PHONE);
    await page.goto(`${baseUrl}/evaluasi?periode=semua`);
    const firstCard = page.locator("table.stack-table tbody tr").first();
    for (const label of ["Total", "Status", "Petugas"]) {
      await expect.poll(() => firstCard.locator(`td[data-label="${label}"]`).isVisible()).toBe(true);
      const box = await firstCard.locator(`td[data-label="${label}"]`).boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0), label).toBeLessThanOrEqual(PHONE.width);
    }
    await page.locator("table.stack-table tbody tr td a").first().click();
    await page.locator("table.scores-table").waitFor();
    for (const label of ["Skor (0–100)", "Catatan"]) {
      const cell = page.locator(`table.scores-table td[data-label="${label}"]`).first();
      expect(await cell.isVisible(), label).toBe(true);
      const box = await cell.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0), label).toBeLessThanOrEqual(PHONE.width);
    }
    await page.goto(`${baseUrl}/tenaga-kerja/jadwal`);
    const person = page.locator("table.roster tbody tr:not(.group)").first();
    const days = person.locator("td");
    expect(await days.count()).toBe(7);
    for (let i = 0; i < 7; i++) {
      const box = await days.nth(i).boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
    }
    await shoot(page, { path: screenshotPath("phone", "koordinator", "/roster-week"), fullPage: false });
  });

  test("the 1–5 scale of a scorecard item stays on one line", async () => {
    const page = await pageAs("penilai", PHONE);
    await page.goto(`${baseUrl}/evaluasi/baru`);
    const agent = await page
      .locator("select[name=petugas] option[value]:not([value=''])")
      .first()
      .getAttribute("value");
    await page.goto(`${baseUrl}/evaluasi/baru?petugas=${agent}`);
    const scale = page.locator(".scale").first();
    const tops = await scale.locator("label").evaluateAll((labels) => labels.map((l) => l.getBoundingClientRect().top));
    expect(tops.length).toBeGreaterThanOrEqual(5);
    expect(new Set(tops).size).toBe(1);
  });

  test("KPI charts fit the screen and are named images, not unnamed applications", async () => {
    const page = await pageAs("kasi", PHONE);
    await page.goto(`${baseUrl}/kpi`);
    await page.locator("figure.chart svg").first().waitFor();
    const images = page.locator("figure.chart [role=img]");
    expect(await images.count()).toBe(4);
    for (const name of await images.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""))) {
      expect(name).toMatch(/^Grafik: \S/);
    }
    expect(await page.locator("[role=application]").count()).toBe(0);
    expect(await page.locator("figure.chart svg[tabindex]").count()).toBe(0);
    for (const width of await page
      .locator("figure.chart svg.recharts-surface")
      .evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect().right))) {
      expect(width).toBeLessThanOrEqual(PHONE.width);
    }
  });
});

describe("the staff search", () => {
  test("finds 'harahap', keeps team and status through a reload, and never puts the text in the address", async () => {
    const page = await pageAs("koordinator", PHONE);
    await page.goto(`${baseUrl}/staf`);
    const all = await page.locator("table.stack-table tbody tr").count();
    await page.getByLabel("Tim Kerja").selectOption({ label: "Tim Kerja Layanan Informasi dan Pengaduan" });
    await page.getByLabel("Status").selectOption("semua");
    await page.getByLabel("Cari nama atau NIP").fill("harahap");
    await page.getByRole("button", { name: "Cari" }).click();
    await page.getByText(/staf ditampilkan untuk pencarian “harahap”/).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe("/staf");
    expect(url.search).not.toMatch(/harahap|index/i);
    expect(url.searchParams.get("status")).toBe("semua");
    expect(url.searchParams.get("tim")).toMatch(/^\d+$/);
    const names = async () => page.locator("table.stack-table tbody td.card-title").allTextContents();
    const found = await names();
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(all);
    for (const name of found) expect(name).toMatch(/harahap/i);
    await shoot(page, { path: screenshotPath("phone", "koordinator", "/staf-harahap"), fullPage: true });

    await page.reload();
    expect(await names()).toEqual(found);
    expect(await page.getByLabel("Cari nama atau NIP").inputValue()).toBe("harahap");
    expect(await page.getByLabel("Status").inputValue()).toBe("semua");
    expect(await page.getByLabel("Tim Kerja").inputValue()).toBe(url.searchParams.get("tim"));

    await page.getByRole("button", { name: "Hapus pencarian" }).click();
    await page.getByText(/^\d+ staf ditampilkan\.$/).waitFor();
    expect(await page.getByLabel("Cari nama atau NIP").inputValue()).toBe("");
    expect(new URL(page.url()).search).toBe(url.search);
    expect((await names()).length).toBeGreaterThan(found.length);
  });

  test("the supervisor's team list searches too, and its headers sort it", async () => {
    const page = await pageAs("supervisor", DESKTOP);
    await page.goto(`${baseUrl}/staf`);
    await page.getByLabel("Cari nama atau NIP").fill("harahap");
    await page.getByLabel("Cari nama atau NIP").press("Enter");
    await page.getByText(/untuk pencarian “harahap”/).waitFor();
    const names = await page.locator("table tbody td.card-title").allTextContents();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/harahap/i);
    await page.getByRole("button", { name: "Hapus pencarian" }).click();
    await page.getByRole("link", { name: /^Nama/ }).click();
    await page.waitForURL(/urut=nama&arah=naik/);
    await expect.poll(() => page.locator("th[aria-sort]").getAttribute("aria-sort")).toBe("ascending");
    const sorted = await page.locator("table tbody td.card-title").allTextContents();
    expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b, "id")));
    await shoot(page, { path: screenshotPath("desktop", "supervisor", "/staf-sorted"), fullPage: false });
  });
});

describe("/evaluasi at 1366 × 900", () => {
  test("'Semua periode' is paged and sorted by column, and the Status column is in view", async () => {
    const page = await pageAs("koordinator", DESKTOP);
    await page.goto(`${baseUrl}/evaluasi`);
    await page.getByLabel("Periode").selectOption("semua");
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await page.waitForURL(/periode=semua/);
    const count = page.getByRole("status").filter({ hasText: /^[\d.]+ evaluasi/ });
    // The address changes a moment before the new list is drawn: wait for the count of every period.
    await expect.poll(async () => Number((await count.textContent())?.replace(/\D/g, ""))).toBeGreaterThan(500);
    const total = Number((await count.textContent())?.replace(/\D/g, ""));
    const rows = page.locator("table.evaluation-table tbody tr");
    expect(await rows.count()).toBe(50);
    await page.getByText(`Baris 1–50 dari ${total}`, { exact: false }).waitFor();

    // The Status column, and every other, fits the table's box: nothing to scroll to.
    const fits = await page.locator("table.evaluation-table").evaluate((table) => {
      const box = table.closest(".table-wrap") as HTMLElement;
      const status = [...table.querySelectorAll("thead th")].at(-1)?.getBoundingClientRect();
      return { scroll: box.scrollWidth <= box.clientWidth, right: status?.right ?? Number.POSITIVE_INFINITY };
    });
    expect(fits.scroll).toBe(true);
    expect(fits.right).toBeLessThanOrEqual(DESKTOP.width);
    await expect.poll(() => page.getByRole("columnheader", { name: /Status/ }).isVisible()).toBe(true);
    await shoot(page, { path: screenshotPath("desktop", "koordinator", "/evaluasi-semua"), fullPage: false });

    await page.getByRole("link", { name: "Berikutnya →" }).click();
    await page.getByText(`Baris 51–100 dari ${total}`, { exact: false }).waitFor();
    expect(new URL(page.url()).searchParams.get("halaman")).toBe("2");

    const totals = async () =>
      (await page.locator('td[data-label="Total"] strong').allTextContents()).map((t) =>
        t === "—" ? Number.NaN : Number(t.replace(",", ".")),
      );
    const totalHeader = page.getByRole("columnheader", { name: /Total/ });
    await page.getByRole("link", { name: /^Total/ }).click();
    await page.waitForURL(/urut=total&arah=turun/);
    expect(new URL(page.url()).searchParams.get("halaman")).toBeNull(); // back to the first page
    await expect.poll(() => totalHeader.getAttribute("aria-sort")).toBe("descending");
    await page.getByText(`Baris 1–50 dari ${total}`, { exact: false }).waitFor();
    const down = (await totals()).filter((n) => !Number.isNaN(n));
    expect(down).toEqual([...down].sort((a, b) => b - a));
    await page.getByRole("link", { name: /^Total/ }).click();
    await page.waitForURL(/urut=total&arah=naik/);
    await expect.poll(() => totalHeader.getAttribute("aria-sort")).toBe("ascending");
    const up = (await totals()).filter((n) => !Number.isNaN(n));
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(up[0]).toBeLessThan(down[0] ?? 0);
    await shoot(page, { path: screenshotPath("desktop", "koordinator", "/evaluasi-sorted"), fullPage: false });
  });

  test("an agent is not offered the Draf status", async () => {
    const page = await pageAs("petugas", DESKTOP);
    await page.goto(`${baseUrl}/evaluasi`);
    const options = await page.getByLabel("Status").locator("option").allTextContents();
    expect(options).toContain("Terkirim");
    expect(options).not.toContain("Draf");
  });
});
