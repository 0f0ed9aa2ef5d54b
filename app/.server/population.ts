// The evaluated population (analytics/population.ts) as the database holds it: the condition that picks it out
// of staff, for the KPI, staffing and roster queries, and the list an assessor chooses from.
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { EVALUATED_POSITIONS, EVALUATED_TEAMS } from "../../analytics/population";
import { staff, teams } from "../../db/schema";
import type { Database } from "./db";

/** Staff evaluated now (joined with teams): active, in an evaluated team and position. */
export const evaluatedNow = () =>
  and(eq(staff.active, true), inArray(teams.code, EVALUATED_TEAMS), inArray(staff.position, EVALUATED_POSITIONS));

/** The people an assessor may evaluate now, by team and name; never the assessor's own staff record. */
export async function evaluableAgents(db: Database, exceptStaffId: number | null) {
  return db
    .select({
      id: staff.id,
      fullName: staff.fullName,
      teamId: staff.teamId,
      groupName: staff.groupName,
      teamName: teams.name,
      position: staff.position,
    })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .where(and(evaluatedNow(), exceptStaffId ? ne(staff.id, exceptStaffId) : undefined))
    .orderBy(asc(teams.id), asc(staff.fullName));
}
