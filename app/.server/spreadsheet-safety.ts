// Text that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return, NUL at the start) is
// written as plain text: in CSV by prefixing an apostrophe, which Excel and LibreOffice show as text; in a
// workbook as a string cell (never a formula cell), with the characters XML forbids taken out.
const FORMULA_START = /^[=+\-@\t\r\0]/;

export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/** One CSV cell: neutralised when formula-like, quoted when it holds a delimiter, quote or line break. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (typeof value !== "number" && isFormulaLike(text)) text = `'${text}`;
  return /[";,\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

// XML 1.0 forbids these control characters, U+FFFE/U+FFFF and unpaired surrogates: one of them in a cell
// makes Excel "repair" the file and LibreOffice refuse it.
const XML_FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching these control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Excel's limit per cell; a longer text also makes it repair the file. */
export const XLSX_MAX_CELL_CHARS = 32_767;

/**
 * The text of a workbook string cell: without what XML forbids, and cut to what a cell holds. The caller
 * writes it as a plain string value, so text that looks like a formula (`=HYPERLINK(…)`) stays text.
 */
export function xlsxText(text: string): string {
  let clean = text.replace(XML_FORBIDDEN, "");
  if (clean.length > XLSX_MAX_CELL_CHARS) clean = clean.slice(0, XLSX_MAX_CELL_CHARS).replace(XML_FORBIDDEN, "");
  return clean;
}
