// Erlang C and Erlang A on the staffing plan in a real Chromium: the page says which model drives the short and
// over intervals and which patience Erlang A used; the administrator picks the model from a list on the settings
// page; the coordinator's plan then names Erlang A as the one that decides, on a computer and on a phone.
import { describe, expect, test } from "vitest";
import { homesForThisFile } from "../support/inbox";

const { baseUrl, home } = homesForThisFile();

describe("the plan's two models", () => {
  test("the setting picks the model that drives; the page says so, and the patience and its source", async () => {
    const page = await home("koordinator");
    await page.goto(`${baseUrl}/tenaga-kerja/rencana?kanal=telepon`);
    const notice = page.locator("p.model-notice");
    await expect(notice.textContent()).resolves.toMatch(/Erlang C menentukan interval kurang dan lebih staf/);
    await expect(notice.textContent()).resolves.toMatch(/kesabaran menunggu rata-rata 2 menit, dari Pengaturan/);
    await page
      .getByRole("row", { name: /Erlang C \(penentu\)/ })
      .first()
      .waitFor();

    const admin = await home("admin");
    await admin.goto(`${baseUrl}/admin/pengaturan`);
    await admin
      .getByLabel("Model kebutuhan petugas")
      .selectOption({ label: "Erlang A (memperhitungkan yang menutup)" });
    await admin.getByRole("button", { name: "Simpan pengaturan" }).click();
    await admin.getByText("1 pengaturan tersimpan.").waitFor();

    for (const width of [1366, 390]) {
      const reader = await home("koordinator", width);
      await reader.goto(`${baseUrl}/tenaga-kerja/rencana?kanal=telepon`);
      await expect(reader.locator("p.model-notice").textContent()).resolves.toMatch(/Erlang A menentukan/);
      await expect(reader.locator("dl.counts").textContent()).resolves.toContain("Jam posisi dibutuhkan (Erlang A)");
      await expect(reader.locator("table.staffing-day thead").textContent()).resolves.toContain("Erlang A (penentu)");
      expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
  });
});
