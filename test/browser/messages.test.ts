// After a save or a refusal the person sees what happened where they are looking (issue 11): the message, or the
// first field in error, has the focus and is inside the window, on a desktop and a phone, with and without
// scripts; no Tab stop of the scorecard hides under its sticky total; settling a dispute never drops edits.
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, shoot, testServer } from "../support/browser";
import { DESKTOP, expectFocusOn, PHONE, pageAs, tabStopsUnderStickyBar } from "../support/focus";

const { baseUrl } = testServer();
const screenshots = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The new-evaluation form of the first agent on the list, header left empty. */
async function emptyScorecard(page: Page) {
  await page.goto(`${baseUrl}/evaluasi/baru`);
  await page.locator("#petugas").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Lanjut" }).click();
  await page.getByRole("heading", { name: /Hardskill/ }).waitFor();
}

describe("a refusal is seen where the person is", () => {
  for (const [label, size] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const) {
    test(`a scorecard draft with missing fields (${label}): the first field in error has the focus, in view`, async () => {
      const page = await pageAs(browser, baseUrl, "penilai", { size });
      await emptyScorecard(page);
      const save = page.getByRole("button", { name: "Simpan draf" });
      await save.scrollIntoViewIfNeeded();
      await save.click();
      const focused = await expectFocusOn(page, /Pilih saluran komunikasi interaksi ini\./);
      expect(focused).toMatchObject({ tag: "select", invalid: "true" });
      // Beside the buttons, a summary a screen reader hears at once.
      const summary = page.getByRole("alert").filter({ hasText: "Belum tersimpan: 3 isian perlu diperbaiki" });
      await summary.waitFor();
      expect(await summary.evaluate((el) => el.nextElementSibling?.className)).toBe("actions");
      await shoot(page, { path: `${screenshots}pesan-draf-${label}.png` });
      await page.context().close();
    });
  }

  test("the same without scripts: the browser focuses the first field in error of the page it gets back", async () => {
    const page = await pageAs(browser, baseUrl, "penilai", { js: false });
    await emptyScorecard(page);
    await page.getByRole("button", { name: "Simpan draf" }).click();
    await page.waitForLoadState();
    expect(await expectFocusOn(page, /Pilih saluran komunikasi interaksi ini\./)).toMatchObject({ tag: "select" });
    await page.context().close();
  });

  test("settings: the result sits beside the button at the end of the long form and has the focus", async () => {
    const page = await pageAs(browser, baseUrl, "admin");
    await page.goto(`${baseUrl}/admin/pengaturan`);
    const save = page.getByRole("button", { name: "Simpan pengaturan" });
    await save.scrollIntoViewIfNeeded();
    await save.click();
    expect(await expectFocusOn(page, /^Tidak ada yang berubah\.$/)).toMatchObject({ role: "status" });
    // A value that is not a number: the field says so and has the focus.
    const field = page.locator("input[inputmode=decimal]").first();
    const name = await field.getAttribute("name");
    await field.fill("banyak");
    await save.scrollIntoViewIfNeeded();
    await save.click();
    await page.getByRole("alert").filter({ hasText: "Belum tersimpan: satu isian perlu diperbaiki" }).waitFor();
    const error = (await page.locator(`[id="${name}-error"]`).textContent()) ?? "";
    expect(error).not.toBe("");
    const focused = await expectFocusOn(page, new RegExp(error.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    expect(focused).toMatchObject({ tag: "input", invalid: "true" });
    await page.context().close();
  });

  test("a password reset: the refusal and then the result beside its button, with the focus", async () => {
    const page = await pageAs(browser, baseUrl, "admin", { size: PHONE });
    await page.goto(`${baseUrl}/admin/pengguna/baru`);
    await page.locator("#username").fill("uji.pesan");
    await page.locator("#displayName").fill("Uji Pesan");
    await page.locator("input[name='roles[]'][value='hr']").check();
    await page.locator("#password").fill("Kopi-Susu-Pagi-2026");
    await page.locator("#passwordConfirm").fill("Kopi-Susu-Pagi-2026");
    await page.getByRole("button", { name: "Simpan pengguna" }).click();
    await page.waitForURL(/dibuat=1/);
    await expectFocusOn(page, /Akun baru tersimpan\./);
    await page.getByRole("link", { name: "uji.pesan" }).click();
    await page.locator("#password").fill("Teh-Manis-Sore-2026");
    await page.locator("#passwordConfirm").fill("Teh-Manis-Sore-2027");
    const reset = page.getByRole("button", { name: "Atur ulang kata sandi" });
    await reset.click();
    expect(await expectFocusOn(page, /Konfirmasi kata sandi tidak sama\./)).toMatchObject({ invalid: "true" });
    await page.locator("#passwordConfirm").fill("Teh-Manis-Sore-2026");
    await reset.click();
    expect(await expectFocusOn(page, /^Kata sandi diatur ulang\./)).toMatchObject({ role: "status" });
    await shoot(page, { path: `${screenshots}pesan-atur-ulang-sandi.png` });
    await page.context().close();
  });
});

describe("the sticky total of the scorecard never covers the focus (WCAG 2.4.11)", () => {
  for (const [label, size] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const) {
    test(`every Tab stop from the header to the note stays clear of the bar (${label})`, async () => {
      const page = await pageAs(browser, baseUrl, "penilai", { size });
      await emptyScorecard(page);
      const { stops, covered } = await tabStopsUnderStickyBar(page, "#interactionAt", "note");
      expect(stops).toBeGreaterThan(30);
      expect(covered).toEqual([]);
      await page.context().close();
    });
  }
});

describe("settling a dispute never drops what was changed", () => {
  async function disputedUrl(page: Page) {
    await page.goto(`${baseUrl}/evaluasi?status=disputed&periode=semua`);
    const href = await page.locator("table a[href^='/evaluasi/']").first().getAttribute("href");
    expect(href).toMatch(/^\/evaluasi\/\d+$/);
    return `${baseUrl}${href}/selesaikan`;
  }

  test("with scripts: read-only while 'Nilai tetap'; edits kept when switching back and forth", async () => {
    const page = await pageAs(browser, baseUrl, "koordinator");
    await page.goto(await disputedUrl(page));
    // Once scripts run, the current scores are shown instead of the scorecard.
    await page.getByText("Nilai yang berlaku (revisi").waitFor();
    const sheet = page.locator(".score-sheet");
    expect(await sheet.isVisible()).toBe(false);
    expect(await page.locator(".score-sheet input[type=radio]").first().isEnabled()).toBe(false);
    await page.getByLabel("Nilai disesuaikan (revisi baru)").check();
    const s4 = page.locator("fieldset.score-item", { hasText: "S4" });
    const other = (await s4.locator("input[value='1']").isChecked()) ? "2" : "1";
    await s4.getByText(other, { exact: true }).click();
    const total = await page.locator(".running-total").textContent();
    await page.getByLabel("Nilai tetap (sanggahan tidak diterima)").check();
    expect(await sheet.isVisible()).toBe(false);
    await page.getByLabel("Nilai disesuaikan (revisi baru)").check();
    expect(await s4.locator(`input[value='${other}']`).isChecked()).toBe(true);
    expect(await page.locator(".running-total").textContent()).toBe(total);
    await page.context().close();
  });

  test("without scripts: 'Nilai tetap' with a changed score is refused, the change kept; adjusting saves it", async () => {
    const page = await pageAs(browser, baseUrl, "koordinator", { js: false });
    const url = await disputedUrl(page);
    await page.goto(url);
    const s4 = page.locator("fieldset.score-item", { hasText: "S4" });
    const other = (await s4.locator("input[value='1']").isChecked()) ? "2" : "1";
    await s4.locator(`input[value='${other}']`).check();
    await page.locator("#note").fill("Rekaman diperiksa; S4 disesuaikan.");
    await page.getByRole("button", { name: "Simpan keputusan" }).click();
    await page.waitForLoadState();
    expect(page.url()).toBe(url);
    await expectFocusOn(page, /Anda mengubah nilai, tetapi memilih "Nilai tetap"/);
    expect(await s4.locator(`input[value='${other}']`).isChecked()).toBe(true);
    expect(await page.locator("#note").inputValue()).toBe("Rekaman diperiksa; S4 disesuaikan.");
    await shoot(page, { path: `${screenshots}sanggahan-tanpa-js.png` });
    await page.getByLabel("Nilai disesuaikan (revisi baru)").check();
    await page.getByRole("button", { name: "Simpan keputusan" }).click();
    await page.waitForURL(/diselesaikan=1/);
    await page.locator("h1", { hasText: "Final" }).waitFor();
    expect(await page.locator(".lead").first().textContent()).toContain("revisi 2");
    await page.context().close();
  });
});
