// The one way Mutu writes a CSV file for people to open: as Excel in an Indonesian locale reads it — UTF-8 with a
// byte-order mark (without it Excel reads the bytes as ANSI and garbles every accented name), semicolons (the
// comma is the decimal separator there), CRLF line ends — and every cell through csvCell, so text a spreadsheet
// would run as a formula stays text (spreadsheet-safety.ts).
import { csvCell } from "./spreadsheet-safety";

export type CsvValue = string | number | null | undefined;

/** The whole file: the header row first, then the data rows. */
export function excelCsv(rows: Iterable<readonly CsvValue[]>): string {
  const lines: string[] = [];
  for (const row of rows) lines.push(row.map(csvCell).join(";"));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
