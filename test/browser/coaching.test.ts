// Coaching in a real Chromium against the production build: the supervisor opens a session from the KPI page's
// below-threshold list with two actions; the agent finds it in their inbox on a phone and acknowledges it; the
// supervisor follows up both actions; the session shows on the staff page, the agent's profile and in the KPI
// workbook the supervisor downloads.
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { addDays, formatDay, wibDay } from "../../analytics/dates";
import { periodOf, shiftPeriod } from "../../analytics/period";
import { homesForThisFile } from "../support/inbox";

const { baseUrl, home } = homesForThisFile();
const today = wibDay(new Date());
const OBSERVATION = "Kedisiplinan di bawah batas: terlambat masuk sif empat kali dalam satu periode.";
const AGENT_ACTION = "Masuk sif tepat waktu selama dua minggu";
const SUPERVISOR_ACTION = "Memeriksa catatan kehadiran setiap Jumat";

let sessionPath = "";
let agentName = "";

async function openSession(page: Page) {
  await page.goto(`${baseUrl}${sessionPath}`);
  await page.getByRole("heading", { level: 2, name: "Tindakan yang disepakati" }).waitFor();
}

const agentHome = (width: number) => home("petugas", width);

describe("coaching after a KPI below the threshold", () => {
  test("the supervisor opens it from the KPI page with two agreed actions", async () => {
    // The demo petugas's final score of the last finished period is below the threshold.
    const agent = await home("petugas");
    agentName = ((await agent.locator(".user-menu a").first().textContent()) ?? "").trim();
    const page = await home("supervisor");
    await page.goto(`${baseUrl}/kpi?periode=${shiftPeriod(periodOf(new Date()).id, -1).id}`);
    await page.getByRole("link", { name: `Buka pembinaan untuk ${agentName}`, exact: true }).click();
    await page.getByRole("heading", { level: 2, name: `Pembinaan untuk ${agentName}` }).waitFor();
    await page.getByText("Dasar: nilai akhir").waitFor();
    // Nothing filled in: every mistake is said at its field, and the page keeps what was typed.
    await page.getByLabel("Hal yang diamati").fill(OBSERVATION);
    await page.getByRole("button", { name: "Simpan pembinaan" }).click();
    await page.getByText("Tuliskan paling sedikit satu tindakan yang disepakati").waitFor();
    await expect(page.getByLabel("Hal yang diamati").inputValue()).resolves.toBe(OBSERVATION);

    const rows = page.locator("fieldset", { has: page.getByText(/^Tindakan \d/) });
    await rows.nth(0).getByLabel("Tindakan yang disepakati").fill(AGENT_ACTION);
    await rows
      .nth(0)
      .getByLabel("Penanggung jawab")
      .selectOption({ label: `${agentName} (petugas)` });
    await rows.nth(0).getByLabel("Tenggat").fill(addDays(today, 14));
    await rows.nth(1).getByLabel("Tindakan yang disepakati").fill(SUPERVISOR_ACTION);
    const me = ((await page.locator(".user-menu a").first().textContent()) ?? "").trim();
    await rows.nth(1).getByLabel("Penanggung jawab").selectOption({ label: me });
    await rows.nth(1).getByLabel("Tenggat").fill(addDays(today, 7));
    await page.getByRole("button", { name: "Simpan pembinaan" }).click();
    await page.waitForURL(/\/pembinaan\/\d+\?dibuka=1/);
    await page.getByText("Sesi pembinaan tersimpan").waitFor();
    sessionPath = new URL(page.url()).pathname;
    await expect(page.locator("#dasar").locator("..").textContent()).resolves.toContain(OBSERVATION);
    await expect(page.locator("ol.coaching-actions > li").count()).resolves.toBe(2);
  });

  test("the agent finds it in the inbox on a phone and acknowledges it with a comment", async () => {
    const page = await agentHome(390);
    const group = page.locator("section.inbox-group", {
      has: page.getByRole("heading", { level: 3, name: "Pembinaan menunggu tanggapan Anda" }),
    });
    await group.locator(`li a[href^="${sessionPath}#"]`).click();
    await page.getByRole("heading", { level: 2, name: "Tanggapan petugas" }).waitFor();
    await page.getByLabel("Komentar Anda (boleh dikosongkan)").fill("Saya akan datang sepuluh menit lebih awal.");
    await page.getByRole("button", { name: "Saya sudah menerima pembinaan ini" }).click();
    await page.waitForURL(/\?ditanggapi=1/);
    await page.getByText("Tanggapan Anda tersimpan.").waitFor();
    await expect(page.locator("#tanggapan").locator("..").textContent()).resolves.toContain("sepuluh menit");
    const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
    expect(width).toBeLessThanOrEqual(390);
    // Their own action stays in the inbox with its deadline until it is followed up.
    await page.goto(`${baseUrl}/`);
    await page.getByText(AGENT_ACTION).waitFor();
  });

  test("the supervisor follows up both actions; the session is done and shows on the staff page", async () => {
    const page = await home("supervisor");
    await openSession(page);
    for (const [action, outcome] of [
      [AGENT_ACTION, "Tercapai"],
      [SUPERVISOR_ACTION, "Tidak tercapai"],
    ] as const) {
      const item = page.locator("ol.coaching-actions > li", { hasText: action });
      await item.getByText("Catat hasilnya").click();
      await item.getByLabel(outcome, { exact: true }).check();
      await item.getByLabel("Catatan tindak lanjut").fill("Dicek dari log masuk dua minggu terakhir.");
      await item.getByRole("button", { name: "Catat tindak lanjut" }).click();
      await item.getByRole("button", { name: "Catat tindak lanjut" }).waitFor({ state: "detached" });
      await page.getByText("Tindak lanjut tercatat.").waitFor();
      await expect(item.locator(".badge").first().textContent()).resolves.toBe(outcome);
    }
    await expect(page.locator("h1 .badge").textContent()).resolves.toBe("Selesai");
    await page.getByRole("link", { name: "← Pembinaan" }).click();
    await page.getByRole("heading", { level: 1, name: "Pembinaan" }).waitFor();
  });

  test("the profile, the staff page and the KPI workbook show it", async () => {
    const agent = await agentHome(1366);
    await agent.goto(`${baseUrl}/profil`);
    const mine = agent.locator("section", { has: agent.getByRole("heading", { name: "Pembinaan saya" }) });
    await expect(mine.locator(`a[href="${sessionPath}"]`).textContent()).resolves.toBe(formatDay(today));

    const supervisor = await home("supervisor");
    await supervisor.goto(`${baseUrl}/staf`);
    await supervisor.getByRole("link", { name: agentName, exact: true }).first().click();
    const section = supervisor.locator("section", { has: supervisor.getByRole("heading", { name: "Pembinaan" }) });
    await expect(section.locator(`tr:has(a[href="${sessionPath}"])`).textContent()).resolves.toContain("Selesai");

    const response = await supervisor.request.get(`${baseUrl}/kpi/unduh?periode=${periodOf(new Date()).id}`);
    expect(response.status()).toBe(200);
    const body = await response.body();
    const book = await new ExcelJS.Workbook().xlsx.load(
      body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
    );
    const rows = book.getWorksheet("Pembinaan")?.getSheetValues().filter(Boolean) as unknown[][];
    const header = (rows[0] ?? []).slice(1) as string[];
    const ours = rows
      .slice(1)
      .map((r) => r.slice(1))
      .filter((r) => r[header.indexOf("Hal yang Diamati")] === OBSERVATION);
    expect(ours.map((r) => [r[header.indexOf("Tindakan")], r[header.indexOf("Hasil")]]).sort()).toEqual(
      [
        [SUPERVISOR_ACTION, "Tidak tercapai"],
        [AGENT_ACTION, "Tercapai"],
      ].sort(),
    );
  });
});
