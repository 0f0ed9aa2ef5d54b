// A team's report followed up in a real Chromium against the production build: the Kepala Seksi finds it in the
// inbox and answers it, naming the supervisor and a due day; the supervisor finds it in theirs and records what
// was done; the Kepala Seksi closes it after confirming; the page shows each result where the person acted and
// the whole history.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { addDays, wibDay } from "../../analytics/dates";
import { homesForThisFile } from "../support/inbox";

const { home } = homesForThisFile();

/** Opens the line of the inbox group with this title that leads to `path` (else the first line). */
async function openFromInbox(page: Page, title: string, path?: string) {
  const group = page.locator("section.inbox-group", { has: page.getByRole("heading", { level: 3, name: title }) });
  await (path ? group.locator(`li a[href^="${path}#"]`) : group.locator("li a").first()).click();
  await page.waitForURL(/\/laporan\/\d+/);
  await page.getByRole("heading", { level: 2, name: /Tanggapan dan tindak lanjut/ }).waitFor();
}

let reportUrl = "";

describe("a report that gets an answer", () => {
  test("the Kepala Seksi answers it from the inbox and names the supervisor, with a due day", async () => {
    const page = await home("kasi");
    await openFromInbox(page, "Laporan tim yang menunggu tanggapan Anda");
    reportUrl = page.url().replace(/[?#].*$/, "");
    await page.getByLabel("Tanggapan dan arahan").fill("Tambahkan contoh pada pedoman butir empati.");
    await page.getByLabel("Penanggung jawab tindak lanjut").selectOption({ label: await supervisorName() });
    await page.getByLabel("Tenggat tindak lanjut").fill(addDays(wibDay(new Date()), 3));
    await page.getByRole("button", { name: "Simpan tanggapan" }).click();
    await page.waitForURL(/\?ditanggapi=1/);
    await page.getByText("Tanggapan tersimpan").waitFor();
    await expect(page.locator("#tindak-lanjut").textContent()).resolves.toContain("Ditanggapi");
  });

  test("the supervisor finds it in their inbox and records the follow-up", async () => {
    const page = await home("supervisor", 390);
    // The demo's other report assigned to them is overdue, so it comes first: this one is found by its address.
    await openFromInbox(page, "Tindak lanjut laporan yang ditugaskan kepada Anda", new URL(reportUrl).pathname);
    expect(page.url().replace(/[?#].*$/, "")).toBe(reportUrl);
    await page.getByLabel("Yang sudah dilakukan").fill("Contoh butir empati ditambahkan; dibahas di rapat tim.");
    await page.getByRole("button", { name: "Simpan tindak lanjut" }).click();
    await page.waitForURL(/\?ditindaklanjuti=1/);
    await page.getByText("Tindak lanjut tercatat").waitFor();
    const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
    expect(width).toBeLessThanOrEqual(390);
  });

  test("the Kepala Seksi closes it after confirming; the history holds each step in order", async () => {
    const page = await home("kasi");
    await openFromInbox(page, "Laporan yang sudah ditindaklanjuti, siap ditutup", new URL(reportUrl).pathname);
    await page.locator("details.confirm > summary").getByText("Tutup laporan", { exact: true }).click();
    await page.getByLabel("Catatan penutupan").fill("Tindak lanjut sesuai arahan.");
    await page.getByRole("button", { name: "Ya, tutup laporan" }).click();
    await page.waitForURL(/\?selesai=1/);
    await page.getByText("Laporan ditutup.").waitFor();
    const history = page.locator("ol.history > li");
    await expect(history.allTextContents()).resolves.toEqual([
      expect.stringMatching(/^Baru/),
      expect.stringMatching(/^Ditanggapi.*Tambahkan contoh/),
      expect.stringMatching(/^Ditindaklanjuti.*Contoh butir empati/),
      expect.stringMatching(/^Selesai.*Tindak lanjut sesuai arahan/),
    ]);
  });
});

/** The demo supervisor's display name, as the assignee list shows it. */
async function supervisorName(): Promise<string> {
  const page = await home("supervisor");
  const name = (await page.locator(".user-menu a").first().textContent()) ?? "";
  return name.trim();
}
