// Workbooks as people make them in Excel, for the import tests: a CSV file's rows typed into a sheet, where Excel
// turns a typed date into a date cell, a typed number into a number cell, and keeps text (an 18-digit NIP typed
// into a Text-formatted column) as text; plus what a workbook may hide (hidden rows and columns, merged cells).
import ExcelJS from "exceljs";
import Papa from "papaparse";

export type TypedOptions = {
  sheet?: string;
  /** The NIP column stored as numbers, as Excel does when it was not formatted as Text first. */
  nipAsNumber?: boolean;
  /** Sheets before the data sheet (hidden or not), to show which sheet is read. */
  before?: { name: string; hidden?: boolean }[];
};

const DMY = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK = /^(\d{2}):(\d{2})$/;

/** The value Excel stores for a typed cell, with the number format it gives it. */
function typed(text: string): { value: ExcelJS.CellValue; numFmt?: string } {
  const dmy = DMY.exec(text);
  const iso = ISO.exec(text);
  const [y, m, d] = dmy ? [dmy[3], dmy[2], dmy[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (y && m && d) {
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    // An impossible date (31/02) stays the text that was typed.
    if (date.getUTCDate() === Number(d)) return { value: date, numFmt: dmy ? "dd/mm/yyyy" : "yyyy-mm-dd" };
  }
  const clock = CLOCK.exec(text);
  if (clock && Number(clock[1]) < 24 && Number(clock[2]) < 60) {
    return { value: (Number(clock[1]) * 60 + Number(clock[2])) / 1440, numFmt: "hh:mm" };
  }
  // A plain number as Excel shows it back under General: digits, an optional point and decimals.
  if (/^-?(0|[1-9]\d{0,10})(\.\d{1,6})?$/.test(text) && String(Number(text)) === text) return { value: Number(text) };
  return { value: text };
}

/** The CSV text's rows typed into a new workbook's sheet; returns the .xlsx bytes. */
export async function typedWorkbook(csvText: string, options: TypedOptions = {}): Promise<Uint8Array> {
  const rows = Papa.parse<string[]>(csvText.replace(/^\uFEFF/, ""), { skipEmptyLines: false }).data;
  const workbook = new ExcelJS.Workbook();
  for (const b of options.before ?? []) {
    const ws = workbook.addWorksheet(b.name, b.hidden ? { state: "hidden" } : {});
    ws.addRow(["bukan data"]);
  }
  const sheet = workbook.addWorksheet(options.sheet ?? "Data");
  const nipColumn = (rows[0] ?? []).findIndex((h) => h.trim().toLowerCase() === "nip");
  rows.forEach((cells, r) => {
    if (cells.length === 1 && cells[0] === "") return; // a blank line: a row Excel stores nothing for
    const row = sheet.getRow(r + 1);
    cells.forEach((text, c) => {
      const cell = row.getCell(c + 1);
      const digits = text.replace(/\s/g, "");
      if (r > 0 && c === nipColumn && options.nipAsNumber && /^\d{18}$/.test(digits)) {
        cell.value = Number(digits);
        return;
      }
      const { value, numFmt } = r === 0 ? { value: text } : typed(text);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
    });
    row.commit();
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A workbook built cell by cell, for what typing alone cannot show (hidden, merged, errors). */
export async function workbookOf(build: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet("Data"));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
