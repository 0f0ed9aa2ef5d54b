// The evaluation list (/evaluasi) on the demo's six periods of evaluations, through the real route: paged,
// sorted by column, filtered by agent, searched without the search text ever reaching the address, and an
// agent's evaluations that still wait for their answer marked with the deadline.
import { and, count, eq, ne, or } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluatedNow } from "../../app/.server/population";
import * as list from "../../app/routes/evaluasi._index";
import { evaluations, staff, teams, users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { demoDatabaseForThisFile } from "../support/db";
import { staffIdOf } from "../support/evaluations";
import { callRoute, sessionCookie } from "../support/routes";

const getHandle = demoDatabaseForThisFile("today");
const db = () => getHandle().db;

type Row = {
  id: number;
  agentId: number;
  agentName: string;
  state: string;
  total: number | null;
  kedisiplinan: number | null;
  interactionRef: string | null;
  respondBy: Date | null;
};
type Listed = {
  rows: Row[];
  page: number;
  pages: number;
  total: number;
  search: string;
  states: { value: string }[];
};

const who: Record<string, string> = {};
beforeAll(async () => {
  for (const u of ["koordinator", "petugas", "supervisor"]) who[u] = await sessionCookie(u, DEMO_PASSWORD);
});

async function open(cookie: string | undefined, query: string): Promise<Listed> {
  const result = await callRoute(list, "/evaluasi", { cookie, url: `http://mutu.test/evaluasi${query}` });
  expect(result.status).toBe(200);
  return result.data as Listed;
}
const post = (cookie: string | undefined, form: Record<string, string>, query = "?index") =>
  callRoute(list, "/evaluasi", { method: "POST", cookie, form, url: `http://mutu.test/evaluasi${query}` });

describe("paging and sorting", () => {
  it("'Semua periode' is paged 50 rows at a time, every visible evaluation exactly once", async () => {
    const [koordinator] = await db().select().from(users).where(eq(users.username, "koordinator"));
    const [expected] = await db()
      .select({ n: count() })
      .from(evaluations)
      .where(or(ne(evaluations.state, "draft"), eq(evaluations.assessorUserId, koordinator?.id ?? 0)));
    const first = await open(who.koordinator, "?periode=semua");
    expect(first.total).toBe(expected?.n);
    expect(first.total).toBeGreaterThan(500);
    expect(first.rows).toHaveLength(50);
    expect(first.pages).toBe(Math.ceil(first.total / 50));
    const seen = new Set<number>();
    for (let page = 1; page <= first.pages; page++) {
      const { rows } = await open(who.koordinator, `?periode=semua&halaman=${page}`);
      for (const r of rows) seen.add(r.id);
    }
    expect(seen.size).toBe(first.total);
    expect((await open(who.koordinator, "?periode=semua&halaman=9999")).page).toBe(first.pages);
  });

  it("sorts by a column both ways, empty values last, across pages", async () => {
    const down = await open(who.koordinator, "?periode=semua&urut=total&arah=turun");
    const totals = down.rows.map((r) => r.total ?? -1);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    // Interactions have no kedisiplinan: whichever way it is sorted, they come after the period reviews.
    for (const arah of ["turun", "naik"]) {
      const first = await open(who.koordinator, `?periode=semua&urut=kedisiplinan&arah=${arah}`);
      expect(first.rows.every((r) => r.kedisiplinan !== null)).toBe(true);
      const last = await open(who.koordinator, `?periode=semua&urut=kedisiplinan&arah=${arah}&halaman=${first.pages}`);
      expect(last.rows.at(-1)?.kedisiplinan).toBeNull();
    }
    const up = await open(who.koordinator, "?periode=semua&urut=total&arah=naik");
    const ups = up.rows.map((r) => r.total ?? 0);
    expect(ups).toEqual([...ups].sort((a, b) => a - b));
    expect(ups[0]).toBeLessThan(totals[0] ?? 0);
    const byName = (await open(who.koordinator, "?periode=semua&urut=petugas&arah=naik")).rows.map((r) => r.agentName);
    expect(byName[0]?.localeCompare(byName.at(-1) ?? "", "id")).toBeLessThanOrEqual(0);
  });

  it("the Petugas filter shows one agent's evaluations, and offers only agents in the viewer's scope", async () => {
    const agent = await staffIdOf(db(), "petugas");
    const shown = await open(who.koordinator, `?periode=semua&petugas=${agent}`);
    expect(shown.total).toBeGreaterThan(0);
    expect(new Set(shown.rows.map((r) => r.agentId))).toEqual(new Set([agent]));
    const offered = (await open(who.supervisor, "?periode=semua")) as Listed & { agents: { value: number }[] };
    const [supervisorStaff] = await db()
      .select({ teamId: staff.teamId })
      .from(staff)
      .innerJoin(users, eq(users.staffId, staff.id))
      .where(eq(users.username, "supervisor"));
    const team = await db()
      .select({ id: staff.id })
      .from(staff)
      .where(eq(staff.teamId, supervisorStaff?.teamId ?? 0));
    const inTeam = new Set(team.map((s) => s.id));
    expect(offered.agents.length).toBeGreaterThan(0);
    for (const a of offered.agents) expect(inTeam.has(a.value)).toBe(true);
    // Everyone evaluated now is offered, with or without evaluations yet (the coverage page links to them).
    const [li] = await db().select().from(teams).where(eq(teams.code, "layanan_informasi"));
    const [newcomer] = await db()
      .insert(staff)
      .values({
        nip: "199901012024011001",
        fullName: "Petugas Baru Tanpa Evaluasi",
        birthPlace: "Bogor",
        birthDate: "1999-01-01",
        golongan: "II/a",
        position: "petugas_layanan",
        teamId: li?.id ?? 0,
      })
      .returning({ id: staff.id });
    const byLink = (await open(who.koordinator, `?periode=semua&petugas=${newcomer?.id}`)) as Listed & {
      agentName: string | null;
    };
    expect(byLink.total).toBe(0);
    expect(byLink.agentName).toBe("Petugas Baru Tanpa Evaluasi");
    const all = (await open(who.koordinator, "?periode=semua")) as Listed & { agents: { value: number }[] };
    const now = await db()
      .select({ id: staff.id })
      .from(staff)
      .innerJoin(teams, eq(teams.id, staff.teamId))
      .where(evaluatedNow());
    expect(now.length).toBeGreaterThan(0);
    for (const s of now) expect(all.agents.map((a) => a.value)).toContain(s.id);
  });
});

describe("searching", () => {
  it("a reference, a name or a NIP is kept with the session; the address after the redirect holds only the filters", async () => {
    const [someone] = await db()
      .select({ ref: evaluations.interactionRef, agentId: evaluations.agentStaffId, nip: staff.nip })
      .from(evaluations)
      .innerJoin(staff, eq(staff.id, evaluations.agentStaffId))
      .where(and(eq(evaluations.kind, "interaction"), ne(evaluations.state, "draft")))
      .limit(1);
    if (!someone?.ref) throw new Error("setup");
    const sent = await post(
      who.koordinator,
      { q: someone.ref, periode: "semua", intent: "cari" },
      "?index&urut=total&arah=naik",
    );
    expect(sent.status).toBe(303);
    expect(sent.location).toBe("/evaluasi?periode=semua&urut=total&arah=naik");
    const found = await open(who.koordinator, "?periode=semua");
    expect(found.search).toBe(someone.ref);
    expect(found.total).toBeGreaterThan(0);
    for (const r of found.rows) expect(r.interactionRef?.toLowerCase()).toContain(someone.ref.toLowerCase());

    const byNip = await post(who.koordinator, { q: someone.nip.slice(0, 14), periode: "semua" });
    expect(byNip.location).not.toContain(someone.nip.slice(0, 8));
    const rows = (await open(who.koordinator, "?periode=semua")).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.agentId)).toContain(someone.agentId);

    await post(who.koordinator, { q: "zzz-tidak-ada", periode: "semua" });
    expect((await open(who.koordinator, "?periode=semua")).total).toBe(0);
    const cleared = await post(who.koordinator, { q: "zzz-tidak-ada", periode: "semua", intent: "hapus" });
    expect(cleared.location).toBe("/evaluasi?periode=semua");
    expect((await open(who.koordinator, "?periode=semua")).total).toBeGreaterThan(500);
  });

  it("an agent's search stays inside their own evaluations", async () => {
    await post(who.petugas, { q: "a", periode: "semua" });
    const agent = await staffIdOf(db(), "petugas");
    const { rows } = await open(who.petugas, "?periode=semua");
    expect(new Set(rows.map((r) => r.agentId))).toEqual(new Set([agent]));
    await post(who.petugas, { q: "", periode: "semua" });
  });
});

describe("what an agent must answer", () => {
  it("marks submitted evaluations inside the dispute window with their deadline, and offers no Draf filter", async () => {
    const agent = await staffIdOf(db(), "petugas");
    const mine = await db()
      .select({ id: evaluations.id })
      .from(evaluations)
      .where(and(eq(evaluations.agentStaffId, agent), ne(evaluations.state, "draft")))
      .limit(2);
    const [fresh, old] = mine;
    if (!fresh || !old) throw new Error("setup");
    const submittedAt = new Date(Date.now() - 2 * 86_400_000);
    await db().update(evaluations).set({ state: "submitted", submittedAt }).where(eq(evaluations.id, fresh.id));
    await db()
      .update(evaluations)
      .set({ state: "submitted", submittedAt: new Date(Date.now() - 30 * 86_400_000) })
      .where(eq(evaluations.id, old.id));
    const page = await open(who.petugas, "?periode=semua&status=submitted");
    const marked = page.rows.find((r) => r.id === fresh.id);
    // The demo's window is 7 days: two days after submission, five are left.
    expect(new Date(marked?.respondBy ?? 0).getTime()).toBe(submittedAt.getTime() + 7 * 86_400_000);
    expect(page.rows.find((r) => r.id === old.id)?.respondBy).toBeNull();
    expect(page.states.map((s) => s.value)).not.toContain("draft");
    // Their supervisor sees the same rows without the marker: the answer is not theirs to give.
    const supervisorView = await open(who.supervisor, `?periode=semua&status=submitted&petugas=${agent}`);
    expect(supervisorView.rows.find((r) => r.id === fresh.id)?.respondBy).toBeNull();
    expect((await open(who.koordinator, "?periode=semua")).states.map((s) => s.value)).toContain("draft");
  });
});
