import { describe, expect, it } from "vitest";
import { csvCell, isFormulaLike, XLSX_MAX_CELL_CHARS, xlsxText } from "./spreadsheet-safety";

describe("text for spreadsheets", () => {
  it("knows what a spreadsheet would run as a formula", () => {
    for (const text of ["=1+1", "+62 21", "-5", "@SUM(A1)", "\tx", "\rx", "\0x"])
      expect(isFormulaLike(text)).toBe(true);
    for (const text of ["Budi", "1-2", " =x", ""]) expect(isFormulaLike(text)).toBe(false);
  });

  it("neutralises a formula-like CSV cell with an apostrophe and quotes a delimiter", () => {
    expect(csvCell('=HYPERLINK("http://x","klik")')).toBe(`"'=HYPERLINK(""http://x"",""klik"")"`);
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell("a;b")).toBe('"a;b"');
  });

  it("keeps formula-like workbook text as it is, and takes out what XML forbids", () => {
    expect(xlsxText('=HYPERLINK("http://x","klik")')).toBe('=HYPERLINK("http://x","klik")');
    expect(xlsxText("\u0000=cmd|' /C calc'!A0")).toBe("=cmd|' /C calc'!A0");
    expect(xlsxText("a\u0001b\u0008c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFF")).toBe("abcdefg");
    // Tab, line feed and carriage return are allowed in XML and kept.
    expect(xlsxText("a\tb\nc\rd")).toBe("a\tb\nc\rd");
    // A lone surrogate goes; a pair (an emoji) stays.
    expect(xlsxText("x\uD83Dy\uDE00z 😀")).toBe("xyz 😀");
  });

  it("cuts text to what an Excel cell holds, never in the middle of a surrogate pair", () => {
    expect(xlsxText("a".repeat(XLSX_MAX_CELL_CHARS + 10))).toHaveLength(XLSX_MAX_CELL_CHARS);
    const cut = xlsxText(`${"a".repeat(XLSX_MAX_CELL_CHARS - 1)}😀`);
    expect(cut).toBe("a".repeat(XLSX_MAX_CELL_CHARS - 1));
  });
});
