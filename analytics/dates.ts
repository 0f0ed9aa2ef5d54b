// Pure: the calendar — dates as strings 'YYYY-MM-DD' (WIB days), the way Mutu stores dates without a time: reading
// and writing them, day and month arithmetic, month and weekday names, and ISO weeks ('2026-W49', Monday to
// Sunday). The one home of date helpers: reporting periods (period.ts), shifts (workforce-time.ts), the staffing
// plan and the roster take their days and weeks from here.

/** WIB is UTC+7 all year (Indonesia has no daylight saving time since 1964). */
export const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Two digits: 5 → '05'. */
export const pad2 = (n: number) => String(n).padStart(2, "0");

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days in a month, without a Date (an import checks several dates a row). Years 0–99 count as 1900–1999, as
 * Date.UTC reads them and this did before, so year 0 still has no 29 February.
 */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1] ?? 0;
  const y = year < 100 ? year + 1900 : year;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

/** Parses 'YYYY-MM-DD'; null when it is not a real calendar date. */
export function parseCalendarDay(day: string): { year: number; month: number; day: number } | null {
  const m = CALENDAR_DAY.exec(day);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const d = Number(m[3]);
  if (month < 1 || month > 12 || d < 1) return null;
  if (d > daysInMonth(year, month)) return null;
  return { year, month, day: d };
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * A date as people type it here: ISO 'YYYY-MM-DD' or Indonesian order 'DD/MM/YYYY' (05/01/2026 is 5 January).
 * Returns 'YYYY-MM-DD', or null when it is not a real date in either form.
 */
export function parseDateInput(input: string): string | null {
  const text = input.trim();
  const dmy = DMY.exec(text);
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

export const MONTHS_ID = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
] as const;

export const MONTHS_ID_SHORT = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "Mei",
  "Jun",
  "Jul",
  "Agu",
  "Sep",
  "Okt",
  "Nov",
  "Des",
] as const;

/** '26 Nov 2026' for '2026-11-26'. */
export function formatDay(day: string): string {
  const d = parseCalendarDay(day);
  return d ? `${d.day} ${MONTHS_ID_SHORT[d.month - 1]} ${d.year}` : day;
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

// ---------------------------------------------------------------------------------------------------------------
// Day and month arithmetic

/** Milliseconds of UTC midnight of a day: the arithmetic of whole days, free of the process time zone. */
function utcMs(day: string): number {
  const d = parseCalendarDay(day);
  if (!d) throw new Error(`not a calendar day: ${day}`);
  return Date.UTC(d.year, d.month - 1, d.day);
}

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  return new Date(utcMs(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar day `months` months after `day` (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const d = parseCalendarDay(day);
  if (!d) throw new Error(`not a date: ${day}`);
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad2(month)}-${pad2(Math.min(d.day, last))}`;
}

/** ISO weekday of a WIB day: 1 Monday … 7 Sunday. */
export function isoWeekday(day: string): number {
  const weekday = new Date(utcMs(day)).getUTCDay(); // 0 = Sunday
  return weekday === 0 ? 7 : weekday;
}

/** The Monday of the week (Monday to Sunday) that holds `day`. */
export function mondayOf(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/** Indonesian day names, Monday first (index = ISO weekday − 1). */
export const WEEKDAY_NAMES = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"] as const;

/** 'Senin' for ISO weekday 1 … 'Minggu' for 7. */
export const weekdayName = (isoWeekday: number): string => WEEKDAY_NAMES[isoWeekday - 1] ?? String(isoWeekday);

// ---------------------------------------------------------------------------------------------------------------
// ISO weeks

export type IsoWeek = {
  /** '2026-W49' */
  id: string;
  /** The ISO week-year (the year of the week's Thursday; 29 Dec 2025 is in 2026-W01). */
  year: number;
  week: number;
  /** WIB days 'YYYY-MM-DD': the Monday, the Sunday, and all seven from Monday. */
  monday: string;
  sunday: string;
  days: string[];
  /** 'Minggu 49 2026 (30 Nov – 6 Des 2026)' */
  label: string;
};

/** The years a period or a week may lie in: others are almost certainly typing mistakes, and keep Date arithmetic exact. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9998;

/** Monday of week 1 of ISO week-year `year`: the week holding 4 January. */
const firstMonday = (year: number) => mondayOf(`${String(year).padStart(4, "0")}-01-04`);

/** 52 or 53: the ISO weeks of week-year `year`. */
export function weeksInYear(year: number): number {
  return Math.round((utcMs(firstMonday(year + 1)) - utcMs(firstMonday(year))) / (7 * DAY_MS));
}

export const formatWeekId = (year: number, week: number) => `${year}-W${pad2(week)}`;

function rangeLabel(monday: string, sunday: string): string {
  const sameYear = monday.slice(0, 4) === sunday.slice(0, 4);
  return `${sameYear ? formatDay(monday).replace(/ \d{4}$/, "") : formatDay(monday)} – ${formatDay(sunday)}`;
}

function buildWeek(year: number, week: number): IsoWeek {
  const monday = addDays(firstMonday(year), (week - 1) * 7);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const sunday = days[6] ?? monday;
  return {
    id: formatWeekId(year, week),
    year,
    week,
    monday,
    sunday,
    days,
    label: `Minggu ${week} ${year} (${rangeLabel(monday, sunday)})`,
  };
}

/**
 * The ISO week 'YYYY-Www' (also accepted: a lower-case w, without the hyphen, a one-digit week: '2026w9').
 * Throws an Error with a message a user can act on when it is malformed or the year has no such week.
 */
export function isoWeek(id: string): IsoWeek {
  const text = typeof id === "string" ? id.trim() : "";
  const m = /^(\d{4})-?[Ww](\d{1,2})$/.exec(text);
  if (!m) {
    throw new Error(
      `Minggu tidak valid: "${text}". Gunakan format YYYY-Www (tahun dan nomor minggu ISO), misalnya 2026-W49 untuk 30 Nov – 6 Des 2026.`,
    );
  }
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new Error(`Minggu tidak valid: "${text}". Tahun harus antara ${MIN_YEAR} dan ${MAX_YEAR}.`);
  }
  const last = weeksInYear(year);
  if (week < 1 || week > last) {
    throw new Error(`Minggu tidak valid: "${text}". Tahun ${year} memiliki minggu 1 sampai ${last}.`);
  }
  return buildWeek(year, week);
}

/** The ISO week holding WIB day `day` ('YYYY-MM-DD'). */
export function weekOfDay(day: string): IsoWeek {
  const monday = mondayOf(day);
  const year = Number(addDays(monday, 3).slice(0, 4)); // the year of its Thursday
  return buildWeek(year, Math.round((utcMs(monday) - utcMs(firstMonday(year))) / (7 * DAY_MS)) + 1);
}

/** The week `offset` weeks after (negative: before) week `id`. */
export function shiftWeek(id: string, offset: number): IsoWeek {
  return weekOfDay(addDays(isoWeek(id).monday, offset * 7));
}
