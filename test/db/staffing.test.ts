// The staffing plan of a week on the demo data: every interval of every channel, the Monday-morning shortage the
// demo is built with, rostered counts against a hand count of the shifts (a night shift from the evening before
// included); the workbook read back; the command line; the download's permissions; and the workload of agents
// (CPH as the period review computes it, occupancy from talk time) within each role's scope.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, between, eq, gt, lt, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WIB_OFFSET_MS, weekdayName, wibDay } from "../../analytics/dates";
import { formatClock, wibInstant } from "../../analytics/workforce-time";
import { loadDemo } from "../../app/.server/bootstrap";
import { importedCph } from "../../app/.server/cph";
import { UserFacingError } from "../../app/.server/errors";
import { periodKpiReport } from "../../app/.server/period-kpi";
import { type Access, SYSTEM_ACCESS } from "../../app/.server/scope";
import { getSettings, updateSettings } from "../../app/.server/settings";
import { agentWorkload, askedWeek, type WeekStaffing, weekStaffing } from "../../app/.server/staffing";
import { staffingWorkbookName, writeStaffingWorkbook } from "../../app/.server/staffing-workbook";
import { workforceHeatmap } from "../../app/.server/workforce-page";
import * as download from "../../app/routes/tenaga-kerja.unduh";
import { parseStaffingExportArgs, runStaffingExport } from "../../cli/export-staffing";
import { UsageError } from "../../cli/usage-error";
import { callStats, evaluations, shifts, staff, teams } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { runMutu } from "../support/cli";
import { databaseForThisFile, processDatabase } from "../support/db";
import { staffIdOf } from "../support/evaluations";
import { BASE_URL, callRoute, sessionCookie } from "../support/routes";
import { datesTooNarrow } from "../support/xlsx";

// The demo is built relative to "now": Wednesday 2 Dec 2026 10:00 WIB, in 2026-W49 (30 Nov – 6 Dec 2026), so the
// forecast's six weeks (W43–W48) and this week's roster are all in the demo.
const NOW = new Date("2026-12-02T03:00:00Z");
const WEEK = "2026-W49";
const CHANNEL_SHEETS = ["Telepon", "SMS", "Surel", "Web-chat", "Media sosial"];
const SHEETS = ["Ringkasan", ...CHANNEL_SHEETS, "Kepatuhan Jadwal"];
const HEADER = [
  "Hari",
  "Tanggal",
  "Mulai (WIB)",
  "Selesai",
  "Perkiraan kontak",
  "Waktu penanganan (detik)",
  "Trafik (Erlang)",
  "Petugas dibutuhkan Erlang C",
  "Posisi Erlang C",
  "Petugas dibutuhkan Erlang A",
  "Posisi Erlang A",
  "Dijadwalkan",
  "Selisih",
  "Status",
  "Perkiraan tingkat layanan Erlang C (%)",
  "Perkiraan tingkat layanan Erlang A (%)",
  "Perkiraan menutup Erlang A (%)",
  "Okupansi (%)",
];

const getHandle = databaseForThisFile(async (handle) => {
  await loadDemo(handle, { now: NOW, evaluations: true });
});
const db = () => getHandle().db;

let plan: WeekStaffing;
let dir: string;
beforeAll(async () => {
  plan = await weekStaffing(db(), await getSettings(db()), WEEK, { now: NOW });
  dir = mkdtempSync(path.join(tmpdir(), "mutu-staffing-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const channel = (code: string) => {
  const found = plan.channels.find((c) => c.channel === code);
  if (!found) throw new Error(`no plan for ${code}`);
  return found;
};

describe("the staffing plan of the demo's current week", () => {
  it("is week 49 of 2026, forecast from the six whole weeks before it", () => {
    expect(plan.week).toMatchObject({ id: WEEK, monday: "2026-11-30", sunday: "2026-12-06" });
    expect(plan.week.label).toBe("Minggu 49 2026 (30 Nov – 6 Des 2026)");
    expect(plan.intervalMinutes).toBe(30);
    expect(plan.basis).toMatchObject({
      weeks: 6,
      weekIds: ["2026-W43", "2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48"],
      firstDay: "2026-10-19",
      lastDay: "2026-11-29",
      hasHistory: true,
    });
  });

  it("has all 336 half hours for each of the five channels", () => {
    expect(plan.channels.map((c) => c.channel)).toEqual(["telepon", "sms", "email", "webchat", "media_sosial"]);
    for (const c of plan.channels) {
      expect(c.intervals, c.channel).toHaveLength(336);
      expect(c.hasHistory, c.channel).toBe(true);
      expect(c.week.intervals).toBe(336);
    }
    expect(plan.total.intervals).toBe(5 * 336);
    expect(plan.total.forecastCalls).toBeCloseTo(
      plan.channels.reduce((s, c) => s + c.week.forecastCalls, 0),
      9,
    );
  });

  it("shows Monday morning on the phone short: every half hour 08:00–11:30 is 'kurang'", () => {
    const mondayMorning = channel("telepon").intervals.filter(
      (i) => i.day === "2026-11-30" && i.startMinute >= 8 * 60 && i.startMinute < 12 * 60,
    );
    expect(mondayMorning).toHaveLength(8);
    for (const i of mondayMorning) {
      expect(i.status, formatClock(i.startMinute)).toBe("kurang");
      expect(i.rostered).toBeLessThan(i.positions);
      expect(i.expectedServiceLevel).toBeLessThan(0.8);
    }
    expect(channel("telepon").days[0]?.understaffed).toBeGreaterThanOrEqual(8);
  });

  it("forecasts each interval as the average of the same weekday and interval over the six weeks", async () => {
    const { listIntervalStats } = await import("../../app/.server/interval-stats");
    const rows = await listIntervalStats(db(), { from: "2026-10-19", to: "2026-11-29", channel: "telepon" });
    const mondaysAtTen = rows.filter((r) => r.startMinute === 600 && new Date(`${r.day}T00:00:00Z`).getUTCDay() === 1);
    expect(mondaysAtTen).toHaveLength(6);
    const offered = mondaysAtTen.reduce((s, r) => s + r.offered, 0);
    const answered = mondaysAtTen.reduce((s, r) => s + r.answered, 0);
    const aht = mondaysAtTen.reduce((s, r) => s + (r.ahtSeconds ?? 0) * r.answered, 0) / answered;
    const ten = channel("telepon").intervals.find((i) => i.day === "2026-11-30" && i.startMinute === 600);
    expect(ten?.forecastCalls).toBeCloseTo(offered / 6, 9);
    expect(ten?.ahtSeconds).toBeCloseTo(aht, 6);
  });

  it("counts the rostered agents of Monday 02:00 on the phone as the shifts covering it, the night shift from Sunday evening included", async () => {
    const start = wibInstant("2026-11-30", 120);
    const end = wibInstant("2026-11-30", 150);
    const covering = await db()
      .select({ staffId: shifts.staffId, startsAt: shifts.startsAt })
      .from(shifts)
      .where(and(eq(shifts.channel, "telepon"), lt(shifts.startsAt, end), gt(shifts.endsAt, start)));
    expect(covering.length).toBeGreaterThan(0);
    // Every one of them came on at 23:00 the evening before, on the previous week's Sunday.
    expect(covering.every((s) => wibDay(s.startsAt) === "2026-11-29")).toBe(true);
    const two = channel("telepon").intervals.find((i) => i.day === "2026-11-30" && i.startMinute === 120);
    expect(two?.rostered).toBe(new Set(covering.map((s) => s.staffId)).size);
    // And Monday 09:00, the morning crew.
    const nineStart = wibInstant("2026-11-30", 540);
    const morning = await db()
      .select({ staffId: shifts.staffId })
      .from(shifts)
      .where(
        and(
          eq(shifts.channel, "telepon"),
          lt(shifts.startsAt, wibInstant("2026-11-30", 570)),
          gt(shifts.endsAt, nineStart),
        ),
      );
    const nine = channel("telepon").intervals.find((i) => i.day === "2026-11-30" && i.startMinute === 540);
    expect(nine?.rostered).toBe(morning.length);
  });

  it("gives day totals that add up to the week", () => {
    const telepon = channel("telepon");
    expect(telepon.days.map((d) => d.day)).toEqual(plan.week.days);
    const sum = (key: "forecastCalls" | "positionHours" | "rosteredHours" | "understaffed") =>
      telepon.days.reduce((s, d) => s + d[key], 0);
    expect(sum("forecastCalls")).toBeCloseTo(telepon.week.forecastCalls, 9);
    expect(sum("positionHours")).toBeCloseTo(telepon.week.positionHours, 9);
    expect(sum("rosteredHours")).toBeCloseTo(telepon.week.rosteredHours, 9);
    expect(sum("understaffed")).toBe(telepon.week.understaffed);
    const positions = telepon.intervals.reduce((s, i) => s + i.positions, 0);
    expect(telepon.week.positionHours).toBe(positions / 2);
  });

  it("plans one channel when asked, and nothing from a week before the demo's history", async () => {
    const settings = await getSettings(db());
    const one = await weekStaffing(db(), settings, WEEK, { channel: "email", now: NOW });
    expect(one.channels.map((c) => c.channel)).toEqual(["email"]);
    expect(one.channels[0]?.intervals).toEqual(channel("email").intervals);
    const early = await weekStaffing(db(), settings, "2026-W20", { now: NOW });
    expect(early.basis.hasHistory).toBe(false);
    expect(early.total).toMatchObject({ forecastCalls: 0, positionHours: 0, understaffed: 0 });
  });

  it("uses the targets and the number of weeks from the settings", async () => {
    const settings = await getSettings(db());
    const changed = { ...settings, "workforce.forecastWeeks": 2, "workforce.shrinkage.telepon": 0 };
    await updateSettings(db(), { id: null, username: "uji" }, changed);
    try {
      const other = await weekStaffing(db(), await getSettings(db()), WEEK, { now: NOW });
      expect(other.basis.weekIds).toEqual(["2026-W47", "2026-W48"]);
      const telepon = other.channels.find((c) => c.channel === "telepon");
      expect(telepon?.targets).toEqual({ serviceLevel: 0.8, answerSeconds: 20, maxOccupancy: 0.85, shrinkage: 0 });
      expect(telepon?.intervals.every((i) => i.positions === i.agents)).toBe(true);
    } finally {
      await updateSettings(db(), { id: null, username: "uji" }, settings);
    }
  });

  it("refuses a malformed week with a message", async () => {
    await expect(weekStaffing(db(), await getSettings(db()), "2026-49", { now: NOW })).rejects.toThrow(UserFacingError);
    expect(askedWeek(undefined, NOW)).toMatchObject({ ok: true, week: { id: WEEK } });
    expect(askedWeek("2026-W54", NOW)).toMatchObject({
      ok: false,
      message: expect.stringContaining("minggu 1 sampai 53"),
    });
  });
});

describe("the staffing workbook", () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    const file = path.join(dir, staffingWorkbookName(WEEK));
    const { createWriteStream } = await import("node:fs");
    const written = await writeStaffingWorkbook(db(), {
      weekId: WEEK,
      settings: await getSettings(db()),
      actor: "Uji (uji)",
      now: NOW,
      output: createWriteStream(file),
    });
    expect(written).toMatchObject({ weekId: WEEK, channels: 5, intervals: 5 * 336 });
    book = await new ExcelJS.Workbook().xlsx.readFile(file);
  });
  const sheet = (name: string) => {
    const found = book.getWorksheet(name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  };
  const values = (s: ExcelJS.Worksheet, n: number) => (s.getRow(n).values as unknown[]).slice(1);

  it("is named after the week and its days", () => {
    expect(staffingWorkbookName(WEEK)).toBe("Rencana_Staf_2026-W49_2026-11-30_2026-12-06.xlsx");
  });

  it("has the summary, then one sheet per channel with the header frozen and filtered", () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(SHEETS);
    for (const name of CHANNEL_SHEETS) {
      expect(values(sheet(name), 1), name).toEqual(HEADER);
      expect(sheet(name).views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet(name).autoFilter).toBe("A1:R337");
      expect(sheet(name).rowCount).toBe(337);
    }
  });

  it("writes Monday 09:00 on the phone exactly as the plan has it", () => {
    const i = channel("telepon").intervals.find((x) => x.day === "2026-11-30" && x.startMinute === 540);
    if (!i) throw new Error("no interval");
    const row = sheet("Telepon").getRow(2 + 18); // 09:00 is the 19th half hour of the first day
    expect(values(sheet("Telepon"), Number(row.number))).toEqual([
      weekdayName(1),
      new Date("2026-11-30T00:00:00Z"),
      "09:00",
      "09:30",
      i.forecastCalls,
      i.ahtSeconds,
      i.trafficErlangs,
      i.erlangC.agents,
      i.erlangC.positions,
      i.erlangA.agents,
      i.erlangA.positions,
      i.rostered,
      i.difference,
      "Kurang",
      i.erlangC.expectedServiceLevel * 100,
      i.erlangA.expectedServiceLevel * 100,
      i.erlangA.expectedAbandonment * 100,
      i.expectedOccupancy * 100,
    ]);
    // Erlang C drives by default: the difference is against its positions.
    expect(i.difference).toBe(i.rostered - i.erlangC.positions);
    expect(row.getCell(2).numFmt).toBe("dd/mm/yyyy");
    expect(row.getCell(5).numFmt).toBe("0.0");
    expect(row.getCell(7).numFmt).toBe("0.00");
    expect((row.getCell(14).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    const last = values(sheet("Telepon"), 337);
    expect(last.slice(0, 4)).toEqual(["Minggu", new Date("2026-12-06T00:00:00Z"), "23:30", "24:00"]);
  });

  it("gives every date and date-time a column wide enough to show it (LibreOffice shows ### otherwise)", () => {
    expect(datesTooNarrow(book)).toEqual([]);
  });

  it("summarises the week, the basis, the targets, who made it and the totals", () => {
    const summary = sheet("Ringkasan");
    const rows = Array.from({ length: summary.rowCount }, (_, n) => values(summary, n + 1));
    const labelled = new Map(rows.map((r) => [r[0], r[1]]));
    expect(labelled.get("Minggu")).toBe(WEEK);
    expect(labelled.get("Rentang")).toBe("Minggu 49 2026 (30 Nov – 6 Des 2026)");
    expect(labelled.get("Dasar perkiraan (minggu)")).toBe(6);
    expect(labelled.get("Minggu dasar perkiraan")).toBe("2026-W43 – 2026-W48");
    expect(labelled.get("Data dari")).toEqual(new Date("2026-10-19T00:00:00Z"));
    expect(labelled.get("Dibuat oleh")).toBe("Uji (uji)");
    expect((labelled.get("Dibuat pada (WIB)") as Date).getTime()).toBe(NOW.getTime() + WIB_OFFSET_MS);
    expect(labelled.get("Model penentu kurang/lebih staf")).toBe("Erlang C");
    const targets = rows.find((r) => r[0] === "Telepon" && r.length === 7);
    expect(targets?.slice(0, 6)).toEqual(["Telepon", 80, 20, 85, 30, 120]);
    expect(targets?.[6]).toMatch(/^Pengaturan \(statistik belum cukup: \d+ interval dapat dipakai\)$/);
    const all = rows.find((r) => r[0] === "Semua kanal");
    expect(all?.[1]).toBeCloseTo(plan.total.forecastCalls, 6);
    const { erlang_c: c, erlang_a: a } = plan.total.byModel;
    expect(all?.slice(6, 8)).toEqual([plan.total.understaffed, plan.total.overstaffed]);
    expect(all?.slice(10)).toEqual([c.understaffed, a.understaffed, c.overstaffed, a.overstaffed]);
  });
});

describe("export staffing on the command line", () => {
  it("writes the workbook under the standard name by default, and to --out", async () => {
    expect(parseStaffingExportArgs(["--week", WEEK], NOW)).toEqual({
      weekId: WEEK,
      out: "Rencana_Staf_2026-W49_2026-11-30_2026-12-06.xlsx",
    });
    expect(parseStaffingExportArgs([], NOW).weekId).toBe(WEEK);
    const out = path.join(dir, "rencana.xlsx");
    const message = await runStaffingExport(db(), parseStaffingExportArgs(["--week", WEEK, "--out", out], NOW), NOW);
    expect(message).toContain("Minggu 49 2026 (30 Nov – 6 Des 2026)");
    expect(message).toContain("5 kanal, 1680 interval");
    const read = await new ExcelJS.Workbook().xlsx.readFile(out);
    expect(read.worksheets.map((w) => w.name)).toEqual(SHEETS);
    expect(readdirSync(dir).some((f) => f.endsWith(".partial"))).toBe(false);
  });

  it("refuses a malformed week (exit 1) and reads a bad option as bad usage (exit 2); writes the file from a process", async () => {
    expect(() => parseStaffingExportArgs(["--week", "2026-49"], NOW)).toThrow(UserFacingError);
    expect(() => parseStaffingExportArgs(["--week", WEEK, "--out", "/tidak/ada/x.xlsx"], NOW)).toThrow(
      /Folder tujuan tidak ditemukan/,
    );
    expect(() => parseStaffingExportArgs(["--minggu", WEEK], NOW)).toThrow();
    expect(() => parseStaffingExportArgs(["--out", ""], NOW)).toThrow(UsageError);
    const database = await processDatabase();
    try {
      const cli = (args: string[]) => runMutu(["export", "staffing", ...args], { env: database.env });
      const refused = await cli(["--week", "2026-49"]);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain("Gunakan format YYYY-Www");
      const usage = await cli(["--frobnicate"]);
      expect(usage.code).toBe(2);
      expect(usage.err).toContain("export staffing [--week YYYY-Www]");
      const out = path.join(dir, "cli.xlsx");
      const written = await cli(["--week", WEEK, "--out", out]);
      expect(written.err).toBe("");
      expect(written.code).toBe(0);
      expect(written.out).toContain(`ditulis ke ${out}`);
      expect(existsSync(out)).toBe(true);
    } finally {
      await database.remove();
    }
  }, 120_000);
});

describe("the download /tenaga-kerja/unduh", () => {
  it("streams the plan of the week asked, named after it", async () => {
    const response = (await download.loader({
      request: new Request(`${BASE_URL}/tenaga-kerja/unduh?minggu=${WEEK}`, {
        headers: { cookie: await sessionCookie("supervisor", DEMO_PASSWORD) },
      }),
      params: {},
      context: { remoteAddress: "10.0.0.1" },
    })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="Rencana_Staf_2026-W49_2026-11-30_2026-12-06.xlsx"',
    );
    const downloaded = await new ExcelJS.Workbook().xlsx.load(await response.arrayBuffer());
    expect(downloaded.worksheets.map((w) => w.name)).toEqual(SHEETS);
  });

  it("refuses a malformed week with a plain-text message (400), and roles without export:staffing (403)", async () => {
    const cookie = await sessionCookie("koordinator", DEMO_PASSWORD);
    const bad = await callRoute(download, "/tenaga-kerja/unduh?minggu=2026-W99", { cookie });
    expect(bad.status).toBe(400);
    expect(bad.data).toContain("Minggu tidak valid");
    for (const who of ["petugas", "hr", "penilai", "admin"]) {
      const r = await callRoute(download, `/tenaga-kerja/unduh?minggu=${WEEK}`, {
        cookie: await sessionCookie(who, DEMO_PASSWORD),
      });
      expect(r.status, who).toBe(403);
    }
  });
});

describe("the demo's call statistics", () => {
  // The periods of the demo that have period reviews: every finished one (the current one has none yet).
  const REVIEWED = ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10"];
  const everyone = SYSTEM_ACCESS;

  it("give the workforce page the very CPH the period reviews and the KPI use, for every agent of every period", async () => {
    const settings = await getSettings(db());
    for (const periodId of REVIEWED) {
      const choice = { channel: "telepon" as const, weeks: 4, metric: "volume" as const, periodId };
      const page = await workforceHeatmap(db(), settings, choice, everyone, NOW);
      expect(page.workload.period.id).toBe(periodId);
      const workload = new Map(page.workload.agents.map((a) => [a.staffId, a]));
      const kpi = await periodKpiReport(db(), periodId, settings, everyone);
      const reviews = await db()
        .select()
        .from(evaluations)
        .where(and(eq(evaluations.kind, "period_review"), eq(evaluations.periodId, periodId)));
      const counted = reviews.filter((r) => r.cphSource !== null);
      // Every review of the information team counts CPH, and takes it from the statistics.
      expect(counted.length, periodId).toBeGreaterThan(15);
      for (const review of counted) {
        const agent = workload.get(review.agentStaffId);
        const row = kpi.agents.find((a) => a.staffId === review.agentStaffId);
        expect(review.cphSource).toBe("import");
        expect(agent?.days, `${periodId} ${agent?.fullName}`).toBeGreaterThan(0);
        expect(agent?.cph).toBe(review.cphActual);
        expect(agent?.cphScore).toBe(review.cphScore);
        expect(row?.cphActual).toBe(agent?.cph);
        expect(row?.dimensions.cph).toBe(agent?.cphScore);
      }
      // And no KPI has a CPH the workforce page does not show.
      for (const row of kpi.agents.filter((a) => a.cphActual !== null)) {
        expect(workload.get(row.staffId)?.cph, `${periodId} ${row.fullName}`).toBe(row.cphActual);
      }
    }
  });

  it("the demo agents work at about their target: CPH between 8 and 14 on the phone, occupancy 55–90 %", async () => {
    const settings = await getSettings(db());
    const agents = await agentWorkload(db(), settings, "2026-10", everyone);
    const working = agents.filter((a) => a.days > 0);
    expect(working.length).toBeGreaterThan(25);
    for (const a of working) {
      expect(a.occupancy, a.fullName).toBeGreaterThan(0.55);
      expect(a.occupancy, a.fullName).toBeLessThan(0.9);
    }
    const [phone] = await db()
      .select({
        calls: sql<number>`sum(${callStats.callsHandled})`.mapWith(Number),
        seconds: sql<number>`sum(${callStats.loggedInSeconds})`.mapWith(Number),
      })
      .from(callStats)
      .where(eq(callStats.channel, "telepon"));
    const cph = (phone?.calls ?? 0) / ((phone?.seconds ?? 1) / 3600);
    expect(cph).toBeGreaterThan(8);
    expect(cph).toBeLessThan(14);
  });
});

describe("the workload of agents in a period", () => {
  const PERIOD = "2026-11";
  let supervisorTeam: number;
  let inTeam: number;
  let otherTeam: number;
  beforeAll(async () => {
    const demoAgent = await staffIdOf(db(), "petugas");
    const [me] = await db().select({ teamId: staff.teamId }).from(staff).where(eq(staff.id, demoAgent));
    supervisorTeam = me?.teamId ?? 0;
    inTeam = demoAgent;
    const [other] = await db()
      .select({ id: staff.id })
      .from(staff)
      .innerJoin(teams, eq(teams.id, staff.teamId))
      .where(and(eq(teams.code, "manajemen_layanan"), eq(staff.position, "petugas_layanan"), eq(staff.active, true)))
      .limit(1);
    otherTeam = other?.id ?? 0;
    // The demo's own statistics of the period give way to a set small enough to check by hand.
    await db()
      .delete(callStats)
      .where(between(callStats.day, "2026-11-25", "2026-12-25"));
    // The demo agent: 48 calls in 6 h on the phone (talk 4 h) and 12 chats in 2 h (no talk time reported).
    await db()
      .insert(callStats)
      .values([
        {
          staffId: inTeam,
          day: "2026-11-26",
          channel: "telepon",
          callsHandled: 48,
          loggedInSeconds: 21_600,
          talkSeconds: 14_400,
        },
        { staffId: inTeam, day: "2026-11-26", channel: "webchat", callsHandled: 12, loggedInSeconds: 7_200 },
        {
          staffId: otherTeam,
          day: "2026-11-27",
          channel: "email",
          callsHandled: 30,
          loggedInSeconds: 18_000,
          talkSeconds: 9_000,
        },
        // Outside the period: not counted.
        { staffId: inTeam, day: "2026-11-25", channel: "telepon", callsHandled: 99, loggedInSeconds: 3_600 },
      ]);
  });

  it("60 calls ÷ 8 h = 7.5 CPH; score (80 × 6 h + 75 × 2 h) ÷ 8 h = 78.75, as the period review computes it; occupancy 4 h ÷ 6 h", async () => {
    const settings = await getSettings(db());
    const all = await agentWorkload(db(), settings, PERIOD, SYSTEM_ACCESS);
    const agent = all.find((a) => a.staffId === inTeam);
    expect(agent).toMatchObject({ days: 1, callsHandled: 60, loggedInHours: 8, talkSeconds: 14_400, cph: 7.5 });
    expect(agent?.cphScore).toBeCloseTo(78.75, 9);
    expect(agent?.occupancy).toBeCloseTo(14_400 / 21_600, 12);
    const review = await importedCph(db(), inTeam, PERIOD, settings);
    expect(agent?.cph).toBe(review?.cph);
    expect(agent?.cphScore).toBe(review?.score);
    // Agents evaluated now without statistics are listed with nothing: no CPH, no occupancy.
    const idle = all.find((a) => a.days === 0);
    expect(idle).toMatchObject({ callsHandled: 0, loggedInHours: 0, talkSeconds: null, cph: null, occupancy: null });
    expect(all.find((a) => a.staffId === otherTeam)).toMatchObject({ callsHandled: 30, occupancy: 0.5 });
  });

  it("a supervisor sees their own team only, an agent only themself", async () => {
    const settings = await getSettings(db());
    const as = (scope: Access["scope"], staffId: number | null, teamId: number | null): Access => ({
      userId: 0,
      roles: [],
      scope,
      staffId,
      teamId,
      groupName: null,
    });
    const team = await agentWorkload(db(), settings, PERIOD, as("team", null, supervisorTeam));
    expect(team.length).toBeGreaterThan(1);
    expect(team.every((a) => a.teamId === supervisorTeam)).toBe(true);
    expect(team.some((a) => a.staffId === otherTeam)).toBe(false);
    const own = await agentWorkload(db(), settings, PERIOD, as("own", inTeam, supervisorTeam));
    expect(own.map((a) => a.staffId)).toEqual([inTeam]);
    const nobody = await agentWorkload(db(), settings, PERIOD, as("team", null, null));
    expect(nobody).toEqual([]);
  });
});
