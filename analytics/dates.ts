// Pure: calendar dates as strings 'YYYY-MM-DD' (WIB days), the way Mutu stores dates without a time.

/** WIB is UTC+7 all year (Indonesia has no daylight saving time since 1964). */
export const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

const pad2 = (n: number) => String(n).padStart(2, "0");

/** Parses 'YYYY-MM-DD'; null when it is not a real calendar date. */
export function parseCalendarDay(day: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const d = Number(m[3]);
  if (month < 1 || month > 12 || d < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  return { year, month, day: d };
}

/**
 * A date as people type it here: ISO 'YYYY-MM-DD' or Indonesian order 'DD/MM/YYYY' (05/01/2026 is 5 January).
 * Returns 'YYYY-MM-DD', or null when it is not a real date in either form.
 */
export function parseDateInput(input: string): string | null {
  const text = input.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = dmy ? `${dmy[3]}-${pad2(Number(dmy[2]))}-${pad2(Number(dmy[1]))}` : text;
  return parseCalendarDay(iso) ? iso : null;
}

// Years a date typed into a form may have. PostgreSQL has no year 0, and JavaScript's Date reads years 0–99 as
// 1900–1999: a slip such as 05/01/0026 must come back to the user, not reach the database. (The importer
// reads any year and reports those before 1900 at their row.)
const FORM_YEARS = { min: 1900, max: 2199 };

/** parseDateInput, for forms: also null outside the years 1900–2199. */
export function parseFormDate(input: string): string | null {
  const day = parseDateInput(input);
  const year = day ? Number(day.slice(0, 4)) : 0;
  return year >= FORM_YEARS.min && year <= FORM_YEARS.max ? day : null;
}

/** The WIB calendar day of an instant. */
export function wibDay(instant: Date): string {
  const wib = new Date(instant.getTime() + WIB_OFFSET_MS);
  return `${wib.getUTCFullYear()}-${pad2(wib.getUTCMonth() + 1)}-${pad2(wib.getUTCDate())}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

/** '26 Nov 2026' for '2026-11-26'. */
export function formatDay(day: string): string {
  const d = parseCalendarDay(day);
  return d ? `${d.day} ${MONTHS[d.month - 1]} ${d.year}` : day;
}

/** '29 Nov 2026 09.45 WIB' for an instant (Indonesian writes the time with a dot). */
export function formatInstantWib(instant: Date): string {
  const wib = new Date(instant.getTime() + WIB_OFFSET_MS);
  return `${formatDay(wibDay(instant))} ${pad2(wib.getUTCHours())}.${pad2(wib.getUTCMinutes())} WIB`;
}

/**
 * A WIB wall-clock time as typed: 'YYYY-MM-DDTHH:MM' (what <input type="datetime-local"> sends),
 * 'YYYY-MM-DD HH:MM' or 'DD/MM/YYYY HH:MM' (also with a dot, 14.30). Returns the instant, or null.
 */
export function parseWibDateTime(input: string): Date | null {
  const m = /^(.+?)[T ](\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/.exec(input.trim());
  if (!m) return null;
  const day = parseFormDate(m[1] ?? "");
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  const seconds = Number(m[4] ?? 0);
  if (!day || hours > 23 || minutes > 59 || seconds > 59) return null;
  const [y, mo, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, hours, minutes, seconds) - WIB_OFFSET_MS);
}

/** 'YYYY-MM-DDTHH:MM' in WIB, the value a datetime-local input shows for an instant. */
export function wibInputValue(instant: Date): string {
  const wib = new Date(instant.getTime() + WIB_OFFSET_MS);
  return `${wibDay(instant)}T${pad2(wib.getUTCHours())}:${pad2(wib.getUTCMinutes())}`;
}
