// Schedule adherence through the pages, on the demo: the workforce page per team and agent within each reader's
// reach (another team's agent is 404 and recorded), the period review's evidence beside kedisiplinan, the
// download and the KPI workbook's sheet, and the import page's sample of last week, made from the stored roster,
// importing cleanly and filling the week the demo left without states.
import { createWriteStream, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { addDays, weekOfDay, wibDay } from "../../analytics/dates";
import { periodOf, shiftPeriod } from "../../analytics/period";
import { readAdherence } from "../../app/.server/adherence";
import { runImport } from "../../app/.server/imports/engine";
import { SYSTEM_ACCESS } from "../../app/.server/scope";
import { getSettings } from "../../app/.server/settings";
import { writeStaffingWorkbook } from "../../app/.server/staffing-workbook";
import * as evaluationPage from "../../app/routes/evaluasi.$id._index";
import * as periodReview from "../../app/routes/evaluasi.periode.nilai";
import * as sample from "../../app/routes/impor.contoh.$berkas";
import * as adherencePage from "../../app/routes/tenaga-kerja.kepatuhan";
import { auditLog, staff } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { sampleWeekOf } from "../../fixtures/demo-states";
import { demoDatabaseForThisFile } from "../support/db";
import { staffIdOf } from "../support/evaluations";
import { downloadList, nipsOf, readWorkbook, teamNips } from "../support/list-exports";
import { BASE_URL, callRoute, sessionCookie } from "../support/routes";

const getHandle = demoDatabaseForThisFile("today");
const db = () => getHandle().db;
const lastPeriod = shiftPeriod(periodOf(new Date()).id, -1);

type Page = {
  teams: { teamName: string; agents: number }[];
  agents: { staffId: number; fullName: string; total: { adherence: number | null } }[];
  agent: { staffId: number; shifts: unknown[] } | null;
};

describe("the adherence page", () => {
  it("the Kepala Seksi sees both answering teams; the supervisor only their own, agent by agent", async () => {
    const kasi = (await callRoute(adherencePage, `/tenaga-kerja/kepatuhan?periode=${lastPeriod.id}`, {
      cookie: await sessionCookie("kasi", DEMO_PASSWORD),
    })) as { status: number; data: Page };
    expect(kasi.status).toBe(200);
    expect(kasi.data.teams.map((t) => t.teamName)).toEqual([
      "Tim Kerja Layanan Informasi dan Pengaduan",
      "Tim Kerja Manajemen Layanan",
    ]);
    const supervisor = (await callRoute(adherencePage, `/tenaga-kerja/kepatuhan?periode=${lastPeriod.id}`, {
      cookie: await sessionCookie("supervisor", DEMO_PASSWORD),
    })) as { data: Page };
    expect(supervisor.data.teams).toHaveLength(1);
    const { team } = await teamNips(db(), "supervisor");
    const ids = await db().select({ id: staff.id, nip: staff.nip }).from(staff);
    const nipOf = new Map(ids.map((r) => [r.id, r.nip]));
    expect(supervisor.data.agents.length).toBeGreaterThan(5);
    for (const a of supervisor.data.agents) expect(team.has(nipOf.get(a.staffId) ?? "")).toBe(true);
    // Every figure is the agent's adherence over the period's days, as computed for anyone else.
    const expected = await readAdherence(db(), await getSettings(db()), {
      from: lastPeriod.firstDay,
      to: lastPeriod.lastDay,
      access: SYSTEM_ACCESS,
    });
    for (const a of supervisor.data.agents)
      expect(a.total.adherence).toBe(expected.find((e) => e.staffId === a.staffId)?.total.adherence);
  });

  it("an agent of another team is 404 for the supervisor, and the attempt is recorded", async () => {
    const cookie = await sessionCookie("supervisor", DEMO_PASSWORD);
    const { others } = await teamNips(db(), "supervisor");
    const stranger = (await db().select({ id: staff.id, nip: staff.nip }).from(staff)).find((s) => others.has(s.nip));
    expect(stranger).toBeDefined();
    const r = await callRoute(adherencePage, `/tenaga-kerja/kepatuhan?staf=${stranger?.id}`, { cookie });
    expect(r.status).toBe(404);
    const denied = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "access_denied"), eq(auditLog.entityId, String(stranger?.id))));
    expect(denied.length).toBeGreaterThan(0);
  });

  it("the download holds the same agents, within the supervisor's team", async () => {
    const cookie = await sessionCookie("supervisor", DEMO_PASSWORD);
    const response = await downloadList(cookie, "kepatuhan.xlsx", `periode=${lastPeriod.id}`);
    expect(response.status).toBe(200);
    const book = await readWorkbook(await response.arrayBuffer());
    const sheet = book.sheets.get("Kepatuhan Jadwal");
    const { team } = await teamNips(db(), "supervisor");
    const nips = nipsOf(sheet ?? { headers: [], rows: [] }, "NIP");
    expect(nips.size).toBeGreaterThan(5);
    for (const nip of nips) expect(team.has(nip)).toBe(true);
  });
});

describe("the staffing workbook", () => {
  it("has the week's adherence per day and team, in counts and shares, naming no one", async () => {
    const week = weekOfDay(addDays(sampleWeekOf(new Date()), -7));
    const file = path.join(mkdtempSync(path.join(tmpdir(), "mutu-kepatuhan-")), "rencana.xlsx");
    await writeStaffingWorkbook(db(), {
      weekId: week.id,
      settings: await getSettings(db()),
      actor: "Uji (uji)",
      output: createWriteStream(file),
    });
    const book = await new ExcelJS.Workbook().xlsx.readFile(file);
    const sheet = book.getWorksheet("Kepatuhan Jadwal");
    const rows = (sheet?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual([
      "Tanggal",
      "Tim Kerja",
      "Sif",
      "Sif Tanpa Data Status",
      "Menit Terjadwal",
      "Kepatuhan (%)",
      "Kesesuaian (%)",
      "Terlambat (Sif)",
      "Pulang Awal (Sif)",
      "Tidak Hadir (Sif)",
    ]);
    // Seven days of the answering team, and the weekdays of the service-management team's written channels.
    expect(rows.length - 1).toBe(7 + 5);
    const names = (await db().select({ name: staff.fullName }).from(staff)).map((r) => r.name);
    const text = JSON.stringify(rows);
    for (const name of names) expect(text).not.toContain(name);
  });
});

describe("the period review", () => {
  it("shows the agent's adherence beside the kedisiplinan items: on the form and on the sent review", async () => {
    const agentId = await staffIdOf(db(), "petugas");
    const [expected] = await readAdherence(db(), await getSettings(db()), {
      from: lastPeriod.firstDay,
      to: lastPeriod.lastDay,
      access: SYSTEM_ACCESS,
      staffId: agentId,
    });
    expect(expected?.total.shifts).toBeGreaterThan(10);
    // The demo's review of the last period was sent: the form sends the assessor to it.
    const penilai = await sessionCookie("penilai", DEMO_PASSWORD);
    const form = await callRoute(periodReview, `/evaluasi/periode/nilai?petugas=${agentId}&periode=${lastPeriod.id}`, {
      cookie: penilai,
    });
    const sent = form.location?.match(/^\/evaluasi\/(\d+)$/)?.[1];
    expect(sent).toBeDefined();
    for (const who of ["penilai", "petugas", "supervisor"]) {
      const page = await callRoute(evaluationPage, `/evaluasi/${sent}`, {
        params: { id: String(sent) },
        cookie: await sessionCookie(who, DEMO_PASSWORD),
      });
      const evidence = (page.data as { adherence: { total: unknown } | null }).adherence;
      expect(evidence?.total, who).toEqual(expected?.total);
    }
    // A period not yet reviewed: the form itself shows the evidence.
    const current = periodOf(new Date());
    const draft = await callRoute(periodReview, `/evaluasi/periode/nilai?petugas=${agentId}&periode=${current.id}`, {
      cookie: penilai,
    });
    if (draft.status === 200) {
      const [now] = await readAdherence(db(), await getSettings(db()), {
        from: current.firstDay,
        to: addDays(wibDay(new Date()), -1),
        access: SYSTEM_ACCESS,
        staffId: agentId,
      });
      expect((draft.data as { adherence: { total: unknown } | null }).adherence?.total).toEqual(now?.total);
    }
  });
});

describe("the import page's sample of last week", () => {
  it("is made from the stored roster and imports cleanly, filling the week the demo left without states", async () => {
    const cookie = await sessionCookie("hr", DEMO_PASSWORD);
    const response = (await sample.loader({
      request: new Request(`${BASE_URL}/impor/contoh/status-agen-minggu-lalu.csv`, { headers: { cookie } }),
      params: { berkas: "status-agen-minggu-lalu.csv" },
      context: { remoteAddress: "10.0.0.1" },
    })) as Response;
    expect(response.status).toBe(200);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.split("\r\n")[0]).toBe("\uFEFFNIP;Nama;Kanal;Status;Mulai;Selesai");
    const monday = sampleWeekOf(new Date());
    const settings = await getSettings(db());
    const before = await readAdherence(db(), settings, { from: monday, to: addDays(monday, 6), access: SYSTEM_ACCESS });
    expect(before.every((a) => a.total.shifts === 0)).toBe(true);
    const report = await runImport(db(), {
      kind: "states",
      fileName: "status-agen-minggu-lalu.csv",
      source: { text },
      commit: true,
      validOnly: false,
      actor: { id: null, username: "uji" },
    });
    expect(report).toMatchObject({ committed: true, errorCount: 0 });
    expect(report.new).toBeGreaterThan(100);
    const after = await readAdherence(db(), settings, { from: monday, to: addDays(monday, 6), access: SYSTEM_ACCESS });
    const total = after.reduce((n, a) => n + a.total.shifts, 0);
    expect(total).toBeGreaterThan(50);
    expect(after.some((a) => a.total.lateShifts > 0) && after.some((a) => a.total.absentShifts > 0)).toBe(true);
    expect(wibDay(new Date()) > addDays(monday, 6)).toBe(true);
  });
});
