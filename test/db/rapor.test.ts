// "Rapor kinerja saya" (issue 13): an agent downloads their own report from their profile, for a range of
// periods — their KPI per period, every evaluation with their answers, item scores, training, certificates —
// and nobody else's data is anywhere in the file.
import { and, eq, gte, lte, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as profile from "../../app/routes/profil._index";
import { evaluations, staff, users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { demoDatabaseForThisFile } from "../support/db";
import { downloadList, readWorkbook } from "../support/list-exports";
import { callRoute, sessionCookie } from "../support/routes";

const getHandle = demoDatabaseForThisFile("2026-11-29");
const db = () => getHandle().db;

let agent: { id: number; nip: string; fullName: string };
let cookie = "";
beforeAll(async () => {
  const [row] = await db()
    .select({ id: staff.id, nip: staff.nip, fullName: staff.fullName })
    .from(users)
    .innerJoin(staff, eq(staff.id, users.staffId))
    .where(eq(users.username, "petugas"));
  if (!row) throw new Error("the demo agent has no staff record");
  agent = row;
  cookie = await sessionCookie("petugas", DEMO_PASSWORD);
});

/** Every 18-digit number written anywhere in the workbook. */
function nipsIn(book: Awaited<ReturnType<typeof readWorkbook>>["book"]): Set<string> {
  const found = new Set<string>();
  for (const sheet of book.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((c) => {
        for (const m of String(c.value).matchAll(/\d{18}/g)) found.add(m[0]);
      }),
    );
  }
  return found;
}

describe("the agent's own report", () => {
  it("the profile offers it with the last three finished periods chosen", async () => {
    const page = await callRoute(profile, "/profil", { cookie });
    const data = page.data as { rapor: { from: string; to: string; choices: unknown[] } | null };
    expect(data.rapor).toMatchObject({ from: expect.stringMatching(/^\d{4}-\d{2}$/), to: expect.any(String) });
    const kasi = await callRoute(profile, "/profil", { cookie: await sessionCookie("kasi", DEMO_PASSWORD) });
    expect((kasi.data as { rapor: unknown }).rapor).toBeNull();
  });

  it("holds their KPI per period, every evaluation of theirs with item scores, and only their own NIP", async () => {
    const response = await downloadList(cookie, "rapor.xlsx", "dari=2026-08&sampai=2026-10");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(`Rapor_${agent.nip}_2026-08_2026-10.xlsx`);
    const { summary, sheets, book } = await readWorkbook(await response.arrayBuffer());
    expect(summary.get("Nama")).toBe(agent.fullName);
    expect(summary.get("NIP")).toBe(agent.nip);
    expect(summary.get("Cakupan")).toBe("Data Anda sendiri");
    expect([...sheets.keys()]).toEqual(["KPI per Periode", "Evaluasi", "Rincian Item", "Pelatihan", "Sertifikat"]);
    expect(sheets.get("KPI per Periode")?.rows.map((r) => String(r.Periode))).toEqual([
      expect.stringContaining("Agustus 2026"),
      expect.stringContaining("September 2026"),
      expect.stringContaining("Oktober 2026"),
    ]);
    const mine = await db()
      .select({ id: evaluations.id })
      .from(evaluations)
      .where(
        and(
          eq(evaluations.agentStaffId, agent.id),
          ne(evaluations.state, "draft"),
          gte(evaluations.periodId, "2026-08"),
          lte(evaluations.periodId, "2026-10"),
        ),
      );
    expect(mine.length).toBeGreaterThan(0);
    expect(
      sheets
        .get("Evaluasi")
        ?.rows.map((r) => r.ID)
        .sort(),
    ).toEqual(mine.map((e) => e.id).sort());
    const items = sheets.get("Rincian Item")?.rows ?? [];
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((r) => r["ID Evaluasi"]))).toEqual(new Set(mine.map((e) => e.id)));
    expect(items.every((r) => typeof r["Dasar (KEP-165/BC/2014)"] === "string")).toBe(true);
    expect(nipsIn(book)).toEqual(new Set([agent.nip]));
  });

  it("refuses a range that runs backwards or into the future, saying what to choose", async () => {
    const backwards = await downloadList(cookie, "rapor.xlsx", "dari=2026-10&sampai=2026-08");
    expect(backwards.status).toBe(400);
    expect(await backwards.text()).toContain("Tukar urutannya");
    const later = await downloadList(cookie, "rapor.xlsx", "dari=2026-10&sampai=2030-01");
    expect(later.status).toBe(400);
    expect(await later.text()).toContain("belum dimulai");
    const csv = await downloadList(cookie, "rapor.csv");
    expect(csv.status).toBe(400);
  });

  it("no one else's report: other roles may not ask, and the address cannot name another person", async () => {
    for (const who of ["kasi", "supervisor", "hr"]) {
      const r = await downloadList(await sessionCookie(who, DEMO_PASSWORD), "rapor.xlsx");
      expect(r.status, who).toBe(403);
    }
    const [other] = await db().select({ nip: staff.nip }).from(staff).where(ne(staff.id, agent.id)).limit(1);
    const r = await downloadList(cookie, "rapor.xlsx", `nip=${other?.nip}`);
    const { summary } = await readWorkbook(await r.arrayBuffer());
    expect(summary.get("NIP")).toBe(agent.nip);
  });
});
