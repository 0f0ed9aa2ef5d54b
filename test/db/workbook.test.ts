// The KPI workbook of a demo period, written to a file and read back with exceljs: the sheets and headers,
// an agent's row equal to periodKpiReport, text that looks like a formula kept as text, control characters
// that would break the XML taken out; stopping when the reader goes away; the download route's permissions;
// and the command line's CSV.
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { and, count, eq, ne } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WIB_OFFSET_MS } from "../../analytics/dates";
import { positionLabel } from "../../analytics/organization";
import { periodOf, shiftPeriod } from "../../analytics/period";
import { SECTION_LABELS } from "../../analytics/scoring";
import { UserFacingError } from "../../app/.server/errors";
import { type AgentKpiRow, periodKpiReport } from "../../app/.server/period-kpi";
import { SYSTEM_ACCESS } from "../../app/.server/scope";
import { getSettings } from "../../app/.server/settings";
import { kpiWorkbookName, WorkbookAborted, writeKpiWorkbook } from "../../app/.server/workbook";
import * as download from "../../app/routes/kpi.unduh";
import { parseKpiExportArgs, runKpiExport } from "../../cli/export-kpi";
import { UsageError } from "../../cli/usage-error";
import { evaluationScores, evaluations, staff, users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { runMutu } from "../support/cli";
import { demoDatabaseForThisFile } from "../support/db";
import { staffIdOf } from "../support/evaluations";
import { BASE_URL, callRoute, sessionCookie } from "../support/routes";
import { datesTooNarrow } from "../support/xlsx";

// The demo is built relative to "now"; a fixed now keeps its periods the same on every run. The period
// under review is the one before now's, which has reports and IKU targets in the demo.
const NOW = new Date("2026-11-29T03:00:00Z");
const PERIOD = "2026-10";
const FORMULA_NAME = '=HYPERLINK("http://x","klik")';
// PostgreSQL refuses NUL in text, so the stored name carries the other control characters XML forbids.
const CONTROL_NAME = "Rina\u0001 Kusuma\u0007wati\u000B\u001F";
const SHEETS = [
  "Ringkasan",
  "KPI Petugas",
  "Evaluasi",
  "Rincian Item",
  "Kalibrasi",
  "Pelatihan & Sertifikasi",
  "Pembinaan",
  "Kepatuhan Jadwal",
  "Laporan",
];
const AGENT_HEADER = [
  "NIP",
  "Nama",
  "Tim",
  "Jabatan",
  "Jumlah Evaluasi",
  "Hardskill",
  "Softskill",
  "Kedisiplinan",
  "CPH",
  "Skor CPH",
  "Nilai Akhir",
  "Predikat",
  "Peringkat",
  "Status",
];

let formulaAgent: AgentKpiRow;
let controlAgent: AgentKpiRow;
const getHandle = demoDatabaseForThisFile("2026-11-29", async (handle) => {
  const { agents } = await periodKpiReport(handle.db, PERIOD, await getSettings(handle.db), SYSTEM_ACCESS);
  [formulaAgent, controlAgent] = [agents[1] as AgentKpiRow, agents[2] as AgentKpiRow];
  await handle.db.update(staff).set({ fullName: FORMULA_NAME }).where(eq(staff.id, formulaAgent.staffId));
  await handle.db.update(staff).set({ fullName: CONTROL_NAME }).where(eq(staff.id, controlAgent.staffId));
  const [score] = await handle.db
    .select({ evaluationId: evaluationScores.evaluationId, itemId: evaluationScores.itemId })
    .from(evaluationScores)
    .innerJoin(evaluations, eq(evaluations.id, evaluationScores.evaluationId))
    .where(and(eq(evaluations.periodId, PERIOD), ne(evaluations.state, "draft")))
    .limit(1);
  await handle.db
    .update(evaluationScores)
    .set({ comment: "-1 poin: salam\u0002 pembuka kurang" })
    .where(
      and(eq(evaluationScores.evaluationId, score?.evaluationId ?? 0), eq(evaluationScores.itemId, score?.itemId ?? 0)),
    );
});
const db = () => getHandle().db;

let dir: string;
let book: ExcelJS.Workbook;
let report: Awaited<ReturnType<typeof periodKpiReport>>;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "mutu-workbook-"));
  const file = path.join(dir, kpiWorkbookName(PERIOD));
  const settings = await getSettings(db());
  report = await periodKpiReport(db(), PERIOD, settings, SYSTEM_ACCESS);
  const output = createWriteStream(file);
  await writeKpiWorkbook(db(), {
    periodId: PERIOD,
    settings,
    access: SYSTEM_ACCESS,
    actor: "Uji (uji)",
    now: NOW,
    output,
  });
  book = await new ExcelJS.Workbook().xlsx.readFile(file);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sheet = (name: string) => {
  const found = book.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
};
const rowValues = (s: ExcelJS.Worksheet, n: number) => (s.getRow(n).values as unknown[]).slice(1);
/** The data rows of a one-table sheet, header excluded. */
const dataRows = (s: ExcelJS.Worksheet) => Array.from({ length: s.rowCount - 1 }, (_, i) => s.getRow(i + 2));
const statusOf = (a: AgentKpiRow) =>
  a.kpi.missing.length === 0 ? "Lengkap" : `Belum lengkap: ${a.kpi.missing.map((m) => SECTION_LABELS[m]).join(", ")}`;
const rowWithNip = (nip: string) => {
  const found = dataRows(sheet("KPI Petugas")).find((r) => r.getCell(1).value === nip);
  if (!found) throw new Error(`no row for ${nip}`);
  return found;
};

describe("the KPI workbook", () => {
  it("has the seven sheets in order, each with its header row frozen and filtered", () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(SHEETS);
    for (const name of SHEETS.slice(1)) {
      expect(sheet(name).views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet(name).autoFilter).toBeTruthy();
    }
    expect(sheet("Ringkasan").views[0]).toMatchObject({ state: "frozen" });
  });

  it("heads KPI Petugas exactly, and gives one row per agent of periodKpiReport", () => {
    expect(rowValues(sheet("KPI Petugas"), 1)).toEqual(AGENT_HEADER);
    expect(sheet("KPI Petugas").rowCount).toBe(1 + report.agents.length);
    expect(sheet("KPI Petugas").autoFilter).toBe(`A1:N${1 + report.agents.length}`);
  });

  it("writes the demo agent's row exactly as periodKpiReport has it, the NIP as 18 digits of text", async () => {
    const demoAgentId = await staffIdOf(db(), "petugas");
    const agent = report.agents.find((a) => a.staffId === demoAgentId);
    if (!agent) throw new Error("the demo agent has no KPI row");
    const row = rowWithNip(agent.nip);
    const nip = row.getCell(1);
    expect(nip.type).toBe(ExcelJS.ValueType.String);
    expect(nip.value).toMatch(/^\d{18}$/);
    expect(nip.value).toBe(agent.nip);
    const values = rowValues(sheet("KPI Petugas"), Number(row.number));
    expect(values.slice(1, 5)).toEqual([
      agent.fullName,
      agent.teamName,
      positionLabel(agent.position),
      agent.evaluations,
    ]);
    const numbers = [
      agent.dimensions.hardskill,
      agent.dimensions.softskill,
      agent.dimensions.kedisiplinan,
      agent.cphActual,
      agent.dimensions.cph,
      agent.kpi.score,
    ];
    numbers.forEach((expected, i) => {
      const cell = row.getCell(6 + i);
      expect(cell.numFmt).toBe("0.00");
      if (expected === null) expect(cell.value ?? null).toBeNull();
      else expect(Number(cell.value)).toBeCloseTo(expected, 2);
    });
    expect(row.getCell(12).value).toBe(agent.predikat);
    expect(row.getCell(13).value).toBe(agent.rank);
    expect(row.getCell(14).value).toBe(statusOf(agent));
  });

  it("says which dimensions an incomplete KPI lacks", () => {
    const incomplete = report.agents.filter((a) => a.kpi.missing.length > 0);
    expect(incomplete.length).toBeGreaterThan(0);
    for (const agent of incomplete) {
      expect(rowWithNip(agent.nip).getCell(14).value).toBe(statusOf(agent));
      expect(rowWithNip(agent.nip).getCell(11).value ?? null).toBeNull();
    }
  });

  it("colours every predikat cell, one fill per predikat", () => {
    const fills = new Map<string, string>();
    for (const row of dataRows(sheet("KPI Petugas"))) {
      const cell = row.getCell(12);
      if (!cell.value) continue;
      const fill = cell.fill as ExcelJS.FillPattern;
      expect(fill?.pattern).toBe("solid");
      const argb = fill.fgColor?.argb ?? "";
      expect(fills.get(String(cell.value)) ?? argb).toBe(argb);
      fills.set(String(cell.value), argb);
    }
    expect(new Set(fills.values()).size).toBe(fills.size);
    expect(fills.size).toBeGreaterThan(1);
  });

  it("keeps a name that looks like a formula as a plain string cell, with no formula", () => {
    for (const [name, nipColumn, nameColumn] of [
      ["KPI Petugas", 1, 2],
      ["Evaluasi", 5, 6],
    ] as const) {
      const row = dataRows(sheet(name)).find((r) => r.getCell(nipColumn).value === formulaAgent.nip);
      const cell = row?.getCell(nameColumn);
      expect(cell?.type).toBe(ExcelJS.ValueType.String);
      expect(cell?.value).toBe(FORMULA_NAME);
      expect(cell?.formula).toBeUndefined();
    }
    const comment = dataRows(sheet("Rincian Item")).find((r) => String(r.getCell(9).value).startsWith("-1 poin"));
    expect(comment?.getCell(9).value).toBe("-1 poin: salam pembuka kurang");
    expect(comment?.getCell(9).formula).toBeUndefined();
  });

  it("takes out the control characters XML forbids, so the file reads without repair", () => {
    expect(rowWithNip(controlAgent.nip).getCell(2).value).toBe("Rina Kusumawati");
  });

  it("lists every counted evaluation and every item score, times as WIB date-times", async () => {
    const counted = and(eq(evaluations.periodId, PERIOD), ne(evaluations.state, "draft"));
    const [e] = await db().select({ n: count() }).from(evaluations).where(counted);
    const [s] = await db()
      .select({ n: count() })
      .from(evaluationScores)
      .innerJoin(evaluations, eq(evaluations.id, evaluationScores.evaluationId))
      .where(counted);
    expect(sheet("Evaluasi").rowCount - 1).toBe(e?.n);
    expect(sheet("Rincian Item").rowCount - 1).toBe(s?.n);
    // Every item names the clause of KEP-165/BC/2014 it comes from.
    const clauses = dataRows(sheet("Rincian Item")).map((r) => r.getCell(5).value);
    expect(sheet("Rincian Item").getRow(1).getCell(5).value).toBe("Dasar (KEP-165/BC/2014)");
    expect(clauses.every((c) => typeof c === "string" && /^\d|^[A-E]\./.test(c))).toBe(true);
    const first = dataRows(sheet("Evaluasi")).find((r) => r.getCell(2).value === "Interaksi");
    const [stored] = await db()
      .select()
      .from(evaluations)
      .where(eq(evaluations.id, Number(first?.getCell(1).value)));
    const at = first?.getCell(3);
    expect(at?.numFmt).toBe("dd/mm/yyyy hh:mm");
    expect(at?.value).toEqual(new Date((stored?.interactionAt?.getTime() ?? 0) + WIB_OFFSET_MS));
    expect(first?.getCell(5).type).toBe(ExcelJS.ValueType.String);
  });

  it("summarises the period: its range, draft status, who made it, the center and teams, and IKU", () => {
    const summary = sheet("Ringkasan");
    const labelled = new Map(
      Array.from({ length: 8 }, (_, i) => summary.getRow(i + 1)).map((r) => [r.getCell(1).value, r.getCell(2).value]),
    );
    expect(labelled.get("ID periode")).toBe(PERIOD);
    expect(labelled.get("Periode")).toBe("Periode Oktober 2026 (26 Okt 2026 – 25 Nov 2026)");
    expect(labelled.get("Status")).toBe("Draf");
    expect(labelled.get("Dibuat oleh")).toBe("Uji (uji)");
    expect((labelled.get("Dibuat pada (WIB)") as Date).getTime()).toBe(NOW.getTime() + WIB_OFFSET_MS);
    const values = Array.from({ length: summary.rowCount }, (_, i) => rowValues(summary, i + 1));
    const center = values.find((v) => v[0] === "Seluruh contact center");
    expect(center?.[1]).toBe(report.center.agents);
    expect(Number(center?.[4])).toBeCloseTo(report.center.average ?? Number.NaN, 9);
    for (const team of report.teams) expect(values.some((v) => v[0] === team.teamName)).toBe(true);
    const iku = values.find((v) => v[0] === "Rata-rata nilai akhir QA");
    expect(iku?.slice(1, 4)).toEqual(["poin", expect.any(Number), 80]);
  });

  it("says who approved a locked period, and when (WIB)", async () => {
    const file = path.join(dir, "approved.xlsx");
    const settings = await getSettings(db());
    await writeKpiWorkbook(db(), {
      periodId: "2026-07",
      settings,
      access: SYSTEM_ACCESS,
      actor: "uji",
      now: NOW,
      output: createWriteStream(file),
    });
    const approved = (await new ExcelJS.Workbook().xlsx.readFile(file)).getWorksheet("Ringkasan");
    expect(approved?.getRow(4).getCell(1).value).toBe("Status");
    expect(approved?.getRow(4).getCell(2).value).toMatch(
      /^Disetujui oleh .+ pada \d{1,2} \w{3} 2026 \d{2}\.\d{2} WIB$/,
    );
    const day = approved?.getRow(7);
    expect(day?.getCell(1).value).toBe("Kelayakan sertifikasi per");
    expect(day?.getCell(2).value).toEqual(new Date("2026-08-25T00:00:00Z"));
  });

  it("gives every date and date-time a column wide enough to show it (LibreOffice shows ### otherwise)", () => {
    expect(datesTooNarrow(book)).toEqual([]);
    expect(sheet("Ringkasan").getRow(5).getCell(1).value).toBe("Dibuat pada (WIB)");
  });

  it("says in words whether each IKU reached its target, not by colour alone", () => {
    const summary = sheet("Ringkasan");
    const rows = Array.from({ length: summary.rowCount }, (_, i) => rowValues(summary, i + 1));
    expect(rows.find((v) => v[0] === "Indikator")).toEqual([
      "Indikator",
      "Satuan",
      "Capaian",
      "Target",
      "Capaian thd Target (%)",
      "Keterangan",
    ]);
    const header = rows.findIndex((v) => v[0] === "Indikator");
    const iku = rows.slice(header + 1).filter((v) => typeof v[0] === "string" && v[0] !== "");
    expect(iku.length).toBe(5);
    const word = ([, , value, target]: unknown[]) =>
      typeof target !== "number"
        ? "Target belum ditetapkan"
        : typeof value !== "number"
          ? "Belum ada data"
          : value >= target
            ? "Tercapai"
            : "Di bawah target";
    for (const v of iku) expect(v[5]).toBe(word(v));
    expect(iku.some((v) => v[5] === "Di bawah target")).toBe(true);
  });

  it("has the period's written reports, with dates as dates", () => {
    const rows = dataRows(sheet("Laporan"));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]?.getCell(1).value).toBeInstanceOf(Date);
    expect(rows[0]?.getCell(1).numFmt).toBe("dd/mm/yyyy");
  });

  it("stops, rejecting with WorkbookAborted, when the reader goes away midway", async () => {
    let destroyed = false;
    const stuck = new Writable({
      highWaterMark: 1,
      write(_chunk, _encoding, _callback) {
        // Never acknowledges: a reader that stopped reading. Then it goes away altogether.
        if (!destroyed) setImmediate(() => stuck.destroy());
        destroyed = true;
      },
    });
    const settings = await getSettings(db());
    await expect(
      writeKpiWorkbook(db(), {
        periodId: PERIOD,
        settings,
        access: SYSTEM_ACCESS,
        actor: "uji",
        now: NOW,
        output: stuck,
      }),
    ).rejects.toBeInstanceOf(WorkbookAborted);
  });
});

describe("the download /kpi/unduh", () => {
  const url = `/kpi/unduh?periode=${PERIOD}`;
  const get = (cookie: string, address = url) =>
    download.loader({
      request: new Request(`${BASE_URL}${address}`, { headers: { cookie } }),
      params: {},
      context: { remoteAddress: "10.0.0.1" },
    }) as Promise<Response>;

  it("is refused (403) to a petugas and to HR", async () => {
    for (const who of ["petugas", "hr"]) {
      const r = await callRoute(download, url, { cookie: await sessionCookie(who, DEMO_PASSWORD) });
      expect(r.status, who).toBe(403);
    }
  });

  it("streams the workbook to the Kepala Seksi, named after the period", async () => {
    const response = await get(await sessionCookie("kasi", DEMO_PASSWORD));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="KPI_2026-10_2026-10-26_2026-11-25.xlsx"',
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    const downloaded = await new ExcelJS.Workbook().xlsx.load(await response.arrayBuffer());
    expect(downloaded.worksheets.map((w) => w.name)).toEqual(SHEETS);
    const madeBy = downloaded.getWorksheet("Ringkasan")?.getRow(6);
    expect(madeBy?.getCell(1).value).toBe("Dibuat oleh");
    expect(madeBy?.getCell(2).value).toMatch(/\(kasi\)$/);
  });

  it("gives a supervisor their team's workbook: named after the team, no one of another team anywhere in it", async () => {
    const response = await get(await sessionCookie("supervisor", DEMO_PASSWORD));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="KPI_2026-10_Tim-Layanan-Informasi-dan-Pengaduan.xlsx"',
    );
    const file = await new ExcelJS.Workbook().xlsx.load(await response.arrayBuffer());
    // Calibration (the QA team's assessors) and the teams' reports are the center's: not in a team's file.
    expect(file.worksheets.map((w) => w.name)).toEqual(
      SHEETS.filter((name) => name !== "Kalibrasi" && name !== "Laporan"),
    );
    const [supervisor] = await db()
      .select({ teamId: staff.teamId })
      .from(users)
      .innerJoin(staff, eq(staff.id, users.staffId))
      .where(eq(users.username, "supervisor"));
    const people = await db().select({ nip: staff.nip, teamId: staff.teamId }).from(staff);
    const ownTeam = new Set(people.filter((p) => p.teamId === supervisor?.teamId).map((p) => p.nip));
    const others = new Set(people.filter((p) => p.teamId !== supervisor?.teamId).map((p) => p.nip));
    // Every 18-digit NIP in any cell of any sheet, grouped (as printed) or not.
    const nips = new Set<string>();
    for (const ws of file.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((c) => {
          const digits = String(c.value ?? "").replace(/\s/g, "");
          if (/^\d{18}$/.test(digits)) nips.add(digits);
        }),
      );
    }
    expect(nips.size).toBeGreaterThan(0);
    expect([...nips].filter((nip) => others.has(nip))).toEqual([]);
    expect([...nips].every((nip) => ownTeam.has(nip))).toBe(true);
    const agents = file.getWorksheet("KPI Petugas");
    expect(agents?.rowCount).toBeGreaterThan(1);
    const summary = file.getWorksheet("Ringkasan");
    const rows = Array.from({ length: summary?.rowCount ?? 0 }, (_, i) => summary?.getRow(i + 1));
    const scope = rows.find((r) => r?.getCell(1).value === "Cakupan");
    expect(scope?.getCell(2).value).toBe("Tim Kerja Layanan Informasi dan Pengaduan");
    // The center's row and the IKU (the center's indicators) are left out.
    expect(rows.some((r) => r?.getCell(1).value === "Seluruh contact center")).toBe(false);
    expect(rows.some((r) => r?.getCell(1).value === "IKU terhadap target")).toBe(false);
  });

  it("defaults to the last finished period, and refuses a malformed one with a message (400)", async () => {
    const cookie = await sessionCookie("koordinator", DEMO_PASSWORD);
    const previous = shiftPeriod(periodOf(new Date()).id, -1).id;
    const fallback = await get(cookie, "/kpi/unduh");
    expect(fallback.headers.get("content-disposition")).toContain(kpiWorkbookName(previous));
    await fallback.body?.cancel();
    const bad = await callRoute(download, "/kpi/unduh?periode=2026-13", { cookie });
    expect(bad.status).toBe(400);
    expect(bad.data).toContain("Gunakan format YYYY-MM");
  });

  it("stops writing when the browser goes away or cancels the download", async () => {
    const cookie = await sessionCookie("kasi", DEMO_PASSWORD);
    // The server adapter aborts the request's signal when the connection closes before the end.
    const controller = new AbortController();
    const aborted = (await download.loader({
      request: new Request(`${BASE_URL}${url}`, { headers: { cookie }, signal: controller.signal }),
      params: {},
      context: { remoteAddress: "10.0.0.1" },
    })) as Response;
    const reader = aborted.body?.getReader();
    expect((await reader?.read())?.done).toBe(false);
    controller.abort();
    let done = false;
    while (!done) done = (await reader?.read())?.done ?? true;
    expect(done).toBe(true);
    const cancelled = (await get(cookie)).body?.getReader();
    expect((await cancelled?.read())?.done).toBe(false);
    await cancelled?.cancel();
  });
});

describe("export kpi on the command line", () => {
  it("writes the KPI Petugas rows as CSV: the header and one line per agent", async () => {
    const out = path.join(dir, "kpi.csv");
    const request = parseKpiExportArgs(["--period", PERIOD, "--format", "csv", "--out", out], NOW);
    const message = await runKpiExport(db(), request, NOW);
    expect(message).toContain(`(${report.agents.length} petugas)`);
    const text = readFileSync(out, "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(AGENT_HEADER.join(";"));
    expect(lines).toHaveLength(1 + report.agents.length);
    const formula = lines.find((l) => l.includes("HYPERLINK"));
    expect(formula).toContain(`'=HYPERLINK(""http://x"",""klik"")`);
  });

  it("writes the workbook under the standard name by default", async () => {
    const request = parseKpiExportArgs(["--period", PERIOD], NOW);
    expect(request).toEqual({ periodId: PERIOD, format: "xlsx", out: "KPI_2026-10_2026-10-26_2026-11-25.xlsx" });
  });

  it("refuses a malformed period (exit 1) and reads a wrong format as bad usage (exit 2)", async () => {
    expect(() => parseKpiExportArgs(["--period", "2026-13"], NOW)).toThrow(UserFacingError);
    expect(() => parseKpiExportArgs(["--period", "2027-01"], NOW)).toThrow(/belum dimulai/);
    expect(() => parseKpiExportArgs(["--format", "pdf"], NOW)).toThrow(UsageError);
    const cli = (args: string[]) =>
      runMutu(["export", "kpi", ...args], { env: { DATABASE_URL: "", MUTU_DATA_DIR: dir } });
    const refused = await cli(["--period", "2026-13"]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("ID periode tidak valid");
    const usage = await cli(["--format", "pdf"]);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain("export kpi [--period YYYY-MM]");
  });
});
