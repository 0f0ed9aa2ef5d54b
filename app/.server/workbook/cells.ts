// How Mutu's workbooks write their cells (the shell they are written in: shell.ts): every string through xlsxText (plain string cells, never formulas,
// nothing XML forbids), one shared style object per kind of cell, tables whose header row is frozen and
// filtered, and each row committed as soon as it is written so a sheet of any length keeps memory flat.
import type { Writable } from "node:stream";
import type ExcelJS from "exceljs";
import { parseCalendarDay, WIB_OFFSET_MS } from "../../../analytics/dates";
import type { GradeBand } from "../../../analytics/scoring";
import { xlsxText } from "../spreadsheet-safety";

/** `nip` is text in a workbook; a CSV file groups it as printed, so that Excel keeps all 18 digits. */
export type Kind = "text" | "nip" | "wrap" | "integer" | "decimal" | "score" | "date" | "datetime" | "predikat";
export type Value = string | number | Date | null;
/** `style` overrides the style of the kind (headers, titles). */
export type Cell = { value: Value; kind: Kind; style?: Style };
/** `style`, when given, overrides the kind's style of a row's cell (a status coloured by its value). */
export type Column<Row> = {
  header: string;
  width: number;
  kind: Kind;
  value: (row: Row) => Value;
  style?: (row: Row) => Style | undefined;
};

export type Style = Partial<ExcelJS.Style>;

export type Book = {
  workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  output: Writable;
  /** The style of each predikat label (settings), highest band first. */
  predikat: Map<string, Style>;
};

// Text cells get the Text format ("@") as well: a user who edits one and presses Enter keeps text, so even
// then "=HYPERLINK(…)" does not turn into a formula.
const TEXT: Style = { numFmt: "@" };
const STYLES: Record<Exclude<Kind, "predikat">, Style> = {
  text: TEXT,
  nip: TEXT,
  wrap: { numFmt: "@", alignment: { wrapText: true, vertical: "top" } },
  integer: { numFmt: "0" },
  decimal: { numFmt: "0.0" },
  score: { numFmt: "0.00" },
  date: { numFmt: "dd/mm/yyyy" },
  datetime: { numFmt: "dd/mm/yyyy hh:mm" },
};
export const HEADER_STYLE: Style = {
  numFmt: "@",
  font: { bold: true },
  fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } },
  alignment: { wrapText: true, vertical: "middle" },
  border: { bottom: { style: "thin", color: { argb: "FF8EA9DB" } } },
};
export const TITLE_STYLE: Style = { numFmt: "@", font: { bold: true, size: 14 } };
export const LABEL_STYLE: Style = { numFmt: "@", font: { bold: true } };

// From the best predikat to the worst: green, light green, yellow, orange, red (Excel's own pale fills).
const PREDIKAT_FILLS = ["FF92D050", "FFC6EFCE", "FFFFEB9C", "FFF8CBAD", "FFFFC7CE"];

export function predikatStyles(bands: readonly GradeBand[]): Map<string, Style> {
  const ordered = [...bands].sort((a, b) => b.min - a.min);
  return new Map(
    ordered.map((band, i) => [
      band.label,
      {
        numFmt: "@",
        fill: {
          type: "pattern",
          pattern: "solid",
          fgColor: { argb: PREDIKAT_FILLS[Math.min(i, PREDIKAT_FILLS.length - 1)] },
        },
      },
    ]),
  );
}

/** A WIB calendar day 'YYYY-MM-DD' as an Excel date (Excel has no time zones: the day is the wall-clock day). */
export function excelDay(day: string | null): Date | null {
  const d = day ? parseCalendarDay(day) : null;
  return d ? new Date(Date.UTC(d.year, d.month - 1, d.day)) : null;
}

/** An instant as an Excel date-time showing the WIB wall clock. */
export function excelWib(instant: Date | null): Date | null {
  return instant ? new Date(instant.getTime() + WIB_OFFSET_MS) : null;
}

function styleOf(book: Book, kind: Kind, value: Value): Style {
  if (kind === "predikat") return (typeof value === "string" && book.predikat.get(value)) || TEXT;
  // A word in a number column ("N/A", "Ya") is text like any other.
  if (typeof value === "string" && kind !== "wrap") return TEXT;
  return STYLES[kind];
}

/** Cells of each kind, for sheets written row by row ("Ringkasan"); `heading` is a bold label. */
export const cell = {
  text: (value: string | null): Cell => ({ value, kind: "text" }),
  integer: (value: number | null): Cell => ({ value, kind: "integer" }),
  decimal: (value: number | null): Cell => ({ value, kind: "decimal" }),
  score: (value: number | null): Cell => ({ value, kind: "score" }),
  /** A WIB day 'YYYY-MM-DD'. */
  date: (day: string | null): Cell => ({ value: excelDay(day), kind: "date" }),
  /** An instant, shown at its WIB wall-clock time. */
  datetime: (instant: Date | null): Cell => ({ value: excelWib(instant), kind: "datetime" }),
  heading: (value: string): Cell => ({ value, kind: "text", style: LABEL_STYLE }),
};

// exceljs gives every row a style object of its own, {}, and its style cache knows objects, not contents: each
// row's {} was turned into XML and looked up again (a tenth of a large export's time). One shared empty
// style for every row writes the same XML.
const ROW_STYLE: Style = Object.freeze({});

/**
 * Writes one row: `values` (strings already through xlsxText) with `styles[i]` on the i-th cell, and commits
 * it. The styles are shared objects, assigned and never changed, so that exceljs registers each style once.
 */
function writeRow(sheet: ExcelJS.Worksheet, values: Value[], styles: readonly Style[]): void {
  const row = sheet.addRow(values);
  // exceljs's typings leave the row's style out; its writer reads it (RowXform.prepare).
  (row as unknown as { style: Style }).style = ROW_STYLE;
  for (let i = 0; i < styles.length; i++) row.getCell(i + 1).style = styles[i] as Style;
  row.commit();
}

/** Writes one row of cells (strings through xlsxText) and commits it. */
export function addCells(book: Book, sheet: ExcelJS.Worksheet, cells: readonly Cell[]): void {
  writeRow(
    sheet,
    cells.map((c) => (typeof c.value === "string" ? xlsxText(c.value) : c.value)),
    cells.map((c) => c.style ?? styleOf(book, c.kind, c.value)),
  );
}

/** A header row of a table. */
export function addHeader(book: Book, sheet: ExcelJS.Worksheet, headers: readonly string[]): void {
  addCells(
    book,
    sheet,
    headers.map((value) => ({ value, kind: "text", style: HEADER_STYLE })),
  );
}

/** A sheet whose table header is on row `headerRow`: that row and those above it stay in view. */
export function openSheet(book: Book, name: string, widths: readonly number[], headerRow = 1): ExcelJS.Worksheet {
  const sheet = book.workbook.addWorksheet(name, { views: [{ state: "frozen", xSplit: 0, ySplit: headerRow }] });
  sheet.columns = widths.map((width) => ({ width }));
  return sheet;
}

// Excel's limit of rows per sheet; a longer table goes on in "<name> (2)", "<name> (3)", … (a period would
// need some 80,000 evaluations for "Rincian Item" to get there).
const EXCEL_MAX_ROWS = 1_048_576;

// The zip compresses on a thread of its own, but each block of XML (64 kB) is handed to it, and taken back, on
// this thread between two turns of the event loop. Rows are written synchronously, so without a turn now and
// then the zip would wait for the whole chunk of rows, and the rows then wait for the zip: one after the
// other instead of side by side. A hundred item rows are about 50 kB of XML.
const ROWS_PER_TURN = 100;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A sheet that is one table: header on row 1, then one row per record, then a filter over all of it. */
export class TableSheet<Row> {
  private sheet: ExcelJS.Worksheet;
  private rowsInSheet = 0;
  private rows = 0;
  private part = 1;
  // Reused for every row: exceljs copies the values into its cells and keeps only the (shared) styles.
  private readonly values: Value[];
  private readonly styles: Style[];

  constructor(
    private readonly book: Book,
    private readonly name: string,
    private readonly columns: readonly Column<Row>[],
    private readonly maxRows = EXCEL_MAX_ROWS,
  ) {
    this.values = new Array(columns.length).fill(null);
    this.styles = new Array(columns.length).fill(TEXT);
    this.sheet = this.open(name);
  }

  private open(name: string): ExcelJS.Worksheet {
    const sheet = openSheet(
      this.book,
      name,
      this.columns.map((c) => c.width),
    );
    addHeader(
      this.book,
      sheet,
      this.columns.map((c) => c.header),
    );
    return sheet;
  }

  private commitSheet(): void {
    this.sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: 1 + this.rowsInSheet, column: this.columns.length },
    };
    this.sheet.commit();
  }

  add(row: Row): void {
    if (1 + this.rowsInSheet >= this.maxRows) {
      this.commitSheet();
      this.part += 1;
      this.sheet = this.open(`${this.name} (${this.part})`);
      this.rowsInSheet = 0;
    }
    // Straight from the record to the row's values and styles: no object per cell on the way.
    const { columns, values, styles, book } = this;
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i] as Column<Row>;
      const value = column.value(row);
      values[i] = typeof value === "string" ? xlsxText(value) : value;
      styles[i] = column.style?.(row) ?? styleOf(book, column.kind, value);
    }
    writeRow(this.sheet, values, styles);
    this.rowsInSheet += 1;
    this.rows += 1;
  }

  /**
   * Writes `rows`, letting the zip compress between every few of them (see ROWS_PER_TURN) and waiting while
   * it or the reader is behind (keepPace).
   */
  async addAll(rows: Iterable<Row>): Promise<void> {
    let sinceTurn = 0;
    for (const row of rows) {
      this.add(row);
      if (++sinceTurn === ROWS_PER_TURN) {
        sinceTurn = 0;
        await this.pace();
      }
    }
    await this.pace();
  }

  /** Call between chunks of rows: lets the zip take what was written, and waits while it or the reader is behind. */
  async pace(): Promise<void> {
    await nextTurn();
    await keepPace(this.book.output, this.sheet);
  }

  /** Sets the filter over the header and every row written, and closes the sheet; returns the rows written. */
  async close(): Promise<number> {
    this.commitSheet();
    await this.pace();
    return this.rows;
  }
}

/** Raised when the reader of the workbook has gone (the browser cancelled the download): nothing more is written. */
export class WorkbookAborted extends Error {
  override name = "WorkbookAborted";
  constructor() {
    super("The workbook's reader went away before it was complete.");
  }
}

// exceljs 4.4's streaming writer hands each sheet's XML on to the zip without waiting (its internal buffer
// ignores backpressure), so what the zip has not compressed yet piles up in the stream the sheet writes
// into: archiver's PassThrough (readable-stream 2, which counts its buffer in _writableState.length). These
// are the only library internals read here; cells.test.ts fails if they move.
const MAX_BACKLOG_BYTES = 4 * 2 ** 20;

type ZipInput = Writable & { _writableState?: { length?: number } };
type SheetInternals = { stream?: { pipes?: ZipInput[] } };

/** The streams a sheet's XML is written into, or null when this exceljs does not show them. */
function zipInputs(sheet: ExcelJS.Worksheet): ZipInput[] | null {
  const pipes = (sheet as unknown as SheetInternals).stream?.pipes;
  return Array.isArray(pipes) ? pipes : null;
}

const backlogOf = (input: ZipInput): number => input.writableLength ?? input._writableState?.length ?? 0;

/** Bytes of a sheet's XML waiting to be compressed; null when they cannot be seen. */
export function zipBacklogBytes(sheet: ExcelJS.Worksheet): number | null {
  const inputs = zipInputs(sheet);
  return inputs ? inputs.reduce((sum, s) => sum + backlogOf(s), 0) : null;
}

function firstEvent(events: readonly [NodeJS.EventEmitter, string][]): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const [emitter, name] of events) emitter.off(name, done);
      resolve();
    };
    for (const [emitter, name] of events) emitter.on(name, done);
  });
}

/**
 * Waits while the zip or the reader is behind (a sheet's uncompressed backlog, or the output's buffer, is
 * full), so a slow download holds back the queries instead of piling the workbook up in memory. Throws
 * WorkbookAborted once nobody reads any more, or the output's error.
 */
export async function keepPace(output: Writable, sheet?: ExcelJS.Worksheet): Promise<void> {
  for (;;) {
    if (output.errored) throw output.errored;
    if (output.destroyed) throw new WorkbookAborted();
    const behind = (sheet ? (zipInputs(sheet) ?? []) : []).filter((s) => backlogOf(s) > MAX_BACKLOG_BYTES);
    if (behind.length === 0 && !output.writableNeedDrain) return;
    await firstEvent([
      // A stream that has been ended never emits "drain" again, only "finish" and "close".
      ...behind.flatMap((s): [Writable, string][] => [
        [s, "drain"],
        [s, "finish"],
        [s, "close"],
      ]),
      [output, "drain"],
      [output, "close"],
      [output, "error"],
    ]);
  }
}

export const yesNo = (value: boolean) => (value ? "Ya" : "Tidak");
