// The CSV import engine on the real database: preview writes nothing, commit is one transaction,
// re-import changes nothing, undo restores, a failure mid-commit leaves everything as it was.
import { readFileSync } from "node:fs";
import { count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loadDemo } from "../../app/.server/bootstrap";
import { importedCph } from "../../app/.server/cph";
import { undoBatch } from "../../app/.server/imports/batches";
import { type ImportOptions, runImport } from "../../app/.server/imports/engine";
import { getSettings } from "../../app/.server/settings";
import * as preview from "../../app/routes/impor.$id._index";
import { callStats, importBatchChanges, importBatches, periods, staff, trainingRecords } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { seedCatalogue } from "../support/certification";
import { databaseForThisFile } from "../support/db";
import { callRoute, sessionCookie, uploadThroughPage } from "../support/routes";

const getHandle = databaseForThisFile(async (handle) => {
  await loadDemo(handle, { evaluations: false });
  await seedCatalogue(handle.db);
});
const db = () => getHandle().db;
const sample = (name: string) => `fixtures/samples/${name}`;
const actor = { id: null, username: "uji" };

function run(kind: ImportOptions["kind"], file: string | { text: string }, options: Partial<ImportOptions> = {}) {
  return runImport(db(), {
    kind,
    fileName: typeof file === "string" ? file : "teks.csv",
    source: typeof file === "string" ? { path: sample(file) } : file,
    commit: false,
    validOnly: false,
    actor,
    ...options,
  });
}
const records = async () => (await db().select({ n: count() }).from(trainingRecords))[0]?.n ?? 0;

describe("training records", () => {
  it("the sample with mistakes: every mistake reported at its spreadsheet row, and a preview writes nothing", async () => {
    const r = await run("training", "pelatihan-dengan-kesalahan.csv");
    expect(r).toMatchObject({ rows: 15, valid: 3, committed: false, errorCount: 13, warningCount: 2 });
    const at = (row: number) => r.errors.filter((e) => e.row === row).map((e) => e.message);
    expect(at(3)[0]).toMatch(/Excel/);
    expect(at(4)[0]).toMatch(/tidak ada di data staf/);
    expect(at(5)[0]).toMatch(/17 digit/);
    expect(at(6)[0]).toMatch(/tidak ada di katalog/);
    expect(at(7)[0]).toMatch(/bukan tanggal yang valid/);
    expect(at(8)[0]).toBe("Tanggal selesai 10 Mar 2026 sebelum tanggal mulai 20 Mar 2026.");
    expect(at(9)[0]).toMatch(/masa depan/);
    expect(at(10)[0]).toMatch(/tidak dikenal/);
    expect(at(11)).toHaveLength(2);
    expect(at(12)[0]).toMatch(/wajib diisi/);
    expect(at(13)[0]).toMatch(/sama dengan baris 2/);
    expect(at(16)[0]).toMatch(/Tanda kutip/);
    expect(r.warnings.map((w) => w.row)).toEqual([14, 15]);
    expect(await records()).toBe(0);
    expect(await db().select().from(importBatches)).toEqual([]);
  });

  it("with errors nothing is committed unless the valid rows are asked for explicitly", async () => {
    expect((await run("training", "pelatihan-dengan-kesalahan.csv", { commit: true })).committed).toBe(false);
    expect(await records()).toBe(0);
    const r = await run("training", "pelatihan-dengan-kesalahan.csv", { commit: true, validOnly: true });
    expect(r).toMatchObject({ committed: true, new: 3 });
    expect(await records()).toBe(3);
    await undoBatch(db(), actor, r.batchId ?? 0);
    expect(await records()).toBe(0);
  });

  it("a clean file commits as one batch; the same file again changes nothing; a changed row is an update", async () => {
    const first = await run("training", "pelatihan-contoh.csv", { commit: true });
    expect(first).toMatchObject({ committed: true, rows: 27, new: 27, updated: 0 });
    const again = await run("training", "pelatihan-contoh.csv", { commit: true });
    expect(again).toMatchObject({ committed: true, batchId: null, new: 0, updated: 0, unchanged: 27 });
    const text = readFileSync(sample("pelatihan-contoh.csv"), "utf8");
    const lines = text.split("\r\n");
    lines[1] = (lines[1] ?? "").replace(";4;selesai;", ";6;selesai;");
    const changed = await run("training", { text: lines.join("\r\n") }, { commit: true });
    expect(changed).toMatchObject({ new: 0, updated: 1, unchanged: 26 });
    const [before] = await db()
      .select()
      .from(importBatchChanges)
      .where(eq(importBatchChanges.batchId, changed.batchId ?? 0));
    expect((before?.before as { hours: number } | undefined)?.hours).toBe(4);
  });

  it("undo restores updated rows and removes new ones, and is refused while a later batch still stands", async () => {
    const batches = await db().select().from(importBatches).orderBy(importBatches.id);
    const [firstBatch, updateBatch] = batches.filter((b) => !b.undoneAt);
    await expect(undoBatch(db(), actor, firstBatch?.id ?? 0)).rejects.toThrow(/diubah oleh impor lain setelahnya/);
    expect(await records()).toBe(27);
    await undoBatch(db(), actor, updateBatch?.id ?? 0);
    const hours = await db().select({ hours: trainingRecords.hours }).from(trainingRecords);
    expect(new Set(hours.map((h) => h.hours))).toEqual(new Set([4]));
    await undoBatch(db(), actor, firstBatch?.id ?? 0);
    expect(await records()).toBe(0);
    await expect(undoBatch(db(), actor, firstBatch?.id ?? 0)).rejects.toThrow(/sudah dibatalkan/);
  });

  it("a file that is not UTF-8, or has a duplicate or missing column, is refused whole", async () => {
    const latin = await run("training", "pelatihan-bukan-utf8.csv");
    expect(latin.fileErrors[0]).toMatch(/bukan teks UTF-8/);
    const columns = await run("training", "pelatihan-kolom-ganda.csv");
    expect(columns.fileErrors).toHaveLength(2);
    expect(columns.valid).toBe(0);
  });

  it("BOM, semicolons, CRLF, quoted fields with delimiters, and blank lines (also at the end) are all fine", async () => {
    const [person] = await db().select().from(staff).where(eq(staff.active, true)).limit(1);
    const text = `\uFEFFnip;nama;kode_pelatihan;tanggal_selesai;status;penyelenggara\r\n\r\n${person?.nip};"${person?.fullName}";TLI-01;05/01/2026;lulus;"Balai Diklat; Jakarta ""Timur"""\r\n\r\n\r\n`;
    const r = await run("training", { text });
    expect(r).toMatchObject({ rows: 1, valid: 1, errorCount: 0, warningCount: 0 });
    const tab = await run("training", {
      text: `nip\tkode_pelatihan\ttanggal_selesai\tstatus\n${person?.nip}\tTLI-01\t2026-01-05\tcompleted\n`,
    });
    expect(tab).toMatchObject({ rows: 1, valid: 1 });
  });

  it("a failure in the middle of a commit leaves the database as it was", async () => {
    // A real failure inside the transaction: the table refuses one of the rows after others went in.
    await db().execute(sql`create function mutu_test_refuse() returns trigger language plpgsql as $$
      begin if new.hours = 4 and new.certificate_number like '%/510' then raise exception 'gagal di tengah'; end if; return new; end $$`);
    await db().execute(
      sql`create trigger mutu_test_refuse before insert on training_records for each row execute function mutu_test_refuse()`,
    );
    try {
      await expect(run("training", "pelatihan-contoh.csv", { commit: true })).rejects.toThrow();
      expect(await records()).toBe(0);
      expect((await db().select().from(importBatches)).filter((b) => !b.undoneAt)).toHaveLength(0);
    } finally {
      await db().execute(sql`drop trigger mutu_test_refuse on training_records`);
      await db().execute(sql`drop function mutu_test_refuse()`);
    }
  });
});

describe("call statistics", () => {
  it("the sample with mistakes reports each; the clean sample gives each agent a CPH per channel", async () => {
    const bad = await run("calls", "panggilan-dengan-kesalahan.csv");
    expect(bad.errors.map((e) => e.row)).toEqual([2, 3, 4, 5, 6, 7, 9, 10]);
    expect(bad.errors.find((e) => e.row === 9)?.message).toMatch(/sama dengan baris 8/);
    expect(bad.errors.find((e) => e.row === 10)?.message).toMatch(/berisi 7 sel, lebih banyak dari 6 kolom/);
    const good = await run("calls", "panggilan-contoh.csv", { commit: true });
    expect(good).toMatchObject({ committed: true, rows: 220, new: 220 });
    const [first] = await db().select({ staffId: callStats.staffId }).from(callStats).orderBy(callStats.id).limit(1);
    const cph = await importedCph(db(), first?.staffId ?? 0, "2026-10", await getSettings(db()));
    expect(cph?.channels.map((c) => c.channel)).toEqual(["email", "telepon"]);
    const telepon = cph?.channels.find((c) => c.channel === "telepon");
    expect(telepon?.cph).toBeCloseTo((telepon?.calls ?? 0) / (telepon?.hours ?? 1), 10);
  });

  it("rows dated inside a locked period are refused", async () => {
    await db().insert(periods).values({ id: "2026-10", status: "approved", approvedAt: new Date() });
    try {
      const r = await run("calls", "panggilan-contoh.csv");
      expect(r.errorCount).toBe(220);
      expect(r.errors[0]?.message).toMatch(/sudah disetujui dan dikunci/);
    } finally {
      await db().delete(periods).where(eq(periods.id, "2026-10"));
    }
  });
});

describe("the import pages", () => {
  it("HR uploads, previews, commits the valid rows; someone else cannot open the upload", async () => {
    const hr = await sessionCookie("hr", DEMO_PASSWORD);
    const file = new File([readFileSync(sample("pelatihan-dengan-kesalahan.csv"))], "salah.csv", { type: "text/csv" });
    const up = await uploadThroughPage(hr, file);
    expect(up.status).toBe(302);
    const id = up.location?.split("/").at(-1) ?? "";
    const page = await callRoute(preview, "/impor/x", { params: { id }, cookie: hr });
    const report = await (page.data as { report: Promise<{ errorCount: number; valid: number }> }).report;
    expect(report).toMatchObject({ errorCount: 13, valid: 3 });
    const blocked = await callRoute(preview, "/impor/x", { method: "POST", params: { id }, cookie: hr, form: {} });
    expect(blocked.status).toBe(409);
    const koordinator = await sessionCookie("koordinator", DEMO_PASSWORD);
    expect((await callRoute(preview, "/impor/x", { params: { id }, cookie: koordinator })).status).toBe(404);
    const done = await callRoute(preview, "/impor/x", {
      method: "POST",
      params: { id },
      cookie: hr,
      form: { validOnly: "1" },
    });
    expect(done.location).toMatch(/^\/impor\/riwayat\/\d+\?baru=1$/);
  });

  it("a file that is not UTF-8 is refused at upload with a message saying so", async () => {
    const hr = await sessionCookie("hr", DEMO_PASSWORD);
    const file = new File([readFileSync(sample("pelatihan-bukan-utf8.csv"))], "latin1.csv");
    const r = await uploadThroughPage(hr, file);
    expect(r.status).toBe(400);
    expect((r.data as { errors: Record<string, string> }).errors.file).toMatch(/bukan teks UTF-8/);
  });
});
