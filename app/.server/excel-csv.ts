// The one way Mutu writes a CSV file for people to open: as Excel in an Indonesian locale reads it — UTF-8 with a
// byte-order mark (without it Excel reads the bytes as ANSI and garbles every accented name), semicolons (the
// comma is the decimal separator there), CRLF line ends — and every cell through csvCell, so text a spreadsheet
// would run as a formula stays text (spreadsheet-safety.ts).
import { csvCell } from "./spreadsheet-safety";

export type CsvValue = string | number | null | undefined;

export const CSV_BOM = "\uFEFF";

/** One line of the file, with its CRLF. */
export const csvLine = (row: readonly CsvValue[]) => `${row.map(csvCell).join(";")}\r\n`;

/** The whole file: the header row first, then the data rows. */
export function excelCsv(rows: Iterable<readonly CsvValue[]>): string {
  let text = CSV_BOM;
  for (const row of rows) text += csvLine(row);
  return text;
}
