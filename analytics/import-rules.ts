// Pure: the rules of the CSV imports (DESIGN.md §6) — which columns a file may have, how a header maps to
// them, and what a valid row is. No parsing of bytes and no database here: the engine feeds rows in and
// passes the lookups (staff by NIP, courses by code, locked days) as plain maps and functions.
import { formatDay, parseDateInput } from "./dates";
import { COLUMNS } from "./import-columns";
import { parseNip } from "./nip";
import type { ChannelCode } from "./organization";
import {
  addDays,
  formatClock,
  MAX_AHT_SECONDS,
  offGrid,
  parseClock,
  shiftLengthProblem,
  shiftTimes,
} from "./workforce-time";

export const IMPORT_KINDS = ["training", "calls", "intervals", "roster"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: unknown): value is ImportKind {
  return (IMPORT_KINDS as readonly unknown[]).includes(value);
}

/** How each kind of file is named on the pages. */
export const KIND_LABELS: Record<ImportKind, string> = {
  training: "Catatan pelatihan",
  calls: "Statistik panggilan",
  intervals: "Statistik interval",
  roster: "Jadwal dinas",
};
export type Issue = { row: number; column: string; message: string };

export { COLUMNS } from "./import-columns";

/** Header cells compare without case, surrounding spaces, or the difference between space, - and _. */
export function normalizeHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

export type HeaderMap = { columns: Map<string, number>; ignored: string[] };

/** Maps a header row to column keys; a duplicate or a missing required column is an error for the whole file. */
export function mapHeader(
  kind: ImportKind,
  header: readonly string[],
): { ok: true; value: HeaderMap } | { ok: false; errors: string[] } {
  const specs = COLUMNS[kind];
  const columns = new Map<string, number>();
  const seen = new Map<string, number>();
  const errors: string[] = [];
  const ignored: string[] = [];
  header.forEach((raw, index) => {
    const name = normalizeHeader(raw);
    if (name === "") return;
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      errors.push(
        `Kolom "${raw.trim()}" muncul dua kali (kolom ${earlier + 1} dan ${index + 1}). Hapus salah satunya.`,
      );
      return;
    }
    seen.set(name, index);
    const spec = specs.find((s) => s.names.includes(name));
    if (!spec) {
      ignored.push(raw.trim());
      return;
    }
    const other = columns.get(spec.key);
    if (other !== undefined) {
      errors.push(
        `Kolom "${header[other]?.trim()}" dan "${raw.trim()}" berarti sama (${spec.names.join(" / ")}). Pakai salah satu saja.`,
      );
      return;
    }
    columns.set(spec.key, index);
  });
  for (const spec of specs.filter((s) => s.required)) {
    if (!columns.has(spec.key)) errors.push(`Kolom wajib tidak ada: ${spec.names.join(" atau ")}.`);
  }
  if (kind === "calls") {
    const hours = columns.has("loginHours");
    const seconds = columns.has("loginSeconds");
    if (!hours && !seconds) errors.push("Kolom wajib tidak ada: jam_login atau detik_login (salah satu).");
    if (hours && seconds) errors.push("Isi waktu login dengan salah satu kolom saja: jam_login atau detik_login.");
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { columns, ignored } };
}

/** A number as typed here: decimal comma or point; "1.234,5" with a thousands point. Null when not a number. */
export function parseDecimal(text: string): number | null {
  let t = text.trim().replace(/\s/g, "");
  if (t === "") return null;
  if (t.includes(",") && t.includes(".")) t = t.replace(/\./g, "").replace(",", ".");
  else t = t.replace(",", ".");
  // One optional group after the digits, not `\d+\.?\d*`: that backtracks quadratically on a long run of digits
  // with junk after it (a cell of 60,000 digits took seconds, one of a megabyte a quarter of an hour, holding the server).
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  return Number(t);
}

/** A name looked up in one of the tables below; never one of Object.prototype's ("constructor", "__proto__"). */
function named<T>(table: Record<string, T>, text: string): T | null {
  const key = normalizeHeader(text);
  return Object.hasOwn(table, key) ? (table[key] ?? null) : null;
}

const STATUSES: Record<string, "lulus" | "tidak_lulus" | "selesai"> = {
  lulus: "lulus",
  passed: "lulus",
  pass: "lulus",
  tidak_lulus: "tidak_lulus",
  failed: "tidak_lulus",
  fail: "tidak_lulus",
  selesai: "selesai",
  completed: "selesai",
};

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
};

export type TrainingRow = {
  staffId: number;
  courseId: number;
  startDate: string | null;
  endDate: string;
  hours: number | null;
  status: "lulus" | "tidak_lulus" | "selesai";
  score: number | null;
  provider: string | null;
  certificateNumber: string | null;
};

export type CallRow = {
  staffId: number;
  day: string;
  channel: ChannelCode;
  callsHandled: number;
  loggedInSeconds: number;
  talkSeconds: number | null;
};

export type IntervalRow = {
  day: string;
  /** Minutes after WIB midnight at which the interval starts. */
  startMinute: number;
  intervalMinutes: number;
  channel: ChannelCode;
  offered: number;
  answered: number;
  abandoned: number;
  /** Average handling time of the answered contacts; null when none was answered. */
  ahtSeconds: number | null;
  /** Null when the file does not say. */
  answeredWithinTarget: number | null;
};

export type RosterRow = {
  staffId: number;
  day: string;
  startMinute: number;
  /** Minutes after the start day's midnight: more than 1440 when the shift ends the next day. */
  endMinute: number;
  /** ISO instants of the shift's start and end. */
  startsAt: string;
  endsAt: string;
  channel: ChannelCode;
};

export type ImportRow = TrainingRow | CallRow | IntervalRow | RosterRow;

export type RowResult<T> = { value: T | null; key: string | null; errors: Issue[]; warnings: Issue[] };

const sameName = (a: string, b: string) =>
  a.trim().toLowerCase().replace(/\s+/g, " ") === b.trim().toLowerCase().replace(/\s+/g, " ");

function cellOf(cells: readonly string[], header: HeaderMap, key: string): string {
  const index = header.columns.get(key);
  return index === undefined ? "" : (cells[index] ?? "").trim();
}

/** The column name as the file wrote it, for messages. */
/**
 * A row with more filled cells than the header has columns: its values would land in the wrong columns
 * (a stray separator, a decimal comma in a comma-separated file). Empty trailing cells are harmless.
 */
export function extraCellsProblem(cells: readonly string[], headerRow: readonly string[]): string | null {
  const extra = cells.slice(headerRow.length).filter((c) => c.trim() !== "");
  if (extra.length === 0) return null;
  return `Baris ini berisi ${cells.length} sel, lebih banyak dari ${headerRow.length} kolom di baris judul (kelebihan: "${extra[0]}"). Periksa pemisah kolom atau koma desimal di dalam sel tanpa tanda kutip.`;
}

/** The column as the file names it (its own header text), or the canonical name when the file lacks it. */
export function columnName(kind: ImportKind, key: string, header: HeaderMap, headerRow: readonly string[]): string {
  const index = header.columns.get(key);
  const spec = COLUMNS[kind].find((s) => s.key === key);
  return index !== undefined ? (headerRow[index]?.trim() ?? key) : (spec?.names[0] ?? key);
}

function staffOf(
  nipText: string,
  row: number,
  column: string,
  name: string,
  nameColumn: string,
  ctx: RowContext,
  out: { errors: Issue[]; warnings: Issue[] },
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

/**
 * The earliest day a file may hold: an earlier one is a typing mistake (0026 for 2026), and PostgreSQL has no
 * year 0, so "01/01/0000" would otherwise fail the whole preview instead of being reported at its row.
 */
export const EARLIEST_DAY = "1900-01-01";

const tooEarly = (label: string, text: string) => `${label} "${text}" terlalu jauh di masa lalu. Periksa tahunnya.`;

function dateOf(
  text: string,
  row: number,
  column: string,
  label: string,
  ctx: RowContext,
  out: { errors: Issue[] },
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
    out.errors.push({ row, column, message: tooEarly(label, text) });
    return null;
  }
  if (day > ctx.today) {
    out.errors.push({ row, column, message: `${label} ${formatDay(day)} ada di masa depan.` });
    return null;
  }
  return day;
}

const decimalText = (n: number) => String(n).replace(".", ",");

function numberOf(
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
      message: `${rule.label} "${text}" harus ${rule.integer ? "bilangan bulat" : "angka"} ${decimalText(rule.min)}–${decimalText(rule.max)}.`,
    });
    return null;
  }
  return n;
}

function required(text: string, row: number, column: string, out: { errors: Issue[] }): boolean {
  if (text) return true;
  out.errors.push({ row, column, message: `Kolom ${column} wajib diisi.` });
  return false;
}

function channelOf(text: string, row: number, column: string, out: { errors: Issue[] }): ChannelCode | null {
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

function clockOf(
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

/** Validates one data row of a training file. `row` is the row number as a spreadsheet shows it. */
export function validateTrainingRow(
  cells: readonly string[],
  row: number,
  header: HeaderMap,
  headerRow: readonly string[],
  ctx: RowContext,
): RowResult<TrainingRow> {
  const out = { errors: [] as Issue[], warnings: [] as Issue[] };
  const col = (key: string) => columnName("training", key, header, headerRow);
  const get = (key: string) => cellOf(cells, header, key);

  const nipText = get("nip");
  const person = required(nipText, row, col("nip"), out)
    ? staffOf(nipText, row, col("nip"), get("name"), col("name"), ctx, out)
    : null;

  const code = get("courseCode").toUpperCase();
  let course: CourseRef | null = null;
  if (required(code, row, col("courseCode"), out)) {
    course = ctx.courseByCode.get(code) ?? null;
    if (!course) {
      out.errors.push({
        row,
        column: col("courseCode"),
        message: `Kode pelatihan ${code} tidak ada di katalog. Tambahkan dulu di katalog pelatihan.`,
      });
    } else if (get("courseName") && !sameName(get("courseName"), course.name)) {
      out.warnings.push({
        row,
        column: col("courseName"),
        message: `Nama pelatihan "${get("courseName")}" berbeda dengan katalog ("${course.name}").`,
      });
    }
  }

  const endText = get("endDate");
  const endDate = required(endText, row, col("endDate"), out)
    ? dateOf(endText, row, col("endDate"), "Tanggal selesai", ctx, out)
    : null;
  const startDate = dateOf(get("startDate"), row, col("startDate"), "Tanggal mulai", ctx, out);
  if (startDate && endDate && endDate < startDate) {
    out.errors.push({
      row,
      column: col("endDate"),
      message: `Tanggal selesai ${formatDay(endDate)} sebelum tanggal mulai ${formatDay(startDate)}.`,
    });
  }

  const statusText = get("status");
  let status: TrainingRow["status"] | null = null;
  if (required(statusText, row, col("status"), out)) {
    status = named(STATUSES, statusText);
    if (!status) {
      out.errors.push({
        row,
        column: col("status"),
        message: `Status "${statusText}" tidak dikenal. Isi lulus, tidak lulus, atau selesai (passed, failed, completed).`,
      });
    }
  }
  const hours = numberOf(get("hours"), row, col("hours"), { min: 0.5, max: 1000, label: "Jam pelajaran" }, out);
  const score = numberOf(get("score"), row, col("score"), { min: 0, max: 100, label: "Nilai" }, out);
  const provider = get("provider").slice(0, 200) || null;
  const certificateNumber = get("certificateNumber").slice(0, 100) || null;

  if (out.errors.length > 0 || !person || !course || !endDate || !status) return { value: null, key: null, ...out };
  return {
    value: {
      staffId: person.id,
      courseId: course.id,
      startDate,
      endDate,
      hours,
      status,
      score,
      provider,
      certificateNumber,
    },
    key: `${person.id}|${course.id}|${endDate}`,
    ...out,
  };
}

/** Validates one data row of a call-statistics file. */
export function validateCallRow(
  cells: readonly string[],
  row: number,
  header: HeaderMap,
  headerRow: readonly string[],
  ctx: RowContext,
): RowResult<CallRow> {
  const out = { errors: [] as Issue[], warnings: [] as Issue[] };
  const col = (key: string) => columnName("calls", key, header, headerRow);
  const get = (key: string) => cellOf(cells, header, key);

  const nipText = get("nip");
  const person = required(nipText, row, col("nip"), out)
    ? staffOf(nipText, row, col("nip"), get("name"), col("name"), ctx, out)
    : null;
  const dayText = get("day");
  const day = required(dayText, row, col("day"), out) ? dateOf(dayText, row, col("day"), "Tanggal", ctx, out) : null;
  if (day) {
    const locked = ctx.lockedDay(day);
    if (locked) out.errors.push({ row, column: col("day"), message: locked });
  }
  const channel = channelOf(get("channel"), row, col("channel"), out);
  const callsText = get("calls");
  const calls = required(callsText, row, col("calls"), out)
    ? numberOf(callsText, row, col("calls"), { min: 0, max: 5000, integer: true, label: "Panggilan ditangani" }, out)
    : null;
  let seconds: number | null = null;
  if (header.columns.has("loginHours")) {
    const text = get("loginHours");
    const hours = required(text, row, col("loginHours"), out)
      ? numberOf(text, row, col("loginHours"), { min: 0, max: 24, label: "Jam login" }, out)
      : null;
    seconds = hours === null ? null : Math.round(hours * 3600);
  } else {
    const text = get("loginSeconds");
    seconds = required(text, row, col("loginSeconds"), out)
      ? numberOf(text, row, col("loginSeconds"), { min: 0, max: 86_400, integer: true, label: "Detik login" }, out)
      : null;
  }
  const talk = numberOf(
    get("talkSeconds"),
    row,
    col("talkSeconds"),
    { min: 0, max: 86_400, integer: true, label: "Detik bicara" },
    out,
  );
  if (calls !== null && calls > 0 && seconds === 0) {
    out.errors.push({
      row,
      column: col(header.columns.has("loginHours") ? "loginHours" : "loginSeconds"),
      message: "Ada panggilan ditangani tetapi waktu login 0.",
    });
  }
  if (talk !== null && seconds !== null && talk > seconds) {
    out.errors.push({
      row,
      column: col("talkSeconds"),
      message: `Detik bicara (${talk}) melebihi waktu login (${seconds} detik).`,
    });
  }

  if (out.errors.length > 0 || !person || !day || !channel || calls === null || seconds === null)
    return { value: null, key: null, ...out };
  return {
    value: { staffId: person.id, day, channel, callsHandled: calls, loggedInSeconds: seconds, talkSeconds: talk },
    key: `${person.id}|${day}|${channel}`,
    ...out,
  };
}

/** Most contacts one channel can plausibly get in one interval; a larger number is a day's total pasted in. */
export const MAX_CONTACTS_PER_INTERVAL = 50_000;

/** Validates one data row of an interval-statistics file. */
export function validateIntervalRow(
  cells: readonly string[],
  row: number,
  header: HeaderMap,
  headerRow: readonly string[],
  ctx: RowContext,
): RowResult<IntervalRow> {
  const out = { errors: [] as Issue[], warnings: [] as Issue[] };
  const col = (key: string) => columnName("intervals", key, header, headerRow);
  const get = (key: string) => cellOf(cells, header, key);

  const dayText = get("day");
  const day = required(dayText, row, col("day"), out) ? dateOf(dayText, row, col("day"), "Tanggal", ctx, out) : null;
  if (day) {
    const locked = ctx.lockedDay(day);
    if (locked) out.errors.push({ row, column: col("day"), message: locked });
  }
  const startMinute = clockOf(get("intervalStart"), row, col("intervalStart"), "Jam", out);
  if (startMinute !== null) {
    const grid = offGrid(startMinute, ctx.intervalMinutes);
    if (grid) {
      out.errors.push({
        row,
        column: col("intervalStart"),
        message: `Jam ${formatClock(startMinute)} bukan awal interval ${ctx.intervalMinutes} menit. Isi jam awal intervalnya (misalnya ${formatClock(grid.before)} atau ${formatClock(grid.after)}); panjang interval diatur di Pengaturan.`,
      });
    }
  }
  const channel = channelOf(get("channel"), row, col("channel"), out);
  const count = (key: string, label: string, needed: boolean) => {
    const text = get(key);
    if (!text) {
      if (needed) required(text, row, col(key), out);
      return null;
    }
    return numberOf(text, row, col(key), { min: 0, max: MAX_CONTACTS_PER_INTERVAL, integer: true, label }, out);
  };
  const offered = count("offered", "Panggilan masuk", true);
  const answered = count("answered", "Panggilan dijawab", true);
  const abandoned = count("abandoned", "Panggilan abandon", true);
  const withinTarget = count("answeredWithinTarget", "Dijawab dalam target", false);
  const ahtText = get("ahtSeconds");
  const aht = numberOf(ahtText, row, col("ahtSeconds"), { min: 0, max: MAX_AHT_SECONDS, label: "AHT (detik)" }, out);

  if (offered !== null && answered !== null && abandoned !== null && answered + abandoned > offered) {
    out.errors.push({
      row,
      column: col("answered"),
      message: `Panggilan dijawab (${answered}) ditambah abandon (${abandoned}) = ${answered + abandoned}, melebihi panggilan masuk (${offered}).`,
    });
  }
  if (withinTarget !== null && answered !== null && withinTarget > answered) {
    out.errors.push({
      row,
      column: col("answeredWithinTarget"),
      message: `Dijawab dalam target (${withinTarget}) melebihi panggilan dijawab (${answered}).`,
    });
  }
  if (answered !== null && answered > 0 && !ahtText) {
    out.errors.push({
      row,
      column: col("ahtSeconds"),
      message: `AHT wajib diisi karena ada ${answered} panggilan dijawab.`,
    });
  }
  if (answered === 0 && aht !== null && aht > 0) {
    out.warnings.push({
      row,
      column: col("ahtSeconds"),
      message: "AHT diisi padahal tidak ada panggilan dijawab; AHT ini tidak dipakai.",
    });
  }

  if (
    out.errors.length > 0 ||
    !day ||
    startMinute === null ||
    !channel ||
    offered === null ||
    answered === null ||
    abandoned === null
  )
    return { value: null, key: null, ...out };
  return {
    value: {
      day,
      startMinute,
      intervalMinutes: ctx.intervalMinutes,
      channel,
      offered,
      answered,
      abandoned,
      // One decimal, as stored, so that importing the same file again compares equal.
      ahtSeconds: answered === 0 || aht === null ? null : Math.round(aht * 10) / 10,
      answeredWithinTarget: withinTarget,
    },
    key: `${day}|${channel}|${startMinute}`,
    ...out,
  };
}

/** How far ahead a roster is planned; a later date is a typing mistake (2062 for 2026). */
export const ROSTER_HORIZON_DAYS = 366;

/** Validates one data row of a roster (jadwal dinas) file. Overlaps with other shifts are checked in the database. */
export function validateRosterRow(
  cells: readonly string[],
  row: number,
  header: HeaderMap,
  headerRow: readonly string[],
  ctx: RowContext,
): RowResult<RosterRow> {
  const out = { errors: [] as Issue[], warnings: [] as Issue[] };
  const col = (key: string) => columnName("roster", key, header, headerRow);
  const get = (key: string) => cellOf(cells, header, key);

  const nipText = get("nip");
  const person = required(nipText, row, col("nip"), out)
    ? staffOf(nipText, row, col("nip"), get("name"), col("name"), ctx, out)
    : null;
  if (person && person.active === false) {
    out.errors.push({
      row,
      column: col("nip"),
      message: `${person.fullName} sudah tidak aktif; jadwal dinas hanya untuk staf aktif.`,
    });
  }
  const dayText = get("day");
  let day: string | null = null;
  if (required(dayText, row, col("day"), out)) {
    day = parseDateInput(dayText);
    if (!day) {
      out.errors.push({
        row,
        column: col("day"),
        message: `Tanggal "${dayText}" bukan tanggal yang valid. Gunakan HH/BB/TTTT (05/01/2026) atau TTTT-BB-HH.`,
      });
    } else if (day > addDays(ctx.today, ROSTER_HORIZON_DAYS)) {
      out.errors.push({
        row,
        column: col("day"),
        message: `Tanggal ${formatDay(day)} lebih dari setahun ke depan. Periksa tahunnya.`,
      });
      day = null;
    } else if (day < EARLIEST_DAY) {
      out.errors.push({ row, column: col("day"), message: tooEarly("Tanggal", dayText) });
      day = null;
    } else {
      const locked = ctx.lockedDay(day);
      if (locked) out.errors.push({ row, column: col("day"), message: locked });
    }
  }
  const startMinute = clockOf(get("start"), row, col("start"), "Jam mulai", out);
  const endMinute = clockOf(get("end"), row, col("end"), "Jam selesai", out, { allowEndOfDay: true });
  const channel = channelOf(get("channel"), row, col("channel"), out);
  const times = day && startMinute !== null && endMinute !== null ? shiftTimes(day, startMinute, endMinute) : null;
  if (times) {
    const problem = shiftLengthProblem(times.durationMinutes);
    if (problem) out.errors.push({ row, column: col("end"), message: problem });
  }

  if (out.errors.length > 0 || !person || !day || startMinute === null || !times || !channel)
    return { value: null, key: null, ...out };
  return {
    value: {
      staffId: person.id,
      day,
      startMinute,
      endMinute: startMinute + times.durationMinutes,
      startsAt: times.startsAt.toISOString(),
      endsAt: times.endsAt.toISOString(),
      channel,
    },
    key: `${person.id}|${times.startsAt.toISOString()}`,
    ...out,
  };
}

type Validator = (
  cells: readonly string[],
  row: number,
  header: HeaderMap,
  headerRow: readonly string[],
  ctx: RowContext,
) => RowResult<ImportRow>;

/** The row validation of each kind of file. */
export const VALIDATORS: Record<ImportKind, Validator> = {
  training: validateTrainingRow,
  calls: validateCallRow,
  intervals: validateIntervalRow,
  roster: validateRosterRow,
};

/** Which delimiter a header line uses: the most frequent of comma, semicolon and tab outside quotes. */
export function detectDelimiter(headerLine: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "," || ch === ";" || ch === "\t")) counts[ch] += 1;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","] && counts["\t"] > counts[";"]) return "\t";
  return ",";
}
