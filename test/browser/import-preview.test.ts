// The import page and its preview as HR meets them, in a real Chromium against the production build, on a desktop
// and a phone: each kind's columns and sample files on the page; the preview's counters telling rows with errors
// from errors; the rows it would add or change, page by page; and cancelling a preview.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from "vitest";
import { launchBrowser, navigateTo, shoot, signInByRequest, testServer } from "../support/browser";

const { baseUrl } = testServer();
const screenshots = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));
const sample = (name: string) => fileURLToPath(new URL(`../../fixtures/samples/${name}`, import.meta.url));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function hrPage(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  onTestFinished(() => context.close());
  const page = await context.newPage();
  await signInByRequest(page, baseUrl, "hr");
  return page;
}

async function upload(page: Page, kind: string, file: string) {
  await navigateTo(page, "Impor");
  await page.getByRole("heading", { level: 1, name: "Impor data" }).waitFor();
  await page.getByLabel("Jenis data").selectOption(kind);
  await page.getByLabel("Berkas CSV").setInputFiles(sample(file));
  await page.getByRole("button", { name: "Unggah dan periksa" }).click();
  await page.getByRole("heading", { level: 1, name: "Pratinjau impor" }).waitFor();
  await page.locator("dl.counts").waitFor(); // the streamed report has arrived
}

const count = (page: Page, label: string) =>
  page.locator("dl.counts > div", { has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd");

/** The page is no wider than the screen: nothing to scroll sideways for. */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

for (const [width, height] of [
  [1366, 900],
  [390, 844],
] as const) {
  describe(`at ${width} px`, () => {
    test("the import page shows each kind's columns and offers its sample files", async () => {
      const page = await hrPage(width, height);
      await navigateTo(page, "Impor");
      await expect(page.locator("main").textContent()).resolves.not.toContain("README");
      const calls = page.locator("details", { hasText: "Statistik panggilan" });
      await calls.locator("summary").click();
      const columns = calls.getByRole("table", { name: "Kolom berkas Statistik panggilan" });
      await expect(columns.textContent()).resolves.toContain("panggilan_ditangani / calls_handled");
      await expect(columns.textContent()).resolves.toContain("bilangan bulat 0–5000");
      await shoot(page, { path: `${screenshots}import-formats-${width}.png`, fullPage: true });
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        calls.getByRole("link", { name: "panggilan-dengan-kesalahan.csv" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("panggilan-dengan-kesalahan.csv");
      expect(readFileSync(await download.path()).equals(readFileSync(sample("panggilan-dengan-kesalahan.csv")))).toBe(
        true,
      );
    });

    test("the preview counts rows with errors apart from errors", async () => {
      const page = await hrPage(width, height);
      await upload(page, "training", "pelatihan-dengan-kesalahan.csv");
      expect(await count(page, "Baris data").textContent()).toBe("15");
      expect(await count(page, "Baris valid").textContent()).toBe("3");
      expect(await count(page, "Baris dengan kesalahan").textContent()).toBe("12");
      expect(await count(page, "Jumlah kesalahan").textContent()).toBe("13");
      // How the 3 valid rows split into new and unchanged depends on what other tests on this server imported.
      const added = Number(await count(page, "Baru").textContent());
      const unchanged = Number(await count(page, "Tidak berubah").textContent());
      expect(added + unchanged).toBe(3);
      await expect(page.locator("main").textContent()).resolves.toContain(
        `15 baris data: 3 valid (${added} baru, 0 diperbarui, ${unchanged} tidak berubah), 12 dengan kesalahan (13 kesalahan; satu baris dapat memuat lebih dari satu).`,
      );
      await page.getByRole("button", { name: "Batalkan pratinjau" }).click();
      await page.getByText("Pratinjau dibatalkan").waitFor();
    });

    test("the preview lists the rows it adds or changes page by page, and can be cancelled", async () => {
      const page = await hrPage(width, height);
      await upload(page, "calls", "panggilan-contoh.csv");
      const changes = page.locator("section[aria-labelledby=perubahan]");
      const total =
        Number(await count(page, "Baru").textContent()) + Number(await count(page, "Diperbarui").textContent());
      await expect(changes.getByRole("heading").textContent()).resolves.toBe(
        `Baris yang akan ditambahkan atau diubah (${total})`,
      );
      const rows = changes.locator("tbody tr");
      expect(await rows.count()).toBe(Math.min(25, total));
      // The first data row of the file is row 2 (the header is row 1), with the agent's name, not a NIP.
      expect(await rows.first().locator("td").first().textContent()).toBe("2");
      await expect(rows.first().textContent()).resolves.toContain("Maya Syahputra");
      await expect(changes.textContent()).resolves.not.toMatch(/\d{18}/);
      expect(await fitsWidth(page)).toBe(true);
      await shoot(page, { path: `${screenshots}import-preview-${width}.png`, fullPage: true });

      await changes.getByRole("link", { name: "Berikutnya →" }).click();
      await changes.getByText("Baris 26–50 dari").waitFor();
      expect(await rows.first().locator("td").first().textContent()).toBe("27");

      const preview = new URL(page.url()).pathname;
      await page.getByRole("button", { name: "Batalkan pratinjau" }).click();
      await page.getByRole("heading", { level: 1, name: "Impor data" }).waitFor();
      await page
        .getByText("Pratinjau dibatalkan: berkas yang diunggah dihapus, tidak ada data yang disimpan.")
        .waitFor();
      // The uploaded file is gone: its preview no longer exists.
      const gone = await page.goto(`${baseUrl}${preview}`);
      expect(gone?.status()).toBe(404);
      await page.getByText("Unggahan ini tidak ditemukan").first().waitFor();
    });
  });
}
