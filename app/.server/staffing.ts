// The staffing plan of a week and the workload of each agent (issue 6). The plan reads sums from SQL — the
// interval profile of the forecast's weeks and the agents rostered per interval of the week — and the patience of
// each channel (patience.ts), and leaves the forecast, Erlang C and Erlang A (through the memo, erlang-memo.ts) and
// the comparison to analytics/staffing.ts. The workload reads the call statistics per agent and channel once and
// scores CPH with analytics/cph.ts, the computation the period review uses.
import { and, between, eq, inArray, or, sql } from "drizzle-orm";
import { periodCph } from "../../analytics/cph";
import { formatDay, type IsoWeek, isoWeek, weekOfDay, wibDay } from "../../analytics/dates";
import { forecast, forecastBasis } from "../../analytics/forecast";
import { CHANNELS, type ChannelCode } from "../../analytics/organization";
import type { ChannelPatience } from "../../analytics/patience";
import { periodFromId } from "../../analytics/period";
import {
  type ChannelPlan,
  type StaffingTargets,
  type StaffingTotals,
  staffingPlan,
  sumTotals,
} from "../../analytics/staffing";
import { isStaffingModel, type StaffingModel } from "../../analytics/staffing-models";
import { applyWhatIf, type WhatIf } from "../../analytics/staffing-what-if";
import { callStats, staff, teams } from "../../db/schema";
import { cphTargets } from "./cph";
import type { Database } from "./db";
import { MEMOIZED_ABANDONMENT } from "./erlang-memo";
import { UserFacingError } from "./errors";
import { intervalProfile } from "./interval-stats";
import { channelPatience } from "./patience";
import { evaluatedNow } from "./population";
import { rosteredPerInterval } from "./roster";
import { type Access, staffInScope } from "./scope";
import type { Settings } from "./settings";

/** The targets of each channel from the settings (stored as whole percents and seconds), as fractions. */
export function staffingTargets(settings: Settings): Record<ChannelCode, StaffingTargets> {
  return Object.fromEntries(
    CHANNELS.map((c) => [
      c.code,
      {
        serviceLevel: settings[`workforce.serviceLevel.${c.code}`] / 100,
        answerSeconds: settings[`workforce.answerSeconds.${c.code}`],
        maxOccupancy: settings[`workforce.maxOccupancy.${c.code}`] / 100,
        shrinkage: settings[`workforce.shrinkage.${c.code}`] / 100,
      },
    ]),
  ) as Record<ChannelCode, StaffingTargets>;
}

/** The model the settings name to drive the comparison with the roster; Erlang C unless Erlang A is named. */
export const staffingModel = (settings: Settings): StaffingModel => {
  const named = settings["workforce.model"];
  return isStaffingModel(named) ? named : "erlang_c";
};

/**
 * The week a page or a download asks for ('YYYY-Www'), or without one the current week (WIB); a malformed week is
 * refused with a message to show.
 */
export function askedWeek(
  asked: string | null | undefined,
  now = new Date(),
): { ok: true; week: IsoWeek } | { ok: false; message: string } {
  const text = asked?.trim();
  if (!text) return { ok: true, week: weekOfDay(wibDay(now)) };
  try {
    return { ok: true, week: isoWeek(text) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

export type ChannelStaffing = ChannelPlan & {
  /** The channel's short Indonesian name ('Telepon', 'Surel'). */
  label: string;
  /** The patience Erlang A used, and whether estimated from the statistics or the setting. */
  patience: ChannelPatience;
};

export type WeekStaffing = {
  week: IsoWeek;
  intervalMinutes: number;
  /** What the forecast averages: the N whole weeks before the week (or before today's, for a week ahead). */
  basis: {
    weeks: number;
    weekIds: string[];
    /** First Monday and last Sunday of those weeks (WIB days). */
    firstDay: string;
    lastDay: string;
    /** '6 minggu: 19 Okt 2026 – 29 Nov 2026 (2026-W43 – 2026-W48)' */
    label: string;
    /** Whether any interval statistics of the channels asked exist in those weeks. */
    hasHistory: boolean;
  };
  /** The model driving the comparison with the roster (setting `workforce.model`). */
  model: StaffingModel;
  /** In the order of CHANNELS, or only the channel asked. */
  channels: ChannelStaffing[];
  /** All channels together. */
  total: StaffingTotals;
};

/**
 * The staffing plan of ISO week `weekId` ('2026-W49'): per channel and interval the forecast contacts, the agents
 * and positions the channel's targets need, the agents rostered and the difference, with day and week totals.
 * Throws UserFacingError for a malformed week. `now` (default: the clock) decides which weeks have ended.
 */
export async function weekStaffing(
  db: Database,
  settings: Settings,
  weekId: string,
  options: { channel?: ChannelCode; now?: Date; whatIf?: WhatIf | null } = {},
): Promise<WeekStaffing> {
  const asked = askedWeek(weekId, options.now);
  if (!asked.ok) throw new UserFacingError(asked.message, "minggu");
  const { week } = asked;
  const intervalMinutes = settings["workforce.intervalMinutes"];
  const weeks = settings["workforce.forecastWeeks"];
  const basisWeeks = forecastBasis(week, weeks, wibDay(options.now ?? new Date()));
  const firstDay = basisWeeks[0]?.monday ?? week.monday;
  const lastDay = basisWeeks[basisWeeks.length - 1]?.sunday ?? week.sunday;
  const channel = options.channel;

  const [profile, rostered, patience] = await Promise.all([
    intervalProfile(db, { from: firstDay, to: lastDay, channel }),
    rosteredPerInterval(db, { from: week.monday, to: week.sunday, intervalMinutes, channel }),
    channelPatience(db, settings, { from: firstDay, to: lastDay, channel }),
  ]);
  const model = staffingModel(settings);
  const channels = CHANNELS.filter((c) => !channel || c.code === channel);
  // A what-if changes this computation only: the settings and the statistics stay as they are.
  const asIs = { forecast: forecast(profile, intervalMinutes), targets: staffingTargets(settings) };
  const basis = options.whatIf ? applyWhatIf(asIs.forecast, asIs.targets, options.whatIf) : asIs;
  const plans = staffingPlan({
    days: week.days,
    intervalMinutes,
    channels: channels.map((c) => c.code),
    forecast: basis.forecast,
    targets: basis.targets,
    rostered,
    model,
    patienceSeconds: Object.fromEntries(Object.entries(patience).map(([code, p]) => [code, p.seconds])),
    abandonment: MEMOIZED_ABANDONMENT,
  });
  const first = basisWeeks[0]?.id ?? "";
  const last = basisWeeks[basisWeeks.length - 1]?.id ?? "";
  return {
    week,
    intervalMinutes,
    basis: {
      weeks,
      weekIds: basisWeeks.map((w) => w.id),
      firstDay,
      lastDay,
      label: `${weeks} minggu: ${formatDay(firstDay)} – ${formatDay(lastDay)} (${first} – ${last})`,
      hasHistory: profile.length > 0,
    },
    model,
    channels: plans.map((plan, i) => {
      const p = patience[plan.channel];
      if (!p) throw new Error(`no patience for ${plan.channel}`);
      return { ...plan, label: channels[i]?.short ?? plan.channel, patience: p };
    }),
    total: sumTotals(plans.map((p) => p.week)),
  };
}

export type AgentWorkload = {
  staffId: number;
  fullName: string;
  position: string;
  teamId: number;
  teamName: string;
  /** Days with call statistics in the period; 0 when none were imported (then the figures below are 0 or null). */
  days: number;
  callsHandled: number;
  loggedInHours: number;
  /** Sum of talk (handling) time, on the days that report it; null when no day does. */
  talkSeconds: number | null;
  /** Calls per logged-in hour and its score against the channels' targets: the CPH of the period review. */
  cph: number | null;
  cphScore: number | null;
  /** Talk time ÷ logged-in time on the days that report talk time (0–1); null when none does. */
  occupancy: number | null;
};

/**
 * Per agent of period `periodId` ('YYYY-MM'): calls handled, logged-in hours, talk time, CPH (and its score) and
 * occupancy from the imported call statistics. The people are those evaluated now and anyone else with statistics
 * in the period, limited to what `access` (read:workforce) reaches: everyone, the user's team, their own. One read.
 */
export async function agentWorkload(
  db: Database,
  settings: Settings,
  periodId: string,
  access: Access,
): Promise<AgentWorkload[]> {
  const period = periodFromId(periodId);
  const inPeriod = between(callStats.day, period.firstDay, period.lastDay);
  const withStats = db.select({ id: callStats.staffId }).from(callStats).where(inPeriod);
  const rows = await db
    .select({
      staffId: staff.id,
      fullName: staff.fullName,
      position: staff.position,
      teamId: staff.teamId,
      teamName: teams.name,
      channel: callStats.channel,
      // Distinct days over all channels (a day on two channels is one day), the same on each of the agent's rows.
      days: sql<number>`(select count(distinct d.day) from ${callStats} d where d.staff_id = ${staff.id} and d.day between ${period.firstDay} and ${period.lastDay})`.mapWith(
        Number,
      ),
      calls: sql<number>`coalesce(sum(${callStats.callsHandled}), 0)`.mapWith(Number),
      loggedInSeconds: sql<number>`coalesce(sum(${callStats.loggedInSeconds}), 0)`.mapWith(Number),
      talkSeconds: sql<number | null>`sum(${callStats.talkSeconds})`.mapWith((v) => (v === null ? null : Number(v))),
      loggedInWithTalk:
        sql<number>`coalesce(sum(${callStats.loggedInSeconds}) filter (where ${callStats.talkSeconds} is not null), 0)`.mapWith(
          Number,
        ),
    })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .leftJoin(callStats, and(eq(callStats.staffId, staff.id), inPeriod))
    .where(and(staffInScope(access), or(evaluatedNow(), inArray(staff.id, withStats))))
    .groupBy(staff.id, teams.id, callStats.channel)
    .orderBy(teams.id, staff.fullName, staff.id, callStats.channel);

  const targets = cphTargets(settings);
  const result: AgentWorkload[] = [];
  let i = 0;
  while (i < rows.length) {
    const first = rows[i];
    if (!first) break;
    const mine: typeof rows = [];
    for (let row = rows[i]; row?.staffId === first.staffId; row = rows[++i]) mine.push(row);
    const channels = mine.filter((r) => r.channel !== null);
    const cph = periodCph(
      channels.map((r) => ({ channel: r.channel as ChannelCode, calls: r.calls, loggedInSeconds: r.loggedInSeconds })),
      targets,
    );
    const talked = channels.filter((r) => r.talkSeconds !== null);
    const talkSeconds = talked.length ? talked.reduce((s, r) => s + (r.talkSeconds ?? 0), 0) : null;
    const loggedInWithTalk = talked.reduce((s, r) => s + r.loggedInWithTalk, 0);
    result.push({
      staffId: first.staffId,
      fullName: first.fullName,
      position: first.position,
      teamId: first.teamId,
      teamName: first.teamName,
      days: first.days,
      callsHandled: cph.calls,
      loggedInHours: cph.hours,
      talkSeconds,
      cph: cph.cph,
      cphScore: cph.score,
      occupancy: talkSeconds !== null && loggedInWithTalk > 0 ? talkSeconds / loggedInWithTalk : null,
    });
  }
  return result;
}
