// The staffing plan's what-if in a real Chromium: the coordinator asks what a busier week with a stricter target
// needs, sees the simulation said above the figures and carried by the download link, and clears it; the
// administrator's settings still hold the targets as they were.
import { describe, expect, test } from "vitest";
import { homesForThisFile } from "../support/inbox";

const { baseUrl, home } = homesForThisFile();

describe("what if, on the staffing plan", () => {
  test("a simulation shows on the page and in the download link, and never reaches the settings", async () => {
    const admin = await home("admin");
    const stored = async () => {
      await admin.goto(`${baseUrl}/admin/pengaturan`);
      return admin.locator("input[name='workforce.serviceLevel.telepon']").inputValue();
    };
    const targetBefore = await stored();
    const page = await home("koordinator");
    await page.goto(`${baseUrl}/tenaga-kerja/rencana?kanal=telepon`);
    const needed = async () =>
      (await page.locator("dl.counts div", { hasText: "Jam posisi dibutuhkan" }).locator("dd").textContent()) ?? "";
    const before = await needed();
    await page.getByText("Simulasi: bagaimana jika…").click();
    await page.getByLabel("Perubahan volume kontak (%)").fill("50");
    await page.getByLabel("Target tingkat layanan (%)").fill("95");
    await page.getByRole("button", { name: "Hitung simulasi" }).click();
    await page.waitForURL(/volume=50/);
    await page.getByText("Simulasi Telepon:").waitFor();
    await expect(page.getByRole("status").filter({ hasText: "Simulasi Telepon" }).textContent()).resolves.toContain(
      "volume +50 %, tingkat layanan 95 %",
    );
    const parse = (text: string) => Number(text.replace(/\./g, "").replace(",", "."));
    expect(parse(await needed())).toBeGreaterThan(parse(before));
    const href = await page.getByRole("link", { name: "Unduh rencana dengan simulasi (.xlsx)" }).getAttribute("href");
    expect(href).toMatch(/kanal=telepon&volume=50&sl=95/);
    await page.getByRole("link", { name: "Hapus simulasi" }).click();
    await page.getByRole("link", { name: "Unduh rencana minggu ini (.xlsx)" }).waitFor();
    expect(await needed()).toBe(before);

    expect(await stored()).toBe(targetBefore);
  });
});
