// One's own mail settings in a real Chromium against the production build, with and without JavaScript: the
// demo petugas opens them from the profile, gives an address, turns one kind of mail off and chooses the daily
// digest; after a reload the page shows what was saved, and the profile shows the address.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from "vitest";
import { launchBrowser, signIn, testServer } from "../support/browser";

const { baseUrl } = testServer();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function petugas(javaScriptEnabled: boolean) {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled,
  });
  onTestFinished(() => context.close());
  const page = await context.newPage();
  await signIn(page, baseUrl, "petugas");
  return page;
}

describe("mail settings on the profile", () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`a kind turned off and the digest chosen are kept after a reload (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async () => {
      const page = await petugas(javaScriptEnabled);
      await page.goto(`${baseUrl}/profil`);
      await page.getByRole("link", { name: "Atur surel" }).click();
      await page.getByRole("heading", { level: 1, name: "Surel" }).waitFor();

      const reminder = page.getByLabel("Masa sanggah berakhir dalam 2 hari");
      const settled = page.getByLabel("Sanggahan Anda telah diputuskan");
      await page.getByLabel("Alamat surel").fill("Petugas.Demo@Beacukai.go.id");
      await reminder.setChecked(!javaScriptEnabled); // each run flips it, so a stale page cannot pass
      await settled.check();
      await page.getByRole("radio", { name: /Ringkasan harian/ }).check();
      await page.getByRole("button", { name: "Simpan pengaturan surel" }).click();
      await page.getByText("Pengaturan surel tersimpan.").waitFor();

      await page.reload();
      await page.getByRole("heading", { level: 1, name: "Surel" }).waitFor();
      await expect(page.getByLabel("Alamat surel").inputValue()).resolves.toBe("petugas.demo@beacukai.go.id");
      await expect(reminder.isChecked()).resolves.toBe(!javaScriptEnabled);
      await expect(settled.isChecked()).resolves.toBe(true);
      await expect(page.getByRole("radio", { name: /Ringkasan harian/ }).isChecked()).resolves.toBe(true);

      await page.goto(`${baseUrl}/profil`);
      await page.getByText("petugas.demo@beacukai.go.id").waitFor();
    });
  }

  test("an address that is not one is refused next to the field, and nothing is saved; then put back", async () => {
    const page = await petugas(true);
    await page.goto(`${baseUrl}/profil/surel`);
    const before = await page.getByLabel("Alamat surel").inputValue();
    await page.getByLabel("Alamat surel").fill("petugas di kantor");
    await page.getByRole("button", { name: "Simpan pengaturan surel" }).click();
    await page.getByText(/Alamat surel tidak valid/).waitFor();
    await page.goto(`${baseUrl}/profil/surel`);
    await expect(page.getByLabel("Alamat surel").inputValue()).resolves.toBe(before);

    // Put back as the demo had them, for the files that run after this one on the same server.
    await page.getByLabel("Alamat surel").fill("");
    for (const box of await page.getByRole("checkbox").all()) await box.check();
    await page.getByRole("radio", { name: "Satu surel per kejadian" }).check();
    await page.getByRole("button", { name: "Simpan pengaturan surel" }).click();
    await page.getByText("Pengaturan surel tersimpan.").waitFor();
  });
});
