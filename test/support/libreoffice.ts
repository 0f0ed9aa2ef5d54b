// Opening workbooks in LibreOffice Calc (Debian's libreoffice-calc-nogui, headless), as a person without Excel
// would: every sheet saved as CSV with the cells "as shown", to compare with what exceljs reads from the same file.
// A file LibreOffice has to repair, or cannot open, gives no sheets.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type ExcelJS from "exceljs";
import Papa from "papaparse";

const run = promisify(execFile);

// Semicolons, double quotes, UTF-8 (76), from line 1; quoted text off, special numbers on, cells as shown (true),
// formulas not exported; -1: every sheet to its own file "<name>-<sheet>.csv" (LibreOffice 7.2 and later).
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,true,false,false,-1";

/** Every sheet of every file, as LibreOffice shows it: file name → sheet name → rows of cell texts. */
export async function openInCalc(files: string[]): Promise<Map<string, Map<string, string[][]>>> {
  const out = mkdtempSync(path.join(tmpdir(), "mutu-calc-"));
  // A profile of its own: two runs at once (or a person's LibreOffice) do not share a lock.
  const profile = `file://${mkdtempSync(path.join(tmpdir(), "mutu-calc-profile-"))}`;
  await run(
    "soffice",
    [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", CSV_FILTER, "--outdir", out, ...files],
    { timeout: 120_000 },
  );
  const sheets = new Map<string, Map<string, string[][]>>();
  for (const file of files) {
    const stem = path.basename(file, path.extname(file));
    const mine = new Map<string, string[][]>();
    for (const name of readdirSync(out)) {
      if (!name.startsWith(`${stem}-`) || !name.endsWith(".csv")) continue;
      const text = readFileSync(path.join(out, name), "utf8");
      mine.set(name.slice(stem.length + 1, -4), Papa.parse<string[]>(text, { delimiter: ";" }).data);
    }
    sheets.set(file, mine);
  }
  return sheets;
}

const two = (n: number) => String(n).padStart(2, "0");

/** A cell as a spreadsheet shows it under its number format (the formats Mutu's workbooks use). */
export function shown(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    const day = `${two(value.getUTCDate())}/${two(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
    return cell.numFmt?.includes("hh") ? `${day} ${two(value.getUTCHours())}:${two(value.getUTCMinutes())}` : day;
  }
  if (typeof value === "number") {
    if (cell.numFmt === "0.00") return value.toFixed(2);
    if (cell.numFmt === "0.0") return value.toFixed(1);
    if (cell.numFmt === "0") return value.toFixed(0);
    return String(value);
  }
  if (typeof value === "object" && "richText" in value) return value.richText.map((t) => t.text).join("");
  return String(value);
}

/**
 * Where LibreOffice shows a workbook differently from what exceljs reads in it: "Sheet!B5: 'x' ≠ 'y'" per cell,
 * "Sheet: missing" for a sheet it did not open. Empty when the two agree on every cell of every sheet.
 */
export function differences(book: ExcelJS.Workbook, calc: Map<string, string[][]>): string[] {
  const found: string[] = [];
  for (const sheet of book.worksheets) {
    const rows = calc.get(sheet.name);
    if (!rows) {
      found.push(`${sheet.name}: missing`);
      continue;
    }
    sheet.eachRow((row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const expected = shown(cell);
        const actual = rows[r - 1]?.[c - 1] ?? "";
        // A number at its last shown digit may round either way (75.225 is 75.22499… in binary): the same number
        // is what counts, shown to the same number of decimals.
        const sameNumber =
          typeof cell.value === "number" &&
          actual.split(".")[1]?.length === expected.split(".")[1]?.length &&
          Math.abs(Number(actual) - cell.value) <= 0.5 * 10 ** -(expected.split(".")[1]?.length ?? 0) + 1e-9;
        if (expected !== actual && !sameNumber)
          found.push(`${sheet.name}!${cell.address}: '${actual}' ≠ '${expected}'`);
      });
    });
  }
  return found;
}
