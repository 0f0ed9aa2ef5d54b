// Reading the imported interval statistics (issue 6): the rows of a range of days, and their sums per weekday
// and interval — what the heatmaps and the forecast (same weekday and interval over the last N weeks) need.
// Sums are computed in SQL; rates (service level, abandonment) are left to analytics/ and the pages.

import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import type { ProfileInput } from "../../analytics/forecast";
import type { ChannelCode } from "../../analytics/organization";
import { wibInstant } from "../../analytics/workforce-time";
import { intervalStats } from "../../db/schema";
import type { Database } from "./db";

export type IntervalStatRow = {
  day: string;
  channel: ChannelCode;
  /** Minutes after WIB midnight, and the instant the interval starts. */
  startMinute: number;
  startsAt: Date;
  intervalMinutes: number;
  offered: number;
  answered: number;
  abandoned: number;
  /** Null when nothing was answered. */
  ahtSeconds: number | null;
  /** Null when the source did not report it. */
  answeredWithinTarget: number | null;
};

const rangeOf = (filter: { from: string; to: string; channel?: ChannelCode }) =>
  and(
    gte(intervalStats.day, filter.from),
    lte(intervalStats.day, filter.to),
    filter.channel ? eq(intervalStats.channel, filter.channel) : undefined,
  );

/** The interval rows of WIB days `from`–`to` (both included), by day, channel and time. */
export async function listIntervalStats(
  db: Database,
  filter: { from: string; to: string; channel?: ChannelCode },
): Promise<IntervalStatRow[]> {
  const rows = await db
    .select({
      day: intervalStats.day,
      channel: intervalStats.channel,
      startMinute: intervalStats.startMinute,
      intervalMinutes: intervalStats.intervalMinutes,
      offered: intervalStats.offered,
      answered: intervalStats.answered,
      abandoned: intervalStats.abandoned,
      ahtSeconds: intervalStats.ahtSeconds,
      answeredWithinTarget: intervalStats.answeredWithinTarget,
    })
    .from(intervalStats)
    .where(rangeOf(filter))
    .orderBy(asc(intervalStats.day), asc(intervalStats.channel), asc(intervalStats.startMinute));
  return rows.map((r) => ({
    ...r,
    channel: r.channel as ChannelCode,
    startsAt: wibInstant(r.day, r.startMinute),
  }));
}

/** The forecast's input (analytics/forecast.ts), with what the heatmap needs besides. */
export type IntervalProfileRow = ProfileInput & {
  abandoned: number;
  /** Sum of answered within target, and of answered on the rows that report it (the service level's base). */
  answeredWithinTarget: number;
  answeredWithTarget: number;
};

/**
 * Sums per channel, weekday and interval over WIB days `from`–`to` (both included): the heatmap of a range, or
 * with the last N whole weeks the basis of a forecast (offered ÷ days). Rows differing in interval length (the
 * setting changed between imports) are kept apart.
 */
export async function intervalProfile(
  db: Database,
  filter: { from: string; to: string; channel?: ChannelCode },
): Promise<IntervalProfileRow[]> {
  const weekday = sql<number>`extract(isodow from ${intervalStats.day})::int`;
  const rows = await db
    .select({
      channel: intervalStats.channel,
      weekday,
      startMinute: intervalStats.startMinute,
      intervalMinutes: intervalStats.intervalMinutes,
      days: sql<number>`count(*)::int`,
      offered: sql<number>`sum(${intervalStats.offered})::int`,
      answered: sql<number>`sum(${intervalStats.answered})::int`,
      abandoned: sql<number>`sum(${intervalStats.abandoned})::int`,
      ahtSeconds: sql<
        number | null
      >`(sum(${intervalStats.ahtSeconds} * ${intervalStats.answered}) / nullif(sum(${intervalStats.answered}) filter (where ${intervalStats.ahtSeconds} is not null), 0))::float8`,
      answeredWithinTarget: sql<number>`coalesce(sum(${intervalStats.answeredWithinTarget}), 0)::int`,
      answeredWithTarget: sql<number>`coalesce(sum(${intervalStats.answered}) filter (where ${intervalStats.answeredWithinTarget} is not null), 0)::int`,
    })
    .from(intervalStats)
    .where(rangeOf(filter))
    .groupBy(intervalStats.channel, weekday, intervalStats.startMinute, intervalStats.intervalMinutes)
    .orderBy(asc(intervalStats.channel), asc(weekday), asc(intervalStats.startMinute));
  return rows.map((r) => ({
    ...r,
    channel: r.channel as ChannelCode,
    weekday: Number(r.weekday),
    days: Number(r.days),
    offered: Number(r.offered),
    answered: Number(r.answered),
    abandoned: Number(r.abandoned),
    ahtSeconds: r.ahtSeconds === null ? null : Number(r.ahtSeconds),
    answeredWithinTarget: Number(r.answeredWithinTarget),
    answeredWithTarget: Number(r.answeredWithTarget),
  }));
}
