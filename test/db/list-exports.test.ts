// The evaluation list taken away (issue 13): each role downloads what its /evaluasi page shows, as .xlsx and
// .csv, with the page's filters and its kept search, limited to what the role may see, and recorded in the log.
import { and, desc, eq, ne } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as evaluationList from "../../app/routes/evaluasi._index";
import * as kpiDownload from "../../app/routes/kpi.unduh";
import { auditLog, evaluations, staff } from "../../db/schema";
import { demoDatabaseForThisFile } from "../support/db";
import { downloadList, nipsOf, readCsv, readWorkbook, signedInAs, teamNips } from "../support/list-exports";
import { BASE_URL, callRoute } from "../support/routes";

const getHandle = demoDatabaseForThisFile("2026-11-29");
const db = () => getHandle().db;

const { cookie } = signedInAs(["kasi", "koordinator", "penilai", "supervisor", "petugas", "hr"]);

describe("the evaluation list as a file", () => {
  it("the Kepala Seksi's workbook holds every sent evaluation of the period, and says what it is", async () => {
    const response = await downloadList(cookie("kasi"), "evaluasi.xlsx", "periode=2026-10");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain('filename="Evaluasi_2026-10.xlsx"');
    const { summary, sheets } = await readWorkbook(await response.arrayBuffer());
    expect(String(summary.get("$title"))).toContain("Daftar Evaluasi");
    expect(summary.get("Periode")).toContain("Oktober 2026");
    expect(summary.get("Cakupan")).toBe("Seluruh contact center");
    expect(summary.get("Dibuat oleh")).toContain("(kasi)");
    const sheet = sheets.get("Evaluasi");
    const sent = await db()
      .select({ id: evaluations.id })
      .from(evaluations)
      .where(and(eq(evaluations.periodId, "2026-10"), ne(evaluations.state, "draft")));
    expect(sheet?.rows.length).toBe(sent.length);
    expect(sheet?.rows.every((r) => typeof r["NIP Petugas"] === "string" && typeof r.Total !== "string")).toBe(true);
  });

  it("a supervisor's file holds their team's agents only; an agent's their own NIP only", async () => {
    const nips = await teamNips(db(), "supervisor");
    const team = await readWorkbook(
      await (await downloadList(cookie("supervisor"), "evaluasi.xlsx", "periode=semua")).arrayBuffer(),
    );
    const found = nipsOf(team.sheets.get("Evaluasi") ?? { headers: [], rows: [] }, "NIP Petugas");
    expect(found.size).toBeGreaterThan(0);
    for (const nip of found) expect(nips.team.has(nip), nip).toBe(true);
    expect(team.summary.get("Cakupan")).toMatch(/^Tim Kerja/);

    const own = await teamNips(db(), "petugas");
    const mine = readCsv(await (await downloadList(cookie("petugas"), "evaluasi.csv")).arrayBuffer());
    expect(nipsOf(mine, "NIP Petugas")).toEqual(new Set([own.own]));
  });

  it("the CSV file has the workbook's columns, decimal commas and the kept search", async () => {
    const [agent] = await db()
      .select({ name: staff.fullName, nip: staff.nip })
      .from(evaluations)
      .innerJoin(staff, eq(staff.id, evaluations.agentStaffId))
      .where(eq(evaluations.periodId, "2026-10"))
      .limit(1);
    // Searched on the page, as a person does: the text is kept with the session, not in the address.
    const searched = await callRoute(evaluationList, "/evaluasi?periode=2026-10", {
      method: "POST",
      cookie: cookie("koordinator"),
      form: { q: agent?.name ?? "", periode: "2026-10" },
    });
    expect(searched.status).toBe(303);
    const csv = readCsv(
      await (await downloadList(cookie("koordinator"), "evaluasi.csv", "periode=2026-10")).arrayBuffer(),
    );
    expect(csv.headers).toContain("NIP Petugas");
    expect(csv.rows.length).toBeGreaterThan(0);
    expect(csv.rows.every((r) => r["Nama Petugas"] === agent?.name)).toBe(true);
    expect(csv.rows.every((r) => /^\d+,\d\d$/.test(r.Total as string) || r.Total === "")).toBe(true);
    // Recorded once the file is complete, a moment after its last byte left; the coordinator's, not an earlier
    // download's still being recorded.
    const coordinatorsCsv = () =>
      db()
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.entity, "export"),
            eq(auditLog.entityId, "evaluasi.csv"),
            eq(auditLog.actorLabel, "koordinator"),
          ),
        )
        .orderBy(desc(auditLog.id));
    await expect.poll(async () => (await coordinatorsCsv()).length).toBe(1);
    const [entry] = await coordinatorsCsv();
    expect(entry?.after).toMatchObject({ periodId: "2026-10", search: "ada", scope: "any" });
    expect(JSON.stringify(entry?.after)).not.toContain(agent?.nip ?? "x");
  });

  it("the KPI page's CSV: a supervisor's holds their team's agents only, and is in the log", async () => {
    const response = (await kpiDownload.loader({
      request: new Request(`${BASE_URL}/kpi/unduh?periode=2026-10&format=csv`, {
        headers: { cookie: cookie("supervisor") },
      }),
      params: {},
      context: {},
    })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/KPI_2026-10_Tim-[A-Za-z-]+\.csv/);
    const csv = readCsv(await response.arrayBuffer());
    const nips = await teamNips(db(), "supervisor");
    const found = nipsOf(csv, "NIP");
    expect(found.size).toBeGreaterThan(0);
    for (const nip of found) expect(nips.team.has(nip), nip).toBe(true);
    await expect
      .poll(async () =>
        (await db().select().from(auditLog).where(eq(auditLog.entityId, "kpi_csv"))).map((e) => e.after),
      )
      .toEqual([expect.objectContaining({ periodId: "2026-10", scope: "team", rows: found.size })]);
  });

  it("HR, who has no evaluation list, is refused", async () => {
    expect((await downloadList(cookie("hr"), "evaluasi.xlsx")).status).toBe(403);
    expect((await downloadList(cookie("kasi"), "tidak-ada.xlsx")).status).toBe(404);
  });
});
