// A table of Mutu's workbooks as CSV for Excel in an Indonesian locale (excel-csv.ts): the same columns and
// values as the sheet, written as that Excel reads them — decimal commas (85,40), dates as dd/mm/yyyy, the NIP
// grouped as printed so that Excel keeps its 18 digits — and streamed a chunk at a time like the sheet.
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { formatNip } from "../../../analytics/nip";
import { CSV_BOM, type CsvValue, csvLine } from "../excel-csv";
import { type Column, keepPace } from "./cells";

const two = (n: number) => String(n).padStart(2, "0");
// The cells hold Excel dates: the wall-clock day and time are their UTC fields (cells.ts excelDay, excelWib).
const day = (d: Date) => `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;

/** One cell of `column` for `row`, as the CSV file writes it. */
export function csvValue<Row>(column: Column<Row>, row: Row): CsvValue {
  const value = column.value(row);
  if (value === null) return null;
  if (typeof value === "number") {
    if (column.kind === "score") return value.toFixed(2).replace(".", ",");
    if (column.kind === "decimal") return value.toFixed(1).replace(".", ",");
    return value;
  }
  if (value instanceof Date) {
    return column.kind === "datetime"
      ? `${day(value)} ${two(value.getUTCHours())}:${two(value.getUTCMinutes())}`
      : day(value);
  }
  return column.kind === "nip" ? formatNip(value) : value;
}

/**
 * Writes the header and every row of `chunks` to `output` and ends it, waiting while the reader is behind;
 * returns the rows written. Rejects with WorkbookAborted when the reader went away.
 */
export async function writeCsvTable<Row>(
  output: Writable,
  columns: readonly Column<Row>[],
  chunks: AsyncIterable<readonly Row[]>,
): Promise<number> {
  let rows = 0;
  output.write(CSV_BOM + csvLine(columns.map((c) => c.header)));
  for await (const chunk of chunks) {
    await keepPace(output);
    output.write(chunk.map((row) => csvLine(columns.map((c) => csvValue(c, row)))).join(""));
    rows += chunk.length;
  }
  await keepPace(output);
  output.end();
  await finished(output, { readable: false });
  return rows;
}
