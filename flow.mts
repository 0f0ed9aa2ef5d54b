import { chromium } from "playwright-core";

const base = "http://localhost:3100";
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
async function as(user: string) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  page.on("pageerror", (e) => console.log("PAGEERROR", e.message));
  await page.goto(`${base}/masuk`);
  await page.fill("#username", user);
  await page.fill("#password", "mutu-demo-2026");
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForSelector("text=Selamat datang");
  return page;
}
const p = await as("penilai");
await p.goto(`${base}/evaluasi/baru`);
await p.selectOption("#petugas", { label: "Maya Syahputra — Layanan Informasi dan Pengaduan" });
await p.getByRole("button", { name: "Lanjut" }).click();
await p.waitForSelector("text=Hardskill");
await p.selectOption("#channel", "telepon");
await p.fill("#interactionRef", "CALL-2026-11-28-0042");
await p.fill("#interactionAt", "2026-11-28T10:15");
// Submit with nothing scored: errors expected
await p.getByRole("button", { name: "Kirim ke petugas" }).click();
await p.waitForSelector(".error");
console.log("errors after empty submit:", await p.locator(".score-item .error").count());
await p.screenshot({ path: "/tmp/shots/flow-errors.png" });
// Score everything with the keyboard-free API: click labels
for (const fs of await p.locator("fieldset.score-item").all()) {
  const labels = fs.locator(".scale label");
  const n = await labels.count();
  const texts = await labels.allInnerTexts();
  const pick = texts.includes("Ya") ? "Ya" : "4";
  await fs
    .locator(".scale label", { hasText: new RegExp(`^${pick}$`) })
    .first()
    .click();
}
console.log("running:", await p.locator(".running-total").innerText());
await p.fill("#note", "Informasi tepat; perlu memperhatikan jeda saat mencari di Knowledge Base (2.1.2).");
await p.screenshot({ path: "/tmp/shots/flow-filled.png" });
await p.getByRole("button", { name: "Kirim ke petugas" }).click();
await p.waitForURL(/\/evaluasi\/\d+\?terkirim=1/);
console.log("submitted:", p.url());
const evalUrl = p.url().split("?")[0];
await p.screenshot({ path: "/tmp/shots/flow-submitted.png", fullPage: true });
const a = await as("petugas");
await a.goto(evalUrl!);
await a.fill("#reason", "S4 dinilai 4, padahal jeda terjadi karena sistem INSW sedang lambat.");
await a.getByRole("button", { name: "Ajukan sanggahan" }).click();
await a.waitForURL(/disanggah=1/);
console.log("disputed");
const k = await as("koordinator");
await k.goto(`${evalUrl}/selesaikan`);
await k.getByLabel("Nilai disesuaikan (revisi baru)").check();
await k.locator("fieldset.score-item", { hasText: "S4" }).locator(".scale label", { hasText: /^5$/ }).click();
await k.fill("#note", "Jeda disebabkan gangguan INSW (dicek di log); S4 disesuaikan menjadi 5.");
await k.getByRole("button", { name: "Simpan keputusan" }).click();
await k.waitForURL(/diselesaikan=1/);
console.log("settled");
await k.screenshot({ path: "/tmp/shots/flow-settled.png", fullPage: true });
await browser.close();
