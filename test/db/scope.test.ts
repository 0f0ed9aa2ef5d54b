// The one access model (app/.server/scope.ts) against a real database: "any", "team", "group" and "own" return
// exactly the rows they mean, for a table that carries the team (staff) and for one that names only the person
// (shifts, whose team is looked up in staff); a user without a staff record or a team gets no rows at all.
import { and, asc, eq, type SQL } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type Access, accessFor, inScope, reaches, SYSTEM_ACCESS, staffInScope } from "../../app/.server/scope";
import { shifts, staff, teams } from "../../db/schema";
import { databaseForThisFile } from "../support/db";

const getHandle = databaseForThisFile();
const db = () => getHandle().db;

// Two people in the information team (groups "Regu 1" and "Regu 2"), one in the management team (its own
// "Regu 1": a group is the team plus the name).
const people = { ani: 0, budi: 0, citra: 0 };
let information = 0;
let management = 0;

const access = (
  scope: Access["scope"],
  staffId: number | null,
  teamId: number | null,
  groupName: string | null = null,
): Access => ({ userId: 1, roles: [], scope, staffId, teamId, groupName });

beforeAll(async () => {
  const teamIds = Object.fromEntries((await db().select().from(teams)).map((t) => [t.code, t.id]));
  information = teamIds.layanan_informasi ?? 0;
  management = teamIds.manajemen_layanan ?? 0;
  const person = (nip: string, fullName: string, teamId: number, groupName: string) => ({
    nip,
    fullName,
    birthPlace: "Jakarta",
    birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
    golongan: "II/c",
    position: "petugas_layanan",
    teamId,
    groupName,
  });
  const rows = await db()
    .insert(staff)
    .values([
      person("199001012015031001", "Ani", information, "Regu 1"),
      person("199102022015031002", "Budi", information, "Regu 2"),
      person("199203032015032003", "Citra", management, "Regu 1"),
    ])
    .returning({ id: staff.id, fullName: staff.fullName });
  for (const r of rows) people[r.fullName.toLowerCase() as keyof typeof people] = r.id;
  // One shift each, on the same morning.
  await db()
    .insert(shifts)
    .values(
      rows.map((r) => ({
        staffId: r.id,
        startsAt: new Date("2026-11-02T00:00:00Z"),
        endsAt: new Date("2026-11-02T08:00:00Z"),
        channel: "telepon",
      })),
    );
});

const staffIds = async (where: SQL | undefined) =>
  (await db().select({ id: staff.id }).from(staff).where(where).orderBy(asc(staff.id))).map((r) => r.id);

const shiftOwners = async (where: SQL | undefined) =>
  (await db().select({ id: shifts.staffId }).from(shifts).where(where).orderBy(asc(shifts.staffId))).map((r) => r.id);

const shiftsInScope = (a: Access) => inScope(a, { staffId: shifts.staffId });

describe("inScope against the database", () => {
  it("'any' (and the system) returns every row: no condition at all", async () => {
    expect(staffInScope(access("any", null, null))).toBeUndefined();
    const everyone = [people.ani, people.budi, people.citra];
    expect(await staffIds(staffInScope(access("any", null, null)))).toEqual(everyone);
    expect(await staffIds(staffInScope(SYSTEM_ACCESS))).toEqual(everyone);
    expect(await shiftOwners(shiftsInScope(SYSTEM_ACCESS))).toEqual(everyone);
  });

  it("'team' returns the rows of the user's team, by the row's team column or through staff", async () => {
    const supervisor = access("team", people.ani, information);
    expect(await staffIds(staffInScope(supervisor))).toEqual([people.ani, people.budi]);
    expect(await shiftOwners(shiftsInScope(supervisor))).toEqual([people.ani, people.budi]);
    const other = access("team", null, management);
    expect(await staffIds(staffInScope(other))).toEqual([people.citra]);
    expect(await shiftOwners(shiftsInScope(other))).toEqual([people.citra]);
  });

  it("'group' returns the rows of the user's group within their team, not a same-named group of another", async () => {
    const leader = access("group", null, information, "Regu 1");
    expect(await staffIds(staffInScope(leader))).toEqual([people.ani]);
    expect(await shiftOwners(shiftsInScope(leader))).toEqual([people.ani]);
    expect(await staffIds(inScope(leader, { staffId: staff.id, teamId: staff.teamId }))).toEqual([people.ani]);
    const second = access("group", null, information, "Regu 2");
    expect(await shiftOwners(shiftsInScope(second))).toEqual([people.budi]);
    const management1 = access("group", null, management, "Regu 1");
    expect(await staffIds(staffInScope(management1))).toEqual([people.citra]);
  });

  it("'own' returns the user's own rows only", async () => {
    const agent = access("own", people.budi, information);
    expect(await staffIds(staffInScope(agent))).toEqual([people.budi]);
    expect(await shiftOwners(shiftsInScope(agent))).toEqual([people.budi]);
  });

  it("a user without a team ('team'), group ('group') or staff record ('own') gets no rows, not everyone's", async () => {
    const noGroup = access("group", people.ani, information, null);
    for (const nobody of [access("team", people.ani, null), access("own", null, information), noGroup]) {
      expect(await staffIds(staffInScope(nobody))).toEqual([]);
      expect(await shiftOwners(shiftsInScope(nobody))).toEqual([]);
    }
  });

  it("combines with the query's own conditions: a row outside the scope is not found even by its id", async () => {
    const supervisor = access("team", null, information);
    expect(await staffIds(and(eq(staff.id, people.budi), staffInScope(supervisor)))).toEqual([people.budi]);
    expect(await staffIds(eq(staff.id, people.citra))).toEqual([people.citra]);
    expect(await staffIds(and(eq(staff.id, people.citra), staffInScope(supervisor)))).toEqual([]);
  });
});

describe("reaches: a row already loaded", () => {
  const ani = () => ({ staffId: people.ani, teamId: information, groupName: "Regu 1" });
  const citra = () => ({ staffId: people.citra, teamId: management, groupName: "Regu 1" });

  it("'any' reaches everyone, 'team' the user's team, 'own' the user only", () => {
    expect(reaches(access("any", null, null), citra())).toBe(true);
    expect(reaches(access("team", null, information), ani())).toBe(true);
    expect(reaches(access("team", null, information), citra())).toBe(false);
    expect(reaches(access("own", people.ani, information), ani())).toBe(true);
    expect(reaches(access("own", people.budi, information), ani())).toBe(false);
  });

  it("'group' reaches the user's group in their team only", () => {
    const leader = access("group", null, information, "Regu 1");
    expect(reaches(leader, ani())).toBe(true);
    expect(reaches(leader, { staffId: people.budi, teamId: information, groupName: "Regu 2" })).toBe(false);
    expect(reaches(leader, citra())).toBe(false);
    expect(reaches(access("group", null, information, null), { ...ani(), groupName: null })).toBe(false);
  });

  it("a user without a team or staff record reaches no one, not even a person without a team", () => {
    expect(reaches(access("team", people.ani, null), ani())).toBe(false);
    expect(reaches(access("team", null, null), { staffId: people.ani, teamId: null, groupName: null })).toBe(false);
    expect(reaches(access("own", null, information), ani())).toBe(false);
  });

  it("agrees with inScope on every person and scope", async () => {
    const all = await db().select({ staffId: staff.id, teamId: staff.teamId, groupName: staff.groupName }).from(staff);
    const cases = [
      access("any", null, null),
      access("team", people.ani, information),
      access("team", null, null),
      access("group", null, information, "Regu 2"),
      access("group", null, management, "Regu 1"),
      access("group", people.ani, information, null),
      access("own", people.citra, management),
      access("own", null, management),
    ];
    for (const a of cases) {
      const reached = all.filter((p) => reaches(a, p)).map((p) => p.staffId);
      expect(await staffIds(staffInScope(a)), JSON.stringify(a)).toEqual(reached.sort((x, y) => x - y));
    }
  });
});

describe("accessFor: the same person under another permission", () => {
  it("takes the scope that permission grants the user's roles, or null", () => {
    const supervisor: Access = { ...access("any", people.ani, information), roles: ["supervisor"] };
    expect(accessFor(supervisor, "read:roster")?.scope).toBe("any");
    expect(accessFor(supervisor, "manage:roster")).toEqual({ ...supervisor, scope: "team" });
    expect(accessFor(supervisor, "issue:certificate")).toBeNull();
    expect(accessFor(SYSTEM_ACCESS, "issue:certificate")).toBe(SYSTEM_ACCESS);
  });
});
