// Five more lists taken away (issue 13): the training records, the refreshers due, the staff directory, the audit
// log and one import batch. Each role downloads what its page shows — the same rows, the same filters — limited to what the role may
// see (no birth date without read:staff_personal), refused without the page's permission or with a filter that
// cannot be used, and recorded in the audit log without the search text.
import { readFileSync } from "node:fs";
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { wibDay } from "../../analytics/dates";
import { runImport } from "../../app/.server/imports/engine";
import * as auditRoute from "../../app/routes/admin.audit";
import * as previewRoute from "../../app/routes/impor.$id._index";
import * as importBatchRoute from "../../app/routes/impor.riwayat.$id._index";
import * as importReportRoute from "../../app/routes/impor.riwayat.$id.laporan";
import * as courseRoute from "../../app/routes/pelatihan.$id";
import * as refresherRoute from "../../app/routes/pelatihan.penyegaran";
import * as staffRoute from "../../app/routes/staf._index";
import { auditLog, importBatches, staff, teams, trainingCourses, trainingRecords, users } from "../../db/schema";
import { demoDatabaseForThisFile } from "../support/db";
import { auditReader, downloadList, nipsOf, readCsv, sheet, signedInAs, teamNips } from "../support/list-exports";
import { callRoute, type RouteModule, uploadThroughPage } from "../support/routes";

const getHandle = demoDatabaseForThisFile("2026-11-29");
const db = () => getHandle().db;

const { cookie, workbook, csv } = signedInAs([
  "admin",
  "kasi",
  "koordinator",
  "penilai",
  "supervisor",
  "petugas",
  "hr",
]);

async function page<T>(route: RouteModule, path: string, who: string, params: Record<string, string> = {}) {
  const result = await callRoute(route, path, { cookie: cookie(who), params });
  expect(result.status).toBe(200);
  return result.data as T;
}

/** The status and message of a refused download. */
async function refused(who: string, file: string, query = "") {
  const response = await downloadList(cookie(who), file, query);
  return { status: response.status, text: await response.text() };
}

const { audited, expectAudited } = auditReader(db);

describe("the training records as a file", () => {
  it("HR's file holds every record; a course's page downloads that course's records only", async () => {
    const [all] = await db().select({ n: count() }).from(trainingRecords);
    const { response, summary, sheets } = await workbook("hr", "pelatihan.xlsx");
    expect(response.headers.get("content-disposition")).toContain('filename="Catatan_Pelatihan.xlsx"');
    expect(String(summary.get("$title"))).toContain("Catatan Pelatihan");
    expect(summary.get("Pelatihan")).toBe("Semua pelatihan");
    expect(summary.get("Cakupan")).toBe("Seluruh contact center");
    expect(sheet(sheets, "Pelatihan").rows.length).toBe(all?.n);

    const [course] = await db().select().from(trainingCourses).where(eq(trainingCourses.code, "TLI-01"));
    const shown = await page<{ course: { id: number; code: string } }>(courseRoute, `/pelatihan/${course?.id}`, "hr", {
      id: String(course?.id),
    });
    const [ofCourse] = await db()
      .select({ n: count() })
      .from(trainingRecords)
      .where(eq(trainingRecords.courseId, course?.id ?? 0));
    const one = await workbook("hr", "pelatihan.xlsx", `kursus=${shown.course.id}`);
    expect(one.response.headers.get("content-disposition")).toContain("Catatan_Pelatihan_TLI-01.xlsx");
    expect(one.summary.get("Pelatihan")).toBe(`TLI-01 — ${course?.name}`);
    const rows = sheet(one.sheets, "Pelatihan").rows;
    expect(rows.length).toBe(ofCourse?.n);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r["Kode Pelatihan"] === "TLI-01" && typeof r.NIP === "string")).toBe(true);
    expect(rows[0]?.Selesai).toBeInstanceOf(Date);

    const file = await csv("hr", "pelatihan.csv", `kursus=${shown.course.id}`);
    expect(file.headers).toEqual(sheet(one.sheets, "Pelatihan").headers);
    expect(file.rows.length).toBe(rows.length);
    await expectAudited("pelatihan.xlsx", "hr", { code: "TLI-01", scope: "any" });
  });

  it("a supervisor's file holds their team's records; an agent's their own", async () => {
    const nips = await teamNips(db(), "supervisor");
    const team = sheet((await workbook("supervisor", "pelatihan.xlsx")).sheets, "Pelatihan");
    const found = nipsOf(team, "NIP");
    expect(found.size).toBeGreaterThan(0);
    for (const nip of found) expect(nips.team.has(nip), nip).toBe(true);
    const own = await teamNips(db(), "petugas");
    const mine = await csv("petugas", "pelatihan.csv");
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(nipsOf(mine, "NIP")).toEqual(new Set([own.own]));
  });

  it("refuses a course not in the catalogue, and a role without read:training", async () => {
    expect(await refused("hr", "pelatihan.xlsx", "kursus=9999")).toMatchObject({
      status: 400,
      text: expect.stringMatching(/Pelatihan nomor "9999" tidak ada di katalog/),
    });
    expect((await refused("hr", "pelatihan.csv", "kursus=abc")).status).toBe(400);
    expect((await refused("penilai", "pelatihan.xlsx")).status).toBe(403);
    expect((await refused("admin", "pelatihan.xlsx")).status).toBe(403);
  });
});

type RefresherPage = {
  lines: { staffId: number; courseId: number; courseCode: string; teamId: number; overdue: boolean }[];
  courses: [number, string][];
};

describe("the refreshers due as a file", () => {
  /** The staff ids of the page's lines, each with its course: what a row of the file must match, in order. */
  const linesOf = (shown: RefresherPage) => shown.lines.map((l) => `${l.staffId}:${l.courseCode}`);
  async function fileLines(rows: Record<string, unknown>[]) {
    const people = await db().select({ id: staff.id, nip: staff.nip }).from(staff);
    const idOf = new Map(people.map((p) => [p.nip, p.id]));
    return rows.map((r) => `${idOf.get(String(r.NIP))}:${r["Kode Pelatihan"]}`);
  }

  it("HR's file holds the page's lines in the page's order, with each person's NIP and the dates as dates", async () => {
    const shown = await page<RefresherPage>(refresherRoute, "/pelatihan/penyegaran", "hr");
    expect(shown.lines.length).toBeGreaterThan(0);
    const day = wibDay(new Date());
    const { response, summary, sheets } = await workbook("hr", "penyegaran.xlsx");
    expect(response.headers.get("content-disposition")).toContain(`filename="Penyegaran_${day}.xlsx"`);
    expect(String(summary.get("$title"))).toContain("Penyegaran Jatuh Tempo");
    expect(summary.get("Pelatihan")).toBe("Semua pelatihan");
    expect(summary.get("Tim Kerja")).toBe("Semua tim");
    expect(summary.get("Cakupan")).toBe("Seluruh contact center");
    const table = sheet(sheets, "Penyegaran");
    expect(await fileLines(table.rows)).toEqual(linesOf(shown));
    expect(table.rows[0]?.["Jatuh Tempo"]).toBeInstanceOf(Date);
    expect(table.rows.filter((r) => r.Keadaan === "Lewat waktu").length).toBe(
      shown.lines.filter((l) => l.overdue).length,
    );
    await expectAudited("penyegaran.xlsx", "hr", { day, scope: "any", rows: shown.lines.length });
  });

  it("the coordinator's file of one course and one team is the page's with the same filters, as CSV too", async () => {
    const all = await page<RefresherPage>(refresherRoute, "/pelatihan/penyegaran", "koordinator");
    const first = all.lines[0];
    if (!first) throw new Error("no refresher due in the demo");
    const query = `kursus=${first.courseId}&tim=${first.teamId}`;
    const shown = await page<RefresherPage>(refresherRoute, `/pelatihan/penyegaran?${query}`, "koordinator");
    const [team] = await db().select().from(teams).where(eq(teams.id, first.teamId));
    const { response, summary, sheets } = await workbook("koordinator", "penyegaran.xlsx", query);
    expect(response.headers.get("content-disposition")).toContain(`_${first.courseCode}.xlsx`);
    expect(summary.get("Pelatihan")).toMatch(new RegExp(`^${first.courseCode} — `));
    expect(summary.get("Tim Kerja")).toBe(team?.name);
    const table = sheet(sheets, "Penyegaran");
    expect(await fileLines(table.rows)).toEqual(linesOf(shown));
    const file = await csv("koordinator", "penyegaran.csv", query);
    expect(file.headers).toEqual(table.headers);
    expect(file.rows.length).toBe(shown.lines.length);
    // The audit log names the course by its code and the team by its number: no one's NIP or name.
    const entry = await audited("penyegaran.csv", "koordinator");
    expect(entry?.after).toMatchObject({ code: first.courseCode, teamId: first.teamId, scope: "any" });
    expect(JSON.stringify(entry?.after)).not.toMatch(/\d{18}/);
  });

  it("refuses a course or team that does not exist, and everyone without the page", async () => {
    expect(await refused("hr", "penyegaran.xlsx", "kursus=9999")).toMatchObject({
      status: 400,
      text: expect.stringMatching(/Pelatihan nomor "9999" tidak ada di katalog/),
    });
    expect(await refused("koordinator", "penyegaran.csv", "tim=99")).toMatchObject({
      status: 400,
      text: expect.stringMatching(/Tim kerja nomor "99" tidak ada/),
    });
    for (const who of ["kasi", "penilai", "supervisor", "petugas", "admin"]) {
      expect((await refused(who, "penyegaran.xlsx")).status, who).toBe(403);
    }
  });
});

type StaffPage = { rows: { nip: string; fullName: string }[]; truncated: boolean; search: string };

describe("the staff directory as a file", () => {
  it("HR's file: the page's rows in the page's order, with place and date of birth", async () => {
    const shown = await page<StaffPage>(staffRoute, "/staf?urut=nama&arah=turun", "hr");
    const { response, summary, sheets } = await workbook("hr", "staf.xlsx", "urut=nama&arah=turun");
    expect(response.headers.get("content-disposition")).toContain('filename="Direktori_Staf.xlsx"');
    expect(String(summary.get("$title"))).toContain("Direktori Staf");
    expect(summary.get("Tim Kerja")).toBe("Semua tim");
    expect(summary.get("Status")).toBe("Aktif");
    expect(summary.get("Urutan")).toBe("Nama, turun");
    expect(summary.get("Data pribadi")).toBe("Termasuk tempat dan tanggal lahir");
    expect(summary.get("Cakupan")).toBe("Seluruh contact center");
    const table = sheet(sheets, "Staf");
    expect(table.rows.map((r) => r.NIP)).toEqual(shown.rows.map((r) => r.nip));
    expect(table.headers).toEqual(expect.arrayContaining(["Tempat Lahir", "Tanggal Lahir", "Mulai Bertugas (TMT)"]));
    const [first] = await db()
      .select()
      .from(staff)
      .where(eq(staff.nip, String(table.rows[0]?.NIP)));
    const born = table.rows[0]?.["Tanggal Lahir"];
    expect(born instanceof Date && born.toISOString().slice(0, 10)).toBe(first?.birthDate);
    expect(table.rows[0]?.["Tempat Lahir"]).toBe(first?.birthPlace);
    expect(readCsv(await (await downloadList(cookie("hr"), "staf.csv")).arrayBuffer()).headers).toEqual(table.headers);
  });

  it("has birth columns for the Kepala Seksi and the administrator, none for anyone else", async () => {
    for (const who of ["kasi", "admin"]) {
      const { sheets } = await workbook(who, "staf.xlsx");
      expect(sheet(sheets, "Staf").headers, who).toContain("Tanggal Lahir");
    }
    for (const who of ["penilai", "koordinator", "supervisor", "petugas"]) {
      const { sheets, summary } = await workbook(who, "staf.xlsx");
      const headers = sheet(sheets, "Staf").headers;
      expect(headers, who).not.toContain("Tanggal Lahir");
      expect(headers, who).not.toContain("Tempat Lahir");
      expect(summary.get("Data pribadi"), who).toBe("Tidak termasuk");
      const birthCsv = readCsv(await (await downloadList(cookie(who), "staf.csv")).arrayBuffer());
      expect(birthCsv.headers, who).not.toContain("Tanggal Lahir");
    }
  });

  it("a supervisor's file holds their team (as their page); an agent's their own record only", async () => {
    const nips = await teamNips(db(), "supervisor");
    const shown = await page<StaffPage>(staffRoute, "/staf?status=semua", "supervisor");
    const team = sheet((await workbook("supervisor", "staf.xlsx", "status=semua")).sheets, "Staf");
    expect(team.rows.map((r) => r.NIP)).toEqual(shown.rows.map((r) => r.nip));
    for (const nip of nipsOf(team, "NIP")) expect(nips.team.has(nip), nip).toBe(true);
    const own = await teamNips(db(), "petugas");
    expect(nipsOf(await csv("petugas", "staf.csv"), "NIP")).toEqual(new Set([own.own]));
  });

  it("takes the kept search along, and the log says only that there was one", async () => {
    const [person] = await db().select().from(staff).where(eq(staff.active, true)).orderBy(staff.id).limit(1);
    const searched = await callRoute(staffRoute, "/staf", {
      method: "POST",
      cookie: cookie("koordinator"),
      form: { q: person?.nip ?? "", intent: "cari" },
    });
    expect(searched.status).toBe(303);
    const shown = await page<StaffPage>(staffRoute, "/staf", "koordinator");
    expect(shown.rows.map((r) => r.nip)).toEqual([person?.nip]);
    const { summary, sheets } = await workbook("koordinator", "staf.xlsx");
    expect(summary.get("Pencarian")).toBe(person?.nip);
    expect(sheet(sheets, "Staf").rows.map((r) => r.NIP)).toEqual([person?.nip]);
    // An earlier download of staf.xlsx by the coordinator is in the log too: wait for this one's entry.
    await expectAudited("staf.xlsx", "koordinator", { search: "ada", status: "aktif", scope: "any", rows: 1 });
    const entry = await audited("staf.xlsx", "koordinator");
    expect(JSON.stringify(entry?.after)).not.toContain(person?.nip ?? "x");
  });

  it("refuses a team that does not exist; a team that is no number falls back as on the page", async () => {
    expect(await refused("kasi", "staf.xlsx", "tim=99")).toMatchObject({
      status: 400,
      text: expect.stringMatching(/Tim kerja nomor 99 tidak ada/),
    });
    const { summary } = await workbook("kasi", "staf.xlsx", "tim=abc&status=xyz");
    expect(summary.get("Tim Kerja")).toBe("Semua tim");
    expect(summary.get("Status")).toBe("Aktif");
  });

  it("holds every matching person, where the page stops at its limit", async () => {
    const [team] = await db().select({ teamId: staff.teamId }).from(staff).limit(1);
    await db()
      .insert(staff)
      .values(
        Array.from({ length: 520 }, (_, i) => ({
          nip: `19500101197501${i % 2 ? 1 : 2}${String(100 + i).padStart(3, "0")}`,
          fullName: `Staf Uji ${String(i).padStart(3, "0")}`,
          birthPlace: "Jakarta",
          birthDate: "1950-01-01",
          golongan: "II/c",
          position: "petugas_layanan",
          teamId: team?.teamId ?? 1,
        })),
      );
    const [active] = await db().select({ n: count() }).from(staff).where(eq(staff.active, true));
    const shown = await page<StaffPage>(staffRoute, "/staf", "kasi");
    expect(shown.truncated).toBe(true);
    expect(shown.rows.length).toBe(500);
    const { sheets } = await workbook("kasi", "staf.xlsx");
    const table = sheet(sheets, "Staf");
    expect(table.rows.length).toBe(active?.n);
    expect(table.rows.slice(0, 500).map((r) => r.NIP)).toEqual(shown.rows.map((r) => r.nip));
  });
});

type AuditPage = {
  rows: { at: string; actor: string; action: string; record: string; details: { label: string; value: string }[] }[];
  total: number;
};

describe("the audit log as a file", () => {
  it("holds every entry the page's filters match, not only the page shown, worded as the page", async () => {
    const [admin] = await db().select({ id: users.id }).from(users).where(eq(users.username, "admin"));
    // More entries than one chunk (1,000) of the export and than one page (50) of the log.
    await db()
      .insert(auditLog)
      .values(
        Array.from({ length: 1234 }, (_, i) => ({
          at: new Date(Date.UTC(2026, 10, 10, 3, 0, i % 60)),
          actorUserId: admin?.id ?? null,
          actorLabel: "admin",
          action: "update",
          entity: "staff",
          entityId: "1",
          before: { active: true },
          after: { active: i % 2 === 0 },
          ip: "10.0.0.7",
        })),
      );
    const query = `jenis=staf&oleh=${admin?.id}&dari=2026-11-01&sampai=2026-11-30`;
    const shown = await page<AuditPage>(auditRoute, `/admin/audit?${query}&hal=2`, "admin");
    expect(shown.total).toBeGreaterThanOrEqual(1234);
    const { response, summary, sheets } = await workbook("admin", "audit.xlsx", `${query}&hal=2`);
    expect(response.headers.get("content-disposition")).toContain('filename="Log_Audit_2026-11-01_2026-11-30.xlsx"');
    expect(summary.get("Jenis data")).toBe("Staf");
    expect(summary.get("Oleh")).toBe("Administrator Sistem (admin)");
    expect(summary.get("Dari tanggal")).toBeInstanceOf(Date);
    const table = sheet(sheets, "Log Audit");
    expect(table.rows.length).toBe(shown.total);
    // The page's second page is the file's rows 51–100.
    const [onPage, inFile] = [shown.rows[0], table.rows[50]];
    expect(inFile?.Oleh).toBe(onPage?.actor);
    expect(inFile?.Tindakan).toBe(onPage?.action);
    expect(inFile?.Data).toBe(onPage?.record);
    expect(inFile?.Rincian).toBe(onPage?.details.map((d) => `${d.label}: ${d.value}`).join("\n"));
    expect(inFile?.["Alamat IP"]).toBe("10.0.0.7");
    expect(inFile?.["Waktu (WIB)"]).toBeInstanceOf(Date);
    expect((await csv("admin", "audit.csv", query)).headers).toEqual(table.headers);
    await expectAudited("audit.xlsx", "admin", {
      jenis: "staf",
      dari: "2026-11-01",
      rows: shown.total,
    });
  });

  it("refuses a date the page cannot use with the page's words, and everyone but the administrator", async () => {
    expect(await refused("admin", "audit.xlsx", "dari=31/02/2026")).toMatchObject({
      status: 400,
      text: expect.stringMatching(/^Dari tanggal: Tanggal tidak valid/),
    });
    expect(await refused("admin", "audit.csv", "dari=2026-11-30&sampai=2026-11-01")).toMatchObject({
      status: 400,
      text: expect.stringMatching(/Tukar keduanya/),
    });
    expect((await refused("admin", "audit.xlsx", "oleh=99999")).status).toBe(400);
    for (const who of ["kasi", "hr", "koordinator"]) expect((await refused(who, "audit.xlsx")).status, who).toBe(403);
  });
});

describe("one import batch as a file", () => {
  let batchId = 0;
  beforeAll(async () => {
    // Through the import pages, as HR does: upload, preview, commit the valid rows of a file with mistakes.
    const file = new File([readFileSync("fixtures/samples/pelatihan-dengan-kesalahan.csv")], "salah.csv", {
      type: "text/csv",
    });
    const up = await uploadThroughPage(cookie("hr"), file);
    expect(up.status).toBe(302);
    const id = up.location?.split("/").at(-1) ?? "";
    const done = await callRoute(previewRoute, "/impor/x", {
      method: "POST",
      params: { id },
      cookie: cookie("hr"),
      form: { validOnly: "1" },
    });
    batchId = Number(/\/impor\/riwayat\/(\d+)/.exec(done.location ?? "")?.[1]);
    expect(batchId).toBeGreaterThan(0);
  });

  it("holds every row of the file with its status and messages, then the errors and warnings", async () => {
    const shown = await page<{ report: { rows: number; errors: unknown[]; warnings: unknown[] } }>(
      importBatchRoute,
      `/impor/riwayat/${batchId}`,
      "hr",
      { id: String(batchId) },
    );
    const { response, summary, sheets } = await workbook("hr", "impor.xlsx", `impor=${batchId}`);
    expect(response.headers.get("content-disposition")).toContain(`filename="Impor_${batchId}.xlsx"`);
    expect(String(summary.get("$title"))).toContain(`Impor #${batchId}`);
    expect(summary.get("Berkas")).toBe("salah.csv");
    expect(summary.get("Hanya baris valid")).toBe("Ya");
    expect([...sheets.keys()]).toEqual(["Baris", "Kesalahan"]);
    const rows = sheet(sheets, "Baris");
    expect(rows.rows.length).toBe(shown.report.rows);
    expect(rows.headers.slice(0, 2)).toEqual(["Baris", "NIP"]);
    const at = (row: number) => rows.rows.find((r) => r.Baris === row);
    expect(at(2)?.Status).toBe("Valid");
    expect(at(2)?.NIP).toBe("199009092011032661");
    expect(at(4)?.Status).toBe("Tidak diimpor (kesalahan)");
    expect(String(at(4)?.Kesalahan)).toMatch(/tidak ada di data staf/);
    expect(at(14)?.Status).toBe("Valid, ada peringatan");
    const issues = sheet(sheets, "Kesalahan");
    expect(issues.rows.length).toBe(shown.report.errors.length + shown.report.warnings.length);
    expect(issues.rows.filter((r) => r.Jenis === "Peringatan").length).toBe(shown.report.warnings.length);

    const file = await csv("hr", "impor.csv", `impor=${batchId}`);
    expect(file.headers).toEqual(rows.headers);
    expect(file.rows.length).toBe(rows.rows.length);
    await expectAudited("impor.xlsx", "hr", { impor: batchId, scope: "any" });
    // The CSV report of the page still answers beside it.
    const report = await callRoute(importReportRoute, "/x", { cookie: cookie("hr"), params: { id: String(batchId) } });
    expect(report.status).toBe(200);
  });

  it("a batch imported without the pages keeps no file: its errors and warnings only", async () => {
    const report = await runImport(db(), {
      kind: "training",
      fileName: "perbaikan.csv",
      source: { path: "fixtures/samples/pelatihan-perbaikan.csv" },
      commit: true,
      validOnly: true,
      actor: { id: null, username: "cli" },
    });
    expect(report.batchId).not.toBeNull();
    const { sheets, summary } = await workbook("hr", "impor.xlsx", `impor=${report.batchId}`);
    expect([...sheets.keys()]).toEqual(["Kesalahan"]);
    expect(summary.get("Baris berkas")).toMatch(/Berkas tidak disimpan/);
  });

  it("answers a batch of another kind as one that does not exist, and refuses those who import nothing", async () => {
    // The coordinator imports calls, intervals and rosters, not training records.
    const hidden = await refused("koordinator", "impor.xlsx", `impor=${batchId}`);
    expect(hidden).toEqual({ status: 400, text: `Impor #${batchId} tidak ditemukan. ${SUFFIX}` });
    expect(await refused("hr", "impor.xlsx", "impor=999999")).toEqual({
      status: 400,
      text: `Impor #999999 tidak ditemukan. ${SUFFIX}`,
    });
    expect((await refused("hr", "impor.xlsx")).text).toMatch(/^Impor yang diminta tidak ditemukan/);
    expect((await refused("penilai", "impor.xlsx", `impor=${batchId}`)).status).toBe(403);
    const [batch] = await db().select().from(importBatches).where(eq(importBatches.id, batchId));
    expect(batch?.kind).toBe("training");
  });
});

const SUFFIX = "Buka impornya dari riwayat di halaman Impor data, lalu unduh dari sana.";
