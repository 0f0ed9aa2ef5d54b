// Pure: clock times, the interval grid and shifts of the workforce data (issue 6). A time of day is a WIB
// wall-clock time in minutes after midnight; WIB is UTC+7 all year, so a WIB day and a minute name one instant.
// Days and weeks themselves (addDays, mondayOf, ISO weeks) are the calendar's: dates.ts.
import { formatDay, pad2, parseCalendarDay, WIB_OFFSET_MS, wibDay } from "./dates";

/** Interval lengths the phone system can export statistics in (setting `workforce.intervalMinutes`). */
export const INTERVAL_LENGTHS = [15, 30, 60] as const;
export type IntervalMinutes = (typeof INTERVAL_LENGTHS)[number];

export const MINUTES_PER_DAY = 24 * 60;
/** Longest shift: two regular 8-hour shifts back to back; anything longer is a typing mistake. */
export const MAX_SHIFT_MINUTES = 16 * 60;
/** Longest plausible average handling time of one interval (4 hours); more is a unit mistake (ms, minutes). */
export const MAX_AHT_SECONDS = 4 * 3600;

/**
 * A time of day as typed: 'HH:MM' or 'H:MM', with a dot too (Indonesian writes 14.30), optionally with ':00'
 * seconds as phone systems export it. Returns minutes after midnight (0–1439), or null when it is not a time.
 * With `allowEndOfDay`, '24:00' is accepted as 1440 (the end of a shift that stops at midnight).
 */
export function parseClock(text: string, options: { allowEndOfDay?: boolean } = {}): number | null {
  const m = /^(\d{1,2})[:.](\d{2})(?:[:.](00))?$/.exec(text.trim());
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (options.allowEndOfDay && hours === 24 && minutes === 0) return MINUTES_PER_DAY;
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** 'HH:MM' for minutes after midnight; 1440 and later wrap to the next day's clock (1500 → '01:00'). */
export function formatClock(minutes: number): string {
  const m = ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;
}

/** Null when `startMinute` begins an interval of the grid; otherwise the grid starts just before and after it. */
export function offGrid(startMinute: number, intervalMinutes: number): { before: number; after: number } | null {
  if (startMinute % intervalMinutes === 0) return null;
  const before = startMinute - (startMinute % intervalMinutes);
  return { before, after: (before + intervalMinutes) % MINUTES_PER_DAY };
}

/** The instant at which WIB day `day` reaches `minutes` after its midnight (1440 and more: the next days). */
export function wibInstant(day: string, minutes: number): Date {
  const d = parseCalendarDay(day);
  if (!d) throw new Error(`not a calendar day: ${day}`);
  return new Date(Date.UTC(d.year, d.month - 1, d.day) + minutes * 60_000 - WIB_OFFSET_MS);
}

/** Minutes after WIB midnight of an instant. */
export function wibMinuteOf(instant: Date): number {
  const wib = new Date(instant.getTime() + WIB_OFFSET_MS);
  return wib.getUTCHours() * 60 + wib.getUTCMinutes();
}

export type ShiftTimes = { startsAt: Date; endsAt: Date; durationMinutes: number; crossesMidnight: boolean };

/**
 * A shift from its day and clock times. An end at or before the start is on the next day (23:00–07:00 runs
 * from 23:00 on `day` to 07:00 the day after); so an end equal to the start is a 24-hour shift.
 */
export function shiftTimes(day: string, startMinute: number, endMinute: number): ShiftTimes {
  const crossesMidnight = endMinute <= startMinute;
  const durationMinutes = (crossesMidnight ? endMinute + MINUTES_PER_DAY : endMinute) - startMinute;
  return {
    startsAt: wibInstant(day, startMinute),
    endsAt: wibInstant(day, startMinute + durationMinutes),
    durationMinutes,
    crossesMidnight,
  };
}

/** '8 jam', '16 jam 30 menit', '45 menit'. */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [hours ? `${hours} jam` : "", rest ? `${rest} menit` : ""].filter(Boolean).join(" ") || "0 menit";
}

/** Why a shift of this length is not allowed, or null. */
export function shiftLengthProblem(durationMinutes: number): string | null {
  if (durationMinutes <= 0) return "Sif harus lebih lama dari 0 menit.";
  if (durationMinutes > MAX_SHIFT_MINUTES) {
    return `Sif ini lamanya ${formatDuration(durationMinutes)}; paling lama ${formatDuration(MAX_SHIFT_MINUTES)}. Sif yang melewati tengah malam ditulis dengan jam selesai lebih kecil dari jam mulai (23:00–07:00).`;
  }
  return null;
}

/** A shift as people read it: '30 Nov 2026 23:00–07:00 (sampai 1 Des 2026)'. */
export function formatShift(startsAt: Date, endsAt: Date): string {
  const startDay = wibDay(startsAt);
  const endDay = wibDay(new Date(endsAt.getTime() - 1)); // a shift ending at 24:00 ends on its own day
  const times = `${formatClock(wibMinuteOf(startsAt))}–${formatClock(wibMinuteOf(endsAt))}`;
  return `${formatDay(startDay)} ${times}${endDay !== startDay ? ` (sampai ${formatDay(endDay)})` : ""}`;
}
