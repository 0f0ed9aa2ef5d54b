// Training import to certificate in a real Chromium against the production build: HR uploads the sample file
// with mistakes and reads the errors, uploads the corrected file and commits it; the person it completes
// becomes eligible, and the Kepala Seksi issues their certificate and downloads the PDF.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, shoot, signInByRequest, testServer } from "../support/browser";

const { baseUrl } = testServer();
const screenshots = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));
const sample = (name: string) => fileURLToPath(new URL(`../../fixtures/samples/${name}`, import.meta.url));

// The demo agent who has the technical training and a capability decision but no soft-skills training until
// the corrected file brings it (fixtures/samples/build.ts, agent "i").
const PERSON = "Fajar Maharani";
// Read off the certificate page once issued, for the public check that follows.
let verificationCode = "";
let nip = "";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function pageAs(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await signInByRequest(page, baseUrl, username);
  return page;
}

async function upload(page: Page, file: string) {
  await page.goto(`${baseUrl}/impor`);
  await page.getByLabel("Jenis data").selectOption("training");
  await page.getByLabel("Berkas CSV").setInputFiles(sample(file));
  await page.getByRole("button", { name: "Unggah dan periksa" }).click();
  await page.getByRole("heading", { level: 1, name: "Pratinjau impor" }).waitFor();
  await page.locator("dl.counts").waitFor(); // the streamed report has arrived
}

/** The text of the count with this label on the preview or batch page. */
const count = (page: Page, label: string) =>
  page.locator("dl.counts > div", { has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd");

/** The eligibility row of the person, on /kelayakan. */
const eligibilityRow = (page: Page) => page.getByRole("row", { name: new RegExp(PERSON) });

describe("training import to certificate", () => {
  test("before the import the person lacks the soft-skills training", async () => {
    const page = await pageAs("kasi");
    await page.goto(`${baseUrl}/kelayakan`);
    const row = eligibilityRow(page);
    await expect(row.textContent()).resolves.toMatch(/SSK-01 selesai .*kedaluwarsa sejak/);
    expect(await row.getByRole("link", { name: "Terbitkan" }).count()).toBe(0);
    await page.context().close();
  });

  test("HR uploads the file with mistakes, reads each error, and cannot commit it whole", async () => {
    const page = await pageAs("hr");
    await upload(page, "pelatihan-dengan-kesalahan.csv");
    expect(await count(page, "Baris data").textContent()).toBe("15");
    expect(await count(page, "Baris dengan kesalahan").textContent()).toBe("12");
    expect(await count(page, "Jumlah kesalahan").textContent()).toBe("13");
    const errors = page.getByRole("region", { name: /^Kesalahan/ });
    await expect(errors.textContent()).resolves.toContain("notasi ilmiah");
    // Row numbers as a spreadsheet shows them: the Excel-mangled NIP is on row 3, the header on row 1.
    const excelRow = errors.getByRole("row", { name: /notasi ilmiah/ });
    expect(await excelRow.locator("td").first().textContent()).toBe("3");
    await expect(errors.textContent()).resolves.toContain("31/02/2026");
    expect(await page.getByRole("button", { name: /^Simpan/ }).count()).toBe(0);
    await expect(page.getByRole("button", { name: "Impor 3 baris yang valid saja" }).isVisible()).resolves.toBe(true);
    await shoot(page, { path: `${screenshots}import-errors.png`, fullPage: true });
    await page.context().close();
  });

  test("HR uploads the corrected file and commits it as one batch", async () => {
    const page = await pageAs("hr");
    await upload(page, "pelatihan-perbaikan.csv");
    expect(await count(page, "Jumlah kesalahan").textContent()).toBe("0");
    const save = page.getByRole("button", { name: /^Simpan \d+ perubahan$/ });
    await save.click();
    await page.waitForURL(/\/impor\/riwayat\/\d+/);
    await page.locator("h1", { hasText: "Impor #" }).waitFor();
    expect(Number(await count(page, "Baru").textContent())).toBeGreaterThan(0);
    await shoot(page, { path: `${screenshots}import-committed.png`, fullPage: true });
    await page.goto(`${baseUrl}/impor`);
    await expect(page.getByRole("table", { name: "Riwayat impor" }).textContent()).resolves.toContain(
      "pelatihan-perbaikan.csv",
    );
    await page.context().close();
  });

  test("the Kepala Seksi issues the certificate and downloads the PDF as issued", async () => {
    const page = await pageAs("kasi");
    await page.goto(`${baseUrl}/kelayakan`);
    await eligibilityRow(page).getByRole("link", { name: "Terbitkan" }).click();
    await page.getByRole("button", { name: "Terbitkan sertifikat" }).click();
    await page.waitForURL(/\/sertifikat\/\d+\?terbit=1$/);
    // The URL changes before the new page renders: wait for the certificate's own heading.
    await page.locator("h1", { hasText: /\d{3}\/SK-CC\/\d{4}/ }).waitFor();
    await expect(page.locator("main").textContent()).resolves.toContain(PERSON);
    await shoot(page, { path: `${screenshots}certificate.png`, fullPage: true });
    const facts = await page.locator("dl.facts").textContent();
    expect(facts).toMatch(/Dianggap mampu \(E\.4 c\).*surat Nomor .* tanggal \d{1,2} \w{3} \d{4}/);
    verificationCode = (await page.getByRole("link", { name: /^[2-9A-Z]{5}-[2-9A-Z]{5}$/ }).textContent()) ?? "";
    nip = (await page.locator("dd.num").first().textContent()) ?? "";

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Unduh PDF" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Sertifikat-\d{3}-SK-CC-\d{4}\.pdf$/);
    const first = readFileSync(await download.path());
    expect(first.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // Downloaded again: the same bytes (stored as issued, never regenerated).
    const [again] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Unduh PDF" }).click(),
    ]);
    expect(readFileSync(await again.path()).equals(first)).toBe(true);

    await page.goto(`${baseUrl}/kelayakan`);
    await expect(eligibilityRow(page).textContent()).resolves.toMatch(/\d{3}\/SK-CC\/\d{4}/);
    await page.context().close();
  });

  test("anyone checks the certificate by its code without signing in, on a phone; a wrong code is unknown", async () => {
    expect(verificationCode).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/masuk`);
    await page.getByRole("link", { name: "Verifikasi sertifikat" }).click();
    await page.getByRole("heading", { level: 1, name: "Verifikasi Sertifikat Keahlian" }).waitFor();
    await page.getByLabel("Kode verifikasi").fill(verificationCode.toLowerCase());
    await page.getByRole("button", { name: "Periksa" }).click();
    const answer = page.getByRole("status");
    await answer.filter({ hasText: "Sertifikat ini sah dan berlaku." }).waitFor();
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toContain(PERSON);
    expect(main).toContain("Petugas Layanan");
    expect(main).toMatch(/\d{3}\/SK-CC\/\d{4}/);
    expect(main.replace(/\s/g, "")).not.toContain(nip.replace(/\s/g, ""));
    const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
    expect(width).toBeLessThanOrEqual(390);
    await shoot(page, { path: `${screenshots}verification.png`, fullPage: true });

    await page.getByRole("link", { name: "← Periksa kode lain" }).click();
    await page.getByLabel("Kode verifikasi").fill("ZZZZZ-ZZZZZ");
    await page.getByRole("button", { name: "Periksa" }).click();
    await page.getByRole("status").filter({ hasText: "Kode tidak dikenal." }).waitFor();
    await context.close();
  });
});
