// Who is due for a refresher, from the database: the courses with a refresh interval, everyone's attendances
// of them, and the active people of the three teams, handed to analytics/refreshers.ts.
import { and, eq, isNotNull } from "drizzle-orm";
import { wibDay } from "../../analytics/dates";
import { type RefresherLine, refresherCounts, refreshersDue } from "../../analytics/refreshers";
import { staff, teams, trainingCourses, trainingRecords } from "../../db/schema";
import type { Database } from "./db";

export async function refresherList(db: Database, today = wibDay(new Date())): Promise<RefresherLine[]> {
  const courses = await db
    .select({
      id: trainingCourses.id,
      code: trainingCourses.code,
      name: trainingCourses.name,
      refreshMonths: trainingCourses.refreshMonths,
    })
    .from(trainingCourses)
    .where(and(isNotNull(trainingCourses.refreshMonths), eq(trainingCourses.active, true)));
  if (courses.length === 0) return [];
  const attendances = await db
    .select({ staffId: trainingRecords.staffId, courseId: trainingRecords.courseId, endDate: trainingRecords.endDate })
    .from(trainingRecords)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingRecords.courseId))
    .where(isNotNull(trainingCourses.refreshMonths));
  const people = await db
    .select({ id: staff.id, fullName: staff.fullName, teamId: staff.teamId, teamName: teams.name })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .where(eq(staff.active, true));
  return refreshersDue(courses, attendances, people, today);
}

/** What the home page shows: the counts per course and team, and how many in all. */
export async function refresherSummary(db: Database) {
  const lines = await refresherList(db);
  return {
    overdue: lines.filter((l) => l.overdue).length,
    due: lines.filter((l) => !l.overdue).length,
    counts: refresherCounts(lines),
  };
}
