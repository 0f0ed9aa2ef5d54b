// Formula injection, through every export: names, team names, assessors, item texts, comments, calibration
// sessions, written reports, course codes (the eligibility evidence) and who made the file, each set to text a
// spreadsheet would run (starting with =, +, -, @, tab or CR); every export produced by its real route or
// command and read back. Workbooks (the KPI workbook, the staffing plan): no formula anywhere — not in the XML,
// not through exceljs — and each such text a string cell in Text format, as written. CSV files (the KPI rows,
// the eligibility list, the import error reports): read with their semicolon, no field starts a formula, and
// each such text is there behind the apostrophe of the policy (spreadsheet-safety.ts). NUL cannot be stored
// (PostgreSQL refuses it); it is covered with the rest in app/.server/spreadsheet-safety.property.test.ts.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, asc, eq, gte, inArray, lte, ne } from "drizzle-orm";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { periodKpiReport } from "../../app/.server/period-kpi";
import { SYSTEM_ACCESS } from "../../app/.server/scope";
import { getSettings } from "../../app/.server/settings";
import { isFormulaLike, xlsxText } from "../../app/.server/spreadsheet-safety";
import * as importPreviewReport from "../../app/routes/impor.$id.laporan";
import * as importBatchReport from "../../app/routes/impor.riwayat.$id.laporan";
import * as kpiDownload from "../../app/routes/kpi.unduh";
import * as staffingDownload from "../../app/routes/tenaga-kerja.unduh";
import { parseKpiExportArgs, runKpiExport } from "../../cli/export-kpi";
import {
  calibrationParticipants,
  calibrationSessions,
  coachingActions,
  coachingSessions,
  evaluationScores,
  evaluations,
  importBatches,
  reports,
  scorecardItems,
  staff,
  teams,
  trainingCourses,
  users,
} from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { demoDatabaseForThisFile } from "../support/db";
import { downloadList } from "../support/list-exports";
import { BASE_URL, sessionCookie, uploadThroughPage } from "../support/routes";
import { formulaElements, worksheetXml } from "../support/xlsx";

// The demo is built relative to "now"; the period under review has evaluations, calibration and reports.
const NOW = new Date("2026-11-29T03:00:00Z");
const PERIOD = "2026-10";

// What a spreadsheet runs: =, +, -, @, tab and CR at the start (NUL cannot be stored, see above).
const STARTS = [
  '=HYPERLINK("http://x.example/?',
  "+SUM(1+1)*cmd|' /C calc'!A0 ",
  "-2+3+cmd|' /C calc'!A0 ",
  "@SUM(1+1) ",
  "\t=1+1 ",
  "\r=1+1 ",
];
let counter = 0;
/** A distinct text for one place, starting a formula. */
const hostile = (place: string) => {
  const start = STARTS[counter++ % STARTS.length] ?? "=";
  return start.endsWith("?") ? `${start}${place}","klik")` : `${start}${place}`;
};

/** What was put where: each text, and the exports (and sheets) it must come out in. */
const planted: { value: string; in: string[]; prefix?: boolean }[] = [];
const plant = (value: string, where: string[], prefix = false) => {
  planted.push({ value, in: where, prefix });
  return value;
};

let kasiName = "";
const getHandle = demoDatabaseForThisFile("2026-11-29", async (handle) => {
  const db = handle.db;
  const settings = await getSettings(db);
  const { agents } = await periodKpiReport(db, PERIOD, settings, SYSTEM_ACCESS);
  const CSVS = ["kpi.csv", "kelayakan.csv"];

  // Agents' names, and one team's name.
  for (const [k, agent] of agents.slice(0, 6).entries()) {
    const name = plant(hostile(`nama-${k}`), ["KPI Petugas", "Pelatihan & Sertifikasi", ...CSVS]);
    await db.update(staff).set({ fullName: name }).where(eq(staff.id, agent.staffId));
  }
  const [firstAgent] = agents;
  if (!firstAgent) throw new Error("no agents in the period");
  const teamName = plant(hostile("tim"), [
    "Ringkasan",
    "KPI Petugas",
    "Pelatihan & Sertifikasi",
    "Kepatuhan Jadwal",
    ...CSVS,
  ]);
  await db.update(teams).set({ name: teamName }).where(eq(teams.id, firstAgent.teamId));

  // An assessor with evaluations in the period, the authors of its reports, a calibration participant.
  const counted = and(eq(evaluations.periodId, PERIOD), ne(evaluations.state, "draft"));
  const [assessed] = await db.select({ userId: evaluations.assessorUserId }).from(evaluations).where(counted).limit(1);
  const authors = await db.select({ userId: reports.authorUserId }).from(reports).where(eq(reports.periodId, PERIOD));
  const [session] = await db.select().from(calibrationSessions).where(eq(calibrationSessions.periodId, PERIOD));
  if (!assessed || !session || authors.length === 0)
    throw new Error("the demo period lacks evaluations, calibration or reports");
  const participants = await db
    .select({ userId: calibrationParticipants.userId })
    .from(calibrationParticipants)
    .where(eq(calibrationParticipants.sessionId, session.id));
  const sheetsOf = new Map<number, string[]>();
  const add = (userId: number, sheet: string) => sheetsOf.set(userId, [...(sheetsOf.get(userId) ?? []), sheet]);
  add(assessed.userId, "Evaluasi");
  for (const a of authors) add(a.userId, "Laporan");
  for (const p of participants) add(p.userId, "Kalibrasi");
  const [kasi] = await db.select({ id: users.id }).from(users).where(eq(users.username, "kasi"));
  for (const [userId, sheets] of sheetsOf) {
    if (userId === kasi?.id) continue; // kasi's name is set below, as the maker of the files
    await db
      .update(users)
      .set({ displayName: plant(hostile(`pengguna-${userId}`), sheets) })
      .where(eq(users.id, userId));
  }
  // Who makes the files: "Dibuat oleh <name> (kasi)" on the summary sheets.
  kasiName = hostile("kasi");
  await db.update(users).set({ displayName: kasiName }).where(eq(users.username, "kasi"));

  // A scored item's code and text, and one comment.
  const [score] = await db
    .select({ evaluationId: evaluationScores.evaluationId, itemId: evaluationScores.itemId })
    .from(evaluationScores)
    .innerJoin(evaluations, eq(evaluations.id, evaluationScores.evaluationId))
    .where(counted)
    .orderBy(asc(evaluationScores.evaluationId))
    .limit(1);
  if (!score) throw new Error("no item scores in the period");
  await db
    .update(scorecardItems)
    .set({ code: plant(hostile("butir"), ["Rincian Item"]), text: plant(hostile("teks-butir"), ["Rincian Item"]) })
    .where(eq(scorecardItems.id, score.itemId));
  await db
    .update(evaluationScores)
    .set({ comment: plant(hostile("komentar"), ["Rincian Item"]) })
    .where(and(eq(evaluationScores.evaluationId, score.evaluationId), eq(evaluationScores.itemId, score.itemId)));

  // The calibration session's title and interaction reference.
  await db
    .update(calibrationSessions)
    .set({ title: plant(hostile("sesi"), ["Kalibrasi"]), interactionRef: plant(hostile("rujukan"), ["Kalibrasi"]) })
    .where(eq(calibrationSessions.id, session.id));

  // Every text of the period's written reports.
  const periodReports = await db.select({ id: reports.id }).from(reports).where(eq(reports.periodId, PERIOD));
  for (const r of periodReports) {
    await db
      .update(reports)
      .set({
        title: plant(hostile(`judul-${r.id}`), ["Laporan"]),
        problem: plant(hostile(`masalah-${r.id}`), ["Laporan"]),
        regulation: plant(hostile(`ketentuan-${r.id}`), ["Laporan"]),
        analysis: plant(hostile(`analisis-${r.id}`), ["Laporan"]),
        conclusion: plant(hostile(`simpulan-${r.id}`), ["Laporan"]),
      })
      .where(eq(reports.id, r.id));
  }

  // The texts of the coaching held in the period: what was observed, the agent's comment, each action and its note.
  const coached = await db
    .select({ id: coachingSessions.id })
    .from(coachingSessions)
    .where(and(gte(coachingSessions.heldOn, "2026-10-26"), lte(coachingSessions.heldOn, "2026-11-25")));
  if (coached.length === 0) throw new Error("the demo period has no coaching");
  for (const c of coached) {
    await db
      .update(coachingSessions)
      .set({
        observation: plant(hostile(`amatan-${c.id}`), ["Pembinaan"]),
        agentComment: plant(hostile(`komentar-${c.id}`), ["Pembinaan"]),
      })
      .where(eq(coachingSessions.id, c.id));
    const actions = await db
      .select({ id: coachingActions.id })
      .from(coachingActions)
      .where(eq(coachingActions.sessionId, c.id));
    for (const a of actions) {
      await db
        .update(coachingActions)
        .set({ description: plant(hostile(`tindakan-${a.id}`), ["Pembinaan"]) })
        .where(eq(coachingActions.id, a.id));
    }
  }

  // A course code: the eligibility evidence begins with it ("TLI-01 Diklat …, lulus 14 Mar 2025").
  const code = plant(hostile("kursus"), ["Pelatihan & Sertifikasi", "kelayakan.csv"], true);
  await db
    .update(trainingCourses)
    .set({ code })
    .where(inArray(trainingCourses.code, ["TLI-01"]));
});
const db = () => getHandle().db;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "mutu-injection-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** How a text comes back from a workbook: cleaned by xlsxText, and each line break LF (XML reads CR as LF). */
const shown = (value: string) => xlsxText(value).replace(/\r\n?/g, "\n");

/** A workbook's text cells by sheet, after checking that no cell anywhere is a formula. */
async function readWorkbook(bytes: Uint8Array): Promise<Map<string, ExcelJS.Cell[]>> {
  const sheets = worksheetXml(bytes);
  expect(sheets.size).toBeGreaterThan(0);
  for (const [name, xml] of sheets) expect(formulaElements(xml), name).toBe(0);
  const book = await new ExcelJS.Workbook().xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const texts = new Map<string, ExcelJS.Cell[]>();
  book.eachSheet((sheet) => {
    const cells: ExcelJS.Cell[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.formula, `${sheet.name}!${cell.address}`).toBeUndefined();
        expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === "string") {
          cells.push(cell);
          // Text a spreadsheet would run is in Text format, so that editing the cell keeps it text.
          if (isFormulaLike(cell.value)) expect(cell.numFmt, `${sheet.name}!${cell.address}`).toBe("@");
        }
      }),
    );
    texts.set(sheet.name, cells);
  });
  return texts;
}

/** The cell showing `value` (or starting with it) in a sheet, which must be a string cell in Text format. */
function expectTextCell(texts: Map<string, ExcelJS.Cell[]>, sheet: string, value: string, prefix = false) {
  const want = shown(value);
  const cell = texts.get(sheet)?.find((c) => (prefix ? String(c.value).startsWith(want) : c.value === want));
  expect(cell, `${JSON.stringify(value)} in ${sheet}`).toBeDefined();
  expect(cell?.type).toBe(ExcelJS.ValueType.String);
  expect(cell?.numFmt).toBe("@");
}

const PLAIN_NUMBER = /^-?\d+(,\d+)?$/;
/** A CSV export's fields, after checking that none of them starts a formula (numbers excepted). */
function readCsv(text: string): string[][] {
  expect(text.startsWith("\uFEFF")).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ";", newline: "\r\n", skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  for (const row of parsed.data) {
    for (const field of row)
      expect(!isFormulaLike(field) || PLAIN_NUMBER.test(field), JSON.stringify(field)).toBe(true);
  }
  return parsed.data;
}
/** The policy: text that would run is written behind an apostrophe, otherwise unchanged. */
function expectNeutralised(rows: string[][], value: string, prefix = false) {
  const want = `'${value}`;
  const found = rows.flat().some((field) => (prefix ? field.startsWith(want) : field === want));
  expect(found, JSON.stringify(value)).toBe(true);
}

type Loader = (args: {
  request: Request;
  params: Record<string, string>;
  context: { remoteAddress: string };
}) => unknown;
/** A file as a route sends it, byte for byte (a Response's text() would drop the byte-order mark). */
async function fetchFile(
  route: { loader: Loader },
  address: string,
  who: string,
  params: Record<string, string> = {},
): Promise<Uint8Array> {
  const cookie = await sessionCookie(who, DEMO_PASSWORD);
  const response = (await route.loader({
    request: new Request(`${BASE_URL}${address}`, { headers: { cookie } }),
    params,
    context: { remoteAddress: "10.0.0.1" },
  })) as Response;
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}
const text = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

describe("the KPI workbook (/kpi/unduh)", () => {
  it("has no formula anywhere, and every planted text as a string cell in Text format", async () => {
    const texts = await readWorkbook(await fetchFile(kpiDownload, `/kpi/unduh?periode=${PERIOD}`, "kasi"));
    const sheets = [...texts.keys()];
    let checked = 0;
    for (const p of planted) {
      for (const sheet of p.in.filter((s) => sheets.includes(s))) {
        expectTextCell(texts, sheet, p.value, p.prefix);
        checked += 1;
      }
    }
    expectTextCell(texts, "Ringkasan", `${kasiName} (kasi)`);
    // Every sheet carries planted text: names, teams, assessors, items, comments, calibration, evidence, reports.
    expect(new Set(planted.flatMap((p) => p.in.filter((s) => sheets.includes(s))))).toEqual(new Set(sheets));
    expect(checked).toBeGreaterThan(30);
  });
});

describe("the staffing plan workbook (/tenaga-kerja/unduh)", () => {
  it("has no formula anywhere; who made it is a string cell in Text format", async () => {
    const texts = await readWorkbook(await fetchFile(staffingDownload, "/tenaga-kerja/unduh", "kasi"));
    expectTextCell(texts, "Ringkasan", `${kasiName} (kasi)`);
  });
});

describe("the KPI rows as CSV (mutu export kpi --format csv)", () => {
  it("neutralises every planted name and team with an apostrophe; no field starts a formula", async () => {
    const out = path.join(dir, "kpi.csv");
    await runKpiExport(db(), parseKpiExportArgs(["--period", PERIOD, "--format", "csv", "--out", out], NOW), NOW);
    const rows = readCsv(readFileSync(out, "utf8"));
    const mine = planted.filter((p) => p.in.includes("kpi.csv"));
    expect(mine.length).toBeGreaterThan(5);
    for (const p of mine) expectNeutralised(rows, p.value, p.prefix);
  });
});

describe("the eligibility list as CSV (/unduh/kelayakan.csv)", () => {
  it("neutralises every planted name, team and course code with an apostrophe; no field starts a formula", async () => {
    const rows = readCsv(
      text(
        await new Uint8Array(
          await (await downloadList(await sessionCookie("kasi", DEMO_PASSWORD), "kelayakan.csv")).arrayBuffer(),
        ),
      ),
    );
    const mine = planted.filter((p) => p.in.includes("kelayakan.csv"));
    expect(mine.length).toBeGreaterThan(5);
    for (const p of mine) expectNeutralised(rows, p.value, p.prefix);
  });
});

describe("the import error reports as CSV", () => {
  it("of a preview (/impor/:id/laporan): cells of a file full of formulas come out with no field starting one", async () => {
    const hr = await sessionCookie("hr", DEMO_PASSWORD);
    const lines = [
      "NIP;Nama;Kode Pelatihan;Tanggal Selesai;Status",
      ...STARTS.map(
        (start, k) =>
          `199009092011032661;"${start.replaceAll('"', '""')}nama";PYG-01;0${k + 1}/01/2026;"${start.replaceAll('"', '""')}"`,
      ),
    ];
    const file = new File([`${lines.join("\r\n")}\r\n`], "rumus.csv", { type: "text/csv" });
    const up = await uploadThroughPage(hr, file);
    expect(up.status).toBe(302);
    const id = up.location?.split("/").at(-1) ?? "";
    const rows = readCsv(text(await fetchFile(importPreviewReport, "/impor/x/laporan", "hr", { id })));
    expect(rows[0]).toEqual(["baris", "kolom", "jenis", "pesan"]);
    // One error (the status) per row, and a warning where the name differs from the staff data.
    expect(rows.filter((row) => row[2] === "kesalahan").map((row) => row[0])).toEqual(
      STARTS.map((_, k) => String(k + 2)),
    );
  });

  it("of a committed batch (/impor/riwayat/:id/laporan): a stored column or message that starts a formula is neutralised", async () => {
    const [hr] = await db().select({ id: users.id }).from(users).where(eq(users.username, "hr"));
    const report = STARTS.map((start, k) => ({
      row: k + 2,
      column: `${start}kolom`,
      message: `${start}pesan ${k}`,
      level: k % 2 === 0 ? "error" : "warning",
    }));
    const [batch] = await db()
      .insert(importBatches)
      .values({
        kind: "training",
        fileName: "=rumus.csv",
        fileSha256: "",
        rows: report.length,
        valid: 0,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        errors: 3,
        warnings: 3,
        validOnly: false,
        report: report as never,
        createdBy: hr?.id ?? null,
        createdByLabel: "hr",
        createdAt: NOW,
      })
      .returning({ id: importBatches.id });
    const rows = readCsv(
      text(await fetchFile(importBatchReport, "/impor/riwayat/x/laporan", "hr", { id: String(batch?.id) })),
    );
    for (const issue of report) {
      expectNeutralised(rows, issue.column);
      expectNeutralised(rows, issue.message);
    }
  });
});
