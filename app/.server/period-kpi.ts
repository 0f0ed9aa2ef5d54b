// The KPI of everyone in a period (or a run of periods): per agent from SQL averages over the evaluations
// (grouped by period and agent, one query), the final score by analytics/scoring.ts with the weights of the
// template version used, rank and group summaries by analytics/kpi.ts. The review page and the workbook both
// read this, so a number is the same wherever it appears.
import { and, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { certifiedStaff } from "../../analytics/certified-staff";
import { quotaStatus } from "../../analytics/coverage";
import { type AgentKpiInput, type GroupSummary, rankWithinTeams, summarize } from "../../analytics/kpi";
import { CHANNELS, type ChannelCode } from "../../analytics/organization";
import { periodFromId } from "../../analytics/period";
import { gradeOf, type Kpi, periodKpi, type Section } from "../../analytics/scoring";
import { evaluations, scorecardVersions, staff, teams } from "../../db/schema";
import { certificateSpans } from "./certification";
import { quotaFrom } from "./coverage";
import type { Database } from "./db";
import { evaluatedNow } from "./population";
import { type Access, SYSTEM_ACCESS, staffInScope } from "./scope";
import { weightsOf } from "./scorecards";
import { gradeBands, type Settings } from "./settings";

const counted = sql`${evaluations.state} <> 'draft'`;

const numberOrNull = (v: unknown) => (v === null ? null : Number(v));
const interaction = sql`${evaluations.kind} = 'interaction'`;
const review = sql`${evaluations.kind} = 'period_review'`;

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
};

/** Interaction evaluations per channel (for the quota), in the same scan as the averages. */
const channelColumns = Object.fromEntries(
  CHANNELS.map((c) => [
    `channel_${c.code}`,
    sql<number>`count(*) filter (where ${interaction} and ${evaluations.channel} = ${c.code})`.mapWith(Number),
  ]),
) as Record<`channel_${ChannelCode}`, SQL<number>>;

export type AgentKpiRow = {
  staffId: number;
  nip: string;
  fullName: string;
  position: string;
  teamId: number;
  teamName: string;
  evaluations: number;
  dimensions: Record<Section, number | null>;
  cphActual: number | null;
  kpi: Kpi;
  predikat: string | null;
  rank: number | null;
  certified: boolean;
  quotaMet: boolean;
};

export type TeamKpi = { teamId: number; teamName: string; summary: GroupSummary };

export type PeriodKpiReport = {
  periodId: string;
  agents: AgentKpiRow[];
  teams: TeamKpi[];
  center: GroupSummary;
};

const NO_DATA: Kpi = { score: null, missing: ["hardskill", "softskill", "kedisiplinan", "cph"] };
const NO_DATA_DIMENSIONS = { hardskill: null, softskill: null, kedisiplinan: null, cph: null };

/**
 * The KPI of each period in `periodIds` (oldest or newest first, as given), of the people `access` reaches
 * (only `onePerson` when given). The people of a period are those evaluated now (active agents and team
 * leaders of the evaluated teams) and anyone else with a submitted evaluation in it, so a past period keeps
 * the people who have since left or moved.
 */
export async function periodKpis(
  db: Database,
  periodIds: readonly string[],
  settings: Settings,
  access: Access,
  onePerson?: number,
): Promise<PeriodKpiReport[]> {
  if (periodIds.length === 0) return [];
  const inScope = and(staffInScope(access), onePerson === undefined ? undefined : eq(staff.id, onePerson));
  const inPeriods = and(inArray(evaluations.periodId, [...periodIds]), counted);
  // Four independent reads, sent together: on PostgreSQL they run side by side on the pool's connections.
  const groupedQuery = db
    .select({
      periodId: evaluations.periodId,
      staffId: evaluations.agentStaffId,
      ...dimensionColumns,
      ...channelColumns,
    })
    .from(evaluations)
    .innerJoin(staff, eq(staff.id, evaluations.agentStaffId))
    .where(and(inPeriods, inScope))
    .groupBy(evaluations.periodId, evaluations.agentStaffId);

  const peopleQuery = db
    .select({
      staffId: staff.id,
      nip: staff.nip,
      fullName: staff.fullName,
      position: staff.position,
      teamId: staff.teamId,
      teamName: teams.name,
      evaluatedNow: sql<boolean>`${evaluatedNow()}`,
    })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .where(
      and(
        inScope,
        or(
          evaluatedNow(),
          inArray(staff.id, db.select({ id: evaluations.agentStaffId }).from(evaluations).where(inPeriods)),
        ),
      ),
    )
    .orderBy(teams.id, staff.fullName);
  // Every version (a handful): cheaper than waiting for the grouping to know which ones are used.
  // KETUJUH counts every active official of the three teams, evaluated or not (Penilai and coordinators too).
  const officialsQuery = db
    .select({ staffId: staff.id, position: staff.position, teamId: staff.teamId, hireDate: staff.hireDate })
    .from(staff)
    .where(and(inScope, eq(staff.active, true)));
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

  const reports: PeriodKpiReport[] = [];
  for (const periodId of periodIds) {
    const { lastDay } = periodFromId(periodId);
    const rows = people
      .filter((p) => p.evaluatedNow || byAgent.has(key(periodId, p.staffId)))
      .map((p): Omit<AgentKpiRow, "rank"> => {
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
          evaluations: g?.evaluations ?? 0,
          dimensions,
          cphActual: g?.cphActual ?? null,
          kpi,
          predikat: gradeOf(kpi.score, bands),
          certified: false, // set below, with the officials of the period
          quotaMet: quotaStatus({ interactions: g?.evaluations ?? 0, byChannel }, quota).met,
        };
      });
    // The officials of the period: those active now who had joined by its last day, and everyone it lists.
    const officials = new Map(
      activeOfficials
        .filter((o) => o.hireDate === null || o.hireDate <= lastDay)
        .map((o) => [o.staffId, { staffId: o.staffId, position: o.position, teamId: o.teamId }]),
    );
    for (const r of rows) officials.set(r.staffId, { staffId: r.staffId, position: r.position, teamId: r.teamId });
    const certified = certifiedStaff([...officials.values()], spans, lastDay);
    const ranks = rankWithinTeams(rows.map((r) => ({ staffId: r.staffId, teamId: r.teamId, score: r.kpi.score })));
    const agents = rows.map((r) => ({
      ...r,
      certified: certified.held.has(r.staffId),
      rank: ranks.get(r.staffId) ?? null,
    }));
    const teamIds = [...new Set(agents.map((a) => a.teamId))];
    reports.push({
      periodId,
      agents,
      teams: teamIds.map((teamId) => {
        const members = agents.filter((a) => a.teamId === teamId);
        const summary = withCertified(summarize(members as AgentKpiInput[], bands), certified.byTeam.get(teamId));
        // A Ketua Tim's summary is of their group's agents, and says so ("Regu 1, Tim Kerja …").
        const teamName = members[0]?.teamName ?? "";
        const label = access.scope === "group" && access.groupName ? `${access.groupName}, ${teamName}` : teamName;
        return { teamId, teamName: label, summary };
      }),
      center: withCertified(summarize(agents as AgentKpiInput[], bands), certified.all),
    });
  }
  return reports;
}

/** The certified-staff figures of a summary counted over every official (KETUJUH), not only the evaluated. */
function withCertified(
  summary: GroupSummary,
  count: { officials: number; certified: number } | undefined,
): GroupSummary {
  const officials = count?.officials ?? 0;
  const certified = count?.certified ?? 0;
  return { ...summary, officials, certified, certifiedShare: officials === 0 ? null : certified / officials };
}

/** The KPI of one period, of the people `access` reaches. */
export async function periodKpiReport(
  db: Database,
  periodId: string,
  settings: Settings,
  access: Access,
): Promise<PeriodKpiReport> {
  const [report] = await periodKpis(db, [periodId], settings, access);
  if (!report) throw new Error("no report");
  return report;
}

export type AgentPeriodKpi = {
  periodId: string;
  label: string;
  evaluations: number;
  dimensions: Record<Section, number | null>;
  kpi: Kpi;
  predikat: string | null;
};

/**
 * One agent's KPI in each of the given periods, in the order given: the same computation as the team's. The
 * caller has decided that its user may see this agent's KPI.
 */
export async function agentKpi(
  db: Database,
  staffId: number,
  periodIds: string[],
  settings: Settings,
): Promise<AgentPeriodKpi[]> {
  const reports = await periodKpis(db, periodIds, settings, SYSTEM_ACCESS, staffId);
  return reports.map((r) => {
    const agent = r.agents.find((a) => a.staffId === staffId);
    return {
      periodId: r.periodId,
      label: periodFromId(r.periodId).label,
      evaluations: agent?.evaluations ?? 0,
      dimensions: agent?.dimensions ?? NO_DATA_DIMENSIONS,
      kpi: agent?.kpi ?? NO_DATA,
      predikat: agent?.predikat ?? null,
    };
  });
}
