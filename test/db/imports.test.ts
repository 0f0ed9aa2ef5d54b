// The CSV import engine on the real database: preview writes nothing, commit is one transaction,
// re-import changes nothing, undo restores, a failure mid-commit leaves everything as it was.
import { readFileSync } from "node:fs";
import { and, between, count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { COLUMNS } from "../../analytics/import-columns";
import type { ImportKind } from "../../analytics/import-rules";
import { channelShortName } from "../../analytics/organization";
import { importedCph } from "../../app/.server/cph";
import { undoBatch } from "../../app/.server/imports/batches";
import { type ImportOptions, runImport } from "../../app/.server/imports/engine";
import { getSettings } from "../../app/.server/settings";
import * as importPage from "../../app/routes/impor._index";
import * as preview from "../../app/routes/impor.$id._index";
import * as sampleFile from "../../app/routes/impor.contoh.$berkas";
import {
  auditLog,
  callStats,
  importBatchChanges,
  importBatches,
  importUploads,
  periods,
  staff,
  trainingRecords,
} from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { seedCatalogue } from "../support/certification";
import { demoDatabaseForThisFile } from "../support/db";
import { BASE_URL, callRoute, sessionCookie, uploadThroughPage } from "../support/routes";

const getHandle = demoDatabaseForThisFile("staff", async (handle) => {
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
const audits = async () => (await db().select({ n: count() }).from(auditLog))[0]?.n ?? 0;
const records = async () => (await db().select({ n: count() }).from(trainingRecords))[0]?.n ?? 0;

describe("training records", () => {
  it("the sample with mistakes: every mistake reported at its spreadsheet row, and a preview writes nothing", async () => {
    const r = await run("training", "pelatihan-dengan-kesalahan.csv");
    // Rows and errors counted apart: 12 rows hold the 13 errors (row 11 has two).
    expect(r).toMatchObject({ rows: 15, valid: 3, errorRows: 12, committed: false, errorCount: 13, warningCount: 2 });
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

describe("the preview lists the rows it will add or change", () => {
  it("25 a page in file order, each value in words; a page past the end shows the last", async () => {
    const lines = readFileSync(sample("interval-contoh.csv"), "utf8").trim().split("\n");
    const first = await run("intervals", "interval-contoh.csv", { changesPage: 1 });
    expect(first).toMatchObject({ rows: 480, new: 480, committed: false });
    expect(first.changes?.headers).toEqual([
      "Tanggal",
      "Jam",
      "Kanal",
      "Masuk",
      "Dijawab",
      "Abandon",
      "AHT (detik)",
      "Dalam target",
    ]);
    expect(first.changes).toMatchObject({ total: 480, page: 1, pageSize: 25 });
    expect(first.changes?.rows.map((r) => r.row)).toEqual(Array.from({ length: 25 }, (_, i) => i + 2));
    // Row 2 of the file, as the page shows it.
    const [date, start, channel, offered, answered, abandoned] = (lines[1] ?? "").split(",");
    expect(date).toBe("2026-11-02");
    expect(first.changes?.rows[0]).toMatchObject({ row: 2, action: "new" });
    expect(first.changes?.rows[0]?.cells.slice(0, 6).map((c) => c.value)).toEqual([
      "2 Nov 2026",
      start,
      channelShortName(channel ?? ""),
      offered,
      answered,
      abandoned,
    ]);
    const batches = (await db().select({ n: count() }).from(importBatches))[0]?.n;
    const last = await run("intervals", "interval-contoh.csv", { changesPage: 99 });
    // 480 rows are 20 pages; the last holds rows 477–481 of the file.
    expect(last.changes).toMatchObject({ page: 20, total: 480 });
    expect(last.changes?.rows.map((r) => r.row)).toEqual(Array.from({ length: 5 }, (_, i) => i + 477));
    // Nothing written by either preview; without a page asked for, no rows are listed.
    expect((await db().select({ n: count() }).from(importBatches))[0]?.n).toBe(batches);
    expect((await run("intervals", "interval-contoh.csv")).changes).toBeNull();
  });

  it("a changed row shows what each changed cell holds now; an unchanged row is not listed", async () => {
    const [agent] = await db().select().from(staff).where(eq(staff.active, true)).limit(1);
    const nip = agent?.nip ?? "";
    const header = "nip,tanggal,kanal,panggilan_ditangani,detik_login";
    const stored = [header, `${nip},2026-11-20,telepon,48,21600`, `${nip},2026-11-21,telepon,40,21600`];
    const done = await run("calls", { text: stored.join("\n") }, { commit: true });
    expect(done).toMatchObject({ committed: true, new: 2 });
    const next = [header, `${nip},2026-11-20,telepon,50,21600`, `${nip},2026-11-21,telepon,40,21600`];
    next.push(`${nip},2026-11-22,email,7,3600`);
    const r = await run("calls", { text: next.join("\n") }, { changesPage: 1 });
    expect(r).toMatchObject({ new: 1, updated: 1, unchanged: 1 });
    expect(r.changes?.headers).toEqual(["Nama", "Tanggal", "Kanal", "Panggilan", "Jam login", "Detik bicara"]);
    expect(r.changes?.rows).toEqual([
      {
        row: 2,
        action: "updated",
        cells: [
          { value: agent?.fullName },
          { value: "20 Nov 2026" },
          { value: "Telepon" },
          { value: "50", before: "48" },
          { value: "6" },
          { value: "—" },
        ],
      },
      {
        row: 4,
        action: "new",
        cells: [
          { value: agent?.fullName },
          { value: "22 Nov 2026" },
          { value: "Surel" },
          { value: "7" },
          { value: "1" },
          { value: "—" },
        ],
      },
    ]);
    await db()
      .delete(callStats)
      .where(and(eq(callStats.staffId, agent?.id ?? 0), between(callStats.day, "2026-11-20", "2026-11-22")));
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

  it("a preview can be cancelled by its uploader: the file is deleted, nothing else is written", async () => {
    const hr = await sessionCookie("hr", DEMO_PASSWORD);
    const koordinator = await sessionCookie("koordinator", DEMO_PASSWORD);
    const file = new File([readFileSync(sample("pelatihan-contoh.csv"))], "contoh.csv", { type: "text/csv" });
    const up = await uploadThroughPage(hr, file);
    const id = up.location?.split("/").at(-1) ?? "";
    const uploads = async () => (await db().select().from(importUploads).where(eq(importUploads.id, id))).length;
    const cancel = (cookie: string) =>
      callRoute(preview, "/impor/x", { method: "POST", params: { id }, cookie, form: { intent: "batal" } });
    // Someone else's upload does not exist for them (the attempt is audited as denied, as everywhere).
    expect((await cancel(koordinator)).status).toBe(404);
    expect(await uploads()).toBe(1);
    const before = {
      batches: await db().select().from(importBatches),
      records: await records(),
      audit: await audits(),
    };
    const cancelled = await cancel(hr);
    expect(cancelled).toMatchObject({ status: 302, location: "/impor?pratinjau-dibatalkan=1" });
    expect(await uploads()).toBe(0);
    expect((await callRoute(preview, "/impor/x", { params: { id }, cookie: hr })).status).toBe(404);
    expect(await db().select().from(importBatches)).toEqual(before.batches);
    expect(await records()).toBe(before.records);
    expect(await audits()).toBe(before.audit);
  });

  it("lists each kind's columns from the engine's own specs, and serves its sample files as they are", async () => {
    const koordinator = await sessionCookie("koordinator", DEMO_PASSWORD);
    const page = await callRoute(importPage, "/impor", { cookie: koordinator });
    const { formats } = page.data as {
      formats: { kind: ImportKind; columns: { names: string[]; required?: boolean }[]; samples: { file: string }[] }[];
    };
    // The coordinator imports workforce data, not training records.
    expect(formats.map((f) => f.kind)).toEqual(["calls", "intervals", "roster", "states"]);
    for (const f of formats) {
      expect(f.columns).toEqual(COLUMNS[f.kind].map(({ names, required, content }) => ({ names, required, content })));
      expect(f.samples.length).toBeGreaterThanOrEqual(2);
    }
    const hr = await sessionCookie("hr", DEMO_PASSWORD);
    const hrFormats = (
      (await callRoute(importPage, "/impor", { cookie: hr })).data as typeof page.data & {
        formats: { kind: string; samples: { file: string; generated: boolean }[] }[];
      }
    ).formats;
    expect(hrFormats.map((f) => f.kind)).toEqual(["staff", "training", "calls", "intervals", "roster", "states"]);
    // Every sample offered is served byte for byte (the Windows-1252 one too), as an attachment; the one made
    // from the roster on request is test/db/adherence-pages.test.ts's.
    for (const { file, generated } of hrFormats.flatMap((f) => f.samples)) {
      if (generated) continue;
      const response = (await sampleFile.loader({
        request: new Request(`${BASE_URL}/impor/contoh/${file}`, { headers: { cookie: hr } }),
        params: { berkas: file },
        context: { remoteAddress: "10.0.0.1" },
      })) as Response;
      expect(response.status, file).toBe(200);
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${file}"`);
      expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(sample(file))), file).toBe(true);
    }
  });

  it("a file that is not UTF-8 is refused at upload with a message saying so", async () => {
    const hr = await sessionCookie("hr", DEMO_PASSWORD);
    const file = new File([readFileSync(sample("pelatihan-bukan-utf8.csv"))], "latin1.csv");
    const r = await uploadThroughPage(hr, file);
    expect(r.status).toBe(400);
    expect((r.data as { errors: Record<string, string> }).errors.file).toMatch(/bukan teks UTF-8/);
  });
});
