// Schedule adherence in a real Chromium: HR downloads last week's agent states made from the roster, imports them
// through the preview, and the coordinator sees that week counted on Kepatuhan jadwal — per agent, and an agent's
// shifts in words; on a phone the page fits the screen; the assessor's period review shows the evidence.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { formatDay } from "../../analytics/dates";
import { periodOfDay } from "../../analytics/period";
import { sampleWeekOf } from "../../fixtures/demo-states";
import { homesForThisFile } from "../support/inbox";

const { baseUrl, home } = homesForThisFile();
const monday = sampleWeekOf(new Date());
const period = periodOfDay(monday);
const fitsWidth = (page: Awaited<ReturnType<typeof home>>) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe("agent states and adherence", () => {
  test("last week's states, imported by HR, show on the coordinator's adherence page", async () => {
    const hr = await home("hr");
    await hr.goto(`${baseUrl}/impor`);
    const states = hr.locator("details", { hasText: "Status agen" });
    await states.locator("summary").click();
    const [download] = await Promise.all([
      hr.waitForEvent("download"),
      states.getByRole("link", { name: "status-agen-minggu-lalu.csv" }).click(),
    ]);
    const file = await download.path();
    expect(readFileSync(file, "utf8")).toContain("NIP;Nama;Kanal;Status;Mulai;Selesai");
    await hr.getByLabel("Jenis data").selectOption("states");
    await hr.getByLabel("Berkas CSV").setInputFiles(file);
    await hr.getByRole("button", { name: "Unggah dan periksa" }).click();
    await hr.getByRole("heading", { level: 1, name: "Pratinjau impor" }).waitFor();
    await hr.locator("dl.counts").waitFor();
    await hr.getByRole("button", { name: /^Simpan .* perubahan$/ }).click();
    await hr.getByText("Impor tersimpan.").waitFor();

    const coordinator = await home("koordinator");
    await coordinator.goto(`${baseUrl}/tenaga-kerja/kepatuhan?periode=${period.id}`);
    await coordinator.getByRole("heading", { level: 1, name: "Kepatuhan jadwal" }).waitFor();
    // The week's Monday is counted now, not "tanpa data".
    await coordinator.getByText(/Per hari, semua petugas/).click();
    const mondayRow = coordinator.locator("tr", { has: coordinator.locator("th", { hasText: formatDay(monday) }) });
    await expect(mondayRow.locator("td").first().textContent()).resolves.not.toMatch(/tanpa data|^0$/);
    // An agent's shifts, each said in words.
    await coordinator.locator("#petugas ~ .table-wrap tbody tr th a").first().click();
    await coordinator.getByRole("heading", { level: 2, name: /^Rincian / }).waitFor();
    const notes = await coordinator.getByRole("table", { name: "Per sif" }).textContent();
    expect(notes).toMatch(/Sesuai jadwal\.|Terlambat|Pulang|Tidak hadir|istirahat/);
  });

  test("on a phone the page fits the screen; the assessor's period review shows the evidence", async () => {
    const supervisor = await home("supervisor", 390);
    await supervisor.goto(`${baseUrl}/tenaga-kerja/kepatuhan?periode=${period.id}`);
    await supervisor.getByRole("heading", { level: 2, name: "Per petugas" }).waitFor();
    expect(await fitsWidth(supervisor)).toBe(true);
    // A card of an agent: every figure labelled.
    const card = supervisor.locator("#petugas ~ .table-wrap tbody tr").first();
    const label = await card
      .locator("td")
      .first()
      .evaluate((td) => getComputedStyle(td, "::before").content);
    expect(label).toBe('"Sif"');

    const assessor = await home("penilai", 390);
    await assessor.goto(`${baseUrl}/evaluasi/periode?periode=${period.id}`);
    await assessor.locator("tr", { hasText: "Maya Syahputra" }).getByRole("link").first().click();
    await assessor.getByRole("heading", { level: 2, name: "Bukti kepatuhan jadwal" }).waitFor();
    const evidence = await assessor.locator("aside.evidence").textContent();
    expect(evidence).toMatch(/Kepatuhan\s*\d+,\d %/);
    expect(await fitsWidth(assessor)).toBe(true);
  });
});
