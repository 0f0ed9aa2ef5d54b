// Each role's main journey, walked as a new user would on a desktop (1366 × 900) and a phone (390 × 844):
// signed in once, then only clicks (issue 11, "Done when"). After every save and every refusal the message, or
// the first field in error, has the focus inside the window, and no page of the walk scrolls sideways.
//
// The test server's data is shared with the other browser test files, which may run before or after these
// walks: each walk uses records of its own (a user, a course, a shift, an evaluation of its own reference) or
// puts back what it changed (a setting, an IKU target, an import it undoes), and never locks a period.
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { formatDay, shiftWeek, weekOfDay, wibDay, wibInputValue } from "../../analytics/dates";
import { launchBrowser, testServer } from "../support/browser";
import { SIZES, startWalk } from "../support/journey";

const { baseUrl } = testServer();
const sample = (name: string) => fileURLToPath(new URL(`../../fixtures/samples/${name}`, import.meta.url));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

for (const size of SIZES) {
  const [label] = size;

  describe(`on a ${label}`, () => {
    test("admin: adds a user, resets their password, changes a setting and puts it back", async () => {
      const walk = await startWalk(browser, baseUrl, "admin", size);
      const { page } = walk;
      const username = `uji.jalan.${label}`;
      await walk.menu("Pengguna");
      await page.getByRole("link", { name: "Tambah pengguna" }).click();
      await page.locator("#username").fill(username);
      await page.locator("#displayName").fill(`Uji Jalan ${label}`);
      await page.getByLabel("SDM").check();
      await page.locator("#password").fill("Kopi-Susu-Pagi-2026");
      await page.locator("#passwordConfirm").fill("Kopi-Susu-Pagi-2026");
      await page.getByRole("button", { name: "Simpan pengguna" }).click();
      await walk.result(/^Akun baru tersimpan\./, "pengguna-baru");

      await page.getByRole("link", { name: username, exact: true }).click();
      await page.locator("#password").fill("Teh-Manis-Sore-2026");
      await page.locator("#passwordConfirm").fill("Teh-Manis-Sore-2026");
      await page.getByRole("button", { name: "Atur ulang kata sandi" }).click();
      expect(await walk.result(/^Kata sandi diatur ulang\./, "atur-ulang")).toMatchObject({ role: "status" });

      await walk.menu("Pengaturan");
      const idle = page.getByLabel("Batas waktu tidak aktif (menit)");
      const before = await idle.inputValue();
      const save = page.getByRole("button", { name: "Simpan pengaturan" });
      await idle.fill("lama");
      await save.click();
      expect(await walk.result(/Isi dengan angka/, "pengaturan-ditolak")).toMatchObject({ invalid: "true" });
      await idle.fill(String(Number(before) + 15));
      await save.click();
      await walk.result(/^1 pengaturan tersimpan\.$/, "pengaturan");
      await idle.fill(before);
      await save.click();
      await walk.result(/^1 pengaturan tersimpan\.$/, "pengaturan-kembali");
      walk.end();
    });

    test("kasi: sets an IKU target, reads the lock summary without locking, downloads the workbook", async () => {
      const walk = await startWalk(browser, baseUrl, "kasi", size);
      const { page } = walk;
      await walk.menu("KPI");
      await page.getByRole("heading", { level: 1, name: "Tinjauan KPI" }).waitFor();
      const iku = page.locator("section[aria-labelledby=iku]");
      const target = page.getByLabel("Rata-rata nilai akhir QA (poin)");
      const setTarget = async (value: string) => {
        if (!(await target.isVisible()))
          await iku.locator("summary", { hasText: "Tetapkan target periode ini" }).click();
        await target.fill(value);
        await page.getByRole("button", { name: "Simpan target" }).click();
      };
      await iku.locator("summary").click();
      const before = await target.inputValue();
      await setTarget("tinggi");
      expect(await walk.result(/Isi dengan angka/, "iku-ditolak")).toMatchObject({ invalid: "true" });
      await setTarget("82");
      await walk.result(/^Target IKU disimpan\.$/, "iku");
      // Said under the table that shows the new target, not at the top of the page.
      await iku.getByRole("status").filter({ hasText: "Target IKU disimpan." }).waitFor();
      await iku
        .getByRole("row", { name: /Rata-rata nilai akhir QA/ })
        .filter({ hasText: "82,00" })
        .waitFor();
      await setTarget(before);
      await walk.result(/^Target IKU disimpan\.$/, "iku-kembali");

      // What is still open before locking; the step says what locking does, and "Batal" leaves it undone.
      const summary = page.locator("ul.lock-summary li");
      expect(await summary.allTextContents()).toEqual([
        expect.stringMatching(/^KPI belum lengkap: \d+ dari \d+ petugas/),
        expect.stringMatching(/^Petugas di bawah kuota evaluasi: \d+\.$/),
        expect.stringMatching(/^Sanggahan belum diselesaikan: \d+\.$/),
        expect.stringMatching(/^Evaluasi masih draf: \d+/),
      ]);
      await page.locator("details.confirm > summary", { hasText: "Setujui dan kunci periode" }).click();
      await page.getByText(/ditolak sampai periode dibuka kembali/).waitFor();
      await page.getByRole("button", { name: "Batal" }).click();
      expect(await page.locator("details.confirm[open]").count()).toBe(0);
      await page.getByRole("heading", { name: "Periode belum disetujui (draf)" }).waitFor();

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: /Unduh KPI sebagai Excel/ }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^KPI_\d{4}-\d{2}_.*\.xlsx$/);
      await page
        .getByRole("status")
        .filter({ hasText: /^Selesai: KPI_/ })
        .waitFor();
      walk.end();
    });

    test("supervisor: finds a team member, adds a shift to the roster and deletes it", async () => {
      const walk = await startWalk(browser, baseUrl, "supervisor", size);
      const { page } = walk;
      await walk.menu("Staf");
      await page.getByLabel("Cari nama atau NIP").fill("harahap");
      await page.getByRole("button", { name: "Cari" }).click();
      await page.getByText(/untuk pencarian “harahap”/).waitFor();
      await page.getByRole("link", { name: "Agus Harahap" }).click();
      await page.getByRole("heading", { level: 1, name: /Agus Harahap/ }).waitFor();

      await walk.menu("Tenaga kerja");
      await page.getByRole("link", { name: "Jadwal dinas" }).first().click();
      // Two weeks on: past the demo's roster, and not the week the confirmation test uses.
      const week = shiftWeek(weekOfDay(wibDay(new Date())).id, 2);
      for (const next of [shiftWeek(week.id, -1), week]) {
        await page.getByRole("link", { name: "Minggu berikutnya →" }).click();
        await page.locator(".lead", { hasText: next.label }).waitFor();
      }
      // The form adds to the week in view.
      expect(await page.getByLabel("Tanggal mulai").inputValue()).toBe(week.monday);
      await page.getByLabel("Petugas").selectOption({ label: "Agus Harahap (Layanan Informasi dan Pengaduan)" });
      // Apart from each other, should a failed walk leave its shift behind.
      const start = label === "desktop" ? "07:00" : "15:00";
      await page.getByLabel("Jam mulai (WIB)").fill(start);
      await page.getByLabel("Jam selesai (WIB)").fill(label === "desktop" ? "15:00" : "23:00");
      await page.getByRole("button", { name: "Tambah sif" }).click();
      await walk.result(/^Sif disimpan\.$/, "sif");

      const remove = page.getByLabel(`Hapus sif Agus Harahap ${formatDay(week.monday)} ${start}`, { exact: true });
      await remove.click();
      await page.getByRole("button", { name: "Ya, hapus sif" }).click();
      await walk.result(/^Sif dihapus/, "sif-dihapus");
      await remove.waitFor({ state: "detached" });
      walk.end();
    });

    test("hr: imports the sample training file and undoes it, adds a course", async () => {
      const walk = await startWalk(browser, baseUrl, "hr", size);
      const { page } = walk;
      await walk.menu("Impor");
      await page.getByLabel("Jenis data").selectOption("training");
      await page.getByLabel("Berkas CSV").setInputFiles(sample("pelatihan-contoh.csv"));
      await page.getByRole("button", { name: "Unggah dan periksa" }).click();
      await page.getByRole("heading", { level: 1, name: "Pratinjau impor" }).waitFor();
      await page.locator("dl.counts").waitFor();
      await page.getByRole("button", { name: /^Simpan \d+ perubahan$/ }).click();
      await walk.result(/^Impor tersimpan\.$/, "impor");
      // Undone, so the other tests find the training records as the demo has them.
      await page.locator("details.confirm > summary", { hasText: "Batalkan impor ini" }).click();
      await page.getByRole("button", { name: "Ya, batalkan impor ini" }).click();
      await walk.result(/^Impor dibatalkan/, "impor-dibatalkan");

      await walk.menu("Pelatihan");
      const code = `JLN-${label.toUpperCase()}`;
      await page.getByLabel("Kode").fill(code);
      await page.getByRole("button", { name: "Tambah pelatihan" }).click();
      expect(await walk.result(/Pilih kategori\./, "pelatihan-ditolak")).toMatchObject({ invalid: "true" });
      await page.getByLabel("Kategori").selectOption("penyegaran");
      await page.getByLabel("Nama pelatihan").fill(`Uji jalan ${label}`);
      await page.getByLabel("Jam pelajaran (JP)").fill("4");
      await page.getByRole("button", { name: "Tambah pelatihan" }).click();
      await walk.result(/^Pelatihan tersimpan\.$/, "pelatihan");
      await page.getByRole("link", { name: code, exact: true }).waitFor();
      walk.end();
    });
  });
}

// The evaluation's life, as it goes between three people: the penilai sends one, the petugas disputes it, the
// koordinator settles it. Each size has its own evaluation (reference CALL-JALAN-DESKTOP / -PHONE).
const sent: Record<string, string> = {};

for (const size of SIZES) {
  const [label] = size;
  const ref = `CALL-JALAN-${label.toUpperCase()}`;

  describe(`an evaluation on a ${label}`, () => {
    test("penilai: a draft with the time missing is refused, saved once complete, then sent", async () => {
      const walk = await startWalk(browser, baseUrl, "penilai", size);
      const { page } = walk;
      await walk.menu("Evaluasi");
      await page.getByRole("link", { name: "Evaluasi interaksi baru" }).click();
      await page.getByRole("heading", { level: 1, name: "Evaluasi interaksi baru" }).waitFor();
      await page
        .getByLabel("Petugas yang dinilai")
        .selectOption({ label: "Maya Syahputra — Layanan Informasi dan Pengaduan" });
      await page.getByRole("button", { name: "Lanjut" }).click();
      await page.getByRole("heading", { name: /Hardskill/ }).waitFor();
      await page.locator("#channel").selectOption("telepon");
      await page.locator("#interactionRef").fill(ref);
      for (const radio of await page.locator(".scale input[value='4'], .scale input[value='ya']").all()) {
        await radio.check();
      }
      await page.getByRole("button", { name: "Simpan draf" }).click();
      const refused = await walk.result(/Isi waktu interaksi/, "draf-ditolak");
      expect(refused).toMatchObject({ tag: "input", invalid: "true" });

      await page.locator("#interactionAt").fill(wibInputValue(new Date(Date.now() - 3_600_000)));
      await page.getByRole("button", { name: "Simpan draf" }).click();
      await walk.result(/^Draf tersimpan\./, "draf");
      await page.locator("details.confirm > summary", { hasText: "Kirim ke petugas" }).click();
      await page.getByRole("button", { name: "Ya, kirim ke petugas" }).click();
      await walk.result(/^Evaluasi terkirim\./, "terkirim");
      await page.locator("h1", { hasText: "Terkirim" }).waitFor();
      sent[label] = new URL(page.url()).pathname;
      walk.end();
    });

    test("petugas: opens the evaluation waiting for an answer, reads the confirmation step, disputes it", async () => {
      expect(sent[label], "the penilai's walk sent an evaluation").toBeTruthy();
      const walk = await startWalk(browser, baseUrl, "petugas", size);
      const { page } = walk;
      await walk.menu("Evaluasi");
      const row = page.locator("table tbody tr", { hasText: ref });
      await expect(row.textContent()).resolves.toMatch(/Perlu tanggapan sampai \d+ \w+ \d{4}/);
      await row.getByRole("link", { name: /^#\d+$/ }).click();
      await page.waitForURL(`${baseUrl}${sent[label]}`);

      await page.locator("details.confirm > summary", { hasText: "Konfirmasi evaluasi" }).click();
      await page.getByText("Setelah dikonfirmasi, evaluasi ini tidak dapat lagi Anda sanggah.").waitFor();
      await page.getByRole("button", { name: "Batal" }).click();
      expect(await page.locator("details.confirm[open]").count()).toBe(0);

      const reason = page.getByLabel("Alasan sanggahan");
      await reason.fill("Kurang");
      await page.getByRole("button", { name: "Ajukan sanggahan" }).click();
      expect(await walk.result(/paling sedikit 10 karakter/, "sanggahan-ditolak")).toMatchObject({ invalid: "true" });
      await reason.fill("H2 dinilai 4, padahal rujukan PMK yang saya sebutkan sudah tepat.");
      await page.getByRole("button", { name: "Ajukan sanggahan" }).click();
      await walk.result(/^Sanggahan Anda terkirim/, "sanggahan");
      await page.locator("h1", { hasText: "Disanggah" }).waitFor();
      walk.end();
    });

    test("koordinator: settles the dispute from the home page's task", async () => {
      expect(sent[label], "the penilai's walk sent an evaluation").toBeTruthy();
      const walk = await startWalk(browser, baseUrl, "koordinator", size);
      const { page } = walk;
      await page.getByRole("link", { name: "Sanggahan", exact: true }).click();
      await page
        .locator("table tbody tr", { hasText: ref })
        .getByRole("link", { name: /^#\d+$/ })
        .click();
      await page.waitForURL(`${baseUrl}${sent[label]}`);
      await page.getByRole("link", { name: "Selesaikan sanggahan" }).click();
      await page.getByRole("heading", { level: 1, name: "Selesaikan sanggahan" }).waitFor();
      const save = page.getByRole("button", { name: "Simpan keputusan" });
      await save.click();
      expect(await walk.result(/Tuliskan catatan penyelesaian/, "penyelesaian-ditolak")).toMatchObject({
        invalid: "true",
      });
      await page.locator("#note").fill("Rekaman diperiksa: H2 sesuai panduan, nilai tetap.");
      await save.click();
      await walk.result(/^Sanggahan telah diselesaikan/, "penyelesaian");
      await page.locator("h1", { hasText: "Final" }).waitFor();
      walk.end();
    });
  });
}
