// One import batch (/impor/riwayat/<id>, `impor`) as a file: every row of the file it was made from — its row
// number as the spreadsheet shows it, its cells under the file's own header, whether it was imported and its
// errors and warnings — then the batch's errors and warnings alone, as its CSV report. A batch imported on the
// command line keeps no file, so its workbook (and CSV) holds the errors and warnings only.
import { eq } from "drizzle-orm";
import { normalizeHeader } from "../../../analytics/import-header";
import { IMPORT_KINDS, type ImportKind, KIND_LABELS } from "../../../analytics/import-rules";
import { importUploads } from "../../../db/schema";
import type { Database } from "../db";
import { UserFacingError } from "../errors";
import { getBatch } from "../imports/batches";
import type { CsvRecord } from "../imports/csv";
import { type ImportSource, readRecords, uploadSource } from "../imports/source";
import { importableKinds } from "../imports/upload";
import { type Access, SYSTEM_ACCESS } from "../scope";
import { type Column, cell, yesNo } from "../workbook/cells";
import { type ListExport, table } from "./list-export";

type Issue = { row: number; column: string; message: string; level: "error" | "warning" };
type FileRow = { row: number; cells: string[]; errors: string[]; warnings: string[] };

const ISSUE_COLUMNS: readonly Column<Issue>[] = [
  { header: "Baris", width: 8, kind: "integer", value: (i) => i.row },
  { header: "Kolom", width: 20, kind: "text", value: (i) => i.column || null },
  { header: "Jenis", width: 12, kind: "text", value: (i) => (i.level === "error" ? "Kesalahan" : "Peringatan") },
  { header: "Pesan", width: 70, kind: "wrap", value: (i) => i.message },
];

/** The kinds `access` may import: the batches it may open, as on the page (imports/visible.ts). */
const visibleKinds = (access: Access): readonly ImportKind[] =>
  access === SYSTEM_ACCESS ? IMPORT_KINDS : importableKinds(access.roles);

/** The file a batch was committed from, when it was uploaded on the import page. */
async function keptFile(db: Database, batchId: number): Promise<ImportSource | null> {
  const [upload] = await db
    .select({ content: importUploads.content, format: importUploads.format, sheet: importUploads.sheet })
    .from(importUploads)
    .where(eq(importUploads.batchId, batchId))
    .limit(1);
  return upload ? uploadSource(upload) : null;
}

/**
 * The file's records a chunk at a time. readRecords waits for its handler before it reads on, so each chunk is
 * parsed only once the sheet has taken the one before: memory stays flat however long the file.
 */
async function* fileRecords(source: ImportSource): AsyncGenerator<CsvRecord[]> {
  type Step = { records: CsvRecord[]; taken: () => void; stop: (e: Error) => void } | { end: true; error?: unknown };
  const steps: Step[] = [];
  let wake: (() => void) | undefined;
  const push = (step: Step) => {
    steps.push(step);
    wake?.();
  };
  readRecords(source, (records) => new Promise<void>((taken, stop) => push({ records, taken, stop }))).then(
    () => push({ end: true }),
    (error: unknown) => push({ end: true, error }),
  );
  let reading: Extract<Step, { records: CsvRecord[] }> | undefined;
  try {
    for (;;) {
      const step = steps.shift();
      if (!step) await new Promise<void>((resolve) => (wake = resolve));
      else if ("end" in step) {
        if (step.error) throw step.error;
        return;
      } else {
        reading = step;
        yield step.records;
        reading = undefined;
        step.taken();
      }
    }
  } finally {
    // Given up midway (the download cancelled): the reader stops instead of waiting for ever.
    reading?.stop(new Error("export cancelled"));
  }
}

/** The file's data rows with their issues; blank rows are no data, as in the import itself. */
async function* fileRows(source: ImportSource, issues: readonly Issue[]): AsyncGenerator<FileRow[]> {
  const byRow = new Map<number, Issue[]>();
  for (const issue of issues) {
    const found = byRow.get(issue.row);
    if (found) found.push(issue);
    else byRow.set(issue.row, [issue]);
  }
  const said = (row: number, level: Issue["level"]) =>
    (byRow.get(row) ?? [])
      .filter((i) => i.level === level)
      .map((i) => (i.column ? `${i.column}: ${i.message}` : i.message));
  for await (const records of fileRecords(source)) {
    yield records
      .filter((r) => r.row > 1 && r.cells.some((c) => c.trim() !== ""))
      .map((r) => ({ row: r.row, cells: r.cells, errors: said(r.row, "error"), warnings: said(r.row, "warning") }));
  }
}

/** The file's header row, read on its own: its cells name the sheet's columns. */
async function headerOf(source: ImportSource): Promise<string[]> {
  for await (const records of fileRecords(source)) return records[0]?.cells ?? [];
  return [];
}

function rowColumns(header: readonly string[], complete: boolean): Column<FileRow>[] {
  return [
    { header: "Baris", width: 8, kind: "integer", value: (r) => r.row },
    ...header.map(
      (name, i): Column<FileRow> => ({
        header: name.trim() || `Kolom ${i + 1}`,
        width: Math.min(40, Math.max(12, name.length + 2)),
        kind: normalizeHeader(name) === "nip" ? "nip" : "text",
        value: (r) => r.cells[i] ?? null,
      }),
    ),
    {
      header: "Status",
      width: 24,
      kind: "text",
      // A report cut short (imports/engine.ts MAX_ISSUES) cannot tell a clean row from one it left out.
      value: (r) =>
        r.errors.length
          ? "Tidak diimpor (kesalahan)"
          : r.warnings.length
            ? "Valid, ada peringatan"
            : complete
              ? "Valid"
              : "—",
    },
    { header: "Kesalahan", width: 60, kind: "wrap", value: (r) => r.errors.join("\n") || null },
    { header: "Peringatan", width: 50, kind: "wrap", value: (r) => r.warnings.join("\n") || null },
  ];
}

export const importBatchExport: ListExport = {
  name: "impor",
  label: "Baris dan kesalahan satu impor",
  permission: "import:data",
  formats: ["xlsx", "csv"],
  options: ["impor"],
  async prepare(ctx, params) {
    const asked = params.get("impor")?.trim() ?? "";
    const id = /^\d{1,9}$/.test(asked) ? Number(asked) : null;
    const batch = id ? await getBatch(ctx.db, id) : null;
    // A batch of a kind the user may not import is answered as one that does not exist, as on its page.
    if (!batch || !visibleKinds(ctx.access).includes(batch.kind as ImportKind)) {
      throw new UserFacingError(
        `Impor ${id ? `#${id}` : "yang diminta"} tidak ditemukan. Buka impornya dari riwayat di halaman Impor data, lalu unduh dari sana.`,
      );
    }
    const issues = [...batch.report].sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
    const file = await keptFile(ctx.db, batch.id);
    const complete = issues.length >= batch.errors + batch.warnings;
    const issueTable = table("Kesalahan", ISSUE_COLUMNS, async () => issues);
    return {
      title: `Impor #${batch.id}`,
      fileStem: `Impor_${batch.id}`,
      filters: [
        ["Jenis data", cell.text(KIND_LABELS[batch.kind as ImportKind] ?? batch.kind)],
        ["Berkas", cell.text(batch.fileName)],
        ["Diimpor oleh", cell.text(batch.createdByLabel)],
        ["Waktu impor (WIB)", cell.datetime(batch.createdAt)],
        [
          "Baris data",
          cell.text(
            `${batch.rows} baris: ${batch.valid} valid (${batch.inserted} baru, ${batch.updated} diperbarui, ${batch.unchanged} tidak berubah), ${batch.errors} kesalahan, ${batch.warnings} peringatan`,
          ),
        ],
        ["Hanya baris valid", cell.text(yesNo(batch.validOnly))],
        ["Dibatalkan", batch.undoneAt ? cell.datetime(batch.undoneAt) : cell.text("Tidak")],
        [
          "Baris berkas",
          cell.text(
            file
              ? complete
                ? "Setiap baris berkas, dengan kesalahan dan peringatannya"
                : "Setiap baris berkas; laporan hanya menyimpan sebagian masalah, jadi status baris lain tidak diketahui"
              : "Berkas tidak disimpan (impor dari baris perintah): hanya kesalahan dan peringatan",
          ),
        ],
      ],
      audit: { impor: batch.id },
      tables: file
        ? [table("Baris", rowColumns(await headerOf(file), complete), () => fileRows(file, issues)), issueTable]
        : [issueTable],
    };
  },
};
