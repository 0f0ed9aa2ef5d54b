// Properties of the spreadsheet-safety policy (spreadsheet-safety.ts) for any text, NUL and every control
// character included: a CSV cell reads back, with the export's semicolon, as exactly one field that is the text
// itself, or the text behind an apostrophe when a spreadsheet would run it; and a workbook cell written the way
// every export writes one (addCells) reads back as a string cell in Text format, never a formula, in the
// workbook's XML as well as through exceljs.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { formulaElements, worksheetXml } from "../../test/support/xlsx";
import { csvCell, isFormulaLike, XLSX_MAX_CELL_CHARS, xlsxText } from "./spreadsheet-safety";
import { addCells, type Book } from "./workbook/cells";

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_129);
const RUNS = Math.max(1, Math.round(300 * Number(process.env.FUZZ_RUNS ?? 1)));

const STARTS = ["=", "+", "-", "@", "\t", "\r", "\u0000", "\n", " ", '"', "'", ";", ",", "\uFEFF", "\uD800"];
/** Any text, often starting with what a spreadsheet runs and holding what CSV and XML treat specially. */
const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc
    .tuple(fc.constantFrom(...STARTS), fc.string({ unit: "binary", maxLength: 30 }))
    .map(([start, rest]) => start + rest),
  fc.constantFrom(
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://x.example","klik")',
    "+SUM(A1:A9)",
    "-1+1",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
    "\u0000=1+1",
    '=DDE("cmd";"/C calc";"!A0")',
  ),
);

describe("a CSV cell", () => {
  it("reads back as one field: the text, or the text behind an apostrophe when it starts a formula", () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        // After a first cell, as on a line of an export: a parser drops a byte-order mark that opens the input.
        const line = `x;${csvCell(a)};${csvCell(b)}`;
        const parsed = Papa.parse<string[]>(line, { delimiter: ";", newline: "\r\n", quoteChar: '"' });
        expect(parsed.errors).toEqual([]);
        expect(parsed.data).toEqual([["x", isFormulaLike(a) ? `'${a}` : a, isFormulaLike(b) ? `'${b}` : b]]);
        for (const field of parsed.data[0] ?? []) expect(isFormulaLike(field)).toBe(false);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("keeps numbers as numbers, and an empty value empty", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), (n) => {
        expect(csvCell(n)).toBe(String(n));
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect([csvCell(null), csvCell(undefined), csvCell("")]).toEqual(["", "", ""]);
  });
});

describe("workbook text", () => {
  it("holds nothing XML forbids and fits a cell; clean text is kept as it is", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          { weight: 20, arbitrary: text },
          // Around Excel's limit of a cell, where the cut must not split a surrogate pair.
          { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 32_700, maxLength: 33_000 }) },
        ),
        (s) => {
          const clean = xlsxText(s);
          expect(clean.length).toBeLessThanOrEqual(XLSX_MAX_CELL_CHARS);
          // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML forbids.
          expect(clean).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
          expect(clean.isWellFormed()).toBe(true);
          expect(xlsxText(clean)).toBe(clean);
          if (s.isWellFormed() && s.length <= XLSX_MAX_CELL_CHARS && s === clean) expect(clean).toBe(s);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("written by addCells reads back as a string cell in Text format, and the XML has no formula", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 30 }), async (values) => {
        const output = new PassThrough();
        const chunks: Buffer[] = [];
        output.on("data", (chunk: Buffer) => chunks.push(chunk));
        const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
          stream: output,
          useSharedStrings: false,
          useStyles: true,
        });
        const book: Book = { workbook, output, predikat: new Map() };
        const sheet = workbook.addWorksheet("Uji");
        addCells(
          book,
          sheet,
          values.map((value, k) => ({ value, kind: k % 2 === 0 ? "text" : "wrap" })),
        );
        sheet.commit();
        await workbook.commit();
        const bytes = Buffer.concat(chunks);
        for (const xml of worksheetXml(bytes).values()) expect(formulaElements(xml)).toBe(0);
        const read = await new ExcelJS.Workbook().xlsx.load(bytes);
        const row = read.getWorksheet("Uji")?.getRow(1);
        values.forEach((value, k) => {
          const cell = row?.getCell(k + 1);
          // XML reads every line break as LF: a CR comes back as LF, in Excel too. Still text.
          const expected = xlsxText(value).replace(/\r\n?/g, "\n");
          expect(cell?.formula).toBeUndefined();
          expect(cell?.numFmt).toBe("@");
          if (expected === "") expect(cell?.value ?? "").toBe("");
          else {
            expect(cell?.type).toBe(ExcelJS.ValueType.String);
            expect(cell?.value).toBe(expected);
          }
        });
      }),
      { seed: SEED, numRuns: Math.max(1, Math.round(RUNS / 6)) },
    );
  });
});
