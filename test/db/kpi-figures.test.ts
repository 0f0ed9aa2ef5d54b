// The KPI figures are computed once per change of the data (docs/decisions/029): an approved period's are
// kept when it is approved and read from then on, forgotten when it is reopened; an open period's are held
// only until anything the KPI reads changes, however and by whom it was changed — a write on another
// connection, as another server process or the command line would make it, is seen by the next read.
import { and, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeCenterFigures } from "../../app/.server/kpi-figures";
import { periodKpiReport, reportFor } from "../../app/.server/period-kpi";
import { approvePeriod, reopenPeriod } from "../../app/.server/periods";
import { type Access, SYSTEM_ACCESS } from "../../app/.server/scope";
import { getSettings } from "../../app/.server/settings";
import { type DatabaseHandle, openDatabase, setProcessDatabase } from "../../db/client";
import { dataVersions, evaluations, kpiSnapshots, staff, users } from "../../db/schema";
import { copyTemplateDatabase, freshDatabase } from "../support/db";

const APPROVED = "2026-09";
const OPEN = "2026-10";

let handle: DatabaseHandle;
// Raw SQL from somewhere the app's code never ran: another connection on PostgreSQL (as another process);
// on PGlite, which is one process's database, the same database outside the app's functions.
let elsewhere: (statement: string) => Promise<void>;
let closeAll: () => Promise<void>;

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    const copy = await copyTemplateDatabase("2026-11-29");
    handle = await openDatabase({ url: copy.url });
    const other = postgres(copy.url, { max: 1, onnotice: () => {} });
    elsewhere = async (statement) => void (await other.unsafe(statement));
    closeAll = async () => {
      await other.end();
      await handle.close();
      await copy.drop();
    };
  } else {
    handle = await freshDatabase("2026-11-29");
    elsewhere = async (statement) => void (await handle.db.execute(sql.raw(statement)));
    closeAll = () => handle.close();
  }
  setProcessDatabase(handle);
});
afterAll(() => closeAll());

const db = () => handle.db;
const settings = () => getSettings(db());
const report = async (periodId: string, access: Access = SYSTEM_ACCESS) =>
  periodKpiReport(db(), periodId, await settings(), access);
/** The report computed from the database this instant, nothing held or kept. */
const computedNow = async (periodId: string, access: Access = SYSTEM_ACCESS) => {
  const [figures] = await computeCenterFigures(db(), [periodId], await settings());
  if (!figures) throw new Error("no figures");
  return reportFor(figures, access);
};
const version = async (topic: "kpi" | "certification" = "kpi") =>
  (await db().select().from(dataVersions).where(eq(dataVersions.topic, topic)))[0]?.version ?? -1;
const kasi = async () => {
  const [row] = await db()
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(eq(users.username, "kasi"));
  if (!row) throw new Error("no kasi");
  return row;
};

describe("an open period", () => {
  it("gives what a computation from the database gives, for every agent, in every scope", async () => {
    const [supervisor] = await db()
      .select({ id: users.id, staffId: users.staffId, teamId: staff.teamId, groupName: staff.groupName })
      .from(users)
      .innerJoin(staff, eq(staff.id, users.staffId))
      .where(eq(users.username, "ketua"));
    if (!supervisor?.groupName) throw new Error("the demo Ketua Tim has a group");
    const team: Access = {
      ...SYSTEM_ACCESS,
      userId: supervisor.id,
      scope: "team",
      staffId: supervisor.staffId,
      teamId: supervisor.teamId,
      groupName: null,
    };
    const group: Access = { ...team, scope: "group", groupName: supervisor.groupName };
    for (const access of [SYSTEM_ACCESS, team, group]) {
      const [held, computed] = [await report(OPEN, access), await computedNow(OPEN, access)];
      expect(held.agents).toEqual(computed.agents);
      expect({ ...held, agents: [] }).toEqual({ ...computed, agents: [] });
    }
    // A group is ranked within itself: the best of the group is first even when someone of another group
    // of the same team scored higher.
    const ofGroup = await report(OPEN, group);
    const ranked = ofGroup.agents.filter((a) => a.rank !== null);
    expect(ranked.length).toBeGreaterThan(1);
    expect(Math.min(...ranked.map((a) => a.rank ?? 0))).toBe(1);
    expect(ofGroup.agents.every((a) => a.groupName === supervisor.groupName && a.teamId === supervisor.teamId)).toBe(
      true,
    );
  });

  it("shows a score changed on another connection at the next read", async () => {
    const before = await report(OPEN);
    const agent = before.agents.find((a) => a.evaluations > 0 && a.kpi.score !== null);
    if (!agent) throw new Error("the demo has a scored agent in the open period");
    // Every interaction of the agent gets hardskill 0: their hardskill average becomes 0.
    await elsewhere(
      `update evaluations set hardskill = 0 where agent_staff_id = ${agent.staffId} and period_id = '${OPEN}' and kind = 'interaction'`,
    );
    const after = await report(OPEN);
    const changed = after.agents.find((a) => a.staffId === agent.staffId);
    expect(agent.dimensions.hardskill).toBeGreaterThan(0);
    expect(changed?.dimensions.hardskill).toBe(0);
    expect(changed?.kpi.score).toBeLessThan(agent.kpi.score ?? 0);
    expect(after).toEqual(await computedNow(OPEN));
  });

  it("moves the version once for a committed transaction, never for one rolled back", async () => {
    const start = await version();
    await db().transaction(async (tx) => {
      await tx.update(evaluations).set({ note: "satu" }).where(eq(evaluations.periodId, OPEN));
      await tx.update(staff).set({ fullName: sql`${staff.fullName}` });
    });
    expect(await version()).toBe(start + 1);
    await db()
      .transaction(async (tx) => {
        await tx.update(evaluations).set({ note: "dua" }).where(eq(evaluations.periodId, OPEN));
        throw new Error("dibatalkan");
      })
      .catch(() => {});
    expect(await version()).toBe(start + 1);
    // A change to a table the KPI does not read leaves the version (and so every held figure) alone.
    await db()
      .update(users)
      .set({ displayName: sql`${users.displayName}` });
    expect(await version()).toBe(start + 1);
  });
});

describe("an approved period", () => {
  it("keeps the figures it was approved with until it is reopened", async () => {
    const approvedFigures = await computedNow(APPROVED);
    await approvePeriod(db(), await kasi(), APPROVED);
    const kept = await db().select().from(kpiSnapshots).where(eq(kpiSnapshots.periodId, APPROVED));
    expect(kept).toHaveLength(1);
    expect(await report(APPROVED)).toEqual(approvedFigures);

    // An agent renamed afterwards: the approved period shows the name it was approved with, the open one the new.
    const agent = approvedFigures.agents.find((a) => a.evaluations > 0);
    if (!agent) throw new Error("the demo has evaluations in the approved period");
    await elsewhere(`update staff set full_name = 'Nama Baru Sesudah Persetujuan' where id = ${agent.staffId}`);
    expect((await report(APPROVED)).agents.find((a) => a.staffId === agent.staffId)?.fullName).toBe(agent.fullName);
    expect((await report(OPEN)).agents.find((a) => a.staffId === agent.staffId)?.fullName).toBe(
      "Nama Baru Sesudah Persetujuan",
    );

    await reopenPeriod(db(), await kasi(), APPROVED, { reason: "Nama petugas diperbaiki, dihitung ulang." });
    expect(await db().select().from(kpiSnapshots).where(eq(kpiSnapshots.periodId, APPROVED))).toEqual([]);
    expect((await report(APPROVED)).agents.find((a) => a.staffId === agent.staffId)?.fullName).toBe(
      "Nama Baru Sesudah Persetujuan",
    );
  });

  it("approved before figures were kept: computed on the first read and kept from then on", async () => {
    await approvePeriod(db(), await kasi(), APPROVED);
    await elsewhere(`delete from kpi_snapshots where period_id = '${APPROVED}'`);
    const first = await report(APPROVED);
    expect(first).toEqual(await computedNow(APPROVED));
    const kept = await db()
      .select({ periodId: kpiSnapshots.periodId })
      .from(kpiSnapshots)
      .where(and(eq(kpiSnapshots.periodId, APPROVED)));
    expect(kept).toEqual([{ periodId: APPROVED }]);
  });
});
