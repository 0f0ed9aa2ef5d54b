// The period KPI of an agent: averages in SQL, the formula in analytics/scoring.ts (periodKpi). An
// evaluation whose critical item failed counts as 0 in both interaction dimensions (DESIGN.md §2).
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { periodFromId } from "../../analytics/period";
import { gradeOf, type Kpi, periodKpi } from "../../analytics/scoring";
import { evaluations, scorecardVersions } from "../../db/schema";
import type { Database } from "./db";
import { weightsOf } from "./scorecards";
import { gradeBands, type Settings } from "./settings";

export type AgentPeriodKpi = {
  periodId: string;
  label: string;
  evaluations: number;
  hardskill: number | null;
  softskill: number | null;
  kedisiplinan: number | null;
  cph: number | null;
  kpi: Kpi;
  predikat: string | null;
};

const counted = sql`${evaluations.state} <> 'draft'`;

/** The agent's KPI in each of the given periods (newest first), from submitted evaluations and reviews. */
export async function agentKpi(
  db: Database,
  staffId: number,
  periodIds: string[],
  settings: Settings,
): Promise<AgentPeriodKpi[]> {
  if (periodIds.length === 0) return [];
  const rows = await db
    .select({
      periodId: evaluations.periodId,
      evaluations: sql<number>`count(*) filter (where ${evaluations.kind} = 'interaction')`.mapWith(Number),
      hardskill: sql<
        number | null
      >`avg(case when ${evaluations.criticalFailed} then 0 else ${evaluations.hardskill} end) filter (where ${evaluations.kind} = 'interaction')`.mapWith(
        (v) => (v === null ? null : Number(v)),
      ),
      softskill: sql<
        number | null
      >`avg(case when ${evaluations.criticalFailed} then 0 else ${evaluations.softskill} end) filter (where ${evaluations.kind} = 'interaction')`.mapWith(
        (v) => (v === null ? null : Number(v)),
      ),
      kedisiplinan: sql<
        number | null
      >`max(${evaluations.kedisiplinan}) filter (where ${evaluations.kind} = 'period_review')`.mapWith((v) =>
        v === null ? null : Number(v),
      ),
      cph: sql<
        number | null
      >`max(${evaluations.cphScore}) filter (where ${evaluations.kind} = 'period_review')`.mapWith((v) =>
        v === null ? null : Number(v),
      ),
      versionId: sql<number>`max(${evaluations.versionId})`.mapWith(Number),
    })
    .from(evaluations)
    .where(and(eq(evaluations.agentStaffId, staffId), inArray(evaluations.periodId, periodIds), counted))
    .groupBy(evaluations.periodId)
    .orderBy(desc(evaluations.periodId));
  const versionIds = [...new Set(rows.map((r) => r.versionId))];
  const versions = versionIds.length
    ? await db.select().from(scorecardVersions).where(inArray(scorecardVersions.id, versionIds))
    : [];
  const bands = gradeBands(settings);
  return periodIds.map((periodId) => {
    const row = rows.find((r) => r.periodId === periodId);
    const version = versions.find((v) => v.id === row?.versionId);
    const dimensions = {
      hardskill: row?.hardskill ?? null,
      softskill: row?.softskill ?? null,
      kedisiplinan: row?.kedisiplinan ?? null,
      cph: row?.cph ?? null,
    };
    const kpi: Kpi = version
      ? periodKpi(dimensions, weightsOf(version))
      : { score: null, missing: ["hardskill", "softskill", "kedisiplinan", "cph"] };
    return {
      periodId,
      label: periodFromId(periodId).label,
      evaluations: row?.evaluations ?? 0,
      ...dimensions,
      kpi,
      predikat: gradeOf(kpi.score, bands),
    };
  });
}
