// The two roles of issue 16 (decision 026) through their routes on the demo data: a Ketua Tim (the demo "ketua",
// Regu 1 of Tim Kerja Layanan Informasi dan Pengaduan) sees and changes only their group, the supervisor's other
// group (Regu 2) not; the scheduler (penjadwal) changes anyone's shift and reads no one's evaluations.
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, mondayOf, weekOfDay, wibDay } from "../../analytics/dates";
import { shiftPeriod } from "../../analytics/period";
import * as home from "../../app/routes/_index";
import * as evaluationList from "../../app/routes/evaluasi._index";
import * as newEvaluation from "../../app/routes/evaluasi.baru";
import * as kpiPage from "../../app/routes/kpi._index";
import * as kpiDownload from "../../app/routes/kpi.unduh";
import * as staffList from "../../app/routes/staf._index";
import * as staffEdit from "../../app/routes/staf.$id.ubah";
import * as workforce from "../../app/routes/tenaga-kerja._index";
import * as rosterRoute from "../../app/routes/tenaga-kerja.jadwal";
import { shifts, staff, teams, users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { demoDatabaseForThisFile } from "../support/db";
import { interactionForm } from "../support/evaluations";
import { callRoute, sessionCookie } from "../support/routes";

const getHandle = demoDatabaseForThisFile("today");
const db = () => getHandle().db;
// Two weeks ahead: open (no approved period) and inside the demo's roster horizon.
const MONDAY = addDays(mondayOf(wibDay(new Date())), 14);
const rosterPath = `/tenaga-kerja/jadwal?minggu=${weekOfDay(MONDAY).id}`;

type Person = { id: number; fullName: string; teamCode: string; groupName: string | null; position: string };
let people: Person[] = [];
const regu = (name: string) =>
  people.filter((p) => p.teamCode === "layanan_informasi" && p.groupName === name && p.position === "petugas_layanan");
const cookies = new Map<string, string>();
const cookie = async (username: string) => {
  const found = cookies.get(username) ?? (await sessionCookie(username, DEMO_PASSWORD));
  cookies.set(username, found);
  return found;
};
const get = async (route: Parameters<typeof callRoute>[0], path: string, username: string) =>
  callRoute(route, path, { cookie: await cookie(username) });

beforeAll(async () => {
  people = await db()
    .select({
      id: staff.id,
      fullName: staff.fullName,
      teamCode: teams.code,
      groupName: staff.groupName,
      position: staff.position,
    })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .where(eq(staff.active, true));
});

describe("the roster", () => {
  const shiftFor = (staffId: number, day: string) => ({
    intent: "save",
    staffId: String(staffId),
    day,
    start: "07:00",
    end: "15:00",
    channel: "telepon",
  });
  const post = async (username: string, form: Record<string, string>) =>
    callRoute(rosterRoute, rosterPath, { method: "POST", form, cookie: await cookie(username) });
  const shiftsOf = (staffId: number) => db().select().from(shifts).where(eq(shifts.staffId, staffId));

  it("a Ketua Tim sees and may change only their own group's rows of the week", async () => {
    const grid = (await get(rosterRoute, rosterPath, "ketua")).data as {
      people: { id: number; canEdit: boolean }[];
      editable: { value: number }[];
      canManage: boolean;
      others: { staffId: number }[];
    };
    expect(grid.canManage).toBe(true);
    const own = people.filter((p) => p.teamCode === "layanan_informasi" && p.groupName === "Regu 1");
    const ownIds = own.map((p) => p.id).sort();
    expect(grid.editable.map((e) => e.value).sort()).toEqual(ownIds);
    // Nobody outside the group on the grid: not the team's other group, not another team.
    expect(grid.people.map((p) => p.id).sort()).toEqual(ownIds);
    expect(grid.people.every((p) => p.canEdit)).toBe(true);
    const ownSet = new Set(ownIds);
    expect(grid.others.every((s) => ownSet.has(s.staffId))).toBe(true);
  });

  it("a Ketua Tim changes a shift of their group, and is refused one of the team's other group without a write", async () => {
    const mine = regu("Regu 1")[1];
    const theirs = regu("Regu 2")[1];
    if (!mine || !theirs) throw new Error("the demo has agents in both groups");
    await db()
      .delete(shifts)
      .where(inArray(shifts.staffId, [mine.id, theirs.id]));
    expect((await post("ketua", shiftFor(mine.id, MONDAY))).status).toBe(302);
    const [saved] = await shiftsOf(mine.id);
    expect(saved).toBeDefined();
    // Changing it (a later start) is theirs too.
    const moved = await post("ketua", { ...shiftFor(mine.id, MONDAY), id: String(saved?.id), start: "08:00" });
    expect(moved.status).toBe(302);

    const refused = await post("ketua", shiftFor(theirs.id, MONDAY));
    expect(refused.status).toBe(409);
    expect((refused.data as { errors: Record<string, string> }).errors.staffId).toContain("regu");
    expect(await shiftsOf(theirs.id)).toHaveLength(0);

    // A shift of the other group that exists: neither changed nor deleted by the Ketua Tim; the supervisor may.
    expect((await post("supervisor", shiftFor(theirs.id, MONDAY))).status).toBe(302);
    const [existing] = await shiftsOf(theirs.id);
    const change = { ...shiftFor(theirs.id, MONDAY), id: String(existing?.id), start: "09:00" };
    expect((await post("ketua", change)).status).toBe(409);
    const deleted = await post("ketua", { intent: "delete", id: String(existing?.id), konfirmasi: "ya" });
    expect(deleted.status).toBe(409);
    expect((await shiftsOf(theirs.id)).map((s) => s.startsAt.toISOString())).toEqual([
      existing?.startsAt.toISOString(),
    ]);
  });

  it("the scheduler adds, changes and deletes the shifts of anyone in either answering team", async () => {
    const agents = [
      regu("Regu 2")[2],
      people.find((p) => p.teamCode === "manajemen_layanan" && p.position === "petugas_layanan"),
    ];
    for (const agent of agents) {
      if (!agent) throw new Error("the demo has agents in both answering teams");
      await db().delete(shifts).where(eq(shifts.staffId, agent.id));
      expect((await post("penjadwal", shiftFor(agent.id, addDays(MONDAY, 1)))).status).toBe(302);
      const [saved] = await shiftsOf(agent.id);
      const changed = await post("penjadwal", {
        ...shiftFor(agent.id, addDays(MONDAY, 1)),
        id: String(saved?.id),
        end: "16:00",
      });
      expect(changed.status).toBe(302);
      const deleted = await post("penjadwal", { intent: "delete", id: String(saved?.id), konfirmasi: "ya" });
      expect(deleted.status).toBe(302);
      expect(await shiftsOf(agent.id)).toHaveLength(0);
    }
  });
});

describe("a Ketua Tim's pages hold their group only", () => {
  const groupIds = () =>
    new Set(people.filter((p) => p.teamCode === "layanan_informasi" && p.groupName === "Regu 1").map((p) => p.id));

  it("the staff directory lists the group's members and no one else, titled as the group's", async () => {
    const page = (await get(staffList, "/staf", "ketua")).data as { rows: { id: number }[]; scope: string };
    expect(page.scope).toBe("group");
    expect(new Set(page.rows.map((r) => r.id))).toEqual(groupIds());
  });

  it("the evaluation list and the KPI page show the group's agents only; the supervisor sees both groups", async () => {
    const otherAgent = regu("Regu 2")[0];
    const groupAgent = regu("Regu 1")[2];
    for (const agent of [otherAgent, groupAgent]) {
      const sent = await callRoute(newEvaluation, "/evaluasi/baru", {
        method: "POST",
        cookie: await cookie("penilai"),
        form: await interactionForm(db(), agent?.id ?? 0),
      });
      expect(sent.status).toBe(302);
    }
    type List = { rows: { agentId: number }[]; agents: { value: number }[] };
    const list = (await get(evaluationList, "/evaluasi?periode=semua", "ketua")).data as List;
    expect(list.rows.length).toBeGreaterThan(0);
    expect(list.rows.every((r) => groupIds().has(r.agentId))).toBe(true);
    expect(list.agents.every((a) => groupIds().has(a.value))).toBe(true);
    const team = (await get(evaluationList, "/evaluasi?periode=semua", "supervisor")).data as List;
    expect(team.rows.some((r) => r.agentId === otherAgent?.id)).toBe(true);

    const period = shiftPeriod(new Date().toISOString().slice(0, 7), -2).id;
    type Kpi = {
      agents: { rows: { staffId: number }[]; total: number };
      summary: { teams: { teamName: string }[] };
    };
    const kpi = (await get(kpiPage, `/kpi?periode=${period}`, "ketua")).data as Kpi;
    expect(kpi.agents.total).toBeGreaterThan(0);
    // The summary is the group's, and says so.
    expect(kpi.summary.teams.map((t) => t.teamName)).toEqual(["Regu 1, Tim Kerja Layanan Informasi dan Pengaduan"]);
    expect(kpi.agents.rows.every((r) => groupIds().has(r.staffId))).toBe(true);
    const teamKpi = (await get(kpiPage, `/kpi?periode=${period}`, "supervisor")).data as Kpi;
    expect(teamKpi.agents.total).toBeGreaterThan(kpi.agents.total);
  });

  it("the KPI download is the group's: named after it, with the group's agents only", async () => {
    const period = shiftPeriod(new Date().toISOString().slice(0, 7), -2).id;
    const r = await callRoute(kpiDownload, `/kpi/unduh?periode=${period}&format=csv`, {
      cookie: await cookie("ketua"),
    });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-disposition")).toContain("Regu-1");
    const body = String(r.data);
    for (const p of regu("Regu 1").slice(0, 3)) expect(body).toContain(p.fullName);
    for (const p of regu("Regu 2")) expect(body).not.toContain(p.fullName);
  });
});

describe("the scheduler", () => {
  it("reads the roster and the volumes, nobody's evaluations, KPI or workload but their own", async () => {
    expect((await get(evaluationList, "/evaluasi", "penjadwal")).status).toBe(403);
    expect((await get(kpiPage, "/kpi", "penjadwal")).status).toBe(403);
    expect((await get(staffList, "/staf", "penjadwal")).status).toBe(403);
    const page = await get(workforce, "/tenaga-kerja?kanal=telepon", "penjadwal");
    expect(page.status).toBe(200);
    const [me] = await db().select({ staffId: users.staffId }).from(users).where(eq(users.username, "penjadwal"));
    const agents = (page.data as { workload: { agents: { staffId: number }[] } }).workload.agents;
    expect(agents.every((a) => a.staffId === me?.staffId)).toBe(true);
  });
});

describe("groups on the staff record", () => {
  it("the staff form keeps a group as the team spells it, and says what to fix in one too long", async () => {
    const person = regu("Regu 2")[3];
    if (!person) throw new Error("no agent");
    const edit = async (groupName: string) => {
      const opened = await callRoute(staffEdit, `/staf/${person.id}/ubah`, {
        params: { id: String(person.id) },
        cookie: await cookie("hr"),
      });
      const page = opened.data as {
        person: Record<string, unknown> & { version: number; birth: { place: string; date: string } };
      };
      const p = page.person;
      return callRoute(staffEdit, `/staf/${person.id}/ubah`, {
        method: "POST",
        params: { id: String(person.id) },
        cookie: await cookie("hr"),
        form: {
          nip: String(p.nip),
          fullName: String(p.fullName),
          birthPlace: p.birth.place,
          birthDate: p.birth.date,
          teamId: String(p.teamId),
          position: String(p.position),
          golongan: String(p.golongan),
          hireDate: String(p.hireDate ?? ""),
          active: "on",
          groupName,
          version: String(p.version),
        },
      });
    };
    const groupOf = async () =>
      (await db().select({ g: staff.groupName }).from(staff).where(eq(staff.id, person.id)))[0]?.g;

    expect((await edit("  regu   1 ")).status).toBe(302);
    expect(await groupOf()).toBe("Regu 1");
    const tooLong = await edit("R".repeat(41));
    expect(tooLong.status).toBe(400);
    expect((tooLong.data as { errors: Record<string, string> }).errors.groupName).toContain("paling panjang 40");
    expect(await groupOf()).toBe("Regu 1");
    expect((await edit("")).status).toBe(302);
    expect(await groupOf()).toBeNull();
    expect((await edit("Regu 2")).status).toBe(302);
  });

  it("a Ketua Tim whose staff record names no group sees no one, and their home page says why", async () => {
    const [ketua] = await db().select({ staffId: users.staffId }).from(users).where(eq(users.username, "ketua"));
    const staffId = ketua?.staffId ?? 0;
    await db().update(staff).set({ groupName: null }).where(eq(staff.id, staffId));
    try {
      const list = (await get(staffList, "/staf", "ketua")).data as { rows: unknown[] };
      expect(list.rows).toEqual([]);
      const page = (await get(home, "/", "ketua")).data as { gaps: string[] };
      expect(page.gaps.join(" ")).toContain("belum mencantumkan regu");
      const download = await callRoute(kpiDownload, "/kpi/unduh", { cookie: await cookie("ketua") });
      expect(download.status).toBe(403);
    } finally {
      await db()
        .update(staff)
        .set({ groupName: "Regu 1" })
        .where(and(eq(staff.id, staffId)));
    }
    expect(((await get(home, "/", "ketua")).data as { gaps: string[] }).gaps).toEqual([]);
  });
});
