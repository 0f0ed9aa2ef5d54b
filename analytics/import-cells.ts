// Pure: reading the cells of one imported row — a person by NIP, a day, a number, a channel, a clock time — each
// reader reporting what is wrong at the row and column, in words a user can act on. The validators of the four
// kinds of file (import-training.ts, import-calls.ts, import-intervals.ts, import-roster.ts) are made of these.
import { formatDay, parseDateInput } from "./dates";
import { columnName, type HeaderMap, normalizeHeader } from "./import-header";
import type { ImportKind } from "./import-rules";
import { parseNip } from "./nip";
import { formatDecimal, parseDecimal } from "./numbers";
import type { ChannelCode, TeamCode } from "./organization";
import { parseClock } from "./workforce-time";

export type Issue = { row: number; column: string; message: string };
export type Issues = { errors: Issue[]; warnings: Issue[] };

/** `active` false: the person left; a shift cannot be planned for them (absent means active). */
export type StaffRef = { id: number; fullName: string; active?: boolean };
export type CourseRef = { id: number; code: string; name: string };

export type RowContext = {
  staffByNip: ReadonlyMap<string, StaffRef>;
  courseByCode: ReadonlyMap<string, CourseRef>;
  /** The WIB calendar day today; dates after it are refused. */
  today: string;
  /** A reason when a day lies in a period that is locked, otherwise null. */
  lockedDay: (day: string) => string | null;
  /** The length of an interval of the interval statistics (setting `workforce.intervalMinutes`). */
  intervalMinutes: number;
  /** The id of each of the three Tim Kerja (staff files name a team by code or name). */
  teamIdByCode: ReadonlyMap<TeamCode, number>;
};

export type RowResult<T> = { value: T | null; key: string | null; errors: Issue[]; warnings: Issue[] };

// The names of a file's columns for messages, worked out once per header rather than several times a row.
const namesByHeader = new WeakMap<
  HeaderMap,
  { kind: ImportKind; headerRow: readonly string[]; names: Map<string, string> }
>();

function columnNames(kind: ImportKind, header: HeaderMap, headerRow: readonly string[]): Map<string, string> {
  const known = namesByHeader.get(header);
  if (known && known.kind === kind && known.headerRow === headerRow) return known.names;
  const names = new Map<string, string>();
  namesByHeader.set(header, { kind, headerRow, names });
  return names;
}

/**
 * What every validator starts from: the row's issues so far, a column's name as the file writes it (for
 * messages), and a cell's text, trimmed ("" when the file has no such column).
 */
export function rowReader(
  kind: ImportKind,
  cells: readonly string[],
  header: HeaderMap,
  headerRow: readonly string[],
): { out: Issues; col: (key: string) => string; get: (key: string) => string } {
  const names = columnNames(kind, header, headerRow);
  return {
    out: { errors: [], warnings: [] },
    col: (key) => {
      let name = names.get(key);
      if (name === undefined) {
        name = columnName(kind, key, header, headerRow);
        names.set(key, name);
      }
      return name;
    },
    get: (key) => {
      const index = header.columns.get(key);
      return index === undefined ? "" : (cells[index] ?? "").trim();
    },
  };
}

/** A name looked up in one of the tables of names; never one of Object.prototype's ("constructor", "__proto__"). */
export function named<T>(table: Record<string, T>, text: string): T | null {
  const key = normalizeHeader(text);
  return Object.hasOwn(table, key) ? (table[key] ?? null) : null;
}

// Most files spell a name exactly as stored: that needs no normalising.
export const sameName = (a: string, b: string) =>
  a === b || a.trim().toLowerCase().replace(/\s+/g, " ") === b.trim().toLowerCase().replace(/\s+/g, " ");

export function required(text: string, row: number, column: string, out: { errors: Issue[] }): boolean {
  if (text) return true;
  out.errors.push({ row, column, message: `Kolom ${column} wajib diisi.` });
  return false;
}

function staffOf(
  nipText: string,
  row: number,
  column: string,
  name: string,
  nameColumn: string,
  ctx: RowContext,
  out: Issues,
): StaffRef | null {
  const nip = parseNip(nipText);
  if (!nip.ok) {
    out.errors.push({ row, column, message: nip.error });
    return null;
  }
  const person = ctx.staffByNip.get(nip.value.nip);
  if (!person) {
    out.errors.push({
      row,
      column,
      message: `NIP ${nip.value.nip} tidak ada di data staf. Tambahkan stafnya dulu atau periksa NIP.`,
    });
    return null;
  }
  if (name && !sameName(name, person.fullName)) {
    out.warnings.push({
      row,
      column: nameColumn,
      message: `Nama "${name}" berbeda dengan data staf untuk NIP ini ("${person.fullName}").`,
    });
  }
  return person;
}

/** The person of the required "nip" column; a "name" that differs from the staff record is a warning. */
export function personOf(reader: ReturnType<typeof rowReader>, row: number, ctx: RowContext): StaffRef | null {
  const { get, col, out } = reader;
  const nipText = get("nip");
  return required(nipText, row, col("nip"), out)
    ? staffOf(nipText, row, col("nip"), get("name"), col("name"), ctx, out)
    : null;
}

/**
 * The earliest day a file may hold: an earlier one is a typing mistake (0026 for 2026), and PostgreSQL has no
 * year 0, so "01/01/0000" would otherwise fail the whole preview instead of being reported at its row.
 */
export const EARLIEST_DAY = "1900-01-01";

/** The last day a date column may hold, and what to say about a later one. */
export type LatestDay = { day: string; tooLate: (day: string) => string };

/**
 * A date cell as typed (parseDateInput: DD/MM/YYYY or YYYY-MM-DD), between EARLIEST_DAY and `latest` (by default
 * today: a later day "ada di masa depan"). Null when empty or refused.
 */
export function dateOf(
  text: string,
  row: number,
  column: string,
  label: string,
  ctx: RowContext,
  out: { errors: Issue[] },
  latest?: LatestDay,
): string | null {
  if (!text) return null;
  const day = parseDateInput(text);
  if (!day) {
    out.errors.push({
      row,
      column,
      message: `${label} "${text}" bukan tanggal yang valid. Gunakan HH/BB/TTTT (05/01/2026) atau TTTT-BB-HH.`,
    });
    return null;
  }
  if (day < EARLIEST_DAY) {
    out.errors.push({ row, column, message: `${label} "${text}" terlalu jauh di masa lalu. Periksa tahunnya.` });
    return null;
  }
  if (day > (latest?.day ?? ctx.today)) {
    const message = latest ? latest.tooLate(day) : `${label} ${formatDay(day)} ada di masa depan.`;
    out.errors.push({ row, column, message });
    return null;
  }
  return day;
}

/**
 * The required "day" column of the statistics and the roster: a date (see dateOf) outside the approved (locked)
 * periods. A locked day is returned with its error, so the rest of the row is still checked.
 */
export function openDayOf(
  reader: ReturnType<typeof rowReader>,
  row: number,
  ctx: RowContext,
  latest?: LatestDay,
): string | null {
  const { get, col, out } = reader;
  const text = get("day");
  const day = required(text, row, col("day"), out) ? dateOf(text, row, col("day"), "Tanggal", ctx, out, latest) : null;
  if (day) {
    const locked = ctx.lockedDay(day);
    if (locked) out.errors.push({ row, column: col("day"), message: locked });
  }
  return day;
}

/** A number cell (analytics/numbers.ts: decimal comma or point) within the rule's range; null when empty or refused. */
export function numberOf(
  text: string,
  row: number,
  column: string,
  rule: { min: number; max: number; integer?: boolean; label: string },
  out: { errors: Issue[] },
): number | null {
  if (!text) return null;
  const n = parseDecimal(text);
  if (n === null || (rule.integer && !Number.isInteger(n)) || n < rule.min || n > rule.max) {
    out.errors.push({
      row,
      column,
      message: `${rule.label} "${text}" harus ${rule.integer ? "bilangan bulat" : "angka"} ${formatDecimal(rule.min)}–${formatDecimal(rule.max)}.`,
    });
    return null;
  }
  return n;
}

const CHANNEL_NAMES: Record<string, ChannelCode> = {
  telepon: "telepon",
  telephone: "telepon",
  phone: "telepon",
  sms: "sms",
  email: "email",
  e_mail: "email",
  surel: "email",
  webchat: "webchat",
  web_chat: "webchat",
  chat: "webchat",
  media_sosial: "media_sosial",
  social_media: "media_sosial",
  medsos: "media_sosial",
};

export function channelOf(text: string, row: number, column: string, out: { errors: Issue[] }): ChannelCode | null {
  if (!required(text, row, column, out)) return null;
  const channel = named(CHANNEL_NAMES, text);
  if (!channel) {
    out.errors.push({
      row,
      column,
      message: `Kanal "${text}" tidak dikenal. Isi telepon, sms, email, webchat atau media_sosial.`,
    });
  }
  return channel;
}

export function clockOf(
  text: string,
  row: number,
  column: string,
  label: string,
  out: { errors: Issue[] },
  options: { allowEndOfDay?: boolean } = {},
): number | null {
  if (!required(text, row, column, out)) return null;
  const minutes = parseClock(text, options);
  if (minutes === null) {
    out.errors.push({
      row,
      column,
      message: `${label} "${text}" bukan jam yang valid. Tulis JJ:MM dalam WIB, misalnya 07:30.`,
    });
  }
  return minutes;
}
