// Text that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return, NUL at the start) is
// written as plain text: in CSV by prefixing an apostrophe, which Excel and LibreOffice show as text.
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
