// Every irreversible action asks first (issue 11): one click opens a step that says what will happen and does
// nothing else; its own button does it, with and without scripts. Locking a period shows what is still open,
// and a refusal inside the locked period is seen beside the buttons. The data is left as found where it can be
// (the period is reopened, the import undone, the template draft discarded).
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { shiftWeek, weekOfDay, wibDay, wibInputValue } from "../../analytics/dates";
import { periodOf, shiftPeriod } from "../../analytics/period";
import { launchBrowser, shoot, testServer } from "../support/browser";
import { DESKTOP, expectFocusOn, PHONE, pageAs } from "../support/focus";

const { baseUrl } = testServer();
const screenshots = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));
// Three periods back: ended, free of the demo's open disputes, and not the one the KPI test approves.
const locked = shiftPeriod(periodOf(new Date()).id, -3);
const AGENT = "Maya Syahputra — Layanan Informasi dan Pengaduan"; // the demo's "petugas"

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A whole interaction evaluation of the demo agent, every item scored, at `at` (WIB, "YYYY-MM-DDTHH:MM"). */
async function fillEvaluation(page: Page, ref: string, at = wibInputValue(new Date(Date.now() - 3_600_000))) {
  await page.goto(`${baseUrl}/evaluasi/baru`);
  await page.locator("#petugas").selectOption({ label: AGENT });
  await page.getByRole("button", { name: "Lanjut" }).click();
  await page.getByRole("heading", { name: /Hardskill/ }).waitFor();
  await page.locator("#channel").selectOption("telepon");
  await page.locator("#interactionRef").fill(ref);
  await page.locator("#interactionAt").fill(at);
  for (const radio of await page.locator(".scale input[value='4'], .scale input[value='ya']").all())
    await radio.check();
}

/** Opens the step of the button that says `label`, checks it says `consequence` and that nothing else happened. */
async function openStep(page: Page, label: string, consequence: RegExp) {
  const url = page.url();
  await page.locator("details.confirm > summary").getByText(label, { exact: true }).click();
  await page.locator("details.confirm[open] .confirm-question").filter({ hasText: consequence }).waitFor();
  await page.waitForTimeout(300); // time for a navigation, were one to start
  expect(page.url()).toBe(url);
}

let sentUrl = "";

describe("a draft", () => {
  test("is sent from its own page only after the step; deleting asks first too", async () => {
    const page = await pageAs(browser, baseUrl, "penilai");
    await fillEvaluation(page, "CALL-UJI-KIRIM-DRAF");
    await page.getByRole("button", { name: "Simpan draf" }).click();
    await page.waitForURL(/\?disimpan=1$/);
    await expectFocusOn(page, /^Draf tersimpan\./);
    await openStep(page, "Kirim ke petugas", /dikirim ke Maya Syahputra seperti tersimpan di atas/);
    await page.locator("h1", { hasText: "Draf" }).waitFor();
    await shoot(page, { path: `${screenshots}konfirmasi-kirim-draf.png` });
    await page.getByRole("button", { name: "Ya, kirim ke petugas" }).click();
    await page.waitForURL(/\?terkirim=1$/);
    await page.locator("h1", { hasText: "Terkirim" }).waitFor();
    await expectFocusOn(page, /^Evaluasi terkirim\./);
    sentUrl = page.url().replace(/\?.*$/, "");

    await fillEvaluation(page, "CALL-UJI-HAPUS-DRAF");
    await page.getByRole("button", { name: "Simpan draf" }).click();
    await page.waitForURL(/\?disimpan=1$/);
    await openStep(page, "Hapus draf", /dihapus beserta semua nilainya dan tidak dapat dikembalikan/);
    await page.locator("h1", { hasText: "Draf" }).waitFor();
    await page.getByRole("button", { name: "Ya, hapus draf" }).click();
    await page.waitForURL(`${baseUrl}/evaluasi?dihapus=1`);
    await expectFocusOn(page, /^Draf dihapus\.$/);
    await page.context().close();
  });

  test("without scripts the step works the same", async () => {
    const page = await pageAs(browser, baseUrl, "penilai", { js: false });
    await fillEvaluation(page, "CALL-UJI-TANPA-JS");
    await page.getByRole("button", { name: "Simpan draf" }).click();
    await page.waitForURL(/\?disimpan=1$/);
    const draft = page.url().replace(/\?.*$/, "");
    await openStep(page, "Hapus draf", /tidak dapat dikembalikan/);
    await page.getByRole("button", { name: "Ya, hapus draf" }).click();
    await page.waitForURL(`${baseUrl}/evaluasi?dihapus=1`);
    expect((await page.goto(draft))?.status()).toBe(404);
    await page.context().close();
  });
});

describe("the agent's answer", () => {
  test("acknowledging asks first and stands apart from the dispute (phone)", async () => {
    const page = await pageAs(browser, baseUrl, "petugas", { size: PHONE });
    await page.goto(sentUrl);
    const accept = await page.locator("section:has(> h3#terima)").boundingBox();
    const dispute = await page.locator("section:has(> h3#sanggah)").boundingBox();
    if (!accept || !dispute) throw new Error("both answers are on the page");
    expect(accept.y + accept.height).toBeLessThan(dispute.y); // stacked, not on top of each other
    await openStep(page, "Konfirmasi evaluasi", /tidak dapat lagi Anda sanggah/);
    await page.locator("h1", { hasText: "Terkirim" }).waitFor();
    await shoot(page, { path: `${screenshots}konfirmasi-tanggapan-ponsel.png`, fullPage: true });
    await page.getByRole("button", { name: "Ya, saya menerima evaluasi ini" }).click();
    await page.waitForURL(/dikonfirmasi=1/);
    await page.locator("h1", { hasText: "Dikonfirmasi" }).waitFor();
    await expectFocusOn(page, /telah Anda konfirmasi/);
    await page.context().close();
  });
});

describe("locking a period", () => {
  test("shows what is still open, asks, then locks; a running period offers no button", async () => {
    const page = await pageAs(browser, baseUrl, "kasi");
    await page.goto(`${baseUrl}/kpi?periode=${locked.id}`);
    const summary = page.locator("ul.lock-summary li");
    expect(await summary.allTextContents()).toEqual([
      expect.stringMatching(/^KPI belum lengkap: \d+ dari \d+ petugas/),
      expect.stringMatching(/^Petugas di bawah kuota evaluasi: \d+\.$/),
      expect.stringMatching(/^Sanggahan belum diselesaikan: 0\.$/),
      expect.stringMatching(/^Evaluasi masih draf: \d+/),
    ]);
    await openStep(page, "Setujui dan kunci periode", /ditolak sampai periode dibuka kembali/);
    await page.getByRole("heading", { name: "Periode belum disetujui (draf)" }).waitFor();
    await shoot(page.locator("section.approval"), { path: `${screenshots}konfirmasi-kunci-periode.png` });
    await page.getByRole("button", { name: /^Ya, setujui dan kunci/ }).click();
    await page.getByRole("heading", { name: "Periode disetujui dan dikunci" }).waitFor();
    await expectFocusOn(page, /^Periode disetujui dan dikunci\.$/);

    await page.goto(`${baseUrl}/kpi?periode=${periodOf(new Date()).id}`);
    await page.getByText(/Periode ini masih berjalan sampai/).waitFor();
    expect(await page.getByText("Setujui dan kunci periode").count()).toBe(0);
    await page.context().close();
  });

  test("an evaluation into the locked period is refused beside the buttons, with the focus (phone)", async () => {
    const page = await pageAs(browser, baseUrl, "penilai", { size: PHONE });
    await fillEvaluation(page, "CALL-UJI-TERKUNCI", `${locked.firstDay}T10:00`);
    const send = page.getByRole("button", { name: "Kirim ke petugas" });
    await send.scrollIntoViewIfNeeded();
    await send.click();
    expect(await expectFocusOn(page, /sudah disetujui Kepala Seksi dan dikunci/)).toMatchObject({ role: "alert" });
    await shoot(page, { path: `${screenshots}pesan-periode-terkunci-ponsel.png` });
    await page.context().close();
  });

  test("reopening it (with a reason) leaves the period as it was", async () => {
    const page = await pageAs(browser, baseUrl, "kasi");
    await page.goto(`${baseUrl}/kpi?periode=${locked.id}`);
    await page.locator("summary", { hasText: "Buka kembali periode" }).click();
    await page.locator("#reason").fill("Uji peramban: kunci dibuka kembali.");
    await page.getByRole("button", { name: "Buka kembali" }).click();
    await page.getByRole("heading", { name: "Periode belum disetujui (draf)" }).waitFor();
    await page.context().close();
  });
});

describe("template drafts", () => {
  test("a saved item says so beside its button; removing an item and discarding the draft ask first", async () => {
    const page = await pageAs(browser, baseUrl, "koordinator");
    await page.goto(`${baseUrl}/template`);
    await page.getByRole("link", { name: "Versi 1" }).first().click();
    await page.getByRole("button", { name: /buat versi baru \(draf\)/ }).click();
    await page.locator(".lead", { hasText: "Draf" }).waitFor();
    await page.locator("summary", { hasText: "Ubah atau hapus butir H1" }).click();
    const form = page.locator("details[open] form").first();
    await form.getByLabel("Panduan untuk penilai").fill("Periksa rujukan peraturan yang dikutip.");
    await form.getByRole("button", { name: "Simpan butir" }).click();
    await expectFocusOn(page, /^Butir tersimpan\.$/);
    expect(
      await page
        .getByRole("status")
        .filter({ hasText: "Butir tersimpan." })
        .evaluate((el) => el.nextElementSibling?.textContent),
    ).toBe("Simpan butir");

    const rows = await page.locator("table tbody tr").count();
    await openStep(page, "Hapus butir H1", /Butir H1 dihapus dari draf/);
    expect(await page.locator("table tbody tr").count()).toBe(rows);
    await page.getByRole("button", { name: "Ya, hapus butir H1" }).click();
    await expectFocusOn(page, /^Butir dihapus dari draf\.$/);
    await page.locator("table tbody td:first-child", { hasText: /^H1$/ }).waitFor({ state: "detached" });
    expect(await page.locator("table tbody tr").count()).toBe(rows - 1);

    await openStep(page, "Buang draf", /dibuang dan tidak dapat dikembalikan/);
    await page.getByRole("button", { name: "Ya, buang draf ini" }).click();
    await page.waitForURL(`${baseUrl}/template`);
    await page.context().close();
  });
});

describe("imports and the roster", () => {
  test("undoing an import asks first", async () => {
    const page = await pageAs(browser, baseUrl, "hr");
    await page.goto(`${baseUrl}/impor`);
    await page.locator("#kind").selectOption("training");
    await page.locator("#file").setInputFiles("fixtures/samples/pelatihan-contoh.csv");
    await page.getByRole("button", { name: "Unggah dan periksa" }).click();
    await page.getByRole("button", { name: /^Simpan/ }).click();
    await page.waitForURL(/\/impor\/riwayat\/\d+\?baru=1$/);
    await openStep(page, "Batalkan impor ini", /dikembalikan seperti sebelum impor/);
    expect(await page.locator(".badge", { hasText: "dibatalkan" }).count()).toBe(0);
    await page.getByRole("button", { name: "Ya, batalkan impor ini" }).click();
    await page.waitForURL(/dibatalkan=1/);
    await expectFocusOn(page, /^Impor dibatalkan/);
    await page.context().close();
  });

  test("deleting a shift asks first", async () => {
    const page = await pageAs(browser, baseUrl, "koordinator", { size: DESKTOP });
    // A week past the demo's roster, so the shift added here meets no other.
    const week = shiftWeek(weekOfDay(wibDay(new Date())).id, 3);
    await page.goto(`${baseUrl}/tenaga-kerja/jadwal?minggu=${week.id}`);
    await page.locator("#staffId").selectOption({ label: "Maya Syahputra (Layanan Informasi dan Pengaduan)" });
    await page.getByRole("button", { name: "Tambah sif" }).click();
    await page.waitForURL(/disimpan=1/);
    const step = page.locator("summary[aria-label^='Hapus sif Maya Syahputra ']");
    await step.waitFor();
    expect(await page.locator("details.confirm > summary").count()).toBe(1);
    await step.click();
    await page
      .locator("details.confirm[open] .confirm-question")
      .filter({ hasText: /dihapus dari jadwal/ })
      .waitFor();
    expect(page.url()).toMatch(/disimpan=1/);
    await page.getByRole("button", { name: "Ya, hapus sif" }).click();
    await page.waitForURL(/dihapus=1/);
    await expectFocusOn(page, /^Sif dihapus/);
    await step.waitFor({ state: "detached" });
    await page.context().close();
  });
});
