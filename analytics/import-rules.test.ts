import { describe, expect, it } from "vitest";
import {
  detectDelimiter,
  extraCellsProblem,
  mapHeader,
  normalizeHeader,
  type RowContext,
  validateCallRow,
  validateIntervalRow,
  validateRosterRow,
  validateStateRow,
  validateTrainingRow,
} from "./import-rules";

const ctx: RowContext = {
  staffByNip: new Map([
    ["199009092011032661", { id: 7, fullName: "Maya Syahputra" }],
    ["198801012010012001", { id: 8, fullName: "Sari Dewi", active: false }],
  ]),
  courseByCode: new Map([["TLI-01", { id: 3, code: "TLI-01", name: "Diklat Teknis Layanan Informasi" }]]),
  today: "2026-11-29",
  lockedDay: (day) => (day < "2026-06-26" ? "terkunci" : null),
  intervalMinutes: 30,
  teamIdByCode: new Map([
    ["layanan_informasi", 1],
    ["manajemen_layanan", 2],
    ["penjamin_kualitas", 3],
  ]),
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

describe("an interval-statistics row", () => {
  const headerRow = [
    "tanggal",
    "jam",
    "kanal",
    "panggilan_masuk",
    "panggilan_dijawab",
    "panggilan_abandon",
    "aht_detik",
    "dijawab_dalam_target",
  ];
  const header = mapHeader("intervals", headerRow);
  if (!header.ok) throw new Error("header");
  const row = (cells: string[], context: RowContext = ctx) =>
    validateIntervalRow(cells, 4, header.value, headerRow, context);
  const messages = (cells: string[], context: RowContext = ctx) => row(cells, context).errors.map((e) => e.message);

  it("valid: 30 answered of 34 offered, 3 abandoned, AHT 245,5 s, 26 in target; key date|channel|minute", () => {
    const r = row(["02/11/2026", "09:30", "Phone", "34", "30", "3", "245,5", "26"]);
    expect(r.errors).toEqual([]);
    expect(r.value).toEqual({
      day: "2026-11-02",
      startMinute: 570,
      intervalMinutes: 30,
      channel: "telepon",
      offered: 34,
      answered: 30,
      abandoned: 3,
      ahtSeconds: 245.5,
      answeredWithinTarget: 26,
    });
    expect(r.key).toBe("2026-11-02|telepon|570");
  });

  it("English headers name the same columns; answered within target may be left out", () => {
    const english = ["date", "interval_start", "channel", "offered", "answered", "abandoned", "aht_seconds"];
    const mapped = mapHeader("intervals", english);
    expect(mapped.ok).toBe(true);
    if (!mapped.ok) return;
    const r = validateIntervalRow(["2026-11-02", "9.00", "chat", "5", "5", "0", "400"], 2, mapped.value, english, ctx);
    expect(r.value).toMatchObject({ startMinute: 540, channel: "webchat", answeredWithinTarget: null });
  });

  it("07:10 is not on the 30-minute grid: the message names 07:00 and 07:30; with 15 minutes 07:15 is fine", () => {
    expect(messages(["02/11/2026", "07:10", "telepon", "3", "3", "0", "200", "3"])).toEqual([
      "Jam 07:10 bukan awal interval 30 menit. Isi jam awal intervalnya (misalnya 07:00 atau 07:30); panjang interval diatur di Pengaturan.",
    ]);
    expect(messages(["02/11/2026", "07:15", "telepon", "3", "3", "0", "200", "3"])).toHaveLength(1);
    expect(
      messages(["02/11/2026", "07:15", "telepon", "3", "3", "0", "200", "3"], { ...ctx, intervalMinutes: 15 }),
    ).toEqual([]);
    expect(messages(["02/11/2026", "23:45", "telepon", "3", "3", "0", "200", "3"])[0]).toMatch(/23:30 atau 00:00/);
    expect(messages(["02/11/2026", "24:00", "telepon", "3", "3", "0", "200", "3"])[0]).toMatch(/bukan jam yang valid/);
  });

  it("counts are whole numbers ≥ 0; answered 9 + abandoned 3 = 12 > offered 10 is refused", () => {
    expect(messages(["02/11/2026", "08:00", "telepon", "-1", "0", "0", "", ""])[0]).toMatch(/harus bilangan bulat 0/);
    expect(messages(["02/11/2026", "08:00", "telepon", "2,5", "2", "0", "300", ""])[0]).toMatch(/bilangan bulat/);
    expect(messages(["02/11/2026", "08:00", "telepon", "10", "9", "3", "265", "8"])).toEqual([
      "Panggilan dijawab (9) ditambah abandon (3) = 12, melebihi panggilan masuk (10).",
    ]);
    expect(messages(["02/11/2026", "08:00", "telepon", "10", "9", "1", "265", "8"])).toEqual([]);
  });

  it("within target 9 > answered 8 is refused; AHT is required when something was answered, at most 4 h", () => {
    expect(messages(["02/11/2026", "08:00", "telepon", "10", "8", "2", "250", "9"])).toEqual([
      "Dijawab dalam target (9) melebihi panggilan dijawab (8).",
    ]);
    expect(messages(["02/11/2026", "08:00", "telepon", "10", "8", "2", "", "7"])).toEqual([
      "AHT wajib diisi karena ada 8 panggilan dijawab.",
    ]);
    expect(messages(["02/11/2026", "08:00", "telepon", "10", "8", "2", "14401", "7"])[0]).toMatch(/0–14400/);
    expect(messages(["02/11/2026", "08:00", "telepon", "10", "8", "2", "14400", "7"])).toEqual([]);
  });

  it("nothing answered: no AHT needed, and an AHT given is a warning and not kept", () => {
    const quiet = row(["02/11/2026", "03:00", "email", "0", "0", "0", "", ""]);
    expect(quiet.value).toMatchObject({ offered: 0, ahtSeconds: null });
    const odd = row(["02/11/2026", "03:00", "email", "1", "0", "1", "120", "0"]);
    expect(odd.warnings[0]?.message).toMatch(/tidak ada panggilan dijawab/);
    expect(odd.value?.ahtSeconds).toBeNull();
  });

  it("a future day and a day in a locked period are refused, like call statistics", () => {
    expect(messages(["30/11/2026", "08:00", "telepon", "1", "1", "0", "200", "1"])[0]).toMatch(/masa depan/);
    expect(messages(["01/05/2026", "08:00", "telepon", "1", "1", "0", "200", "1"])).toEqual(["terkunci"]);
  });
});

describe("a roster row", () => {
  const headerRow = ["nip", "nama", "tanggal", "mulai", "selesai", "kanal"];
  const header = mapHeader("roster", headerRow);
  if (!header.ok) throw new Error("header");
  const row = (cells: string[]) => validateRosterRow(cells, 6, header.value, headerRow, ctx);
  const nip = "199009092011032661";

  it("07:00–15:00 on 30 Nov 2026 WIB is 00:00–08:00 UTC; the key is the person and the start", () => {
    const r = row([nip, "Maya Syahputra", "30/11/2026", "07:00", "15:00", "telepon"]);
    expect(r.errors).toEqual([]);
    expect(r.value).toEqual({
      staffId: 7,
      day: "2026-11-30",
      startMinute: 420,
      endMinute: 900,
      startsAt: "2026-11-30T00:00:00.000Z",
      endsAt: "2026-11-30T08:00:00.000Z",
      channel: "telepon",
    });
    expect(r.key).toBe("7|2026-11-30T00:00:00.000Z");
  });

  it("23:00–07:00 crosses midnight: it ends at 07:00 the next day (8 h); 16:00–24:00 ends at midnight", () => {
    const night = row([nip, "", "30/11/2026", "23:00", "07:00", "telepon"]).value;
    expect(night?.startsAt).toBe("2026-11-30T16:00:00.000Z");
    expect(night?.endsAt).toBe("2026-12-01T00:00:00.000Z"); // 07:00 WIB on 1 December
    expect(night?.endMinute).toBe(24 * 60 + 7 * 60);
    const late = row([nip, "", "30/11/2026", "16:00", "24:00", "webchat"]).value;
    expect(late?.endsAt).toBe("2026-11-30T17:00:00.000Z");
  });

  it("a shift longer than 16 h (07:00–23:30 = 16 h 30 min, or 07:00–07:00 = 24 h) is refused; 16 h exactly is fine", () => {
    expect(row([nip, "", "30/11/2026", "07:00", "23:30", "telepon"]).errors[0]?.message).toMatch(
      /lamanya 16 jam 30 menit; paling lama 16 jam/,
    );
    expect(row([nip, "", "30/11/2026", "07:00", "07:00", "telepon"]).errors[0]?.message).toMatch(/lamanya 24 jam/);
    expect(row([nip, "", "30/11/2026", "07:00", "23:00", "telepon"]).errors).toEqual([]);
  });

  it("a future day is fine up to a year ahead; a typo year, a bad time, an inactive person are refused", () => {
    expect(row([nip, "", "30/11/2027", "07:00", "15:00", "telepon"]).errors).toEqual([]);
    expect(row([nip, "", "02/11/2062", "07:00", "15:00", "telepon"]).errors[0]?.message).toMatch(/setahun ke depan/);
    expect(row([nip, "", "30/11/2026", "25:00", "07:00", "telepon"]).errors[0]?.message).toMatch(
      /Jam mulai "25:00" bukan jam yang valid/,
    );
    expect(row(["198801012010012001", "", "30/11/2026", "07:00", "15:00", "telepon"]).errors[0]?.message).toMatch(
      /sudah tidak aktif/,
    );
    expect(row([nip, "", "01/05/2026", "07:00", "15:00", "telepon"]).errors[0]?.message).toBe("terkunci");
  });

  it("a name that differs from the staff record is a warning, as in training files", () => {
    const r = row([nip, "Maya S.", "30/11/2026", "07:00", "15:00", "sms"]);
    expect(r.value).not.toBeNull();
    expect(r.warnings[0]?.message).toMatch(/berbeda dengan data staf/);
  });
});

describe("an agent-states row", () => {
  const header = ["nip", "kanal", "status", "tanggal", "mulai", "selesai"];
  const mapped = mapHeader("states", header);
  if (!mapped.ok) throw new Error("header");
  const row = (cells: string[]) => validateStateRow(cells, 2, mapped.value, header, ctx);
  const nip = "199009092011032661";

  it("a time alone after midnight ends the next day: 23:40–00:15 is 35 minutes", () => {
    const r = row([nip, "telepon", "Logged Out", "05/11/2026", "23:40", "00:15"]);
    expect(r.errors).toEqual([]);
    expect(r.value).toMatchObject({
      staffId: 7,
      state: "logout",
      startsAt: "2026-11-05T16:40:00.000Z",
      endsAt: "2026-11-05T17:15:00.000Z",
    });
  });

  it("dates written with the times, seconds kept; English state words", () => {
    const r = row([nip, "chat", "Available", "", "2026-11-05 07:58:30", "05/11/2026 11:00:05"]);
    expect(r.value).toMatchObject({ channel: "webchat", state: "siap", startsAt: "2026-11-05T00:58:30.000Z" });
    expect(r.value?.endsAt).toBe("2026-11-05T04:00:05.000Z");
  });

  it("a Tanggal that disagrees with the start's own date, a time without any date, a locked day: each at its cell", () => {
    expect(
      row([nip, "telepon", "siap", "06/11/2026", "05/11/2026 07:00", "08:00"]).errors.map((e) => e.column),
    ).toEqual(["tanggal"]);
    expect(row([nip, "telepon", "siap", "", "07:00", "08:00"]).errors[0]?.message).toMatch(/Tanggal tidak ada/);
    expect(row([nip, "telepon", "siap", "", "01/05/2026 07:00", "08:00"]).errors[0]).toMatchObject({
      column: "mulai",
      message: "terkunci",
    });
  });
});
