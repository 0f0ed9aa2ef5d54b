// Every download of personal data is in the audit log (issue 13): who took which file, with which filters and
// scope, and how many rows it held; it reads as a sentence on the audit page, under "Unduhan data".
import { and, desc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { describeAudit } from "../../app/.server/audit-details";
import * as kpiDownload from "../../app/routes/kpi.unduh";
import { auditLog, staff, teams, users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { demoDatabaseForThisFile } from "../support/db";
import { downloadList } from "../support/list-exports";
import { BASE_URL, sessionCookie } from "../support/routes";

const PERIOD = "2026-10";

const getHandle = demoDatabaseForThisFile("2026-11-29");
const db = () => getHandle().db;

const download = (route: typeof kpiDownload, address: string, cookie: string) =>
  route.loader({
    request: new Request(`${BASE_URL}${address}`, { headers: { cookie } }),
    params: {},
    context: { remoteAddress: "10.0.0.9" },
  }) as Promise<Response>;

async function exportsBy(username: string) {
  const [who] = await db().select({ id: users.id }).from(users).where(eq(users.username, username));
  return db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "export"), eq(auditLog.actorUserId, who?.id ?? 0)))
    .orderBy(desc(auditLog.id));
}

const noNames = { users: new Map(), staff: new Map(), teams: new Map(), evaluations: new Map() };

let supervisorTeam: { id: number; name: string };
beforeAll(async () => {
  const [row] = await db()
    .select({ id: teams.id, name: teams.name })
    .from(users)
    .innerJoin(staff, eq(staff.id, users.staffId))
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .where(eq(users.username, "supervisor"));
  if (!row) throw new Error("the demo supervisor has no team");
  supervisorTeam = row;
});

describe("downloads in the audit log", () => {
  it("a supervisor's KPI workbook: the period, their team, the scope and the agents in the file", async () => {
    const response = await download(
      kpiDownload,
      `/kpi/unduh?periode=${PERIOD}`,
      await sessionCookie("supervisor", DEMO_PASSWORD),
    );
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    // Written once the workbook is complete, a moment after its last byte left.
    await expect.poll(async () => (await exportsBy("supervisor")).length).toBe(1);
    const [entry] = await exportsBy("supervisor");
    expect(entry).toMatchObject({ action: "export", entityId: "kpi_workbook", ip: "10.0.0.9" });
    const after = entry?.after as Record<string, unknown>;
    expect(after).toMatchObject({ periodId: PERIOD, teamId: supervisorTeam.id, scope: "team" });
    expect(after.rows).toBeGreaterThan(0);
    const described = describeAudit(entry as Parameters<typeof describeAudit>[0], {
      ...noNames,
      teams: new Map([[supervisorTeam.id, supervisorTeam.name]]),
    });
    expect(described.action).toBe("mengunduh");
    expect(described.record).toBe("Unduhan: Berkas Excel KPI (.xlsx)");
    expect(described.details).toEqual(
      expect.arrayContaining([
        { label: "Periode", value: "Periode Oktober 2026 (26 Okt 2026 – 25 Nov 2026)" },
        { label: "Tim Kerja", value: supervisorTeam.name },
        { label: "Cakupan", value: "tim sendiri" },
        { label: "Baris data", value: String(after.rows) },
      ]),
    );
  });

  it("a KPI workbook cancelled midway is recorded as cancelled, with no row count", async () => {
    const cookie = await sessionCookie("kasi", DEMO_PASSWORD);
    const before = (await exportsBy("kasi")).length;
    const response = await download(kpiDownload, `/kpi/unduh?periode=${PERIOD}`, cookie);
    const reader = response.body?.getReader();
    expect((await reader?.read())?.done).toBe(false);
    await reader?.cancel();
    await expect.poll(async () => (await exportsBy("kasi")).length).toBe(before + 1);
    const [entry] = await exportsBy("kasi");
    expect(entry).toMatchObject({ action: "export_cancelled", entityId: "kpi_workbook" });
    expect(entry?.after).toMatchObject({ periodId: PERIOD, scope: "any", rows: null });
  });

  it("HR's eligibility CSV: the filters of the page, the day it was judged on and the rows", async () => {
    const response = await downloadList(
      await sessionCookie("hr", DEMO_PASSWORD),
      "kelayakan.csv",
      `tim=${supervisorTeam.id}&status=layak`,
    );
    expect(response.status).toBe(200);
    const lines = (await response.text()).trimEnd().split("\r\n");
    await expect.poll(async () => (await exportsBy("hr")).length).toBe(1);
    const [entry] = await exportsBy("hr");
    expect(entry).toMatchObject({ action: "export", entityId: "kelayakan.csv" });
    expect(entry?.after).toMatchObject({
      teamId: supervisorTeam.id,
      status: "layak",
      scope: "any",
      rows: lines.length - 1,
      day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
  });

  it("a supervisor's eligibility workbook: their team's people only, the filters said on Ringkasan, and recorded", async () => {
    const cookie = await sessionCookie("supervisor", DEMO_PASSWORD);
    const response = await downloadList(cookie, "kelayakan.xlsx", "status=belum");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="Kelayakan_Sertifikat_\d{4}-\d{2}-\d{2}_Tim-[A-Za-z-]+\.xlsx"$/,
    );
    const file = await new ExcelJS.Workbook().xlsx.load(await response.arrayBuffer());
    expect(file.worksheets.map((w) => w.name)).toEqual(["Ringkasan", "Pelatihan & Sertifikasi"]);
    const summary = file.getWorksheet("Ringkasan");
    const labelled = new Map(
      Array.from({ length: summary?.rowCount ?? 0 }, (_, i) => summary?.getRow(i + 1)).map((r) => [
        r?.getCell(1).value,
        r?.getCell(2).value,
      ]),
    );
    expect(labelled.get("Cakupan")).toBe(supervisorTeam.name);
    expect(labelled.get("Status")).toBe("Belum memenuhi syarat");
    expect(labelled.get("Keahlian")).toBe("Sesuai jabatan");
    // The same people as the CSV of the same filters, all of the supervisor's team, none eligible.
    const csv = await downloadList(cookie, "kelayakan.csv", "status=belum");
    const csvNips = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n")
      .slice(1)
      .map((line) => line.split(";")[0]?.replace(/\s/g, ""));
    const people = file.getWorksheet("Pelatihan & Sertifikasi");
    const rows = Array.from({ length: (people?.rowCount ?? 1) - 1 }, (_, i) => people?.getRow(i + 2));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => String(r?.getCell(1).value).replace(/\s/g, ""))).toEqual(csvNips);
    expect(rows.every((r) => r?.getCell(3).value === supervisorTeam.name)).toBe(true);
    expect(rows.every((r) => r?.getCell(6).value === "Tidak")).toBe(true);
    await expect
      .poll(async () => (await exportsBy("supervisor")).filter((e) => e.entityId === "kelayakan.xlsx").length)
      .toBe(1);
    const [entry] = (await exportsBy("supervisor")).filter((e) => e.entityId === "kelayakan.xlsx");
    expect(entry?.after).toMatchObject({ status: "belum", scope: "team", rows: rows.length });
  });
});
