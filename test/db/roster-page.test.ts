// The roster week grid through its route: who sees which rows, and adding, refusing and deleting shifts as the
// koordinator, a supervisor and an agent would.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addDays, mondayOf, weekOfDay, wibDay } from "../../analytics/dates";
import { listShifts } from "../../app/.server/roster";
import { SYSTEM_ACCESS } from "../../app/.server/scope";
import * as rosterRoute from "../../app/routes/tenaga-kerja.jadwal";
import { auditLog, shifts, staff, teams } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { demoDatabaseForThisFile } from "../support/db";
import { callRoute, sessionCookie } from "../support/routes";

const getHandle = demoDatabaseForThisFile("today");
const db = () => getHandle().db;
// Two weeks ahead: open (no approved period) and inside the demo's roster horizon.
const MONDAY = addDays(mondayOf(wibDay(new Date())), 14);
const path = `/tenaga-kerja/jadwal?minggu=${weekOfDay(MONDAY).id}`;

type Grid = { people: { id: number; teamName: string; shifts: { id: number; day: string }[] }[]; canManage: boolean };

async function personOf(teamCode: string) {
  const [row] = await db()
    .select({ id: staff.id, fullName: staff.fullName })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .where(and(eq(teams.code, teamCode), eq(staff.position, "petugas_layanan"), eq(staff.active, true)))
    .limit(1);
  if (!row) throw new Error(`no agent in ${teamCode}`);
  return row;
}

const post = async (who: string, form: Record<string, string>) =>
  callRoute(rosterRoute, path, { method: "POST", form, cookie: await sessionCookie(who, DEMO_PASSWORD) });

describe("roster week grid", () => {
  it("shows the koordinator every team with the forms, and an agent only their own row without them", async () => {
    const all = (await callRoute(rosterRoute, path, { cookie: await sessionCookie("koordinator", DEMO_PASSWORD) }))
      .data as Grid;
    expect(new Set(all.people.map((p) => p.teamName)).size).toBe(2);
    expect(all.canManage).toBe(true);
    const own = (await callRoute(rosterRoute, path, { cookie: await sessionCookie("petugas", DEMO_PASSWORD) }))
      .data as Grid;
    expect(own.people).toHaveLength(1);
    expect(own.canManage).toBe(false);
    expect((await post("petugas", { intent: "delete", id: "1", konfirmasi: "ya" })).status).toBe(403);
  });

  it("adds a night shift that ends the next morning, and refuses one overlapping it without writing", async () => {
    const agent = await personOf("layanan_informasi");
    // Clear the agent's week so the test does not depend on the demo's rota.
    await db().delete(shifts).where(eq(shifts.staffId, agent.id));
    const night = {
      intent: "save",
      staffId: String(agent.id),
      day: MONDAY,
      start: "23:00",
      end: "07:00",
      channel: "telepon",
    };
    const saved = await post("koordinator", night);
    expect(saved.status).toBe(302);
    const [shift] = await listShifts(db(), { from: MONDAY, to: addDays(MONDAY, 1), access: SYSTEM_ACCESS }).then(
      (rows) => rows.filter((r) => r.staffId === agent.id),
    );
    expect(shift).toMatchObject({
      day: MONDAY,
      start: "23:00",
      end: "07:00",
      durationMinutes: 480,
      crossesMidnight: true,
    });

    const overlapping = await post("koordinator", { ...night, day: addDays(MONDAY, 1), start: "06:00", end: "14:00" });
    expect(overlapping.status).toBe(409);
    // The message names the other shift in the user's words: its time and channel.
    expect(JSON.stringify(overlapping.data)).toContain("Bertumpang tindih");
    expect(JSON.stringify(overlapping.data)).toContain("(Telepon)");
    // What was typed comes back, and nothing was written.
    expect((overlapping.data as { values: Record<string, string> }).values.start).toBe("06:00");
    expect(await db().select().from(shifts).where(eq(shifts.staffId, agent.id))).toHaveLength(1);
  });

  it("says how to write a time that is not HH:MM", async () => {
    const agent = await personOf("layanan_informasi");
    const r = await post("koordinator", {
      intent: "save",
      staffId: String(agent.id),
      day: MONDAY,
      start: "7 pagi",
      end: "15:00",
      channel: "telepon",
    });
    expect(r.status).toBe(400);
    expect((r.data as { errors: Record<string, string> }).errors.start).toContain("JJ:MM");
  });

  it("lets a supervisor change their own team's shifts only, and audits a delete", async () => {
    const other = await personOf("manajemen_layanan");
    const [theirs] = await db()
      .insert(shifts)
      .values({
        staffId: other.id,
        startsAt: new Date(`${addDays(MONDAY, 3)}T00:00:00Z`),
        endsAt: new Date(`${addDays(MONDAY, 3)}T08:00:00Z`),
        channel: "email",
      })
      .returning();
    const refused = await post("supervisor", { intent: "delete", id: String(theirs?.id), konfirmasi: "ya" });
    expect(refused.status).toBe(409);
    expect(
      await db()
        .select()
        .from(shifts)
        .where(eq(shifts.id, theirs?.id ?? 0)),
    ).toHaveLength(1);

    const deleted = await post("koordinator", { intent: "delete", id: String(theirs?.id), konfirmasi: "ya" });
    expect(deleted.status).toBe(302);
    expect(
      await db()
        .select()
        .from(shifts)
        .where(eq(shifts.id, theirs?.id ?? 0)),
    ).toHaveLength(0);
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "shift"), eq(auditLog.entityId, String(theirs?.id))));
    expect(audit.map((a) => a.action)).toContain("delete");
  });
});
