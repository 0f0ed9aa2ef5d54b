// The Kepala Seksi's review in a real Chromium against the production build: open the KPI page, change the
// period, approve it (the page then says it is locked), and download the period's workbook.
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { periodOf, shiftPeriod } from "../../analytics/period";
import { shoot, signedInPage, testServer } from "../support/browser";

const { baseUrl } = testServer();
const screenshots = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));
// Two periods back: ended, and free of the demo's open disputes (those are in the current period).
const period = shiftPeriod(periodOf(new Date()).id, -2);

const signedIn = signedInPage(baseUrl, "kasi");
let page: Page;
beforeAll(() => {
  page = signedIn.page();
});

describe("KPI review", () => {
  test("the Kepala Seksi opens the page, changes period and sees its agents and charts", async () => {
    await page.getByRole("link", { name: "KPI", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Tinjauan KPI" }).waitFor();
    await page.locator("select#periode").selectOption(period.id);
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await page.waitForURL(new RegExp(`periode=${period.id}`));
    await page.locator(".lead", { hasText: period.label }).waitFor();
    await page.locator("figure.chart svg").first().waitFor(); // drawn once scripts run
    expect(await page.locator("figure.chart").count()).toBe(4);
    const agents = page.getByRole("table", { name: "KPI per petugas" });
    expect(await agents.locator("tbody tr").count()).toBeGreaterThan(20);
    await shoot(page, { path: `${screenshots}kpi.png`, fullPage: false });
  });

  test("approving locks the period and the page says so", async () => {
    // The button opens the confirmation step; its own button locks.
    await page.locator("summary", { hasText: "Setujui dan kunci periode" }).click();
    await page.getByRole("button", { name: /^Ya, setujui dan kunci/ }).click();
    await page.getByRole("heading", { name: "Periode disetujui dan dikunci" }).waitFor();
    await expect(page.getByRole("status").first().textContent()).resolves.toContain("Periode disetujui dan dikunci.");
    expect(await page.getByText("Setujui dan kunci periode").count()).toBe(0);
  });

  test("the workbook downloads with the period in its name and the sheets in order", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /Unduh KPI sebagai Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`KPI_${period.id}_${period.firstDay}_${period.lastDay}.xlsx`);
    // The page said it was working, then that it is done, next to the link.
    await expect(page.getByRole("status").filter({ hasText: "Selesai" }).textContent()).resolves.toMatch(
      /^Selesai: KPI_.*\.xlsx \(\d+,\d MB\)\.$/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "Ringkasan",
      "KPI Petugas",
      "Evaluasi",
      "Rincian Item",
      "Kalibrasi",
      "Pelatihan & Sertifikasi",
      "Pembinaan",
      "Kepatuhan Jadwal",
      "Laporan",
    ]);
    const summary = JSON.stringify(workbook.getWorksheet("Ringkasan")?.getSheetValues());
    expect(summary).toContain("Disetujui");
  });
});
