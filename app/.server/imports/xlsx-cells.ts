// The text a person sees in a cell of an Excel workbook, from the value stored in the file and its number
// format: a date cell is a date (2026-01-05), not its serial number; a time is 07:30; a number is written as
// Excel's General format would (an 18-digit NIP stored as a number reads 1.98501E+17, which the NIP check
// explains); a percentage keeps its %. Numbers never carry thousands separators: "1,234" would read as a
// decimal comma.

/** Excel's built-in number formats that show a date or time (ECMA-376 §18.8.30). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  14: "yyyy-mm-dd",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "yyyy-mm-dd h:mm",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mm:ss.0",
  49: "@",
};

/** The format code of a numFmtId: a built-in one, or one the workbook defines. */
export function formatCode(id: number, custom: ReadonlyMap<number, string>): string {
  return custom.get(id) ?? BUILTIN_FORMATS[id] ?? (BUILTIN_DATE_FORMATS.has(id) ? "yyyy-mm-dd" : "General");
}

type Kind = { date: boolean; time: boolean; percent: boolean; decimals: number | null };

/** What a format shows: a date, a time of day, a percentage, or a number with so many decimals (null: General). */
export function formatKind(code: string): Kind {
  // Only the first section (positive numbers) counts; quoted text, escapes and [colours] are not format letters.
  const section = (code.split(";")[0] ?? "")
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, "");
  if (/general/i.test(section)) return { date: false, time: false, percent: false, decimals: null };
  const date = /[dy]/i.test(section) || (/m/i.test(section) && !/[hs]/i.test(section));
  const time = /[hs]/i.test(section);
  const decimals = /\.(0+)/.exec(section)?.[1]?.length ?? 0;
  return { date, time, percent: section.includes("%"), decimals };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An Excel serial day as a calendar day and a clock (seconds rounded, as Excel shows them). */
function serialToParts(serial: number, date1904: boolean) {
  // 1900 system: serial 1 is 1 January 1900, and Excel counts a 29 February 1900 (serial 60) that never was, so
  // from serial 61 on the epoch is 30 December 1899. The 1904 system counts from 1 January 1904.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : serial < 61 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const at = new Date(epoch + Math.round(serial * 86_400) * 1000);
  return {
    day: `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`,
    clock: `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`,
    midnight: at.getUTCHours() === 0 && at.getUTCMinutes() === 0 && at.getUTCSeconds() === 0,
  };
}

/** A number as Excel's General format shows it in a normal-width column. */
export function generalNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1e11 || (abs > 0 && abs < 1e-9)) {
    const [mantissa = "0", exponent = "0"] = value.toExponential(5).split("e");
    const trimmed = mantissa.replace(/\.?0+$/, "");
    const power = Number(exponent);
    return `${trimmed}E${power < 0 ? "-" : "+"}${String(Math.abs(power)).padStart(2, "0")}`;
  }
  return String(Number(value.toPrecision(10)));
}

/** The text of a numeric cell under its number format. */
export function numberText(value: number, code: string, date1904: boolean): string {
  // Beyond 15 digits a double has lost digits: whatever the format, show it as Excel's General would.
  if (Math.abs(value) >= 1e15) return generalNumber(value);
  const kind = formatKind(code);
  if (kind.date || kind.time) {
    const parts = serialToParts(value, date1904);
    if (kind.date && kind.time) return parts.midnight ? parts.day : `${parts.day} ${parts.clock}`;
    return kind.date ? parts.day : parts.clock;
  }
  if (kind.percent) return `${generalNumber(Number((value * 100).toFixed(kind.decimals ?? 0)))}%`;
  if (kind.decimals === null) return generalNumber(value);
  return value.toFixed(kind.decimals);
}
