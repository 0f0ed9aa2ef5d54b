import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { type Book, excelDay, excelWib, openSheet, TableSheet, zipBacklogBytes } from "./cells";

const dir = mkdtempSync(path.join(tmpdir(), "mutu-cells-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function newBook(file: string): Book {
  const output = createWriteStream(file);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
  return { workbook, output, predikat: new Map() };
}

describe("workbook cells", () => {
  it("turns a WIB day and an instant into Excel dates showing the WIB wall clock", () => {
    expect(excelDay("2026-10-26")?.toISOString()).toBe("2026-10-26T00:00:00.000Z");
    expect(excelDay(null)).toBeNull();
    // 26 Oct 2026 00:30 WIB is 25 Oct 17:30 UTC.
    expect(excelWib(new Date("2026-10-25T17:30:00Z"))?.toISOString()).toBe("2026-10-26T00:30:00.000Z");
  });

  it("sees how far the zip is behind a sheet (the exceljs internals keepPace relies on)", async () => {
    const book = newBook(path.join(dir, "backlog.xlsx"));
    const sheet = openSheet(book, "Uji", [10]);
    expect(zipBacklogBytes(sheet)).toEqual(expect.any(Number));
    sheet.commit();
    await book.workbook.commit();
  });

  it("goes on in '<name> (2)' when a table outgrows a sheet, each part with its header and filter", async () => {
    const file = path.join(dir, "parts.xlsx");
    const book = newBook(file);
    const table = new TableSheet(book, "Uji", [{ header: "N", width: 6, kind: "integer", value: (n: number) => n }], 4);
    for (let n = 1; n <= 7; n++) table.add(n);
    expect(await table.close()).toBe(7);
    await book.workbook.commit();
    const read = await new ExcelJS.Workbook().xlsx.readFile(file);
    expect(read.worksheets.map((w) => [w.name, w.getColumn(1).values.slice(1), w.autoFilter])).toEqual([
      ["Uji", ["N", 1, 2, 3], "A1:A4"],
      ["Uji (2)", ["N", 4, 5, 6], "A1:A4"],
      ["Uji (3)", ["N", 7], "A1:A2"],
    ]);
  });
});
