// Pure: the 26th-to-25th reporting period of regulation 3.3.3, in Asia/Jakarta (WIB) time.
// No I/O, no wall clock, no dependence on the process time zone: all arithmetic is on UTC epoch values.
import { MAX_YEAR, MIN_YEAR, MONTHS_ID, MONTHS_ID_SHORT, pad2, parseCalendarDay, WIB_OFFSET_MS } from "./dates";

export type Period = {
  id: string; // 'YYYY-MM' of the month the period STARTS in, e.g. '2026-11'
  start: Date; // inclusive instant: the 26th 00:00 Asia/Jakarta
  end: Date; // exclusive instant: the next month's 26th 00:00 Asia/Jakarta
  firstDay: string; // 'YYYY-MM-DD', the 26th
  lastDay: string; // 'YYYY-MM-DD', the 25th of the next month
  label: string; // 'Periode November 2026 (26 Nov 2026 – 25 Des 2026)'
};

/** Regulation 3.3.3: a period runs from the 26th of a month to the 25th of the next. */
export const PERIOD_START_DAY = 26;

/** The period that starts in month `month` (1–12) of `year`. */
function build(year: number, month: number): Period {
  const start = new Date(Date.UTC(year, month - 1, PERIOD_START_DAY) - WIB_OFFSET_MS);
  const end = new Date(Date.UTC(year, month, PERIOD_START_DAY) - WIB_OFFSET_MS);
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  const firstDay = `${year}-${pad2(month)}-${PERIOD_START_DAY}`;
  const lastDay = `${nextYear}-${pad2(nextMonth)}-${PERIOD_START_DAY - 1}`;
  const label =
    `Periode ${MONTHS_ID[month - 1]} ${year} ` +
    `(${PERIOD_START_DAY} ${MONTHS_ID_SHORT[month - 1]} ${year} – ` +
    `${PERIOD_START_DAY - 1} ${MONTHS_ID_SHORT[nextMonth - 1]} ${nextYear})`;
  return { id: `${year}-${pad2(month)}`, start, end, firstDay, lastDay, label };
}

/** The period containing a WIB calendar day given as year, month (1–12), day. */
function periodOfWibDate(year: number, month: number, day: number): Period {
  if (day >= PERIOD_START_DAY) return build(year, month);
  return month === 1 ? build(year - 1, 12) : build(year, month - 1);
}

/** The period containing an instant. Throws on an invalid Date. */
export function periodOf(instant: Date): Period {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new Error("Waktu tidak valid: periode tidak dapat ditentukan.");
  const wib = new Date(ms + WIB_OFFSET_MS); // read its UTC fields as the WIB wall clock
  return periodOfWibDate(wib.getUTCFullYear(), wib.getUTCMonth() + 1, wib.getUTCDate());
}

/** The period containing a WIB calendar date 'YYYY-MM-DD'. Throws a clear Error on a bad date. */
export function periodOfDay(day: string): Period {
  const parsed = parseCalendarDay(day);
  if (!parsed) {
    throw new Error(
      `Tanggal tidak valid: "${day}". Gunakan format YYYY-MM-DD dengan tanggal yang ada di kalender, misalnya 2026-11-26.`,
    );
  }
  if (parsed.year < MIN_YEAR || parsed.year > MAX_YEAR) {
    throw new Error(`Tahun ${parsed.year} di luar rentang yang didukung (${MIN_YEAR}–${MAX_YEAR}).`);
  }
  return periodOfWibDate(parsed.year, parsed.month, parsed.day);
}

/** The period with id 'YYYY-MM' (the month it starts in). Throws a clear Error on a bad id. */
export function periodFromId(id: string): Period {
  const m = /^(\d{4})-(\d{2})$/.exec(typeof id === "string" ? id : "");
  const year = m ? Number(m[1]) : Number.NaN;
  const month = m ? Number(m[2]) : Number.NaN;
  if (!m || month < 1 || month > 12) {
    throw new Error(
      `ID periode tidak valid: "${id}". Gunakan format YYYY-MM (bulan awal periode), misalnya 2026-11 untuk 26 Nov 2026 – 25 Des 2026.`,
    );
  }
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new Error(`ID periode tidak valid: "${id}". Tahun harus antara ${MIN_YEAR} dan ${MAX_YEAR}.`);
  }
  return build(year, month);
}

/** Every period from `fromId` to `toId`, both included, ascending. Throws when `fromId` comes after `toId`. */
export function periodsBetween(fromId: string, toId: string): Period[] {
  const from = periodFromId(fromId);
  const to = periodFromId(toId);
  if (from.start.getTime() > to.start.getTime()) {
    throw new Error(`Periode awal ${fromId} jatuh setelah periode akhir ${toId}. Tukar urutannya.`);
  }
  const periods: Period[] = [];
  let [year, month] = from.id.split("-").map(Number) as [number, number];
  for (;;) {
    const p = build(year, month);
    periods.push(p);
    if (p.id === to.id) return periods;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** 'Okt 2026' for period '2026-10': a column or an axis, where the full label (with its range) is said nearby. */
export function periodShortLabel(id: string): string {
  const [year, month] = periodFromId(id).id.split("-").map(Number) as [number, number];
  return `${MONTHS_ID_SHORT[month - 1]} ${year}`;
}

/** The period before or after `id` (`offset` periods away). */
export function shiftPeriod(id: string, offset: number): Period {
  const [year, month] = periodFromId(id).id.split("-").map(Number) as [number, number];
  const index = year * 12 + (month - 1) + offset;
  return periodFromId(`${Math.floor(index / 12)}-${pad2((index % 12) + 1)}`);
}
