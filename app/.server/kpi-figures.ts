// The center's KPI figures of a period, computed from the database: per agent from SQL averages over the
// evaluations (grouped by period and agent, one query), the final score by analytics/scoring.ts with the
// weights of the template version used, whether they held their certificate, and the sums behind the IKU. Always
// for the whole center: who sees which part of it is decided afterwards (period-kpi.ts), so one computation
// serves every viewer and can be kept (kpi-cache.ts, docs/decisions/029).
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { certifiedStaff } from "../../analytics/certified-staff";
import { quotaStatus } from "../../analytics/coverage";

import { CHANNELS, type ChannelCode } from "../../analytics/organization";
import { periodFromId } from "../../analytics/period";
import { type GradeBand, gradeOf, type Kpi, periodKpi, type Section } from "../../analytics/scoring";
import { evaluations, scorecardVersions, staff, teams } from "../../db/schema";
import { certificateSpans } from "./certification";
import { quotaFrom } from "./coverage";
import type { Database } from "./db";
import { evaluatedNow } from "./population";
import { weightsOf } from "./scorecards";
import { gradeBands, type Settings } from "./settings";

/** Raised when what a figure holds changes shape: kept figures of another format are computed again. */
export const FIGURES_FORMAT = 1;

/** The sums behind two IKU indicators, per agent, so that any group's value is a sum of sums. */
export type IkuSums = { cphPercentSum: number; cphPercentCount: number; disputes: number; disputesInTime: number };

export type AgentFigures = {
  staffId: number;
  nip: string;
  fullName: string;
  position: string;
  teamId: number;
  teamName: string;
  groupName: string | null;
  evaluations: number;
  dimensions: Record<Section, number | null>;
  cphActual: number | null;
  kpi: Kpi;
  predikat: string | null;
  certified: boolean;
  quotaMet: boolean;
  iku: IkuSums;
};

/** An official of the period (KETUJUH counts them all, evaluated or not) and whether they were certified. */
export type OfficialFigures = { staffId: number; teamId: number; groupName: string | null; certified: boolean };

export type CenterFigures = {
  periodId: string;
  /** By team, then name: the order of every KPI list before it is ranked. */
  agents: AgentFigures[];
  officials: OfficialFigures[];
  /** The grade bands the predikat were given with (the lowest band's minimum, minus infinity, as null). */
  bands: { min: number | null; label: string }[];
};

export const bandsOf = (figures: CenterFigures): GradeBand[] =>
  figures.bands.map((b) => ({ label: b.label, min: b.min ?? Number.NEGATIVE_INFINITY }));

const counted = sql`${evaluations.state} <> 'draft'`;
const numberOrNull = (v: unknown) => (v === null ? null : Number(v));
const interaction = sql`${evaluations.kind} = 'interaction'`;
const review = sql`${evaluations.kind} = 'period_review'`;
const cphPercent = sql`${evaluations.cphActual} / nullif(${evaluations.cphTarget}, 0) * 100`;

/** The SQL averages behind a KPI, for any grouping of evaluations (per period, per agent). */
const dimensionColumns = {
  evaluations: sql<number>`count(*) filter (where ${interaction})`.mapWith(Number),
  hardskill: sql<
    number | null
  >`avg(case when ${evaluations.criticalFailed} then 0 else ${evaluations.hardskill} end) filter (where ${interaction})`.mapWith(
    numberOrNull,
  ),
  softskill: sql<
    number | null
  >`avg(case when ${evaluations.criticalFailed} then 0 else ${evaluations.softskill} end) filter (where ${interaction})`.mapWith(
    numberOrNull,
  ),
  kedisiplinan: sql<number | null>`max(${evaluations.kedisiplinan}) filter (where ${review})`.mapWith(numberOrNull),
  cph: sql<number | null>`max(${evaluations.cphScore}) filter (where ${review})`.mapWith(numberOrNull),
  cphActual: sql<number | null>`max(${evaluations.cphActual}) filter (where ${review})`.mapWith(numberOrNull),
  versionId: sql<number>`max(${evaluations.versionId})`.mapWith(Number),
  cphPercentSum: sql<number>`coalesce(sum(${cphPercent}) filter (where ${review}), 0)`.mapWith(Number),
  cphPercentCount: sql<number>`count(${cphPercent}) filter (where ${review})`.mapWith(Number),
  disputes: sql<number>`count(*) filter (where ${evaluations.disputedAt} is not null)`.mapWith(Number),
};

/** Interaction evaluations per channel (for the quota), in the same scan as the averages. */
const channelColumns = Object.fromEntries(
  CHANNELS.map((c) => [
    `channel_${c.code}`,
    sql<number>`count(*) filter (where ${interaction} and ${evaluations.channel} = ${c.code})`.mapWith(Number),
  ]),
) as Record<`channel_${ChannelCode}`, SQL<number>>;

const NO_DATA: Kpi = { score: null, missing: ["hardskill", "softskill", "kedisiplinan", "cph"] };
const NO_IKU: IkuSums = { cphPercentSum: 0, cphPercentCount: 0, disputes: 0, disputesInTime: 0 };

/**
 * The figures of each period in `periodIds`, in the order given. The people of a period are those evaluated
 * now (active agents and team leaders of the evaluated teams) and anyone else with a submitted evaluation in
 * it, so a past period keeps the people who have since left or moved.
 */
export async function computeCenterFigures(
  db: Database,
  periodIds: readonly string[],
  settings: Settings,
): Promise<CenterFigures[]> {
  if (periodIds.length === 0) return [];
  const inPeriods = and(inArray(evaluations.periodId, [...periodIds]), counted);
  const windowDays = settings["evaluation.disputeWindowDays"];
  // Four independent reads, sent together: on PostgreSQL they run side by side on the pool's connections.
  const groupedQuery = db
    .select({
      periodId: evaluations.periodId,
      staffId: evaluations.agentStaffId,
      ...dimensionColumns,
      ...channelColumns,
      disputesInTime:
        sql<number>`count(*) filter (where ${evaluations.settledAt} is not null and ${evaluations.settledAt} <= ${evaluations.disputedAt} + make_interval(days => ${windowDays}))`.mapWith(
          Number,
        ),
    })
    .from(evaluations)
    .where(inPeriods)
    .groupBy(evaluations.periodId, evaluations.agentStaffId);
  const peopleQuery = db
    .select({
      staffId: staff.id,
      nip: staff.nip,
      fullName: staff.fullName,
      position: staff.position,
      teamId: staff.teamId,
      teamName: teams.name,
      groupName: staff.groupName,
      evaluatedNow: sql<boolean>`${evaluatedNow()}`,
    })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId))
    // Everyone, chosen per period below (evaluated now, or evaluated in it): asking PostgreSQL for "or evaluated in
    // the periods" makes it hash every evaluation of them, which costs more than reading a center's staff.
    .orderBy(teams.id, staff.fullName);
  // Every version (a handful): cheaper than waiting for the grouping to know which ones are used.
  // KETUJUH counts every active official of the three teams, evaluated or not (Penilai and coordinators too).
  const officialsQuery = db
    .select({
      staffId: staff.id,
      position: staff.position,
      teamId: staff.teamId,
      groupName: staff.groupName,
      hireDate: staff.hireDate,
    })
    .from(staff)
    .where(eq(staff.active, true));
  const [grouped, people, versions, spans, activeOfficials] = await Promise.all([
    groupedQuery,
    peopleQuery,
    db.select().from(scorecardVersions),
    certificateSpans(db),
    officialsQuery,
  ]);

  const weights = new Map(versions.map((v) => [v.id, weightsOf(v)]));
  const key = (periodId: string, staffId: number) => `${periodId}|${staffId}`;
  const byAgent = new Map(grouped.map((g) => [key(g.periodId, g.staffId), g]));
  const bands = gradeBands(settings);
  const quota = quotaFrom(settings);

  return periodIds.map((periodId) => {
    const { lastDay } = periodFromId(periodId);
    const rows = people
      .filter((p) => p.evaluatedNow || byAgent.has(key(periodId, p.staffId)))
      .map((p) => {
        const g = byAgent.get(key(periodId, p.staffId));
        const dimensions = {
          hardskill: g?.hardskill ?? null,
          softskill: g?.softskill ?? null,
          kedisiplinan: g?.kedisiplinan ?? null,
          cph: g?.cph ?? null,
        };
        const versionWeights = g ? weights.get(g.versionId) : undefined;
        const kpi = versionWeights ? periodKpi(dimensions, versionWeights) : NO_DATA;
        const byChannel = g ? Object.fromEntries(CHANNELS.map((c) => [c.code, g[`channel_${c.code}`]])) : {};
        return {
          staffId: p.staffId,
          nip: p.nip,
          fullName: p.fullName,
          position: p.position,
          teamId: p.teamId,
          teamName: p.teamName,
          groupName: p.groupName,
          evaluations: g?.evaluations ?? 0,
          dimensions,
          cphActual: g?.cphActual ?? null,
          kpi,
          predikat: gradeOf(kpi.score, bands),
          quotaMet: quotaStatus({ interactions: g?.evaluations ?? 0, byChannel }, quota).met,
          iku: g
            ? {
                cphPercentSum: g.cphPercentSum,
                cphPercentCount: g.cphPercentCount,
                disputes: g.disputes,
                disputesInTime: g.disputesInTime,
              }
            : NO_IKU,
        };
      });
    // The officials of the period: those active now who had joined by its last day, and everyone it lists.
    const officials = new Map(
      activeOfficials
        .filter((o) => o.hireDate === null || o.hireDate <= lastDay)
        .map((o) => [
          o.staffId,
          { staffId: o.staffId, position: o.position, teamId: o.teamId, groupName: o.groupName },
        ]),
    );
    for (const r of rows) {
      officials.set(r.staffId, { staffId: r.staffId, position: r.position, teamId: r.teamId, groupName: r.groupName });
    }
    const { held } = certifiedStaff([...officials.values()], spans, lastDay);
    return {
      periodId,
      agents: rows.map((r) => ({ ...r, certified: held.has(r.staffId) })),
      officials: [...officials.values()].map((o) => ({
        staffId: o.staffId,
        teamId: o.teamId,
        groupName: o.groupName,
        certified: held.has(o.staffId),
      })),
      bands: bands.map((b) => ({ label: b.label, min: Number.isFinite(b.min) ? b.min : null })),
    };
  });
}
