// Pure: one row of an agent-states file (status agen) from the phone and channel systems: one period in which one
// agent was in one state. Start and end are WIB date and time (the date may sit in its own column); a period may
// cross midnight. Overlaps with other periods of the same agent are checked in the database, as shifts are.
import { formatDay, parseDateInput } from "./dates";
import { channelOf, dateOf, named, personOf, type RowContext, type RowResult, rowReader } from "./import-cells";
import type { HeaderMap } from "./import-header";
import type { ChannelCode } from "./organization";
import { formatShift, wibInstant } from "./workforce-time";

export const AGENT_STATES = ["login", "siap", "sibuk", "istirahat", "logout"] as const;
export type AgentStateCode = (typeof AGENT_STATES)[number];

export const STATE_LABELS: Record<AgentStateCode, string> = {
  login: "Login",
  siap: "Siap",
  sibuk: "Sibuk",
  istirahat: "Istirahat",
  logout: "Logout",
};

// The words phone systems use, Indonesian and English, normalised like a header (lower case, "_" for spaces).
const STATE_NAMES: Record<string, AgentStateCode> = {
  login: "login",
  log_in: "login",
  logged_in: "login",
  masuk: "login",
  siap: "siap",
  available: "siap",
  ready: "siap",
  idle: "siap",
  sibuk: "sibuk",
  busy: "sibuk",
  talking: "sibuk",
  on_call: "sibuk",
  acw: "sibuk",
  wrap_up: "sibuk",
  istirahat: "istirahat",
  break: "istirahat",
  aux: "istirahat",
  not_ready: "istirahat",
  logout: "logout",
  log_out: "logout",
  logged_out: "logout",
  keluar: "logout",
};

/** A state period longer than a day is a mistake in the file (two days joined, a wrong date). */
export const MAX_STATE_MINUTES = 24 * 60;

export type StateRow = {
  staffId: number;
  channel: ChannelCode;
  state: AgentStateCode;
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
};

/** 'JJ:MM' or 'JJ:MM:DD' (a dot too), seconds after midnight; null when it is not a time. */
export function parseClockSeconds(text: string): number | null {
  const m = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  return h > 23 || min > 59 || s > 59 ? null : h * 3600 + min * 60 + s;
}

/**
 * A cell holding a date and a time ('05/11/2026 07:58', '2026-11-05T07:58:30') or a time alone: the date (null
 * when alone) and seconds after midnight; otherwise which part is wrong.
 */
export function splitDateTime(
  text: string,
): { day: string | null; seconds: number } | { wrong: "date" | "time" | "shape" } {
  const parts = text.trim().split(/[\sT]+/);
  if (parts.length > 2) return { wrong: "shape" };
  const clock = parts.at(-1) ?? "";
  const seconds = parseClockSeconds(clock);
  if (parts.length === 1) return seconds === null ? { wrong: "shape" } : { day: null, seconds };
  const day = parseDateInput(parts[0] ?? "");
  if (!day) return { wrong: "date" };
  return seconds === null ? { wrong: "time" } : { day, seconds };
}

const TIME_HINT =
  "Tulis tanggal dan jam WIB, misalnya 05/11/2026 07:58 atau 07:58:30 bila tanggal ada di kolom Tanggal.";

/** Validates one data row of an agent-states file. Overlaps with other periods are checked in the database. */
export function validateStateRow(
  cells: readonly string[],
  row: number,
  header: HeaderMap,
  headerRow: readonly string[],
  ctx: RowContext,
): RowResult<StateRow> {
  const reader = rowReader("states", cells, header, headerRow);
  const { out, col, get } = reader;
  const person = personOf(reader, row, ctx);
  const channel = channelOf(get("channel"), row, col("channel"), out);
  const stateText = get("state");
  let state: AgentStateCode | null = null;
  if (!stateText) out.errors.push({ row, column: col("state"), message: `Kolom ${col("state")} wajib diisi.` });
  else {
    state = named(STATE_NAMES, stateText);
    if (!state)
      out.errors.push({
        row,
        column: col("state"),
        message: `Status "${stateText}" tidak dikenal. Isi login, siap, sibuk, istirahat atau logout (atau available, busy, break, logged out).`,
      });
  }

  const dayText = get("day");
  const day = dayText ? dateOf(dayText, row, col("day"), "Tanggal", ctx, out) : null;
  const moment = (key: "start" | "end", label: string) => {
    const text = get(key);
    if (!text) {
      out.errors.push({ row, column: col(key), message: `Kolom ${col(key)} wajib diisi.` });
      return null;
    }
    const found = splitDateTime(text);
    if ("wrong" in found) {
      const what = {
        date: "tanggalnya tidak ada di kalender",
        time: "jamnya bukan jam yang valid",
        shape: "tidak terbaca",
      };
      out.errors.push({ row, column: col(key), message: `${label} "${text}": ${what[found.wrong]}. ${TIME_HINT}` });
      return null;
    }
    return found;
  };
  const start = moment("start", "Mulai");
  const end = moment("end", "Selesai");
  if (start && !start.day && !day && !dayText)
    out.errors.push({
      row,
      column: col("start"),
      message: `Tanggal tidak ada untuk jam ${get("start")}. ${TIME_HINT}`,
    });

  // The evidence of an approved period stays as it was approved: a period starting in it is refused.
  const lockedAt = (d: string, column: string) => {
    const locked = ctx.lockedDay(d);
    if (locked) out.errors.push({ row, column, message: locked });
  };
  if (day) lockedAt(day, col("day"));
  // A date written with the start is checked as the Tanggal column is: not before 1900, not in the future.
  let startDay = day;
  if (start?.day) {
    startDay = dateOf(start.day, row, col("start"), "Tanggal mulai", ctx, out);
    if (startDay && day && startDay !== day)
      out.errors.push({
        row,
        column: col("day"),
        message: `Tanggal ${formatDay(day)} berbeda dengan tanggal di kolom ${col("start")} (${formatDay(startDay)}). Samakan, atau kosongkan kolom ${col("day")}.`,
      });
    else if (startDay && !day) lockedAt(startDay, col("start"));
  }
  let startsAt: Date | null = null;
  let endsAt: Date | null = null;
  if (start && end && startDay) {
    startsAt = wibInstant(startDay, 0);
    startsAt = new Date(startsAt.getTime() + start.seconds * 1000);
    if (end.day) endsAt = new Date(wibInstant(end.day, 0).getTime() + end.seconds * 1000);
    else {
      // A time without a date: the start's day, or the next when it is not after the start (23:40–00:15).
      const sameDay = new Date(wibInstant(startDay, 0).getTime() + end.seconds * 1000);
      endsAt = end.seconds > start.seconds ? sameDay : new Date(sameDay.getTime() + 86_400_000);
    }
    const minutes = (endsAt.getTime() - startsAt.getTime()) / 60_000;
    if (minutes <= 0)
      out.errors.push({ row, column: col("end"), message: "Selesai harus setelah mulai. Periksa tanggal dan jamnya." });
    else if (minutes > MAX_STATE_MINUTES)
      out.errors.push({
        row,
        column: col("end"),
        message: "Satu status lebih dari 24 jam: periksa tanggal selesainya, atau pecah menjadi beberapa baris.",
      });
  }

  if (out.errors.length > 0 || !person || !channel || !state || !startsAt || !endsAt)
    return { value: null, key: null, ...out };
  return {
    value: { staffId: person.id, channel, state, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
    key: `${person.id}|${startsAt.toISOString()}`,
    ...out,
  };
}

/** A state period as the pages and messages write it: formatShift, with seconds when the period has them. */
export function formatStatePeriod(startsAt: Date, endsAt: Date): string {
  const seconds = (d: Date) => d.getUTCSeconds();
  const text = formatShift(startsAt, endsAt);
  if (seconds(startsAt) === 0 && seconds(endsAt) === 0) return text;
  const pad = (n: number) => String(n).padStart(2, "0");
  // formatShift writes "HH:MM–HH:MM": add each end's seconds.
  return text.replace(/(\d{2}:\d{2})–(\d{2}:\d{2})/, `$1:${pad(seconds(startsAt))}–$2:${pad(seconds(endsAt))}`);
}
