// Schedule adherence read from the database (issue 16): the roster's shifts and the imported agent states of the
// people `access` reaches, over WIB days, computed by analytics/adherence.ts. One read of each table.
import { and, asc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import {
  type AdherenceFigures,
  type AgentAdherence,
  addFigures,
  agentAdherence,
  type Rates,
  ratesOf,
  type StateCode,
} from "../../analytics/adherence";
import { addDays, wibDay } from "../../analytics/dates";
import type { Period } from "../../analytics/period";
import { wibInstant } from "../../analytics/workforce-time";
import { agentStates, shifts, staff, teams } from "../../db/schema";
import type { Database } from "./db";
import { rowsOf } from "./imports/engine";
import { type Access, inScope, staffInScope } from "./scope";
import type { Settings } from "./settings";

export type AgentAdherenceRow = AgentAdherence & {
  staffId: number;
  nip: string;
  fullName: string;
  teamId: number | null;
  teamName: string | null;
};
export type TeamAdherence = AdherenceFigures &
  Rates & { teamId: number | null; teamName: string | null; agents: number };

export const breakAllowance = (settings: Settings) => Number(settings["workforce.breakAllowanceMinutes"]);

/** The days of `period` the figures cover: up to yesterday while it runs (today is not over). */
export function coveredRange(period: Period, now = new Date()) {
  const yesterday = addDays(wibDay(now), -1);
  const to = [yesterday, period.lastDay].sort()[0] ?? period.lastDay;
  return { from: period.firstDay, to };
}

const wibDaySql = (column: unknown) => sql`to_char((${column} at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD')`;

/**
 * The WIB days from `from` to `to` that have agent states at all (for anyone: not personal): a day one of whose
 * shifts has a state starting in its first half (or up to two hours before it, an early login), or a day without
 * shifts on which a state starts. Not merely "a state starts that day", nor "a state overlaps a shift": a night
 * shift's states run into the next morning, and a morning login comes just before a night shift of the evening
 * before ends; either would make a day that was never imported look like everyone was absent.
 */
async function coveredDays(db: Database, from: string, to: string): Promise<Set<string>> {
  const [start, end] = [wibInstant(from, 0).toISOString(), wibInstant(addDays(to, 1), 0).toISOString()];
  const found = rowsOf<{ day: string; kind: string }>(
    await db.execute(sql`select distinct ${wibDaySql(shifts.startsAt)} as day, 'shift' as kind from ${shifts}
        where ${shifts.startsAt} >= ${start}::timestamptz and ${shifts.startsAt} < ${end}::timestamptz
      union all
      select distinct ${wibDaySql(sql.raw("s.starts_at"))}, 'kept' from shifts s
        where s.starts_at >= ${start}::timestamptz and s.starts_at < ${end}::timestamptz
          and exists (select 1 from agent_states a where a.staff_id = s.staff_id
            and a.starts_at >= s.starts_at - interval '2 hours' and a.starts_at < s.starts_at + (s.ends_at - s.starts_at) / 2)
      union all
      select distinct ${wibDaySql(agentStates.startsAt)}, 'state' from ${agentStates}
        where ${agentStates.startsAt} >= ${start}::timestamptz and ${agentStates.startsAt} < ${end}::timestamptz`),
  );
  const of = (kind: string) => new Set(found.filter((r) => r.kind === kind).map((r) => String(r.day)));
  const withShifts = of("shift");
  return new Set([...of("kept"), ...[...of("state")].filter((d) => !withShifts.has(d))]);
}

/**
 * Adherence per agent over WIB days `from`–`to`: everyone `access` reaches who has a shift starting on those days
 * or a state in them (`staffId` narrows to one person), in team and name order.
 */
export async function readAdherence(
  db: Database,
  settings: Settings,
  options: { from: string; to: string; access: Access; staffId?: number; teamId?: number; now?: Date },
): Promise<AgentAdherenceRow[]> {
  const { from, to, access } = options;
  // The shift before `from` may run past midnight into it; a night shift on `to` ends the day after.
  const windowStart = wibInstant(addDays(from, -1), 0);
  const windowEnd = wibInstant(addDays(to, 2), 0);
  const who = and(
    staffInScope(access),
    options.staffId === undefined ? undefined : eq(staff.id, options.staffId),
    options.teamId === undefined ? undefined : eq(staff.teamId, options.teamId),
  );
  const [shiftRows, stateRows, covered] = await Promise.all([
    db
      .select({ staffId: shifts.staffId, startsAt: shifts.startsAt, endsAt: shifts.endsAt, channel: shifts.channel })
      .from(shifts)
      .innerJoin(staff, eq(staff.id, shifts.staffId))
      .where(and(who, lt(shifts.startsAt, wibInstant(addDays(to, 1), 0)), gt(shifts.endsAt, windowStart)))
      .orderBy(asc(shifts.startsAt)),
    db
      .select({
        staffId: agentStates.staffId,
        startsAt: agentStates.startsAt,
        endsAt: agentStates.endsAt,
        state: agentStates.state,
      })
      .from(agentStates)
      .innerJoin(staff, eq(staff.id, agentStates.staffId))
      .where(and(who, lt(agentStates.startsAt, windowEnd), gt(agentStates.endsAt, windowStart)))
      .orderBy(asc(agentStates.startsAt)),
    coveredDays(db, from, to),
  ]);
  const ids = [...new Set([...shiftRows.map((s) => s.staffId), ...stateRows.map((s) => s.staffId)])];
  if (ids.length === 0) return [];
  const people = await db
    .select({ staffId: staff.id, nip: staff.nip, fullName: staff.fullName, teamId: staff.teamId, teamName: teams.name })
    .from(staff)
    .leftJoin(teams, eq(teams.id, staff.teamId))
    .where(and(inArray(staff.id, ids), inScope(access, { staffId: staff.id, teamId: staff.teamId })))
    .orderBy(asc(staff.teamId), asc(staff.fullName), asc(staff.id));
  const allowance = breakAllowance(settings);
  const shiftsOf = groupBy(shiftRows, (s) => ({
    startsAt: s.startsAt.getTime(),
    endsAt: s.endsAt.getTime(),
    channel: s.channel,
    day: wibDay(s.startsAt),
  }));
  const statesOf = groupBy(stateRows, (s) => ({
    startsAt: s.startsAt.getTime(),
    endsAt: s.endsAt.getTime(),
    state: s.state as StateCode,
  }));
  return people
    .map((p) => ({
      ...p,
      ...agentAdherence({
        shifts: shiftsOf.get(p.staffId) ?? [],
        states: statesOf.get(p.staffId) ?? [],
        coveredDays: covered,
        breakAllowanceMinutes: allowance,
        from,
        to,
        until: (options.now ?? new Date()).getTime(),
      }),
    }))
    .filter((p) => p.total.shifts + p.total.shiftsWithoutData > 0 || p.total.loggedInMinutes > 0);
}

/** Rows per person, mapped, in their order. */
function groupBy<R extends { staffId: number }, T>(rows: readonly R[], map: (row: R) => T): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.staffId);
    if (list) list.push(map(r));
    else out.set(r.staffId, [map(r)]);
  }
  return out;
}

/** The agents' totals summed per team, in the agents' order. */
export function teamAdherence(rows: readonly AgentAdherenceRow[]): TeamAdherence[] {
  const byTeam = new Map<number | null, AgentAdherenceRow[]>();
  for (const r of rows) byTeam.set(r.teamId, [...(byTeam.get(r.teamId) ?? []), r]);
  return [...byTeam.values()].map((list) => {
    const figures = addFigures(list.map((r) => r.total));
    return {
      ...figures,
      ...ratesOf(figures),
      teamId: list[0]?.teamId ?? null,
      teamName: list[0]?.teamName ?? null,
      agents: list.length,
    };
  });
}
