// What the KPI review page shows for a period: the period and its approval, the KPI of every agent in the
// viewer's scope with team and center summaries, the trend of the last 12 periods per team, IKU against
// targets, calibration health, and the training suggested to the agents below the threshold. One loader's worth
// of data, shaped for the page.

import { wibDay } from "../../analytics/dates";
import { byTeamAndRank, byTeamThen, outliers, pageOf } from "../../analytics/kpi";
import { REPORT_KINDS } from "../../analytics/organization";
import { type Period, periodFromId, periodOf, shiftPeriod } from "../../analytics/period";
import { reportTimeliness } from "../../analytics/report-follow-up";
import type { Sort, SortColumns } from "../list-params";
import { can } from "../permissions";
import { assessorDrift } from "./calibration";
import type { Database } from "./db";
import { periodIku } from "./iku";
import { periodKpis } from "./period-kpi";
import { isPeriodId, periodOpenWork, periodStatus, periodsWithData } from "./periods";
import { listReports } from "./reports";
import { type Access, accessFor } from "./scope";
import type { Settings } from "./settings";
import { trainingNeedsOf } from "./training-needs";

export const TREND_PERIODS = 12;
/** Rows of the KPI table per page: a center of a thousand agents is twenty pages, not one page of a thousand. */
export const AGENTS_PER_PAGE = 50;
/** Up to this many agents the scatter's table lists every point; above it, the outliers. */
export const SCATTER_TABLE_ALL = 60;

/** The KPI table's sortable columns, with the direction of a first click; sorted within each team. */
export const KPI_SORTS = {
  peringkat: "naik",
  petugas: "naik",
  evaluasi: "turun",
  hardskill: "turun",
  softskill: "turun",
  kedisiplinan: "turun",
  cph: "turun",
  skorcph: "turun",
  nilai: "turun",
} as const satisfies SortColumns<string>;
export type KpiSortKey = keyof typeof KPI_SORTS;

type AgentKpi = Awaited<ReturnType<typeof periodKpis>>[number]["agents"][number];
const KPI_SORT_VALUE: Record<KpiSortKey, (a: AgentKpi) => number | string | null> = {
  peringkat: (a) => a.rank,
  petugas: (a) => a.fullName,
  evaluasi: (a) => a.evaluations,
  hardskill: (a) => a.dimensions.hardskill,
  softskill: (a) => a.dimensions.softskill,
  kedisiplinan: (a) => a.dimensions.kedisiplinan,
  cph: (a) => a.cphActual,
  skorcph: (a) => a.dimensions.cph,
  nilai: (a) => a.kpi.score,
};

/** A period id that exists and has started, or null. */
function startedPeriod(id: string | null, now: Date): Period | null {
  if (!id || !isPeriodId(id) || id > periodOf(now).id) return null;
  try {
    return periodFromId(id);
  } catch {
    return null; // a year outside what Mutu handles
  }
}

/**
 * The periods the page offers (back to the first with data) and the one shown: the one asked for (also an
 * older one, e.g. from a bookmark: it is added to the list and says it has no data), else the last finished
 * one (the one to review). `matched` is false when the one asked for is not a period that has started.
 */
export async function kpiPeriodChoice(db: Database, asked: string | null, now = new Date()) {
  const periods = await periodsWithData(db, now);
  const wanted = startedPeriod(asked, now);
  const previous = shiftPeriod(periodOf(now).id, -1).id;
  const period = wanted ?? periods.find((p) => p.id === previous) ?? periods[0] ?? periodOf(now);
  const listed = periods.some((p) => p.id === period.id) ? periods : [...periods, period];
  return {
    period,
    matched: asked === null || wanted !== null,
    choices: listed.map((p) => ({ value: p.id, label: p.label })),
  };
}

type ReportView = { agents: AgentKpi[]; below: AgentKpi[]; scatter: (ScatterPoint & { outlier: boolean })[] };
type ScatterPoint = { staffId: number; fullName: string; cph: number; quality: number };
// What the page derives from a report, once per report: reports are shared while their figures are held
// (period-kpi.ts), so twenty people opening the same page sort a thousand names once.
const views = new WeakMap<object, Map<number, ReportView>>();

function viewOf(report: { agents: readonly AgentKpi[] }, threshold: number): ReportView {
  const kept = views.get(report) ?? new Map<number, ReportView>();
  views.set(report, kept);
  const found = kept.get(threshold);
  if (found) return found;
  const agents = [...report.agents].sort(byTeamAndRank);
  // Interaction quality (mean of hardskill and softskill) against calls per hour, for who has both.
  const points = agents.flatMap((a): ScatterPoint[] =>
    a.cphActual !== null && a.dimensions.hardskill !== null && a.dimensions.softskill !== null
      ? [
          {
            staffId: a.staffId,
            fullName: a.fullName,
            cph: a.cphActual,
            quality: (a.dimensions.hardskill + a.dimensions.softskill) / 2,
          },
        ]
      : [],
  );
  const outlying = outliers(points);
  // Sent to the chart at the two decimals the page shows (a thousand points is most of the page's data).
  const shown = (n: number) => Math.round(n * 100) / 100;
  const view = {
    agents,
    below: agents.filter((a) => a.kpi.score !== null && a.kpi.score < threshold),
    scatter: points.map((p, i) => ({
      ...p,
      cph: shown(p.cph),
      quality: shown(p.quality),
      outlier: outlying[i] ?? false,
    })),
  };
  kept.set(threshold, view);
  return view;
}

/** The review page of period `periodId` for `access` (read:kpi): the KPI of the people it reaches. */
export async function kpiDashboard(
  db: Database,
  settings: Settings,
  access: Access,
  periodId: string,
  options: { page?: number; now?: Date; sort?: Sort<KpiSortKey> | null } = {},
) {
  const now = options.now ?? new Date();
  const trendIds = Array.from({ length: TREND_PERIODS }, (_, i) => shiftPeriod(periodId, i - TREND_PERIODS + 1).id);
  const reports = await periodKpis(db, trendIds, settings, access);
  const report = reports.at(-1);
  if (!report) throw new Error("the chosen period is the last of the trend");
  const threshold = settings["kpi.threshold"];
  const period = periodFromId(periodId);
  const { agents, below, scatter } = viewOf(report, threshold);
  const mayApprove = can(access.roles, "approve:period");
  // Independent reads, sent together (on PostgreSQL they run side by side on the pool's connections).
  const [allDrift, needs, status, openWork, filedReports, iku] = await Promise.all([
    assessorDrift(db, access, settings["calibration.spreadThreshold"]),
    // Judged on this period's dimensions (the ones in the list) and on today's training records.
    trainingNeedsOf(db, access, below, threshold, wibDay(now)),
    periodStatus(db, periodId),
    mayApprove ? periodOpenWork(db, periodId) : null,
    listReports(db, periodId),
    periodIku(db, report, settings),
  ]);
  const drift = allDrift.filter((d) => d.periodId === periodId);
  return {
    period: {
      id: period.id,
      label: period.label,
      firstDay: period.firstDay,
      lastDay: period.lastDay,
      finished: period.lastDay < wibDay(now),
    },
    ended: now >= period.end,
    status,
    // Before locking: what is still open (only for who may lock it).
    lock: openWork
      ? {
          ...openWork,
          incomplete: report.center.agents - report.center.complete,
          belowQuota: report.center.agents - report.center.quotaMet,
          agents: report.center.agents,
        }
      : null,
    // Nothing scored, reviewed or imported for this period: the page says so instead of drawing empty charts.
    hasData: agents.some((a) => a.evaluations > 0 || Object.values(a.dimensions).some((v) => v !== null)),
    // The summaries, without the agent rows: those go out a page at a time.
    summary: { center: report.center, teams: report.teams },
    agents: pageOf(
      options.sort
        ? [...agents].sort(byTeamThen(KPI_SORT_VALUE[options.sort.key], options.sort.direction === "turun"))
        : agents,
      options.page ?? 1,
      AGENTS_PER_PAGE,
    ),
    trend: reports.map((r) => ({
      periodId: r.periodId,
      center: r.center.average,
      teams: Object.fromEntries(r.teams.map((t) => [t.teamName, t.summary.average])),
    })),
    scatter: { points: scatter, listAll: scatter.length <= SCATTER_TABLE_ALL },
    below,
    belowTraining: below.flatMap((a) => {
      const found = needs.get(a.staffId) ?? [];
      return found.length > 0 ? [{ staffId: a.staffId, fullName: a.fullName, needs: found }] : [];
    }),
    threshold,
    // "Segera" (3.1.1, 3.2.1): days from a problem arising to its report, per team (kind of report).
    reportTimeliness: reportTimeliness(
      filedReports,
      REPORT_KINDS.map((k) => k.code),
    ),
    iku,
    calibration: {
      sessions: new Set(drift.map((d) => d.sessionId)).size,
      assessors: drift.length,
      drifting: drift.filter(
        (d) => d.meanDeviation !== null && d.meanDeviation > settings["calibration.spreadThreshold"],
      ),
      thresholdPoints: settings["calibration.spreadThreshold"],
    },
    can: {
      approve: can(access.roles, "approve:period"),
      setIku: can(access.roles, "manage:iku"),
      // The course page is HR's catalogue: a course name links there only for who may open it.
      openCourses: can(access.roles, "manage:training"),
      // Opening coaching from the below-threshold list (C.17.a): the KPI's scope is theirs already.
      coach: can(access.roles, "manage:coaching"),
      // How far the workbook reaches: "any" the whole center, "team" the supervisor's team, "group" the Ketua
      // Tim's group; null: no workbook.
      export: accessFor(access, "export:kpi")?.scope ?? null,
    },
  };
}
