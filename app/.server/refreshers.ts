// Who is due for a refresher, from the database: the courses with a refresh interval, everyone's attendances
// of them, and the active people of the three teams, handed to analytics/refreshers.ts. The page
// (/pelatihan/penyegaran) and its download (exports/refreshers.ts) filter the list the same way.
import { and, eq, isNotNull } from "drizzle-orm";
import { wibDay } from "../../analytics/dates";
import { type RefresherLine, refreshersDue } from "../../analytics/refreshers";
import { staff, teams, trainingCourses, trainingRecords } from "../../db/schema";
import type { Database } from "./db";
import { type Access, SYSTEM_ACCESS, staffInScope } from "./scope";

/** The refreshers due or overdue on `today` (a WIB day) of the active people `access` reaches. */
export async function refresherList(
  db: Database,
  today = wibDay(new Date()),
  access: Access = SYSTEM_ACCESS,
): Promise<RefresherLine[]> {
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
    .where(and(eq(staff.active, true), staffInScope(access)));
  return refreshersDue(courses, attendances, people, today);
}

/** The page's filters, by the names of its address: a course (`kursus`) and a team (`tim`), by id. */
export type RefresherFilter = { kursus: string | null; tim: string | null };

export function refresherFilterFrom(params: URLSearchParams): RefresherFilter {
  return { kursus: params.get("kursus")?.trim() || null, tim: params.get("tim")?.trim() || null };
}

/** The lines of the course and team asked for (a value matching none leaves none, as on the page). */
export function filterRefreshers(lines: readonly RefresherLine[], filter: RefresherFilter): RefresherLine[] {
  return lines.filter(
    (l) => (!filter.kursus || String(l.courseId) === filter.kursus) && (!filter.tim || String(l.teamId) === filter.tim),
  );
}
