// Property: hostile files — wrong encodings (Latin-1/Windows-1252, UTF-16 with BOM), binary noise and NUL
// bytes, an .xlsx or a PDF uploaded as CSV, truncation, stray and unclosed quotes, mixed delimiters and line
// breaks, huge cells, formulas — previewed as the web page does (upload, then preview) and as the command line
// does (the file on disk), as any kind of import. Neither ever throws: a file is refused with an Indonesian
// message, or previewed; a preview writes nothing; every issue points at a row the file has (the header is
// row 1) and at a column its header names; both entry points say the same. Then fixed cases of each hazard,
// including a cell of a megabyte in every column, and the real pages (upload, preview, error report).
// FUZZ_SEED and FUZZ_RUNS (a multiplier) run it longer or with another seed; a failure prints its seed.
import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync } from "node:fs";
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { addDays } from "../../analytics/dates";
import { IMPORT_KINDS, type ImportKind } from "../../analytics/import-rules";
import { NOT_TEXT, NOT_UTF8 } from "../../app/.server/imports/csv";
import type { ImportReport } from "../../app/.server/imports/engine";
import { NOT_XLSX } from "../../app/.server/imports/xlsx";
import * as preview from "../../app/routes/impor.$id._index";
import * as previewReport from "../../app/routes/impor.$id.laporan";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { FORMULAS, filePlan, mutate, mutation, physicalLines, render } from "../support/import-files";
import {
  columnIsReal,
  comparable,
  FUZZ_SEED,
  fuzzFixture,
  fuzzRuns,
  messageIsSane,
  previewFile,
  previewUpload,
  uploadCount,
  writtenCounts,
} from "../support/import-fuzz";
import { callRoute, sessionCookie, uploadThroughPage } from "../support/routes";

const SEED = FUZZ_SEED;
const RUNS = fuzzRuns(300);

const fx = fuzzFixture();
const db = fx.db;

const encoder = new TextEncoder();
// Problems with the whole file are told in Indonesian: one of these, or a header message of mapHeader.
const FILE_MESSAGE = /^(Berkas |Kolom |Isi waktu login )/;

const SAMPLES: [ImportKind, string][] = [
  ["training", "pelatihan-contoh.csv"],
  ["training", "pelatihan-dengan-kesalahan.csv"],
  ["training", "pelatihan-bukan-utf8.csv"],
  ["training", "pelatihan-kolom-ganda.csv"],
  ["calls", "panggilan-dengan-kesalahan.csv"],
  ["intervals", "interval-dengan-kesalahan.csv"],
  ["roster", "jadwal-dengan-kesalahan.csv"],
  ["states", "status-agen-dengan-kesalahan.csv"],
];

/** A file to start from, and the kind it is imported as (mostly its own): a sample, a generated file, noise. */
const baseFile: fc.Arbitrary<{ bytes: Uint8Array; kind: ImportKind }> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(...SAMPLES)
      .map(([kind, name]) => ({ kind, bytes: new Uint8Array(readFileSync(`fixtures/samples/${name}`)) })),
  },
  {
    weight: 6,
    arbitrary: fc
      .constantFrom(...IMPORT_KINDS)
      .chain((kind) => filePlan(kind, fx.world, 6))
      .map((plan) => ({ kind: plan.kind, bytes: encoder.encode(render(plan).text) })),
  },
  {
    // A header and nothing else (or blank lines): each kind's own, in any of the ways a file may write it.
    weight: 1,
    arbitrary: fc
      .constantFrom(...IMPORT_KINDS)
      .chain((kind) => filePlan(kind, fx.world, 1))
      .map((plan) => ({ kind: plan.kind, bytes: encoder.encode(render(plan).text.split(/\r\n|\r|\n/)[0] ?? "") })),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constantFrom(...IMPORT_KINDS), bytes: fc.uint8Array({ maxLength: 2000 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom(...IMPORT_KINDS),
      bytes: fc.string({ unit: "binary", maxLength: 500 }).map((s) => encoder.encode(s)),
    }),
  },
);

const HEADER_SAMPLE_BYTES = 64 * 1024 - 3; // app/.server/imports/csv.ts, headerSample (less a BOM)
/** Bytes before the first line break. */
const headerLineBytes = (bytes: Uint8Array) => {
  const end = bytes.findIndex((b) => b === 0x0a || b === 0x0d);
  return end < 0 ? bytes.length : end;
};

/** What every report, of either entry point, must satisfy for the file `bytes` previewed as `kind`. */
function checkReport(kind: ImportKind, bytes: Uint8Array, report: ImportReport) {
  const text = new TextDecoder().decode(bytes);
  const lines = physicalLines(bytes);
  expect(report.committed).toBe(false);
  expect(report.batchId).toBeNull();
  expect(report.rows).toBeLessThanOrEqual(lines - 1);
  expect(report.valid).toBeLessThanOrEqual(report.rows);
  expect(report.errorCount).toBeGreaterThanOrEqual(report.errors.length);
  for (const message of report.fileErrors) expect(message).toMatch(FILE_MESSAGE);
  if (report.fileErrors.length > 0) expect(report.valid).toBe(0);
  for (const issue of [...report.errors, ...report.warnings]) {
    expect(issue.row, issue.message).toBeGreaterThanOrEqual(2);
    expect(issue.row, issue.message).toBeLessThanOrEqual(lines);
    expect(columnIsReal(kind, issue.column, text), `column ${JSON.stringify(issue.column)}`).toBe(true);
    expect(messageIsSane(issue, text), issue.message).toBe(true);
    const repeats = /sama dengan baris (\d+) /.exec(issue.message);
    if (repeats) {
      expect(Number(repeats[1])).toBeGreaterThanOrEqual(2);
      expect(Number(repeats[1])).toBeLessThan(issue.row);
    }
  }
}

describe("a hostile file", () => {
  it("never crashes the preview, which writes nothing and points only at rows and columns the file has", {
    timeout: 180_000,
  }, async () => {
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        baseFile,
        fc.array(mutation, { maxLength: 4 }),
        fc.oneof(
          { weight: 4, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: fc.constantFrom(...IMPORT_KINDS) },
        ),
        async (base, mutations, otherKind) => {
          // Now and then imported as another kind than it is.
          const kind = otherKind ?? base.kind;
          const bytes = mutations.reduce(mutate, base.bytes);
          const before = await writtenCounts(db());
          const uploads = await uploadCount(db());
          const web = await previewUpload(db(), kind, bytes, fx.userId);
          const cli = await previewFile(db(), kind, bytes, fx.dir);
          expect(await writtenCounts(db())).toEqual(before);
          // The upload itself is kept (for its preview and commit) unless it was refused.
          expect(await uploadCount(db())).toBe(uploads + ("refused" in web ? 0 : 1));
          checkReport(kind, bytes, cli);
          outcomes.add(
            "refused" in web
              ? "refused at upload"
              : web.report.fileErrors.length > 0
                ? "refused as a whole"
                : web.report.rows > 0
                  ? "read row by row"
                  : "no rows",
          );
          if ("refused" in web) {
            // A file starting as a zip is taken for an Excel workbook, and refused as one when it is none.
            expect([NOT_UTF8, NOT_TEXT, NOT_XLSX]).toContain(web.refused);
            expect(cli.fileErrors.length).toBeGreaterThan(0);
          } else if (headerLineBytes(bytes) >= HEADER_SAMPLE_BYTES) {
            // The delimiter is guessed from the first 64 KiB: of bytes on disk, of characters in an upload. A
            // header line longer than that may be split differently; either way it is refused as a whole.
            checkReport(kind, bytes, web.report);
            expect(cli.fileErrors.length > 0 || web.report.fileErrors.length === 0).toBe(true);
          } else {
            checkReport(kind, bytes, web.report);
            expect(comparable(cli)).toEqual(comparable(web.report));
          }
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
    // The generators reach each outcome (a change that makes every file unreadable would hollow this out).
    expect([...outcomes].sort()).toEqual(["no rows", "read row by row", "refused as a whole", "refused at upload"]);
  });
});

const header: Record<ImportKind, string[]> = {
  staff: ["nip", "nama", "tempat_lahir", "golongan", "jabatan", "tim", "tmt", "aktif"],
  training: ["nip", "kode_pelatihan", "tanggal_selesai", "status", "jam_pelajaran", "nilai", "penyelenggara"],
  calls: ["nip", "tanggal", "kanal", "panggilan_ditangani", "detik_login", "detik_bicara"],
  intervals: ["tanggal", "jam", "kanal", "panggilan_masuk", "panggilan_dijawab", "panggilan_abandon", "aht_detik"],
  roster: ["nip", "tanggal", "mulai", "selesai", "kanal"],
  states: ["nip", "kanal", "status", "mulai", "selesai"],
};
/** A good row; for a staff file, a new person, the `k`-th (so that rows of one file never share a NIP). */
function goodRow(kind: ImportKind, k = 0): string[] {
  const person = fx.world.people.find((p) => p.active);
  const nip = person?.nip ?? "";
  if (kind === "staff") {
    const born = addDays("1994-03-01", 3 * k).replaceAll("-", "");
    return [
      `${born}2018031${900 + k}`,
      "Rina Marlina",
      "Jakarta",
      "III/a",
      "Petugas Layanan",
      "layanan_informasi",
      fx.world.pastDay,
      "ya",
    ];
  }
  if (kind === "training") return [nip, "TLI-01", fx.world.pastDay, "lulus", "40", "88,5", "Pusdiklat"];
  if (kind === "calls") return [nip, fx.world.pastDay, "telepon", "12", "3600", "1200"];
  if (kind === "intervals") return [fx.world.pastDay, "08:00", "telepon", "10", "9", "1", "265"];
  if (kind === "states") {
    const day = addDays(fx.world.pastDay, -k);
    return [nip, "telepon", "siap", `${day} 08:00`, `${day} 09:00`];
  }
  return [nip, fx.world.futureDay, "07:00", "15:00", "telepon"];
}
const csv = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(";")).join("\r\n");

async function both(kind: ImportKind, bytes: Uint8Array) {
  const web = await previewUpload(db(), kind, bytes, fx.userId);
  const cli = await previewFile(db(), kind, bytes, fx.dir);
  checkReport(kind, bytes, cli);
  if (!("refused" in web)) {
    checkReport(kind, bytes, web.report);
    expect(comparable(cli)).toEqual(comparable(web.report));
  }
  return { web, cli };
}

describe("each hazard on its own", () => {
  const text = (kind: ImportKind) => csv([header[kind], goodRow(kind)]);

  it.each(IMPORT_KINDS)(
    "%s: Latin-1, UTF-16 (both byte orders, with BOM) and NUL bytes are refused, saying why",
    async (kind) => {
      const good = text(kind);
      const latin1 = Uint8Array.from([...`${good}\r\n`, ..."André"].map((c) => c.charCodeAt(0) & 0xff));
      const utf16 = (littleEndian: boolean) => {
        const out = [littleEndian ? 0xff : 0xfe, littleEndian ? 0xfe : 0xff];
        for (const c of good) out.push(...(littleEndian ? [c.charCodeAt(0), 0] : [0, c.charCodeAt(0)]));
        return Uint8Array.from(out);
      };
      const withNul = encoder.encode(`${good}\r\n${goodRow(kind).join(";")}\u0000\r\n`);
      // Excel's "Unicode Text" without its BOM is valid UTF-8 full of NULs.
      const utf16NoBom = utf16(true).subarray(2);
      for (const [bytes, message] of [
        [latin1, NOT_UTF8],
        [utf16(true), NOT_UTF8],
        [utf16(false), NOT_UTF8],
        [withNul, NOT_TEXT],
        [utf16NoBom, NOT_TEXT],
      ] as const) {
        const { web, cli } = await both(kind, bytes);
        expect(web).toEqual({ refused: message });
        expect(cli.fileErrors).toEqual([message]);
      }
    },
  );

  it.each(IMPORT_KINDS)(
    "%s: a cell of a megabyte in any column is one error at its row, quickly",
    { timeout: 180_000 },
    async (kind) => {
      const before = await writtenCounts(db());
      // A megabyte of digits and then a letter: the worst case for a backtracking number pattern.
      const huge = `${"9".repeat(1 << 20)}x`;
      for (const [k, column] of header[kind].entries()) {
        const row = goodRow(kind);
        row[k] = huge;
        // Another training than the good row's, so that a kept provider does not repeat its key.
        if (kind === "training" && k !== 2) row[2] = addDays(fx.world.pastDay, -1);
        const started = Date.now();
        const { web } = await both(kind, encoder.encode(csv([header[kind], goodRow(kind), row])));
        // Not a speed measurement (bench/ does those): a pattern that backtracks over a megabyte takes hours, and
        // a linear read well under a second, even on a busy machine; the bound sits far from both.
        expect(Date.now() - started, column).toBeLessThan(20_000);
        if ("refused" in web) throw new Error(web.refused);
        // The good row, then the huge one: an error there, unless the column is free text (kept, cut to 200).
        const free = column === "penyelenggara";
        expect(web.report.errors.map((e) => [e.row, e.column])).toEqual(free ? [] : [[3, column]]);
        expect(web.report.valid).toBe(free ? 2 : 1);
      }
      expect(await writtenCounts(db())).toEqual(before);
    },
  );

  it.each(IMPORT_KINDS)("%s: a formula in any cell is refused at its row, but for free text", async (kind) => {
    for (const formula of FORMULAS) {
      const rows = header[kind].map((_, k) => goodRow(kind, k).map((cell, j) => (j === k ? formula : cell)));
      const { web } = await both(kind, encoder.encode(csv([header[kind], ...rows])));
      if ("refused" in web) throw new Error(web.refused);
      const refused = new Set(web.report.errors.map((e) => e.row));
      // Free text: the provider of a training record, a person's name and birth place (within the form's lengths).
      const kept = (column: string | undefined) => {
        const text = formula.trim().replace(/\s+/g, " ");
        if (column === "penyelenggara") return true;
        if (kind === "staff" && column === "nama") return text.length >= 3;
        return kind === "staff" && column === "tempat_lahir" && text.length >= 2;
      };
      const expected = rows.map((_, k) => k + 2).filter((row) => !kept(header[kind][row - 2]));
      expect([...refused].sort((a, b) => a - b)).toEqual(expected);
    }
  });

  it.each(IMPORT_KINDS)("%s: empty files, a BOM alone, a header alone, and a file of blank lines", async (kind) => {
    for (const t of [
      "",
      "\uFEFF",
      "\r\n\r\n",
      " ",
      `${header[kind].join(";")}`,
      `${header[kind].join(";")}\r\n\r\n;;\r\n`,
    ]) {
      const { web, cli } = await both(kind, encoder.encode(t));
      if ("refused" in web) throw new Error(web.refused);
      const expectRefused = !t.includes(header[kind][0] ?? "?");
      expect(web.report.fileErrors.length > 0).toBe(expectRefused);
      expect(web.report.rows).toBe(0);
      expect(cli.rows).toBe(0);
    }
  });

  it("a file written with CR, LF and CRLF mixed has the rows a spreadsheet shows", async () => {
    const row = (day: number, channel: string) => {
      const cells = goodRow("calls");
      cells[1] = `${fx.world.pastDay.slice(0, 8)}0${day}`;
      cells[2] = channel;
      return cells.join(",");
    };
    const head = header.calls.join(",");
    const text = `${head}\r\n${row(1, "sms")}\n${row(2, "sms")}\r${row(3, "sms")}\r\n${row(4, "fax")}\r`;
    const { web } = await both("calls", encoder.encode(text));
    if ("refused" in web) throw new Error(web.refused);
    expect(web.report).toMatchObject({ rows: 4, valid: 3 });
    expect(web.report.errors.map((e) => [e.row, e.column])).toEqual([[5, "kanal"]]);
  });

  it("one, two or three byte-order marks before a quoted header are all dropped, by both entry points", async () => {
    for (const marks of [1, 2, 3]) {
      const bytes = encoder.encode(`${"\uFEFF".repeat(marks)}${csv([header.calls, goodRow("calls")])}`);
      const { web, cli } = await both("calls", bytes);
      if ("refused" in web) throw new Error(web.refused);
      expect(web.report).toMatchObject({ fileErrors: [], valid: 1 });
      expect(cli).toMatchObject({ fileErrors: [], valid: 1 });
    }
  });

  it("names of Object.prototype are no status or channel", async () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const training = goodRow("training");
      training[3] = name;
      const calls = goodRow("calls");
      calls[2] = name;
      for (const [kind, row, column] of [
        ["training", training, "status"],
        ["calls", calls, "kanal"],
      ] as const) {
        const { web } = await both(kind, encoder.encode(csv([header[kind], row])));
        if ("refused" in web) throw new Error(web.refused);
        expect(web.report.valid).toBe(0);
        expect(web.report.errors.map((e) => [e.row, e.column])).toEqual([[2, column]]);
      }
    }
  });

  it("a date in year 0 (which PostgreSQL has not) is an error at its row, not a failed preview", async () => {
    for (const kind of IMPORT_KINDS) {
      const row = goodRow(kind);
      // An agent-states file writes the date with the start time.
      const at = header[kind].findIndex(
        (h) => h.startsWith("tanggal") || h === "tmt" || (kind === "states" && h === "mulai"),
      );
      for (const day of ["01/01/0000", "0000-12-31", "05/01/0026"]) {
        row[at] = kind === "states" ? `${day} 08:00` : day;
        const { web } = await both(kind, encoder.encode(csv([header[kind], row])));
        if ("refused" in web) throw new Error(web.refused);
        expect(web.report.errors.map((e) => [e.row, e.column])).toEqual([[2, header[kind][at]]]);
        expect(web.report.errors[0]?.message).toMatch(/terlalu jauh di masa lalu/);
      }
    }
  });
});

describe("a file refused midway on the command line", () => {
  // Linux shows a process's open files in /proc/self/fd.
  it.skipIf(!existsSync("/proc/self/fd"))("is closed, not left open for the garbage collector", async () => {
    const head = encoder.encode(`${header.training.join(";")}\n`);
    const rows = encoder.encode(`${goodRow("training").join(";")}\n`.repeat(4000));
    // Valid UTF-8 for the first few hundred kilobytes, then a Latin-1 "é".
    const bytes = new Uint8Array([...head, ...rows, 0xe9, 0x0a, ...rows]);
    // The files this test opened: descriptors pointing into its directory. (Not all of the process's: the other
    // test worker is a thread of the same process and opens files of its own meanwhile.)
    const here = realpathSync(fx.dir);
    const openHere = () =>
      readdirSync("/proc/self/fd").filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`).startsWith(here);
        } catch {
          return false; // closed between the listing and the look
        }
      }).length;
    for (let k = 0; k < 10; k++) {
      const report = await previewFile(db(), "training", bytes, fx.dir);
      expect(report.fileErrors).toEqual([NOT_UTF8]);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(openHere()).toBe(0);
  });
});

describe("the import pages with a hostile file", () => {
  it("upload refuses a broken workbook and a file with NUL bytes with a message (400), not a server error", async () => {
    const hr = await sessionCookie("hr", DEMO_PASSWORD);
    const broken = new File([Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x6e, 0x69, 0x70])], "data.xlsx");
    const r = await uploadThroughPage(hr, broken);
    expect(r.status).toBe(400);
    expect((r.data as { errors: Record<string, string> }).errors.file).toBe(NOT_XLSX);
    const nul = new File([Uint8Array.from([0x6e, 0x69, 0x70, 0x00, 0x0a])], "data.csv");
    const n = await uploadThroughPage(hr, nul);
    expect(n.status).toBe(400);
    expect((n.data as { errors: Record<string, string> }).errors.file).toBe(NOT_TEXT);
  });

  it("upload, preview and the preview's error report of a file full of formulas and broken quotes", async () => {
    const hr = await sessionCookie("hr", DEMO_PASSWORD);
    const rows = [header.training, ...FORMULAS.map((f) => goodRow("training").map((c, j) => (j === 3 ? f : c)))];
    const text = `${csv(rows)}\r\n"unclosed;${FORMULAS[0]}`;
    const file = new File([encoder.encode(text)], "rumus.csv", { type: "text/csv" });
    const up = await uploadThroughPage(hr, file);
    expect(up.status).toBe(302);
    const id = up.location?.split("/").at(-1) ?? "";
    const before = await writtenCounts(db());
    const page = await callRoute(preview, "/impor/x", { params: { id }, cookie: hr });
    const report = await (page.data as { report: Promise<ImportReport> }).report;
    expect(report.errors.map((e) => e.row)).toEqual([...FORMULAS.map((_, k) => k + 2), FORMULAS.length + 2]);
    const csvReport = await callRoute(previewReport, "/impor/x/laporan", { params: { id }, cookie: hr });
    expect(csvReport.status).toBe(200);
    const parsed = Papa.parse<string[]>(String(csvReport.data).replace(/^\uFEFF/, ""), {
      delimiter: ";",
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(["baris", "kolom", "jenis", "pesan"]);
    expect(parsed.data.slice(1).map((r) => Number(r[0]))).toEqual(report.errors.map((e) => e.row));
    expect(await writtenCounts(db())).toEqual(before);
  });
});
