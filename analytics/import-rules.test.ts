import { describe, expect, it } from "vitest";
import {
  detectDelimiter,
  extraCellsProblem,
  mapHeader,
  normalizeHeader,
  parseDecimal,
  type RowContext,
  validateCallRow,
  validateTrainingRow,
} from "./import-rules";

const ctx: RowContext = {
  staffByNip: new Map([["199009092011032661", { id: 7, fullName: "Maya Syahputra" }]]),
  courseByCode: new Map([["TLI-01", { id: 3, code: "TLI-01", name: "Diklat Teknis Layanan Informasi" }]]),
  today: "2026-11-29",
  lockedDay: (day) => (day < "2026-06-26" ? "terkunci" : null),
};

describe("headers", () => {
  it("match without case, spaces, hyphens or a BOM; Indonesian and English names both work", () => {
    expect(normalizeHeader("\uFEFF Tanggal Selesai ")).toBe("tanggal_selesai");
    expect(normalizeHeader("End-Date")).toBe("end_date");
    const mapped = mapHeader("training", ["NIP", "Course Code", "tanggal selesai", "STATUS", "Catatan"]);
    expect(mapped.ok && [...mapped.value.columns]).toEqual([
      ["nip", 0],
      ["courseCode", 1],
      ["endDate", 2],
      ["status", 3],
    ]);
    expect(mapped.ok && mapped.value.ignored).toEqual(["Catatan"]);
  });

  it("a duplicate column, two names for one column, or a missing required column refuses the whole file", () => {
    const r = mapHeader("training", ["nip", "NIP", "nama", "name", "status"]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatch(/muncul dua kali \(kolom 1 dan 2\)/);
    expect(r.errors[1]).toMatch(/berarti sama/);
    expect(r.errors).toContain("Kolom wajib tidak ada: kode_pelatihan atau course_code.");
    expect(r.errors).toContain("Kolom wajib tidak ada: tanggal_selesai atau end_date.");
  });

  it("call statistics need exactly one of jam_login and detik_login", () => {
    expect(mapHeader("calls", ["nip", "tanggal", "kanal", "panggilan_ditangani"]).ok).toBe(false);
    const both = mapHeader("calls", ["nip", "tanggal", "kanal", "panggilan_ditangani", "jam_login", "detik_login"]);
    expect(!both.ok && both.errors).toEqual([
      "Isi waktu login dengan salah satu kolom saja: jam_login atau detik_login.",
    ]);
  });

  it("the delimiter is the most frequent of , ; and tab in the header, outside quotes", () => {
    expect(detectDelimiter("nip;nama;kode_pelatihan")).toBe(";");
    expect(detectDelimiter("nip\tnama\tstatus")).toBe("\t");
    expect(detectDelimiter('nip,"nama; lengkap",status')).toBe(",");
  });
});

describe("numbers", () => {
  it.each([
    ["7,5", 7.5],
    ["7.5", 7.5],
    ["1.234,5", 1234.5],
    [" 40 ", 40],
    ["", null],
    ["tujuh", null],
    ["1,2,3", null],
  ])("%j → %s", (text, value) => expect(parseDecimal(text)).toBe(value));
});

describe("cells beyond the header", () => {
  const header = ["nip", "tanggal", "jam_login"];
  it("an unquoted decimal comma in a comma file is one cell too many: refused, naming the extra value", () => {
    expect(extraCellsProblem(["1990", "2026-11-02", "6", "5"], header)).toMatch(
      /berisi 4 sel, lebih banyak dari 3 kolom.*"5"/,
    );
  });
  it("empty trailing cells (Excel's extra separators) are harmless", () => {
    expect(extraCellsProblem(["1990", "2026-11-02", "6", "", " "], header)).toBeNull();
    expect(extraCellsProblem(["1990"], header)).toBeNull();
  });
});

describe("a training row", () => {
  const header = mapHeader("training", [
    "nip",
    "nama",
    "kode_pelatihan",
    "tanggal_mulai",
    "tanggal_selesai",
    "jam_pelajaran",
    "status",
    "nilai",
  ]);
  if (!header.ok) throw new Error("header");
  const headerRow = [
    "nip",
    "nama",
    "kode_pelatihan",
    "tanggal_mulai",
    "tanggal_selesai",
    "jam_pelajaran",
    "status",
    "nilai",
  ];
  const row = (cells: string[]) => validateTrainingRow(cells, 5, header.value, headerRow, ctx);

  it("valid: DD/MM/YYYY is day first, decimal comma, status in English too", () => {
    const r = row([
      "199009092011032661",
      "Maya Syahputra",
      "tli-01",
      "03/01/2026",
      "05/01/2026",
      "40,5",
      "Passed",
      "88,25",
    ]);
    expect(r.errors).toEqual([]);
    expect(r.value).toEqual({
      staffId: 7,
      courseId: 3,
      startDate: "2026-01-03",
      endDate: "2026-01-05",
      hours: 40.5,
      status: "lulus",
      score: 88.25,
      provider: null,
      certificateNumber: null,
    });
    expect(r.key).toBe("7|3|2026-01-05");
  });

  it("every problem of the row is reported against its column, with the spreadsheet row number", () => {
    const r = row(["199009092011032662", "", "TLI-02", "20/01/2026", "10/01/2026", "0", "lulus?", "101"]);
    expect(r.value).toBeNull();
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [5, "nip"],
      [5, "kode_pelatihan"],
      [5, "tanggal_selesai"],
      [5, "status"],
      [5, "jam_pelajaran"],
      [5, "nilai"],
    ]);
  });

  it("a name that differs from the staff record is a warning, not an error", () => {
    const r = row(["199009092011032661", "Maya S.", "TLI-01", "", "05/01/2026", "", "selesai", ""]);
    expect(r.value).not.toBeNull();
    expect(r.warnings[0]?.message).toMatch(/berbeda dengan data staf/);
  });
});

describe("a call-statistics row", () => {
  const headerRow = ["nip", "date", "channel", "calls_handled", "logged_in_hours", "talk_seconds"];
  const header = mapHeader("calls", headerRow);
  if (!header.ok) throw new Error("header");
  const row = (cells: string[]) => validateCallRow(cells, 3, header.value, headerRow, ctx);

  it("6,5 login hours are 23,400 seconds; channel names in English are understood", () => {
    expect(row(["199009092011032661", "2026-10-27", "Phone", "52", "6,5", "12000"]).value).toEqual({
      staffId: 7,
      day: "2026-10-27",
      channel: "telepon",
      callsHandled: 52,
      loggedInSeconds: 23_400,
      talkSeconds: 12000,
    });
  });

  it("a day in a locked period, calls without login time, and talk longer than login are refused", () => {
    expect(row(["199009092011032661", "2026-05-01", "telepon", "52", "6", ""]).errors[0]?.message).toBe("terkunci");
    expect(row(["199009092011032661", "2026-10-27", "telepon", "5", "0", ""]).errors[0]?.message).toMatch(
      /waktu login 0/,
    );
    expect(row(["199009092011032661", "2026-10-27", "telepon", "5", "1", "4000"]).errors[0]?.message).toMatch(
      /melebihi/,
    );
  });
});
