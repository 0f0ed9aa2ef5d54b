// The scorecard workflow in a real Chromium against the production build: a penilai scores an interaction
// with the keyboard alone and submits it; the agent sees it and disputes it; the QA coordinator adjusts it.
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, shoot, signInByRequest, testServer } from "../support/browser";

const { baseUrl } = testServer();
const screenshots = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function pageAs(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInByRequest(page, baseUrl, username);
  return page;
}

const COMMENT = "<b>tebal</b> & jeda 2 menit";
let evaluationUrl = "";

/** What has the keyboard focus: its tag, type and name. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return { tag: el?.tagName.toLowerCase() ?? "", type: el?.type ?? "", name: el?.name ?? "", id: el?.id ?? "" };
  });

/** Starts an interaction evaluation of Maya Syahputra: the agent chosen, the header filled in. */
async function startEvaluation(page: Page, header: { channel: string; ref: string; at: string }) {
  await page.goto(`${baseUrl}/evaluasi/baru`);
  await page.locator("#petugas").selectOption({ label: "Maya Syahputra — Layanan Informasi dan Pengaduan" });
  await page.getByRole("button", { name: "Lanjut" }).click();
  await page.getByRole("heading", { name: /Hardskill/ }).waitFor();
  await page.locator("#channel").selectOption(header.channel);
  await page.locator("#interactionRef").fill(header.ref);
  await page.locator("#interactionAt").fill(header.at);
}

describe("scorecard workflow", () => {
  test("a penilai scores every item with the keyboard alone and submits", async () => {
    const page = await pageAs("penilai");
    await startEvaluation(page, { channel: "telepon", ref: "CALL-UJI-BROWSER-1", at: "2026-11-28T09:45" });

    // From the time field on, only the keyboard: Tab into each radio group, Space picks the first option,
    // ArrowRight moves the choice (to 4 on 1–5 items; Ya stays on Ya/Tidak items). Comments are typed.
    await page.locator("#interactionAt").focus();
    let groups = 0;
    for (let guard = 0; guard < 200; guard++) {
      await page.keyboard.press("Tab");
      const f = await focused(page);
      if (f.id === "note") break;
      if (f.tag === "input" && f.type === "radio") {
        await page.keyboard.press("Space");
        const options = await page.locator(`input[name="${f.name}"]`).count();
        const isFiveLevel = options >= 5;
        if (isFiveLevel) for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
        groups += 1;
        // Tab from a radio group leaves the group; no need to Tab through its other options.
      } else if (f.tag === "textarea" && f.name.startsWith("catatan.") && groups === 1) {
        await page.keyboard.type(COMMENT);
      }
    }
    expect(groups).toBe(14);
    const running = await page.locator(".running-total").textContent();
    expect(running).toContain("Hardskill 80,00");
    expect(running).toContain("Softskill 78,75");
    expect(running).toContain("Total 79,46");
    await page.keyboard.type("Informasi tepat. Rekomendasi: beri tahu pengguna sebelum hold (butir 2.1.2).");
    await shoot(page, { path: `${screenshots}penilai-scorecard.png`, fullPage: true });
    await page.keyboard.press("Tab"); // Simpan draf
    await page.keyboard.press("Tab"); // Kirim ke petugas
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Kirim ke petugas");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/evaluasi\/\d+\?terkirim=1$/);
    evaluationUrl = page.url().replace(/\?.*$/, "");
    await page.locator("h1", { hasText: "Terkirim" }).waitFor();
    await page.context().close();
  });

  test("the agent sees it, with the comment shown as text, and disputes it", async () => {
    const page = await pageAs("petugas");
    await page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Evaluasi" }).click();
    const id = evaluationUrl.split("/").at(-1);
    await page.getByRole("link", { name: `#${id}` }).click();
    await page.waitForURL(evaluationUrl);
    // The comment is text on the page, never markup.
    await page.getByText(COMMENT, { exact: true }).waitFor();
    expect(await page.locator("td b").count()).toBe(0);
    await page.getByRole("button", { name: "Ajukan sanggahan" }).click();
    await page.getByText(/paling sedikit 10 karakter/).waitFor();
    await page.locator("#reason").fill("S4 dinilai 4, padahal jeda terjadi karena aplikasi INSW sedang lambat.");
    await page.getByRole("button", { name: "Ajukan sanggahan" }).click();
    await page.waitForURL(/disanggah=1/);
    await page.locator("h1", { hasText: "Disanggah" }).waitFor();
    await page.context().close();
  });

  test("the QA coordinator adjusts it: revision 2, the first revision kept in the history", async () => {
    const page = await pageAs("koordinator");
    await page.goto(`${evaluationUrl}/selesaikan`);
    await page.getByLabel("Nilai disesuaikan (revisi baru)").check();
    await page.locator("fieldset.score-item", { hasText: "S4" }).getByText("5", { exact: true }).click();
    await page.locator("#note").fill("Log aplikasi menunjukkan gangguan INSW; S4 disesuaikan menjadi 5.");
    await page.getByRole("button", { name: "Simpan keputusan" }).click();
    await page.waitForURL(/diselesaikan=1/);
    await page.locator("h1", { hasText: "Final" }).waitFor();
    const lead = await page.locator(".lead").first().textContent();
    expect(lead).toContain("revisi 2");
    const history = await page.locator("details.revision summary").allInnerTexts();
    expect(history).toHaveLength(2);
    expect(history[0]).toContain("Revisi 1 · Dikirim");
    expect(history[1]).toContain("Revisi 2 · Disesuaikan setelah sanggahan");
    await shoot(page, { path: `${screenshots}koordinator-settled.png`, fullPage: true });
    await page.context().close();

    const agent = await pageAs("petugas");
    await agent.goto(evaluationUrl);
    await agent.locator("h1", { hasText: "Final" }).waitFor();
    // The settlement note, under the dispute (it also stands in revision 2 of the history).
    await agent
      .locator("#sanggahan ~ .quote, section .quote")
      .filter({ hasText: "S4 disesuaikan menjadi 5" })
      .first()
      .waitFor();
    await agent.context().close();
  });
});

describe("a draft open in two tabs", () => {
  test("deleting it from the older tab says it changed and keeps it; from the current one it goes", async () => {
    const first = await pageAs("penilai");
    await startEvaluation(first, { channel: "email", ref: "EMAIL-UJI-DUA-TAB", at: "2026-11-28T10:15" });
    await first.getByRole("button", { name: "Simpan draf" }).click();
    await first.waitForURL(/\/evaluasi\/\d+\?disimpan=1$/);
    await first.locator("h1", { hasText: "Draf" }).waitFor();
    const draftUrl = first.url().replace(/\?.*$/, "");

    // A second tab continues the draft and saves it again.
    const second = await first.context().newPage();
    await second.goto(`${draftUrl}/ubah`);
    await second.locator("#note").fill("Dilanjutkan di tab kedua.");
    await second.getByRole("button", { name: "Simpan draf" }).click();
    await second.waitForURL(`${draftUrl}?disimpan=1`);

    // "Hapus draf" asks first; the confirmation step's button deletes.
    await first.locator("summary", { hasText: "Hapus draf" }).click();
    await first.getByRole("button", { name: "Ya, hapus draf" }).click();
    await first.getByText(/diubah atau dikirim dari jendela lain sejak Anda membukanya, jadi belum dihapus/).waitFor();
    await shoot(first, { path: `${screenshots}penilai-stale-delete.png`, fullPage: true });
    await first.goto(draftUrl);
    await first.getByText("Dilanjutkan di tab kedua.").waitFor();
    await first.locator("summary", { hasText: "Hapus draf" }).click();
    await first.getByRole("button", { name: "Ya, hapus draf" }).click();
    await first.waitForURL(`${baseUrl}/evaluasi?dihapus=1`);
    expect((await first.goto(draftUrl))?.status()).toBe(404);
    await first.context().close();
  });

  test("sending it from two tabs submits it once; the second tab is shown what was sent, not a missing draft", async () => {
    const first = await pageAs("penilai");
    await startEvaluation(first, { channel: "webchat", ref: "CHAT-UJI-DUA-TAB", at: "2026-11-28T11:05" });
    for (const radio of await first.locator(".scale input[value='4'], .scale input[value='ya']").all()) {
      await radio.check();
    }
    await first.getByRole("button", { name: "Simpan draf" }).click();
    await first.waitForURL(/\/evaluasi\/\d+\?disimpan=1$/);
    const draftUrl = first.url().replace(/\?.*$/, "");
    await first.goto(`${draftUrl}/ubah`);
    const second = await first.context().newPage();
    await second.goto(`${draftUrl}/ubah`);

    await first.getByRole("button", { name: "Kirim ke petugas" }).click();
    await first.waitForURL(`${draftUrl}?terkirim=1`);
    await second.getByRole("button", { name: "Kirim ke petugas" }).click();
    await second.waitForURL(`${draftUrl}?sudah-terkirim=1`);
    await second.getByText(/sudah terkirim dari klik atau jendela lain sebelumnya/).waitFor();
    await second.locator("h1", { hasText: "Terkirim" }).waitFor();
    await first.context().close();
  });
});
