// Properties of the import rules, for any cells a file may hold (formulas, names of Object.prototype, huge
// numbers, dates in year 0, any Unicode): validating a row never throws; every issue carries the row it was
// given and a column the header names; a row is valid exactly when it has no error; and a valid row only holds
// what the tables' check constraints accept, so a preview that says "valid" never makes the commit fail.
// Then: the parsers stay linear on huge cells, and an 18-digit NIP is read or refused in every notation.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, parseDateInput } from "./dates";
import {
  type CallRow,
  COLUMNS,
  detectDelimiter,
  EARLIEST_DAY,
  type HeaderMap,
  IMPORT_KINDS,
  type ImportKind,
  type IntervalRow,
  mapHeader,
  type RosterRow,
  type RowContext,
  type StaffRow,
  type TrainingRow,
  VALIDATORS,
} from "./import-rules";
import { AGENT_STATES, MAX_STATE_MINUTES, type StateRow } from "./import-states";
import { formatNip, parseNip } from "./nip";
import { parseDecimal } from "./numbers";
import { GOLONGAN_CODES, POSITION_CODES } from "./organization";
import { MAX_AHT_SECONDS, MAX_SHIFT_MINUTES, parseClock } from "./workforce-time";

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_129);
const RUNS = Math.max(1, Math.round(400 * Number(process.env.FUZZ_RUNS ?? 1)));

const TODAY = "2026-11-29";
const PEOPLE = [
  { nip: "199009092011032661", id: 7, fullName: "Maya Syahputra" },
  { nip: "198801012010012001", id: 8, fullName: "Sari Dewi", active: false },
  { nip: "197105121993031002", id: 9, fullName: "Hendra Wijayanto" },
];
const context = (intervalMinutes: number): RowContext => ({
  staffByNip: new Map(PEOPLE.map((p) => [p.nip, p])),
  courseByCode: new Map([
    ["TLI-01", { id: 3, code: "TLI-01", name: "Diklat Teknis Layanan Informasi" }],
    ["SSK-01", { id: 4, code: "SSK-01", name: "Pelatihan Soft Skills" }],
  ]),
  today: TODAY,
  lockedDay: (day) => (day >= "2026-09-26" && day < "2026-10-26" ? "Periode ini dikunci." : null),
  intervalMinutes,
  teamIdByCode: new Map([
    ["layanan_informasi", 1],
    ["manajemen_layanan", 2],
    ["penjamin_kualitas", 3],
  ]),
});

const FORMULAS = ["=cmd|' /C calc'!A0", "+SUM(A1:A9)", "-1+1", "@foo", "\t=1+1", "\r=1+1", "=", "-", "+62 21 1500225"];
const PROTOTYPE_NAMES = ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf"];
const CHANNELS = ["telepon", "SMS", "E-mail", "Web Chat", "media sosial", "medsos", "phone"];
const STATUSES = ["lulus", "Tidak Lulus", "passed", "failed", "selesai", "completed"];
const CODES = ["telepon", "sms", "email", "webchat", "media_sosial"];

const hostile = fc.oneof(
  fc.constantFrom(...FORMULAS, ...PROTOTYPE_NAMES, "", " ", "NaN", "Infinity", "1e3", "0x10", `${"9".repeat(5000)}x`),
  fc.string({ unit: "binary", maxLength: 20 }),
);
const pad2 = (n: number) => String(n).padStart(2, "0");
/** A day from long before 1900 to after today, in any notation the importer reads, or year 0. */
const dayCell = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1850, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .chain(([y, m, d]) =>
      fc.constantFrom(`${y}-${pad2(m)}-${pad2(d)}`, `${pad2(d)}/${pad2(m)}/${y}`, `${d}.${m}.${y}`, `${d}-${m}-${y}`),
    ),
  fc.integer({ min: -400, max: 400 }).map((k) => addDays(TODAY, k)),
  fc.constantFrom("01/01/0000", "0000-12-31", "29/02/0000", "05/01/0026", "31/12/9999"),
);
const numberCell = fc.oneof(
  fc.integer({ min: -10, max: 100_000 }).map(String),
  fc.double({ min: -10, max: 20_000, noNaN: true }).map((n) => String(n).replace(".", ",")),
  fc.double({ min: -10, max: 20_000, noNaN: true }).map(String),
);
const clockCell = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 60 })).map(([h, m]) => `${pad2(h)}:${pad2(m)}`),
  fc.integer({ min: 0, max: 95 }).map((q) => `${pad2(Math.floor(q / 4))}.${pad2((q % 4) * 15)}`),
  fc.constantFrom("24:00", "24:00:00", "00:00"),
);
const nipCell = fc.oneof(
  fc
    .constantFrom(...PEOPLE.map((p) => p.nip))
    .chain((nip) => fc.constantFrom(nip, formatNip(nip), `'${nip}`, `${nip[0]}.${nip.slice(1, 6)}E+17`)),
  fc.stringMatching(/^\d{17,19}$/),
);
/** Cells that are often wrong: any day, any number, any clock. */
const WILD: Record<string, fc.Arbitrary<string>> = {
  nip: nipCell,
  name: fc.constantFrom("Maya Syahputra", "MAYA  syahputra", "Orang Lain", '=HYPERLINK("x")'),
  courseCode: fc.constantFrom("TLI-01", "ssk-01", "XYZ", "constructor"),
  courseName: fc.constantFrom("", "Diklat Teknis Layanan Informasi", "=1+1"),
  status: fc.constantFrom(...STATUSES, "lulus!"),
  provider: fc.string({ unit: "grapheme", maxLength: 300 }),
  certificateNumber: fc.string({ unit: "grapheme", maxLength: 150 }),
  channel: fc.constantFrom(...CHANNELS, "fax"),
  state: fc.constantFrom("siap", "SIBUK", "lunch", "constructor", "logged-out"),
  ...Object.fromEntries(["startDate", "endDate", "day"].map((k) => [k, dayCell])),
  ...Object.fromEntries(
    [
      "hours",
      "score",
      "calls",
      "loginHours",
      "loginSeconds",
      "talkSeconds",
      "offered",
      "answered",
      "abandoned",
      "ahtSeconds",
      "answeredWithinTarget",
    ].map((k) => [k, numberCell]),
  ),
  ...Object.fromEntries(["intervalStart", "start", "end"].map((k) => [k, clockCell])),
  birthPlace: fc.string({ unit: "grapheme", maxLength: 100 }),
  grade: fc.constantFrom("III/a", "iii/A", "Penata Muda III/a", "III/e", "3a", "constructor"),
  position: fc.constantFrom("Petugas Layanan", "penilai", "Supervisor", "Direktur", "__proto__"),
  team: fc.constantFrom("layanan_informasi", "Manajemen Layanan", "Tim Kerja Lain", "toString"),
  hireDate: dayCell,
  active: fc.constantFrom("", "ya", "tidak", "mungkin", "valueOf"),
};
const between = (min: number, max: number) => fc.integer({ min, max }).map(String);
const recentDay = (from: number, to: number) => fc.integer({ min: from, max: to }).map((k) => addDays(TODAY, k));
/** Cells that are mostly right, so that many rows are valid and their values can be checked. */
const LIKELY: Record<string, fc.Arbitrary<string>> = {
  nip: fc.constantFrom(PEOPLE[0]?.nip ?? "", formatNip(PEOPLE[2]?.nip ?? "")),
  name: fc.constantFrom("", "Maya Syahputra"),
  courseCode: fc.constantFrom("TLI-01", "ssk-01"),
  courseName: fc.constant(""),
  startDate: fc.oneof(fc.constant(""), recentDay(-400, -300)),
  endDate: recentDay(-299, 0),
  day: recentDay(-40, 0),
  hours: fc.integer({ min: 5, max: 10_000 }).map((t) => String(t / 10).replace(".", ",")),
  score: fc.integer({ min: 0, max: 10_000 }).map((h) => String(h / 100)),
  status: fc.constantFrom(...STATUSES),
  state: fc.constantFrom("siap", "Busy", "istirahat", "logged out"),
  provider: fc.string({ unit: "grapheme", maxLength: 300 }),
  certificateNumber: fc.string({ unit: "grapheme", maxLength: 150 }),
  channel: fc.constantFrom(...CHANNELS),
  calls: between(0, 5000),
  loginHours: fc.integer({ min: 10, max: 240 }).map((t) => String(t / 10)),
  loginSeconds: between(3600, 86_400),
  talkSeconds: fc.oneof(fc.constant(""), between(0, 3600)),
  intervalStart: fc.integer({ min: 0, max: 23 }).map((h) => `${pad2(h)}:00`),
  offered: between(100, 2000),
  answered: between(1, 50),
  abandoned: between(0, 50),
  ahtSeconds: fc.integer({ min: 0, max: 144_000 }).map((t) => String(t / 10).replace(".", ",")),
  answeredWithinTarget: fc.oneof(fc.constant(""), fc.constant("0")),
  start: fc.constantFrom("07:00", "15:00", "22:00"),
  end: fc.constantFrom("15:00", "23:00", "06:00", "24:00"),
  birthPlace: fc.constantFrom("Jakarta", " Kab.  Bogor "),
  grade: fc.constantFrom("III/a", "Penata Muda Tingkat I III/b"),
  position: fc.constantFrom("Petugas Layanan", "penilai", "Koordinator Tim Kerja (Supervisor)"),
  team: fc.constantFrom("layanan_informasi", "Tim Kerja Manajemen Layanan"),
  hireDate: fc.oneof(fc.constant(""), recentDay(-3000, 300)),
  active: fc.constantFrom("", "ya", "tidak"),
};

/** A header with every column of the kind (calls: one of the two login columns), in any order and case. */
function headerOf(kind: ImportKind): fc.Arbitrary<string[]> {
  return fc.tuple(fc.boolean(), fc.boolean()).chain(([upper, hours]) => {
    const specs = COLUMNS[kind].filter((s) => kind !== "calls" || s.key !== (hours ? "loginSeconds" : "loginHours"));
    const names = specs.map((s) => (upper ? (s.names.at(-1) ?? s.key).toUpperCase() : (s.names[0] ?? s.key)));
    return fc.shuffledSubarray(names, { minLength: names.length, maxLength: names.length });
  });
}

/** The column key at `index` of a header. */
function keyOf(header: HeaderMap, index: number): string {
  for (const [key, at] of header.columns) if (at === index) return key;
  return "";
}

/** The check constraints of the target tables (db/schema), and the import's own limits. */
function fitsTheTable(kind: ImportKind, value: unknown, intervalMinutes: number) {
  if (kind === "staff") {
    const r = value as StaffRow;
    expect(r.nip).toMatch(/^\d{18}$/);
    expect(r.birthDate).toBe(`${r.nip.slice(0, 4)}-${r.nip.slice(4, 6)}-${r.nip.slice(6, 8)}`);
    expect(r.fullName.length >= 3 && r.fullName.length <= 120).toBe(true);
    expect(r.birthPlace.length >= 2 && r.birthPlace.length <= 80).toBe(true);
    expect(POSITION_CODES).toContain(r.position);
    expect(GOLONGAN_CODES).toContain(r.golongan);
    expect([1, 2, 3]).toContain(r.teamId);
    if (r.hireDate) expect(r.hireDate >= r.birthDate && r.hireDate <= addDays(TODAY, 366)).toBe(true);
  } else if (kind === "training") {
    const r = value as TrainingRow;
    expect(["lulus", "tidak_lulus", "selesai"]).toContain(r.status);
    expect(r.endDate >= EARLIEST_DAY && r.endDate <= TODAY).toBe(true);
    if (r.startDate) expect(r.startDate >= EARLIEST_DAY && r.startDate <= r.endDate).toBe(true);
    if (r.hours !== null) expect(r.hours >= 0.5 && r.hours <= 1000).toBe(true);
    if (r.score !== null) expect(r.score >= 0 && r.score <= 100).toBe(true);
    expect((r.provider ?? "").length).toBeLessThanOrEqual(200);
    expect((r.certificateNumber ?? "").length).toBeLessThanOrEqual(100);
  } else if (kind === "calls") {
    const r = value as CallRow;
    expect(CODES).toContain(r.channel);
    expect(r.day >= EARLIEST_DAY && r.day <= TODAY).toBe(true);
    expect(Number.isInteger(r.callsHandled) && r.callsHandled >= 0 && r.callsHandled <= 5000).toBe(true);
    expect(Number.isInteger(r.loggedInSeconds) && r.loggedInSeconds >= 0 && r.loggedInSeconds <= 86_400).toBe(true);
    if (r.talkSeconds !== null) expect(r.talkSeconds >= 0 && r.talkSeconds <= r.loggedInSeconds).toBe(true);
  } else if (kind === "intervals") {
    const r = value as IntervalRow;
    expect(CODES).toContain(r.channel);
    expect(r.day >= EARLIEST_DAY && r.day <= TODAY).toBe(true);
    expect(r.intervalMinutes).toBe(intervalMinutes);
    expect(r.startMinute >= 0 && r.startMinute < 1440 && r.startMinute % r.intervalMinutes === 0).toBe(true);
    expect(r.offered >= 0 && r.answered >= 0 && r.abandoned >= 0 && r.answered + r.abandoned <= r.offered).toBe(true);
    if (r.answeredWithinTarget !== null) expect(r.answeredWithinTarget <= r.answered).toBe(true);
    if (r.ahtSeconds !== null) expect(r.ahtSeconds >= 0 && r.ahtSeconds <= MAX_AHT_SECONDS).toBe(true);
  } else if (kind === "states") {
    const r = value as StateRow;
    expect(CODES).toContain(r.channel);
    expect(AGENT_STATES).toContain(r.state);
    const minutes = (Date.parse(r.endsAt) - Date.parse(r.startsAt)) / 60_000;
    expect(minutes > 0 && minutes <= MAX_STATE_MINUTES).toBe(true);
    expect(r.startsAt >= `${EARLIEST_DAY}` && r.startsAt.slice(0, 10) <= TODAY).toBe(true);
  } else {
    const r = value as RosterRow;
    expect(CODES).toContain(r.channel);
    expect(r.day >= EARLIEST_DAY && r.day <= addDays(TODAY, 366)).toBe(true);
    const minutes = (Date.parse(r.endsAt) - Date.parse(r.startsAt)) / 60_000;
    expect(minutes > 0 && minutes <= MAX_SHIFT_MINUTES).toBe(true);
  }
}

describe.each(IMPORT_KINDS)("a %s row with any cells", (kind) => {
  const plausibleRow = headerOf(kind).chain((headerRow) =>
    fc.record({
      headerRow: fc.constant(headerRow),
      intervalMinutes: fc.constantFrom(15, 30, 60),
      row: fc.integer({ min: 2, max: 1_048_576 }),
      cells: fc.tuple(
        ...headerRow.map((_, i) => {
          const mapped = mapHeader(kind, headerRow);
          const key = mapped.ok ? keyOf(mapped.value, i) : "";
          return fc.oneof(
            { weight: 24, arbitrary: LIKELY[key] ?? hostile },
            { weight: 2, arbitrary: WILD[key] ?? hostile },
            { weight: 1, arbitrary: hostile },
          );
        }),
      ),
    }),
  );

  it("is validated without throwing; issues at the given row and a named column; valid rows fit the table", () => {
    let valid = 0;
    fc.assert(
      fc.property(plausibleRow, ({ headerRow, intervalMinutes, row, cells }) => {
        const mapped = mapHeader(kind, headerRow);
        if (!mapped.ok) throw new Error(mapped.errors.join(" "));
        const result = VALIDATORS[kind](cells, row, mapped.value, headerRow, context(intervalMinutes));
        const named = new Set([...headerRow.map((h) => h.trim()), ...COLUMNS[kind].map((s) => s.names[0])]);
        for (const issue of [...result.errors, ...result.warnings]) {
          expect(issue.row).toBe(row);
          expect(named.has(issue.column), issue.column).toBe(true);
          expect(issue.message).not.toMatch(/undefined|\[object |function \w*\(/);
        }
        expect(result.value === null).toBe(result.errors.length > 0);
        expect(result.key === null).toBe(result.value === null);
        if (result.value) {
          valid += 1;
          fitsTheTable(kind, result.value, intervalMinutes);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Enough valid rows to mean something (the generators aim at about one in ten).
    expect(valid).toBeGreaterThan(RUNS / 50);
  });

  it("never throws for any header and any cells, and every issue names the row it was given", () => {
    const anyHeader = fc.array(fc.oneof(fc.constantFrom(...COLUMNS[kind].flatMap((s) => s.names)), hostile), {
      minLength: 1,
      maxLength: 14,
    });
    fc.assert(
      fc.property(anyHeader, fc.array(hostile, { maxLength: 16 }), fc.nat(), (headerRow, cells, row) => {
        const mapped = mapHeader(kind, headerRow);
        if (!mapped.ok) {
          for (const error of mapped.errors) expect(error).toMatch(/^(Kolom |Isi waktu login )/);
          return;
        }
        const result = VALIDATORS[kind](cells, row, mapped.value, headerRow, context(30));
        for (const issue of [...result.errors, ...result.warnings]) expect(issue.row).toBe(row);
        expect(result.value === null).toBe(result.errors.length > 0);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe("the names a status or channel is looked up by", () => {
  it.each(PROTOTYPE_NAMES)("%s is neither", (name) => {
    const training = mapHeader("training", ["nip", "kode_pelatihan", "tanggal_selesai", "status"]);
    const calls = mapHeader("calls", ["nip", "tanggal", "kanal", "panggilan_ditangani", "detik_login"]);
    if (!training.ok || !calls.ok) throw new Error("header");
    const t = VALIDATORS.training(
      ["199009092011032661", "TLI-01", "05/01/2026", name],
      2,
      training.value,
      ["nip", "kode_pelatihan", "tanggal_selesai", "status"],
      context(30),
    );
    expect(t.errors.map((e) => e.column)).toEqual(["status"]);
    const c = VALIDATORS.calls(
      ["199009092011032661", "05/01/2026", name, "5", "3600"],
      2,
      calls.value,
      ["nip", "tanggal", "kanal", "panggilan_ditangani", "detik_login"],
      context(30),
    );
    expect(c.errors.map((e) => e.column)).toEqual(["kanal"]);
  });
});

describe("huge cells", () => {
  // A backtracking pattern is quadratic on a long run of digits followed by something else.
  const huge = [
    `${"9".repeat(200_000)}x`,
    `${"1".repeat(200_000)}.`,
    `${"1".repeat(100_000)},${"2".repeat(100_000)}x`,
    `+${"0".repeat(200_000)}e`,
  ];
  it.each(huge.map((h) => [h.slice(0, 3), h]))("%s… is parsed in linear time by every parser", (_, text) => {
    const started = performance.now();
    parseDecimal(text);
    parseNip(text);
    parseDateInput(text);
    parseClock(text);
    detectDelimiter(text);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe("an 18-digit NIP", () => {
  const nips = fc
    .record({
      birth: fc.date({
        min: new Date("1950-01-01T00:00:00Z"),
        max: new Date("2005-12-31T00:00:00Z"),
        noInvalidDate: true,
      }),
      year: fc.integer({ min: 1970, max: 2026 }),
      month: fc.integer({ min: 1, max: 12 }),
      gender: fc.constantFrom("1", "2"),
      sequence: fc.integer({ min: 1, max: 999 }),
    })
    .map(({ birth, year, month, gender, sequence }) => {
      const b = birth.toISOString().slice(0, 10).replaceAll("-", "");
      return `${b}${year}${pad2(month)}${gender}${String(sequence).padStart(3, "0")}`;
    });

  it("is read the same plain, grouped as printed, or with spaces anywhere", () => {
    fc.assert(
      fc.property(nips, fc.array(fc.nat({ max: 18 }), { maxLength: 6 }), (nip, cuts) => {
        let spaced = nip;
        for (const at of [...cuts].sort((a, b) => b - a)) spaced = `${spaced.slice(0, at)} ${spaced.slice(at)}`;
        for (const text of [nip, formatNip(nip), spaced, `\t${nip} `]) {
          const parsed = parseNip(text);
          expect(parsed.ok && parsed.value.nip).toBe(nip);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("is refused in scientific notation, saying Excel did it; and with an apostrophe, dots, letters, or a digit too few or many", () => {
    fc.assert(
      fc.property(nips, fc.integer({ min: 1, max: 14 }), (nip, digits) => {
        const mantissa = `${nip[0]}.${nip.slice(1, 1 + digits)}`;
        for (const sci of [
          `${mantissa}E+17`,
          `${mantissa.replace(".", ",")}E+17`,
          `${mantissa}e17`,
          ` ${mantissa}E+017 `,
        ]) {
          const parsed = parseNip(sci);
          expect(!parsed.ok && parsed.error).toMatch(/notasi ilmiah.*Excel/);
        }
        for (const bad of [
          `'${nip}`,
          formatNip(nip).replaceAll(" ", "."),
          `${nip.slice(0, 17)}O`,
          nip.slice(1),
          `${nip}0`,
        ]) {
          expect(parseNip(bad).ok, bad).toBe(false);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("never throws, whatever is typed", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.stringMatching(/^[\d .,eE+'-]{0,30}$/)), (text) => {
        const parsed = parseNip(text);
        if (parsed.ok) expect(parsed.value.nip).toMatch(/^\d{18}$/);
        else expect(parsed.error).toMatch(/^(NIP|8 digit|Digit|3 digit)/);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe("the delimiter of a header line", () => {
  it("is the one it was written with, whatever the other delimiters inside quoted cells", () => {
    const cell = fc.oneof(
      fc.constantFrom(...COLUMNS.training.flatMap((s) => s.names)),
      fc.string({ maxLength: 12 }).map((s) => `"${s.replaceAll('"', '""')}"`),
    );
    fc.assert(
      fc.property(fc.constantFrom(",", ";", "\t"), fc.array(cell, { minLength: 2, maxLength: 12 }), (d, cells) => {
        expect(detectDelimiter(cells.join(d))).toBe(d);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
