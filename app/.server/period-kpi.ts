// The KPI of everyone in a period (or a run of periods) that a viewer may see: the center's figures (computed
// once per change of the data, kept once approved: kpi-figures.ts, kpi-cache.ts), cut to the viewer's scope,
// ranked and summarised by analytics/kpi.ts. The review page, the workbook and the inbox all read this, so a
// number is the same wherever it appears.
import { type AgentKpiInput, type GroupSummary, rankWithinTeams, summarize } from "../../analytics/kpi";
import { periodFromId } from "../../analytics/period";
import type { Kpi, Section } from "../../analytics/scoring";
import type { Database } from "./db";
import { centerFigures } from "./kpi-cache";
import { type AgentFigures, bandsOf, type CenterFigures, type IkuSums } from "./kpi-figures";
import { type Access, reaches, scopeKey } from "./scope";
import type { Settings } from "./settings";

export type AgentKpiRow = AgentFigures & { rank: number | null };

export type TeamKpi = { teamId: number; teamName: string; summary: GroupSummary };

export type PeriodKpiReport = {
  periodId: string;
  agents: AgentKpiRow[];
  teams: TeamKpi[];
  center: GroupSummary;
  /** The IKU sums over the agents of the report. */
  iku: IkuSums;
};

const NO_DATA: Kpi = { score: null, missing: ["hardskill", "softskill", "kedisiplinan", "cph"] };
const NO_DATA_DIMENSIONS = { hardskill: null, softskill: null, kedisiplinan: null, cph: null };

/**
 * The KPI of each period in `periodIds` (oldest or newest first, as given), of the people `access` reaches:
 * their team and group as the figures hold them (an approved period's as they were when it was approved).
 */
export async function periodKpis(
  db: Database,
  periodIds: readonly string[],
  settings: Settings,
  access: Access,
): Promise<PeriodKpiReport[]> {
  const figures = await centerFigures(db, periodIds, settings);
  return figures.map((f) => keptReportFor(f, access));
}

// The reports cut from figures held in memory, per scope, for as long as those figures are held: twenty people
// opening the same page share one. They are read, never changed, by whoever gets them.
const reportsOf = new WeakMap<CenterFigures, Map<string, PeriodKpiReport>>();

function keptReportFor(figures: CenterFigures, access: Access): PeriodKpiReport {
  const key = scopeKey(access);
  const reports = reportsOf.get(figures) ?? new Map<string, PeriodKpiReport>();
  reportsOf.set(figures, reports);
  const found = reports.get(key);
  if (found) return found;
  const report = reportFor(figures, access);
  reports.set(key, report);
  return report;
}

/** The part of a period's figures `access` reaches, ranked within teams and summarised per team and in all. */
export function reportFor(figures: CenterFigures, access: Access): PeriodKpiReport {
  const bands = bandsOf(figures);
  const rows = access.scope === "any" ? figures.agents : figures.agents.filter((a) => reaches(access, a));
  const officials = access.scope === "any" ? figures.officials : figures.officials.filter((o) => reaches(access, o));
  const ranks = rankWithinTeams(rows.map((r) => ({ staffId: r.staffId, teamId: r.teamId, score: r.kpi.score })));
  const agents = rows.map((r) => ({ ...r, rank: ranks.get(r.staffId) ?? null }));
  const teamIds = [...new Set(agents.map((a) => a.teamId))];
  const certifiedOf = (list: readonly { certified: boolean }[]) => ({
    officials: list.length,
    certified: list.filter((o) => o.certified).length,
  });
  return {
    periodId: figures.periodId,
    agents,
    teams: teamIds.map((teamId) => {
      const members = agents.filter((a) => a.teamId === teamId);
      const teamOfficials = officials.filter((o) => o.teamId === teamId);
      const summary = withCertified(summarize(members as AgentKpiInput[], bands), certifiedOf(teamOfficials));
      // A Ketua Tim's summary is of their group's agents, and says so ("Regu 1, Tim Kerja …").
      const teamName = members[0]?.teamName ?? "";
      const label = access.scope === "group" && access.groupName ? `${access.groupName}, ${teamName}` : teamName;
      return { teamId, teamName: label, summary };
    }),
    center: withCertified(summarize(agents as AgentKpiInput[], bands), certifiedOf(officials)),
    iku: agents.reduce(
      (sum, a) => ({
        cphPercentSum: sum.cphPercentSum + a.iku.cphPercentSum,
        cphPercentCount: sum.cphPercentCount + a.iku.cphPercentCount,
        disputes: sum.disputes + a.iku.disputes,
        disputesInTime: sum.disputesInTime + a.iku.disputesInTime,
      }),
      { cphPercentSum: 0, cphPercentCount: 0, disputes: 0, disputesInTime: 0 },
    ),
  };
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
  const figures = await centerFigures(db, periodIds, settings);
  return figures.map((r) => {
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
