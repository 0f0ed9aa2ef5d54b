// Pure: who is due for a refresher (regulation 2.3.3: penyegaran). A course may say it must be taken again
// every so many months; everyone who attended it (any result: "mengikuti") must attend again by their last
// attendance's end date plus that many months. Due: within the warning window; overdue: past it.
import { addDays, addMonths } from "./dates";

export type RefresherCourse = { id: number; code: string; name: string; refreshMonths: number | null };
export type Attendance = { staffId: number; courseId: number; endDate: string };
export type RefresherPerson = { id: number; fullName: string; teamId: number; teamName: string };

export type RefresherLine = {
  staffId: number;
  fullName: string;
  teamId: number;
  teamName: string;
  courseId: number;
  courseCode: string;
  courseName: string;
  lastEndDate: string;
  dueDate: string;
  overdue: boolean;
};

/** Days before the due date from which a refresher counts as due. */
export const DUE_WINDOW_DAYS = 30;

/**
 * The refreshers of active `people` that are due (by today + DUE_WINDOW_DAYS) or overdue, overdue first, then by
 * due date and name. Only courses with `refreshMonths`, and only people who attended them before.
 */
export function refreshersDue(
  courses: readonly RefresherCourse[],
  attendances: readonly Attendance[],
  people: readonly RefresherPerson[],
  today: string,
): RefresherLine[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const latest = new Map<string, Attendance>();
  for (const a of attendances) {
    const key = `${a.staffId}:${a.courseId}`;
    const seen = latest.get(key);
    if (!seen || a.endDate > seen.endDate) latest.set(key, a);
  }
  const horizon = addDays(today, DUE_WINDOW_DAYS);
  const lines: RefresherLine[] = [];
  for (const course of courses) {
    if (!course.refreshMonths) continue;
    for (const a of latest.values()) {
      const person = byId.get(a.staffId);
      if (a.courseId !== course.id || !person) continue;
      const dueDate = addMonths(a.endDate, course.refreshMonths);
      if (dueDate > horizon) continue;
      lines.push({
        staffId: person.id,
        fullName: person.fullName,
        teamId: person.teamId,
        teamName: person.teamName,
        courseId: course.id,
        courseCode: course.code,
        courseName: course.name,
        lastEndDate: a.endDate,
        dueDate,
        overdue: dueDate < today,
      });
    }
  }
  return lines.sort(
    (x, y) =>
      Number(y.overdue) - Number(x.overdue) ||
      x.dueDate.localeCompare(y.dueDate) ||
      x.fullName.localeCompare(y.fullName, "id"),
  );
}
