// What the workforce pages show. The heatmaps: for one channel and the last N whole weeks, the heatmaps of volume, AHT,
// service level, abandonment and occupancy by day of week and interval. Sums come from SQL (interval-stats,
// roster); the rates and the grid from analytics/workforce-heatmap.ts. The staffing plan of a week, one channel
// at a time, from staffing.ts.
import { addDays, formatDay, isoWeekday, mondayOf, shiftWeek, weekOfDay, wibDay } from "../../analytics/dates";
import { CHANNELS, type ChannelCode } from "../../analytics/organization";
import { periodOf, shiftPeriod } from "../../analytics/period";
import { whatIfWords } from "../../analytics/staffing-what-if";
import {
  heatmap,
  isMetric,
  METRICS,
  type MetricCode,
  RANGE_WEEKS,
  type RosterCell,
} from "../../analytics/workforce-heatmap";
import type { Database } from "./db";
import { intervalProfile } from "./interval-stats";
import { periodChoice } from "./periods";
import { rosteredPerInterval } from "./roster";
import type { Access } from "./scope";
import type { Settings } from "./settings";
import { agentWorkload, askedWeek, staffingTargets, weekStaffing } from "./staffing";
import { readWhatIf } from "./staffing-what-if";

/** The choices of the page from its search parameters, each falling back to a sensible default. */
export function workforceChoice(params: URLSearchParams) {
  const asked = params.get("kanal");
  const channel: ChannelCode = CHANNELS.some((c) => c.code === asked) ? (asked as ChannelCode) : "telepon";
  const weeksAsked = Number(params.get("rentang"));
  const weeks = RANGE_WEEKS.find((w) => w === weeksAsked) ?? 4;
  const metricAsked = params.get("ukuran");
  const metric: MetricCode = isMetric(metricAsked) ? metricAsked : "volume";
  return { channel, weeks, metric, periodId: params.get("periode") };
}

/** The heatmaps of the choice, and the workload (CPH, occupancy) of the agents `access` (read:workforce) reaches. */
export async function workforceHeatmap(
  db: Database,
  settings: Settings,
  choice: { channel: ChannelCode; weeks: number; metric: MetricCode; periodId: string | null },
  access: Access,
  now = new Date(),
) {
  // The last N whole weeks, Monday to Sunday, before the current one: a week still running would pull its
  // days' averages down.
  const thisMonday = mondayOf(wibDay(now));
  const from = addDays(thisMonday, -7 * choice.weeks);
  const to = addDays(thisMonday, -1);
  const intervalMinutes = settings["workforce.intervalMinutes"];
  // The workload of a finished period by default: the one under review.
  const { period, choices } = periodChoice(choice.periodId ?? shiftPeriod(periodOf(now).id, -1).id, 12, now);
  const [profile, rostered, workload] = await Promise.all([
    intervalProfile(db, { from, to, channel: choice.channel }),
    rosteredPerInterval(db, { from, to, intervalMinutes, channel: choice.channel }),
    agentWorkload(db, settings, period.id, access),
  ]);
  const roster: RosterCell[] = rostered.map((r) => ({
    weekday: isoWeekday(r.day),
    startMinute: r.startMinute,
    staffedAgents: r.staffedAgents,
  }));
  const metric = METRICS.find((m) => m.code === choice.metric) ?? METRICS[0];
  return {
    choice,
    range: { from, to, label: `${formatDay(from)} – ${formatDay(to)}` },
    intervalMinutes,
    hasData: profile.length > 0,
    metric,
    map: heatmap(choice.metric, profile, roster, intervalMinutes),
    workload: { period: { id: period.id, label: period.label }, choices, agents: workload },
    totals: {
      offered: profile.reduce((sum, p) => sum + p.offered, 0),
      answered: profile.reduce((sum, p) => sum + p.answered, 0),
      abandoned: profile.reduce((sum, p) => sum + p.abandoned, 0),
    },
  };
}

/** The staffing plan page: the week asked (`minggu`, else this one), one channel (`kanal`), one day in detail (`hari`). */
export async function staffingPage(db: Database, settings: Settings, params: URLSearchParams, now = new Date()) {
  const chosen = askedWeek(params.get("minggu"), now);
  const week = chosen.ok ? chosen.week : weekOfDay(wibDay(now));
  const { channel } = workforceChoice(params);
  const simulation = readWhatIf(params, channel);
  const plan = await weekStaffing(db, settings, week.id, { channel, now, whatIf: simulation.whatIf });
  const today = wibDay(now);
  const askedDay = params.get("hari");
  const day = week.days.find((d) => d === askedDay) ?? week.days.find((d) => d === today) ?? week.monday;
  const channelPlan = plan.channels[0];
  if (!channelPlan) throw new Error("a plan of one channel has that channel");
  // The page shows the whole week as cells of a grid and one day in detail: it is sent that, not every interval of
  // the week in detail (a 290 KB page became ~80 KB; phones parse all of it).
  const { intervals, ...summary } = channelPlan;
  return {
    week: { ...plan.week, previous: shiftWeek(week.id, -1).id, next: shiftWeek(week.id, 1).id },
    error: chosen.ok ? null : chosen.message,
    basis: plan.basis,
    intervalMinutes: plan.intervalMinutes,
    channel: summary,
    weekCells: intervals.map(({ day, startMinute, rostered, positions, status }) => ({
      day,
      startMinute,
      rostered,
      positions,
      status,
    })),
    dayIntervals: intervals.filter((i) => i.day === day),
    day,
    /** The channel's targets as the settings hold them (a simulation's plan shows its own). */
    settingsTargets: staffingTargets(settings)[channel],
    whatIf: {
      words: simulation.whatIf ? whatIfWords(simulation.whatIf) : [],
      values: simulation.values,
      errors: simulation.errors,
      query: simulation.query,
    },
  };
}
