// Pure: numbers as people here type them, in a form field or a cell of an imported file — one reader for both,
// so a form and a file never read the same text as two different numbers.
//
// - A decimal comma or a decimal point: "7,5" and "7.5" are 7.5; "-0,25" is −0.25; spaces anywhere are ignored.
// - Thousands points only before a decimal comma, in groups of three: "1.234,5" is 1234.5, "1.234.567,0" is
//   1234567. ("1,234.5", English grouping, is refused rather than read as 1.2345.)
// - A point without a comma is the decimal point: "1.234" is 1.234, not 1234 — as every form and every file was
//   read before there was one reader, and as the "7.5" the phone system's exports write. Two points without a
//   comma ("1.234.567") are not a number.
// - No exponent, no hexadecimal, no "Infinity": what Number() accepts beyond digits is a typing slip here.

// One optional group after the digits, not `\d+\.?\d*`: that backtracks quadratically on a long run of digits with
// junk after it (a cell of 60,000 digits took seconds, one of a megabyte a quarter of an hour, holding the server).
const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
// Each group starts with a literal point, so this cannot backtrack either.
const GROUPED = /^[+-]?\d{1,3}(\.\d{3})+,\d*$/;

/**
 * The number a text holds (see the rules above), or null when it holds none: empty, only spaces, a word, two
 * decimal separators, or a number too large to be finite. Never NaN.
 */
export function parseDecimal(text: string): number | null {
  let t = text.replace(/\s/g, "");
  if (t === "") return null;
  if (t.includes(",") && t.includes(".")) {
    if (!GROUPED.test(t)) return null;
    t = t.replace(/\./g, "").replace(",", ".");
  } else {
    t = t.replace(",", ".");
  }
  if (!PLAIN.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** A number as Mutu writes it in a sentence: decimal comma, no grouping ("0,5", "1000", "-0,25"). */
export const formatDecimal = (n: number): string => String(n).replace(".", ",");
