// One way to take a list away (issue 13, decision 020): each list a page shows is declared once here — its
// columns, the page's filters read from the page's own address, and its rows within the user's Access — and
// serves the download beside the page (/unduh/<daftar>.xlsx or .csv), the command line (`npm run mutu -- export
// <kind>`), the audit log and the access walker alike. The workbook opens with "Ringkasan" (what the file is,
// its filters, whom it covers, who made it when, WIB) and then one sheet per table; the CSV file holds the
// first table. Rows are read and written a chunk at a time, so a long list keeps memory flat.
import type { Writable } from "node:stream";
import type { PermissionKey } from "../../permissions";
import type { Database } from "../db";
import type { Access } from "../scope";
import type { Settings } from "../settings";
import { type Cell, type Column, cell, TableSheet } from "../workbook/cells";
import { writeCsvTable } from "../workbook/csv";
import { madeRows, openSummarySheet, type WorkbookScope, writeWorkbook } from "../workbook/shell";

export type ExportFormat = "xlsx" | "csv";

/** What a list is read with: the database, whose eyes, the settings, the session (for a kept search). */
export type ExportContext = {
  db: Database;
  access: Access;
  settings: Settings;
  /** The session of the user on the web, for the search text their list keeps (kept-search.ts); null on the CLI. */
  sessionId: string | null;
  now: Date;
};

/** One table: a sheet of the workbook (the first is also the CSV file). */
export type ExportTable = {
  sheet: string;
  columns: readonly Column<never>[];
  chunks: () => AsyncIterable<readonly never[]>;
};

/** A table whose rows are all read at once (lists a page shows whole) or a chunk at a time. */
export function table<Row>(
  sheet: string,
  columns: readonly Column<Row>[],
  rows: () => Promise<readonly Row[]> | AsyncIterable<readonly Row[]>,
): ExportTable {
  async function* chunks() {
    const read = rows();
    if (Symbol.asyncIterator in read) yield* read;
    else yield await read;
  }
  // The row type ends here: the columns and the rows of one table belong together.
  return {
    sheet,
    columns: columns as readonly Column<never>[],
    chunks: chunks as () => AsyncIterable<readonly never[]>,
  };
}

/** Rows read a page at a time by `read(offset, limit)` until a page comes back short. */
export async function* paged<Row>(read: (offset: number, limit: number) => Promise<Row[]>, size = 2000) {
  for (let offset = 0; ; offset += size) {
    const rows = await read(offset, size);
    yield rows;
    if (rows.length < size) return;
  }
}

/** An export made ready from the page's address: what "Ringkasan" says, the file's name and the tables. */
export type PreparedExport = {
  /** "Daftar Evaluasi": the workbook's title (the center's name follows it). */
  title: string;
  /** The file name without extension or scope: "Evaluasi_2026-10". */
  fileStem: string;
  /** The filters as "Ringkasan" shows them: ["Periode", "Oktober 2026 (26/09–25/10)"]. */
  filters: [string, Cell][];
  /** The same filters for the audit log, by the names of the page's address. */
  audit: Record<string, string | number | null | undefined>;
  tables: readonly ExportTable[];
};

/** A list that can be taken away. */
export type ListExport = {
  /** Its name in the address and on the command line: "evaluasi" (/unduh/evaluasi.xlsx, `export evaluasi`). */
  name: string;
  /** What the audit log and the README call it: "Daftar evaluasi". */
  label: string;
  /** The permission of the page it is beside; the Access it grants limits the rows. */
  permission: PermissionKey;
  formats: readonly ExportFormat[];
  /** The command line's options, each the name of an address parameter of the page (`--periode 2026-10`). */
  options: readonly string[];
  /**
   * Reads the filters from the page's address; a value that cannot be used is refused with a UserFacingError
   * saying what to change.
   */
  prepare(ctx: ExportContext, params: URLSearchParams): Promise<PreparedExport>;
};

/** The file's name: its stem, the team it is limited to, and the format. */
export function exportFileName(prepared: PreparedExport, scope: WorkbookScope | null, format: ExportFormat): string {
  return `${prepared.fileStem}${scope?.fileTag ? `_${scope.fileTag}` : ""}.${format}`;
}

/** What "Cakupan" says for a scope: the center, a team by name, or the user's own records. */
export const scopeLabel = (scope: WorkbookScope | null) => scope?.label ?? "Data Anda sendiri";

/**
 * Writes the export to `output` as a workbook or as the CSV file of its first table; returns the rows of the
 * first table (the audit log's count).
 */
export async function writeExport(
  prepared: PreparedExport,
  format: ExportFormat,
  options: { scope: WorkbookScope | null; actor: string; now: Date; output: Writable },
): Promise<number> {
  const [first, ...rest] = prepared.tables;
  if (!first) throw new Error(`export ${prepared.title} has no table`);
  if (format === "csv") return writeCsvTable(options.output, first.columns, first.chunks());
  return writeWorkbook(options.output, { now: options.now }, async (book) => {
    const summary = openSummarySheet(book, {
      title: `${prepared.title} — Contact Center Bravo Bea Cukai 1500225`,
      widths: [30, 48],
      headerRow: 1,
      rows: [
        ...prepared.filters,
        ["Cakupan", cell.text(scopeLabel(options.scope))],
        ...madeRows(options.now, options.actor),
      ],
    });
    summary.commit();
    let counted = 0;
    for (const [i, t] of [first, ...rest].entries()) {
      const sheet = new TableSheet(book, t.sheet, t.columns);
      for await (const rows of t.chunks()) {
        for (const row of rows) sheet.add(row);
        await sheet.pace();
      }
      const written = await sheet.close();
      if (i === 0) counted = written;
    }
    return counted;
  });
}
