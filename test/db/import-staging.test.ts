// How valid rows reach the staging table: COPY … FROM STDIN on PostgreSQL, unnest on PGlite
// (app/.server/imports/staging.ts). Whichever way, a value arrives exactly as the file has it, a repeated key is
// reported against its first row, and a file refused half-way leaves the database answering.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { asc, count, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type ImportOptions, runImport } from "../../app/.server/imports/engine";
import { importBatches, staff, trainingRecords } from "../../db/schema";
import { seedCatalogue } from "../support/certification";
import { demoDatabaseForThisFile } from "../support/db";

const getHandle = demoDatabaseForThisFile("staff", async (handle) => {
  await seedCatalogue(handle.db);
});
const db = () => getHandle().db;
const dir = mkdtempSync(path.join(tmpdir(), "mutu-staging-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(source: ImportOptions["source"], options: Partial<ImportOptions> = {}) {
  return runImport(db(), {
    kind: "training",
    fileName: "pelatihan.csv",
    source,
    commit: false,
    validOnly: false,
    actor: { id: null, username: "uji" },
    ...options,
  });
}

/** A quoted CSV cell: a quote inside is doubled. */
const cell = (text: string) => `"${text.replaceAll('"', '""')}"`;
const HEADER = "nip,kode_pelatihan,tanggal_selesai,status,penyelenggara,nomor_sertifikat";

async function people(): Promise<string[]> {
  const rows = await db().select({ nip: staff.nip }).from(staff).where(eq(staff.active, true)).orderBy(asc(staff.id));
  return rows.map((r) => r.nip);
}

/** `n` rows, each its own key (person × day from 1 January 2020), all valid. */
async function trainingLines(n: number): Promise<string[]> {
  const nips = await people();
  return Array.from({ length: n }, (_, i) => {
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(i / nips.length) * 86_400_000).toISOString().slice(0, 10);
    return `${nips[i % nips.length]},TLI-01,${day},lulus,Pusdiklat,C-${i}`;
  });
}

describe("staging the valid rows", () => {
  it("tabs, backslashes, quotes, line breaks, \\N and Indonesian text reach the table as the file has them", async () => {
    const providers = [
      "Balai\tDiklat", // a tab inside a cell
      "C:\\Diklat\\Tahap 2", // backslashes
      'Pusdiklat "Bea dan Cukai"', // quotes
      "Baris satu\nBaris dua", // a line break inside a quoted cell
      "\\N", // COPY's own word for null, as text
      "\\.", // COPY's old end-of-data marker, as text
      "Balai Diklat Keuangan Yogyakarta — Ruang Ñusa Ṭenggara, Pekanbaru–Dumai ✓",
      "Rp1.000.000,00 \\t dan 100%",
    ];
    const [nip] = await people();
    const lines = providers.map(
      (provider, i) =>
        `${nip},TLI-01,2024-02-${String(i + 1).padStart(2, "0")},lulus,${cell(provider)},${cell(`S\\${i}\t`)}`,
    );
    const text = `${HEADER}\n${lines.join("\n")}\n${nip},TLI-01,2024-03-01,lulus,,\n`;
    const report = await run({ text }, { commit: true });
    expect(report).toMatchObject({ rows: 9, valid: 9, new: 9, errorCount: 0, committed: true });
    const stored = await db()
      .select({ provider: trainingRecords.provider, certificate: trainingRecords.certificateNumber })
      .from(trainingRecords)
      .where(eq(trainingRecords.batchId, report.batchId ?? 0))
      .orderBy(asc(trainingRecords.endDate));
    expect(stored).toEqual([
      // A cell is trimmed, so the certificate's trailing tab goes; its backslash stays.
      ...providers.map((provider, i) => ({ provider, certificate: `S\\${i}` })),
      { provider: null, certificate: null }, // an empty cell is no value, not an empty text
    ]);
    // Staged again, every value compares equal to the stored one.
    expect(await run({ text })).toMatchObject({ new: 0, updated: 0, unchanged: 9 });
  });

  it("over several chunks, a repeated key is reported against its first row and the other rows are staged", async () => {
    const lines = await trainingLines(12_000);
    lines[5_600] = lines[10] ?? ""; // row 5,602 repeats row 12, a chunk earlier
    lines[11_000] = (lines[10_500] ?? "").replace(/C-\d+$/, "lain"); // row 11,002 repeats row 10,502 in its own chunk
    const file = path.join(dir, "berulang.csv");
    writeFileSync(file, `${HEADER}\n${lines.join("\n")}\n`);
    const report = await run({ path: file });
    expect(report).toMatchObject({ rows: 12_000, valid: 11_998, new: 11_998, errorCount: 2 });
    expect(report.errors.map((e) => [e.row, e.message])).toEqual([
      [5_602, expect.stringContaining("sama dengan baris 12 ")],
      [11_002, expect.stringContaining("sama dengan baris 10502 ")],
    ]);
  });

  it("a file that stops being UTF-8 after thousands of rows is refused whole, and the database still answers", async () => {
    const lines = await trainingLines(6_000);
    const file = path.join(dir, "latin.csv");
    const text = Buffer.from(`${HEADER}\n${lines.join("\n")}\n`);
    writeFileSync(file, Buffer.concat([text, Buffer.from([0xe9]), Buffer.from(",TLI-01,2024-01-01,lulus,,\n")]));
    const before = (await db().select({ n: count() }).from(trainingRecords))[0]?.n;
    const report = await run({ path: file }, { commit: true });
    expect(report.fileErrors[0]).toMatch(/bukan teks UTF-8/);
    expect(report).toMatchObject({ committed: false, valid: 0 });
    expect((await db().select({ n: count() }).from(trainingRecords))[0]?.n).toBe(before);
    expect(await db().select().from(importBatches).where(eq(importBatches.fileName, "latin.csv"))).toEqual([]);
  });
});
