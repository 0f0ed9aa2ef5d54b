// Excel workbooks in, for every kind of import, on the real database: each sample CSV typed into a workbook
// previews exactly as the CSV itself (the same rows, counts and messages); a NIP Excel stored as a number is
// reported with how to fix it; dates are dates; rows are numbered as Excel numbers them; hidden rows and columns,
// merged cells and Excel errors are reported at their row and nothing is written; the sheet is the first visible
// one or the one named; a workbook goes through the import page and its batch export like a CSV file.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { ImportKind } from "../../analytics/import-rules";
import { type ImportReport, runImport } from "../../app/.server/imports/engine";
import { SAMPLES } from "../../app/.server/imports/samples";
import * as preview from "../../app/routes/impor.$id._index";
import { importBatches, staff, trainingRecords } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { buildDemoStaff } from "../../fixtures/people";
import { seedCatalogue } from "../support/certification";
import { demoDatabaseForThisFile } from "../support/db";
import { downloadList, readWorkbook } from "../support/list-exports";
import { callRoute, sessionCookie, uploadThroughPage } from "../support/routes";
import { typedWorkbook, workbookOf } from "../support/workbooks";

const getHandle = demoDatabaseForThisFile("staff", (handle) => seedCatalogue(handle.db));
const db = () => getHandle().db;
const dir = mkdtempSync(path.join(tmpdir(), "mutu-xlsx-"));
const actor = { id: null, username: "uji" };

async function previewOf(kind: ImportKind, file: string, extra: { sheet?: string; commit?: boolean } = {}) {
  return runImport(db(), {
    kind,
    fileName: path.basename(file),
    source: { path: file, sheet: extra.sheet },
    commit: extra.commit ?? false,
    validOnly: false,
    actor,
    changesPage: 1,
  });
}
async function saved(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}
/** What a person compares between two previews: counts, every issue, and the rows shown as added or changed. */
const seen = (r: ImportReport) => ({
  rows: r.rows,
  valid: r.valid,
  new: r.new,
  updated: r.updated,
  unchanged: r.unchanged,
  errors: r.errors,
  warnings: r.warnings,
  fileErrors: r.fileErrors,
  changes: r.changes?.rows,
});
const writtenRows = async () => ({
  batches: (await db().select({ n: count() }).from(importBatches))[0]?.n,
  training: (await db().select({ n: count() }).from(trainingRecords))[0]?.n,
});
const agent = buildDemoStaff().filter((s) => s.active && s.position === "petugas_layanan")[0];
if (!agent) throw new Error("no demo agent");

describe("a sample CSV typed into a workbook", () => {
  // Left out: the file-level refusals of CSV text (not UTF-8, a column twice), and the training file with mistakes,
  // whose last row opens a quote it never closes: a mistake only CSV text can make.
  // The generated sample is made from the roster on request (its own test is test/db/adherence.test.ts).
  const readable = SAMPLES.filter(
    (s) => !s.generated && !/bukan-utf8|kolom-ganda|pelatihan-dengan-kesalahan/.test(s.file),
  );
  it.each(readable.map((s) => [s.file, s.kind] as const))("%s previews exactly as the CSV file", async (file, kind) => {
    const csvPath = `fixtures/samples/${file}`;
    const xlsx = await saved(file.replace(/\.csv$/, ".xlsx"), await typedWorkbook(readFileSync(csvPath, "utf8")));
    expect(seen(await previewOf(kind, xlsx))).toEqual(seen(await previewOf(kind, csvPath)));
  });
});

describe("what a workbook stores differently from what a person sees", () => {
  it("an 18-digit NIP stored as a number is reported at its row with how to fix it; nothing is written", async () => {
    const text = readFileSync("fixtures/samples/pelatihan-contoh.csv", "utf8");
    const before = await writtenRows();
    const xlsx = await saved("nip-angka.xlsx", await typedWorkbook(text, { nipAsNumber: true }));
    const report = await previewOf("training", xlsx, { commit: true });
    expect(report.committed).toBe(false);
    expect(report.valid).toBe(0);
    expect(report.errors).toHaveLength(report.rows);
    expect(report.errors[0]).toMatchObject({ row: 2, column: "NIP" });
    expect(report.errors[0]?.message).toMatch(/^NIP "\d\.\d+E\+17" telah diubah Excel menjadi angka/);
    expect(report.errors[0]?.message).toMatch(/format kolom NIP sebagai Teks/);
    expect(await writtenRows()).toEqual(before);
  });

  it("a date cell is the day it shows, a time cell the clock: not their serial numbers", async () => {
    const xlsx = await saved(
      "tanggal.xlsx",
      await workbookOf((sheet) => {
        sheet.addRow(["nip", "kode_pelatihan", "tanggal_selesai", "status", "jam_pelajaran"]);
        const row = sheet.addRow([agent.nip, "TLI-01", new Date(Date.UTC(2026, 0, 5)), "lulus", 40]);
        row.getCell(3).numFmt = "d mmmm yyyy";
      }),
    );
    const report = await previewOf("training", xlsx);
    expect(report.errors).toEqual([]);
    expect(report.changes?.rows[0]?.cells.map((c) => c.value)).toContain("5 Jan 2026");
  });

  it("rows keep Excel's numbers across blank rows; a hidden row, a hidden column, a merged cell, an Excel error are each reported at their row, and a commit writes nothing", async () => {
    const before = await writtenRows();
    const xlsx = await saved(
      "tersembunyi.xlsx",
      await workbookOf((sheet) => {
        // E is read by the import (hours) and hidden; F is a hidden column of HR's own notes, which is ignored.
        sheet.addRow(["nip", "kode_pelatihan", "tanggal_selesai", "status", "jam_pelajaran", "catatan"]);
        const good = (day: number) => [agent.nip, "TLI-01", `0${day}/01/2026`, "lulus"];
        sheet.getRow(2).values = good(1);
        sheet.getRow(5).values = [...good(2), null, "catatan tersembunyi"]; // rows 3 and 4 left empty
        sheet.getRow(6).values = good(3);
        sheet.getRow(6).hidden = true;
        sheet.getRow(7).values = [...good(4), 40];
        sheet.getColumn(5).hidden = true;
        sheet.getColumn(6).hidden = true;
        sheet.getRow(8).values = good(5);
        sheet.mergeCells("C8:D8");
        sheet.getRow(9).values = [agent.nip, "TLI-01", { formula: "1/0", result: { error: "#DIV/0!" } }, "lulus"];
        sheet.getRow(10).values = good(6);
      }),
    );
    const report = await previewOf("training", xlsx, { commit: true });
    const at = (row: number) => report.errors.filter((e) => e.row === row).map((e) => e.message);
    expect(report.rows).toBe(7);
    expect(at(2)).toEqual([]);
    expect(at(5)).toEqual([]);
    expect(at(6)[0]).toMatch(/^Baris 6 disembunyikan di Excel/);
    expect(at(7)[0]).toMatch(/^Sel E7 ada di kolom yang disembunyikan/);
    expect(at(8)[0]).toMatch(/^Sel C8:D8 digabung \(Merge Cells\)/);
    expect(at(9)[0]).toMatch(/^Sel C9 berisi galat Excel #DIV\/0!/);
    expect(at(10)).toEqual([]);
    expect(report.valid).toBe(3);
    expect(report.committed).toBe(false);
    expect(await writtenRows()).toEqual(before);
  });

  it("reads the first visible sheet, or the one named; an unknown sheet is refused naming those there are", async () => {
    const text = readFileSync("fixtures/samples/staf-contoh.csv", "utf8");
    const xlsx = await saved(
      "lembar.xlsx",
      await typedWorkbook(text, { sheet: "Pegawai", before: [{ name: "Catatan", hidden: true }] }),
    );
    expect((await previewOf("staff", xlsx)).rows).toBe(40 + 1);
    expect((await previewOf("staff", xlsx, { sheet: "pegawai" })).rows).toBe(41);
    const wrong = await previewOf("staff", xlsx, { sheet: "Staf" });
    expect(wrong.fileErrors).toEqual([
      'Lembar "Staf" tidak ada di berkas Excel ini. Lembar yang ada: "Catatan", "Pegawai".',
    ]);
    const visibleFirst = await saved(
      "lembar-pertama.xlsx",
      await typedWorkbook(text, { before: [{ name: "Petunjuk" }] }),
    );
    expect((await previewOf("staff", visibleFirst)).fileErrors[0]).toMatch(/Kolom wajib tidak ada/);
  });

  it("a file that is a zip but no workbook is refused as a whole, saying how to save it", async () => {
    const report = await previewOf("training", await saved("rusak.xlsx", Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0])));
    expect(report.fileErrors).toEqual([expect.stringMatching(/^Berkas ini bukan berkas Excel \(\.xlsx\)/)]);
  });
});

describe("a workbook through the import page", () => {
  it("HR uploads the staff workbook, previews it, commits it, and the batch's export re-reads its rows", async () => {
    const cookie = await sessionCookie("hr", DEMO_PASSWORD);
    const bytes = await typedWorkbook(readFileSync("fixtures/samples/staf-contoh.csv", "utf8"));
    const file = new File([Buffer.from(bytes)], "Data Staf.xlsx", {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    const uploaded = await uploadThroughPage(cookie, file, "staff");
    expect(uploaded.status).toBe(302);
    const location = uploaded.location ?? "";
    const id = location.split("/")[2] ?? "";
    expect(location).toMatch(/^\/impor\/[0-9a-f-]{36}$/);
    const committed = await callRoute(preview, location, { cookie, params: { id }, method: "POST", form: {} });
    expect(committed.status).toBe(302);
    expect(committed.location).toMatch(/^\/impor\/riwayat\/\d+/);
    const leaver = buildDemoStaff().filter((s) => s.team === "layanan_informasi" && s.position === "ketua_tim")[1];
    const [stored] = await db()
      .select({ active: staff.active })
      .from(staff)
      .where(eq(staff.nip, leaver?.nip ?? ""));
    expect(stored?.active).toBe(false);
    const [batch] = await db()
      .select({ id: importBatches.id })
      .from(importBatches)
      .where(eq(importBatches.kind, "staff"));
    const response = await downloadList(cookie, "impor.xlsx", `impor=${batch?.id}`);
    expect(response.status).toBe(200);
    const exported = await readWorkbook(await response.arrayBuffer());
    expect(exported.sheets.get("Baris")?.rows).toHaveLength(41);
  });
});
