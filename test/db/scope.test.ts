// The one access model (app/.server/scope.ts) against a real database: "any", "team" and "own" return exactly
// the rows they mean, for a table that carries the team (staff) and for one that names only the person
// (shifts, whose team is looked up in staff); a user without a staff record or a team gets no rows at all.
import { and, asc, eq, type SQL } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type Access, accessFor, inScope, reaches, SYSTEM_ACCESS, staffInScope } from "../../app/.server/scope";
import { shifts, staff, teams } from "../../db/schema";
import { databaseForThisFile } from "../support/db";

const getHandle = databaseForThisFile();
const db = () => getHandle().db;

// Two people in the information team, one in the management team.
const people = { ani: 0, budi: 0, citra: 0 };
let information = 0;
let management = 0;

const access = (scope: Access["scope"], staffId: number | null, teamId: number | null): Access => ({
  userId: 1,
  roles: [],
  scope,
  staffId,
  teamId,
});

beforeAll(async () => {
  const teamIds = Object.fromEntries((await db().select().from(teams)).map((t) => [t.code, t.id]));
  information = teamIds.layanan_informasi ?? 0;
  management = teamIds.manajemen_layanan ?? 0;
  const person = (nip: string, fullName: string, teamId: number) => ({
    nip,
    fullName,
    birthPlace: "Jakarta",
    birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
    golongan: "II/c",
    position: "petugas_layanan",
    teamId,
  });
  const rows = await db()
    .insert(staff)
    .values([
      person("199001012015031001", "Ani", information),
      person("199102022015031002", "Budi", information),
      person("199203032015032003", "Citra", management),
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

  it("'own' returns the user's own rows only", async () => {
    const agent = access("own", people.budi, information);
    expect(await staffIds(staffInScope(agent))).toEqual([people.budi]);
    expect(await shiftOwners(shiftsInScope(agent))).toEqual([people.budi]);
  });

  it("a user without a team ('team') or without a staff record ('own') gets no rows, not everyone's", async () => {
    for (const nobody of [access("team", people.ani, null), access("own", null, information)]) {
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
  const ani = () => ({ staffId: people.ani, teamId: information });
  const citra = () => ({ staffId: people.citra, teamId: management });

  it("'any' reaches everyone, 'team' the user's team, 'own' the user only", () => {
    expect(reaches(access("any", null, null), citra())).toBe(true);
    expect(reaches(access("team", null, information), ani())).toBe(true);
    expect(reaches(access("team", null, information), citra())).toBe(false);
    expect(reaches(access("own", people.ani, information), ani())).toBe(true);
    expect(reaches(access("own", people.budi, information), ani())).toBe(false);
  });

  it("a user without a team or staff record reaches no one, not even a person without a team", () => {
    expect(reaches(access("team", people.ani, null), ani())).toBe(false);
    expect(reaches(access("team", null, null), { staffId: people.ani, teamId: null })).toBe(false);
    expect(reaches(access("own", null, information), ani())).toBe(false);
  });

  it("agrees with inScope on every person and scope", async () => {
    const all = await db().select({ staffId: staff.id, teamId: staff.teamId }).from(staff);
    const cases = [
      access("any", null, null),
      access("team", people.ani, information),
      access("team", null, null),
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
