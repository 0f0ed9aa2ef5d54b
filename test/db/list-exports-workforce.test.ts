// Four more lists taken away (issue 13): the coverage page, the calibration results, the certificate register
// and the roster week. Each role downloads what its page shows — the same rows, the same filters — limited to
// what the role may see, refused without the page's permission, and recorded in the audit log.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as coverageRoute from "../../app/routes/cakupan";
import * as calibrationRoute from "../../app/routes/kalibrasi._index";
import * as registerRoute from "../../app/routes/sertifikat._index";
import * as rosterRoute from "../../app/routes/tenaga-kerja.jadwal";
import { users } from "../../db/schema";
import { demoDatabaseForThisFile } from "../support/db";
import { auditReader, downloadList, nipsOf, sheet, signedInAs, teamNips } from "../support/list-exports";
import { callRoute, type RouteModule } from "../support/routes";

const getHandle = demoDatabaseForThisFile("2026-11-29");
const db = () => getHandle().db;

const { cookie, workbook, csv } = signedInAs(["kasi", "koordinator", "penilai", "supervisor", "petugas", "hr"]);

/** What the page's loader gives `who` at `path`. */
async function page<T>(route: RouteModule, path: string, who: string): Promise<T> {
  const result = await callRoute(route, path, { cookie: cookie(who) });
  expect(result.status).toBe(200);
  return result.data as T;
}

const { expectAudited } = auditReader(db);

type CoveragePage = {
  period: { id: string; label: string };
  met: number;
  rows: { fullName: string; interactions: number; telepon: number; reviewed: boolean }[];
  workload: { name: string; submitted: number; drafts: number }[];
};

describe("the coverage page as a file", () => {
  it("holds every agent of the page against the quota, largest shortfall first, and the assessors' workload", async () => {
    const shown = await page<CoveragePage>(coverageRoute, "/cakupan?periode=2026-10", "kasi");
    const { response, summary, sheets } = await workbook("kasi", "cakupan.xlsx", "periode=2026-10");
    expect(response.headers.get("content-disposition")).toContain('filename="Cakupan_2026-10.xlsx"');
    expect(String(summary.get("$title"))).toContain("Cakupan Evaluasi");
    expect(summary.get("Periode")).toBe(shown.period.label);
    expect(summary.get("Memenuhi kuota")).toBe(`${shown.met} dari ${shown.rows.length} petugas`);
    expect(summary.get("Cakupan")).toBe("Seluruh contact center");

    const agents = sheet(sheets, "Cakupan");
    expect(agents.rows.length).toBe(shown.rows.length);
    const key = (name: unknown, n: unknown, telepon: unknown, reviewed: unknown) =>
      `${name}|${n}|${telepon}|${reviewed}`;
    expect(
      agents.rows.map((r) => key(r.Nama, r["Evaluasi Interaksi"], r.Telepon, r["Penilaian Periode"])).sort(),
    ).toEqual(shown.rows.map((r) => key(r.fullName, r.interactions, r.telepon, r.reviewed ? "Sudah" : "Belum")).sort());
    expect(agents.rows.filter((r) => r["Kuota Terpenuhi"] === "Ya").length).toBe(shown.met);
    const shortfalls = agents.rows.map((r) => Number(r.Kekurangan));
    expect(shortfalls).toEqual([...shortfalls].sort((a, b) => b - a));
    expect(agents.rows.every((r) => /^\d{18}$/.test(String(r.NIP)))).toBe(true);

    const workload = sheet(sheets, "Beban Penilai");
    expect(workload.rows.map((w) => [w.Penilai, w["Evaluasi Terkirim"], w.Draf])).toEqual(
      shown.workload.map((w) => [w.name, w.submitted, w.drafts]),
    );

    const file = await csv("koordinator", "cakupan.csv", "periode=2026-10");
    expect(file.headers).toEqual(agents.headers);
    expect(file.rows.length).toBe(shown.rows.length);
    await expectAudited("cakupan.xlsx", "kasi", { periodId: "2026-10", scope: "any" });
  });

  it("falls back to the current period for a period it does not offer, as the page does", async () => {
    const shown = await page<CoveragePage>(coverageRoute, "/cakupan?periode=kemarin", "koordinator");
    const { summary } = await workbook("koordinator", "cakupan.xlsx", "periode=kemarin");
    expect(summary.get("Periode")).toBe(shown.period.label);
  });

  it("is refused to roles without the coverage page (the assessor has it: it is their to-do list)", async () => {
    expect((await downloadList(cookie("penilai"), "cakupan.xlsx")).status).toBe(200);
    for (const who of ["supervisor", "petugas", "hr"]) {
      expect((await downloadList(cookie(who), "cakupan.xlsx")).status, who).toBe(403);
    }
  });
});

type CalibrationPage = {
  sessions: { id: number; state: string; participants: number }[];
  drift: { name: string; sessionId: number; meanDeviation: number | null }[];
};

describe("the calibration results as a file", () => {
  it("the coordinator's file holds every session, one row per participant, and every assessor's deviation", async () => {
    const shown = await page<CalibrationPage>(calibrationRoute, "/kalibrasi", "koordinator");
    expect(shown.sessions.length).toBeGreaterThan(1);
    const { summary, sheets } = await workbook("koordinator", "kalibrasi.xlsx");
    expect(String(summary.get("$title"))).toContain("Hasil Kalibrasi");
    expect(summary.get("Sesi")).toBe("Semua sesi kalibrasi");
    const sessions = sheet(sheets, "Sesi Kalibrasi");
    expect(sessions.rows.length).toBe(shown.sessions.reduce((sum, s) => sum + s.participants, 0));
    expect(new Set(sessions.rows.map((r) => r["ID Sesi"]))).toEqual(new Set(shown.sessions.map((s) => s.id)));
    // An open session stays blind in the file as on the page: no one's total before it is closed.
    const open = sessions.rows.filter((r) => r["Status Sesi"] === "Terbuka");
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((r) => r["Total Penilai"] === null)).toBe(true);

    const drift = sheet(sheets, "Deviasi Penilai");
    expect(drift.rows.map((d) => [d.Penilai, d["ID Sesi"]])).toEqual(shown.drift.map((d) => [d.name, d.sessionId]));
    expect(drift.rows[0]?.["Deviasi Rata-rata per Butir (poin)"]).toBeCloseTo(shown.drift[0]?.meanDeviation ?? -1, 6);

    const file = await csv("kasi", "kalibrasi.csv");
    expect(file.headers).toEqual(sessions.headers);
    await expectAudited("kalibrasi.xlsx", "koordinator", { scope: "any" });
  });

  it("an assessor's file holds only the sessions they take part in and their own deviation", async () => {
    const shown = await page<CalibrationPage>(calibrationRoute, "/kalibrasi", "penilai");
    const [me] = await db().select({ name: users.displayName }).from(users).where(eq(users.username, "penilai"));
    const { summary, sheets } = await workbook("penilai", "kalibrasi.xlsx");
    expect(summary.get("Sesi")).toBe("Sesi yang Anda ikuti");
    expect(summary.get("Cakupan")).toBe("Data Anda sendiri");
    const sessions = sheet(sheets, "Sesi Kalibrasi");
    expect(new Set(sessions.rows.map((r) => r["ID Sesi"]))).toEqual(new Set(shown.sessions.map((s) => s.id)));
    expect(sessions.rows.length).toBe(shown.sessions.reduce((sum, s) => sum + s.participants, 0));
    const drift = sheet(sheets, "Deviasi Penilai");
    expect(drift.rows.length).toBe(shown.drift.length);
    expect(drift.rows.every((d) => d.Penilai === me?.name)).toBe(true);
  });

  it("is refused to roles without the calibration page", async () => {
    for (const who of ["supervisor", "petugas", "hr"]) {
      expect((await downloadList(cookie(who), "kalibrasi.xlsx")).status, who).toBe(403);
    }
  });
});

type RegisterPage = { rows: { number: string; year: number; nip: string; revokedAt: Date | null }[] };

describe("the certificate register as a file", () => {
  it("holds the page's certificates, newest number first, with the signer and the status", async () => {
    const shown = await page<RegisterPage>(registerRoute, "/sertifikat", "kasi");
    expect(shown.rows.length).toBeGreaterThan(0);
    const { response, summary, sheets } = await workbook("kasi", "sertifikat.xlsx");
    expect(response.headers.get("content-disposition")).toContain('filename="Register_Sertifikat.xlsx"');
    expect(String(summary.get("$title"))).toContain("Register Sertifikat Keahlian");
    expect(summary.get("Tahun")).toBe("Semua tahun");
    const register = sheet(sheets, "Register Sertifikat");
    expect(register.rows.map((r) => r.Nomor)).toEqual(shown.rows.map((c) => c.number));
    expect(register.rows.map((r) => r.Status)).toEqual(shown.rows.map((c) => (c.revokedAt ? "Dicabut" : "Berlaku")));
    expect(register.rows.every((r) => r["Tanggal Terbit"] instanceof Date && Boolean(r.Penandatangan))).toBe(true);
    expect(nipsOf(register, "NIP")).toEqual(new Set(shown.rows.map((c) => c.nip)));

    const file = await csv("hr", "sertifikat.csv");
    expect(file.headers).toEqual(register.headers);
    expect(file.rows.length).toBe(shown.rows.length);
    await expectAudited("sertifikat.xlsx", "kasi", { year: "semua", scope: "any" });
  });

  it("a supervisor's file holds their team's holders only; an agent's their own", async () => {
    const nips = await teamNips(db(), "supervisor");
    const shown = await page<RegisterPage>(registerRoute, "/sertifikat", "supervisor");
    const { sheets, summary } = await workbook("supervisor", "sertifikat.xlsx");
    const found = nipsOf(sheet(sheets, "Register Sertifikat"), "NIP");
    expect(found.size).toBeGreaterThan(0);
    expect(found).toEqual(new Set(shown.rows.map((c) => c.nip)));
    for (const nip of found) expect(nips.team.has(nip), nip).toBe(true);
    expect(summary.get("Cakupan")).toMatch(/^Tim Kerja/);

    const own = await teamNips(db(), "petugas");
    const theirs = await page<RegisterPage>(registerRoute, "/sertifikat", "petugas");
    const mine = await csv("petugas", "sertifikat.csv");
    expect(mine.rows.length).toBe(theirs.rows.length);
    for (const nip of nipsOf(mine, "NIP")) expect(nip).toBe(own.own);
  });

  it("narrows to one year, and refuses a year it cannot read", async () => {
    const shown = await page<RegisterPage>(registerRoute, "/sertifikat", "kasi");
    const year = shown.rows[0]?.year ?? 0;
    const { response, summary, sheets } = await workbook("kasi", "sertifikat.xlsx", `tahun=${year}`);
    expect(response.headers.get("content-disposition")).toContain(`filename="Register_Sertifikat_${year}.xlsx"`);
    expect(summary.get("Tahun")).toBe(String(year));
    expect(sheet(sheets, "Register Sertifikat").rows.map((r) => r.Nomor)).toEqual(
      shown.rows.filter((c) => c.year === year).map((c) => c.number),
    );
    const before = await workbook("kasi", "sertifikat.xlsx", "tahun=1999");
    expect(sheet(before.sheets, "Register Sertifikat").rows).toEqual([]);
    const refused = await downloadList(cookie("kasi"), "sertifikat.xlsx", "tahun=dua-ribu");
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Tulis tahun dengan empat angka");
  });

  it("is refused to roles without the register", async () => {
    for (const who of ["koordinator", "penilai"]) {
      expect((await downloadList(cookie(who), "sertifikat.xlsx")).status, who).toBe(403);
    }
  });
});

type Shift = { day: string; start: string; end: string; fullName: string; crossesMidnight: boolean };
type RosterPage = { week: { id: string; label: string }; people: { shifts: Shift[] }[]; others: Shift[] };

describe("the roster week as a file", () => {
  // The week of the demo's "now": Monday 23 to Sunday 29 November 2026.
  const WEEK = "2026-W48";

  it("holds one row per shift of the page's grid, in time order", async () => {
    const shown = await page<RosterPage>(rosterRoute, `/tenaga-kerja/jadwal?minggu=${WEEK}`, "koordinator");
    const shifts = [...shown.people.flatMap((p) => p.shifts), ...shown.others];
    expect(shifts.length).toBeGreaterThan(0);
    const { response, summary, sheets } = await workbook("koordinator", "jadwal.xlsx", `minggu=${WEEK}`);
    expect(response.headers.get("content-disposition")).toContain(`filename="Jadwal_${WEEK}.xlsx"`);
    expect(summary.get("Minggu")).toBe(shown.week.label);
    expect(summary.get("Dari")).toEqual(new Date(Date.UTC(2026, 10, 23)));
    const roster = sheet(sheets, "Jadwal");
    expect(roster.rows.length).toBe(shifts.length);
    const day = (d: unknown) => (d as Date).toISOString().slice(0, 10);
    const key = (d: string, start: unknown, name: unknown) => `${d}|${start}|${name}`;
    expect(roster.rows.map((r) => key(day(r.Tanggal), r["Mulai (WIB)"], r.Nama)).sort()).toEqual(
      shifts.map((s) => key(s.day, s.start, s.fullName)).sort(),
    );
    const days = roster.rows.map((r) => day(r.Tanggal));
    expect(days).toEqual([...days].sort());
    expect(roster.rows.find((r) => day(r.Tanggal) === "2026-11-23")?.Hari).toBe("Senin");
    const night = roster.rows.find((r) => r["Mulai (WIB)"] === "23:00");
    expect(night?.["Selesai (WIB)"]).toBe("07:00");
    expect(night?.Keterangan).toBe("Berakhir keesokan harinya");

    const file = await csv("supervisor", "jadwal.csv", `minggu=${WEEK}`);
    expect(file.headers).toEqual(roster.headers);
    expect(file.rows.length).toBe(shifts.length);
    await expectAudited("jadwal.xlsx", "koordinator", { week: WEEK, scope: "any" });
  });

  it("an agent's file holds their own shifts only", async () => {
    const own = await teamNips(db(), "petugas");
    const shown = await page<RosterPage>(rosterRoute, `/tenaga-kerja/jadwal?minggu=${WEEK}`, "petugas");
    const { sheets } = await workbook("petugas", "jadwal.xlsx", `minggu=${WEEK}`);
    const roster = sheet(sheets, "Jadwal");
    expect(roster.rows.length).toBe(shown.people.flatMap((p) => p.shifts).length + shown.others.length);
    expect(roster.rows.length).toBeGreaterThan(0);
    expect(nipsOf(roster, "NIP")).toEqual(new Set([own.own]));
  });

  it("refuses a week it cannot read, saying how to write one; HR, without the roster, is refused", async () => {
    const refused = await downloadList(cookie("koordinator"), "jadwal.xlsx", "minggu=2026-W99");
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/Minggu tidak valid/);
    expect((await downloadList(cookie("hr"), "jadwal.xlsx", `minggu=${WEEK}`)).status).toBe(403);
  });
});
