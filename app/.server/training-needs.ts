// Training suggestions from the KPI (C.17.c, "pengembangan sumber daya"): the agents' dimension scores come from
// the KPI the page already loaded (period-kpi.ts), so the numbers are the ones shown beside them; this module
// reads the active courses of the categories that answer a weakness and the agents' records of them — two
// queries however many agents — and hands them to analytics/training-needs.ts.
import { and, eq, inArray } from "drizzle-orm";
import {
  DIMENSION_CATEGORY,
  type DimensionScores,
  lastScoredPeriod,
  type NeedRecord,
  TRAINED_DIMENSIONS,
  type TrainingNeed,
  trainingNeeds,
} from "../../analytics/training-needs";
import { staff, trainingCourses, trainingRecords } from "../../db/schema";
import type { Database } from "./db";
import { type Access, staffInScope } from "./scope";
import { COURSE_CATEGORIES } from "./training";

export type AgentScores = { staffId: number; dimensions: DimensionScores };
export type ShownNeed = TrainingNeed & { categoryLabel: string };

const CATEGORIES = [...new Set(Object.values(DIMENSION_CATEGORY))];
const labelOf = (code: string) => COURSE_CATEGORIES.find((c) => c.code === code)?.label ?? code;

const isWeak = (a: AgentScores, thresholdPoints: number) =>
  TRAINED_DIMENSIONS.some((d) => (a.dimensions[d] ?? Number.POSITIVE_INFINITY) < thresholdPoints);

/**
 * The training needs (analytics/training-needs.ts) of each agent with a dimension below `thresholdPoints`, by
 * staff id, judged on `today` (a WIB day). Only agents `access` reaches are judged: the records are read within
 * it, so an agent outside it is left out rather than told they never had a course.
 */
export async function trainingNeedsOf(
  db: Database,
  access: Access,
  agents: readonly AgentScores[],
  thresholdPoints: number,
  today: string,
): Promise<Map<number, ShownNeed[]>> {
  const weak = agents.filter((a) => isWeak(a, thresholdPoints));
  if (weak.length === 0) return new Map();
  const ids = weak.map((a) => a.staffId);
  const [courses, rows] = await Promise.all([
    db
      .select({
        id: trainingCourses.id,
        code: trainingCourses.code,
        name: trainingCourses.name,
        category: trainingCourses.category,
        refreshMonths: trainingCourses.refreshMonths,
      })
      .from(trainingCourses)
      .where(and(eq(trainingCourses.active, true), inArray(trainingCourses.category, CATEGORIES))),
    // Each reachable person once at least (a left join: someone with no record is still reached).
    db
      .select({
        staffId: staff.id,
        courseId: trainingRecords.courseId,
        endDate: trainingRecords.endDate,
        status: trainingRecords.status,
      })
      .from(staff)
      .leftJoin(trainingRecords, eq(trainingRecords.staffId, staff.id))
      .where(and(inArray(staff.id, ids), staffInScope(access))),
  ]);
  const records = new Map<number, NeedRecord[]>();
  for (const r of rows) {
    const mine = records.get(r.staffId) ?? [];
    if (r.courseId !== null && r.endDate !== null && r.status !== null) {
      mine.push({ courseId: r.courseId, endDate: r.endDate, status: r.status });
    }
    records.set(r.staffId, mine);
  }
  const result = new Map<number, ShownNeed[]>();
  for (const agent of weak) {
    const own = records.get(agent.staffId);
    if (!own) continue; // not reached
    const needs = trainingNeeds({ scores: agent.dimensions, thresholdPoints, courses, records: own, today });
    result.set(
      agent.staffId,
      needs.map((n) => ({ ...n, categoryLabel: labelOf(n.category) })),
    );
  }
  return result;
}

/**
 * One person's suggestions for their page: judged on the newest of `periods` (their KPI as the page shows it,
 * newest first) with a score; `period` null when none of them has one.
 */
export async function personTrainingNeeds(
  db: Database,
  access: Access,
  staffId: number,
  periods: readonly { periodId: string; label: string; dimensions: DimensionScores }[],
  thresholdPoints: number,
  today: string,
) {
  const period = lastScoredPeriod(periods);
  const needs = period
    ? ((await trainingNeedsOf(db, access, [{ staffId, dimensions: period.dimensions }], thresholdPoints, today)).get(
        staffId,
      ) ?? [])
    : [];
  return { period: period ? { id: period.periodId, label: period.label } : null, thresholdPoints, needs };
}
