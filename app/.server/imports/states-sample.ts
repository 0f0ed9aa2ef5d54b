// The agent-states sample made from the stored roster: last full week (Monday to Sunday, WIB) of every rostered
// agent, with the lapses of fixtures/demo-states.ts (a late start, an early leave, a long break, an absence). So a
// new user can import a week of states that fits their own roster and see adherence; the demo leaves exactly that
// week without states for this.
import { and, asc, eq, gt, gte, lt, lte } from "drizzle-orm";
import { addDays } from "../../../analytics/dates";
import { wibInstant } from "../../../analytics/workforce-time";
import { agentStates, shifts, staff } from "../../../db/schema";
import { demoStates, sampleWeekOf, statesCsvLines } from "../../../fixtures/demo-states";
import type { Database } from "../db";

export async function buildStatesSample(db: Database, now = new Date()): Promise<Buffer> {
  const monday = sampleWeekOf(now);
  const rows = await db
    .select({
      nip: staff.nip,
      fullName: staff.fullName,
      startsAt: shifts.startsAt,
      endsAt: shifts.endsAt,
      channel: shifts.channel,
    })
    .from(shifts)
    .innerJoin(staff, eq(staff.id, shifts.staffId))
    .where(
      and(
        gte(shifts.startsAt, wibInstant(monday, 0)),
        lt(shifts.startsAt, wibInstant(addDays(monday, 7), 0)),
        // A Sunday night shift still running early on Monday: the phone system has not said its end yet.
        lte(shifts.endsAt, now),
      ),
    )
    .orderBy(asc(shifts.startsAt));
  const names = new Map(rows.map((r) => [r.nip, r.fullName]));
  // States stored around the week (the night before it, the morning after): the sample never overlaps them.
  const stored = await db
    .select({ nip: staff.nip, startsAt: agentStates.startsAt, endsAt: agentStates.endsAt })
    .from(agentStates)
    .innerJoin(staff, eq(staff.id, agentStates.staffId))
    .where(
      and(
        lt(agentStates.startsAt, wibInstant(addDays(monday, 8), 0)),
        gt(agentStates.endsAt, wibInstant(addDays(monday, -1), 0)),
      ),
    )
    .orderBy(asc(agentStates.startsAt));
  const taken = new Map<string, { startsAt: Date; endsAt: Date }[]>();
  for (const s of stored) taken.set(s.nip, [...(taken.get(s.nip) ?? []), s]);
  const states = demoStates(
    rows.map((r) => ({ who: r.nip, startsAt: r.startsAt, endsAt: r.endsAt, channel: r.channel })),
    (a, b) => a.localeCompare(b),
    taken,
  );
  const lines = statesCsvLines(states, (nip) => names.get(nip) ?? "");
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}
