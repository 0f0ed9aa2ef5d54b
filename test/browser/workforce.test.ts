// The workforce pages in a real Chromium against the production build: the koordinator opens the heatmap,
// switches to the service level, goes to the staffing plan, picks next week, and exports its plan.
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { shiftWeek, weekOfDay, wibDay } from "../../analytics/dates";
import { shoot, signedInPage, testServer } from "../support/browser";

const { baseUrl } = testServer();
const screenshots = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));
const nextWeek = shiftWeek(weekOfDay(wibDay(new Date())).id, 1);

const signedIn = signedInPage(baseUrl, "koordinator");
let page: Page;
beforeAll(() => {
  page = signedIn.page();
});

describe("workforce analytics", () => {
  test("the heatmap shows every half hour of the week, and the service level on request", async () => {
    await page.getByRole("link", { name: "Tenaga kerja", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Analitik tenaga kerja" }).waitFor();
    const table = page.locator("table.heatmap");
    // 48 half hours, one row each, and a column per day from Senin to Minggu.
    expect(await table.locator("tbody tr").count()).toBe(48);
    expect(await table.locator("thead th").allTextContents()).toEqual([
      "Jam (WIB)",
      "Senin",
      "Selasa",
      "Rabu",
      "Kamis",
      "Jumat",
      "Sabtu",
      "Minggu",
    ]);
    await page.getByRole("link", { name: "Tingkat layanan" }).click();
    await page.locator("caption", { hasText: "Tingkat layanan Telepon" }).waitFor();
    // The demo's Monday mornings are short of staff: some half hour there is under 80 %.
    const monday = await table
      .locator("tbody tr")
      .evaluateAll((rows) =>
        rows.slice(18, 24).map((r) => Number(r.querySelectorAll("td")[0]?.textContent?.replace(",", "."))),
      );
    expect(Math.min(...monday)).toBeLessThan(80);
    await shoot(page, { path: `${screenshots}workforce-heatmap.png`, fullPage: true });
  });

  test("the staffing plan of next week marks short intervals and exports as a workbook", async () => {
    await page.getByRole("link", { name: "Rencana kebutuhan staf per minggu" }).click();
    await page.getByRole("heading", { level: 1, name: "Rencana kebutuhan staf" }).waitFor();
    await page.locator("input#minggu").fill(nextWeek.id);
    await page.getByRole("button", { name: "Tampilkan" }).first().click();
    await page.locator(".lead", { hasText: nextWeek.label }).waitFor();
    expect(await page.locator("table.staffing-grid td.status-kurang").count()).toBeGreaterThan(0);
    await shoot(page, { path: `${screenshots}workforce-plan.png`, fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /Unduh rencana/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`Rencana_Staf_${nextWeek.id}_${nextWeek.monday}_${nextWeek.sunday}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "Ringkasan",
      "Telepon",
      "SMS",
      "Surel",
      "Web-chat",
      "Media sosial",
      "Kepatuhan Jadwal",
    ]);
    // One row per half hour of the week under the header.
    expect(workbook.getWorksheet("Telepon")?.actualRowCount).toBe(1 + 7 * 48);
  });
});
