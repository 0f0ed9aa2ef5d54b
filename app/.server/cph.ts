// CPH from the imported call statistics: sums per channel in SQL, the formula in analytics/cph.ts.
import { and, between, eq, sql } from "drizzle-orm";
import { type PeriodCph, periodCph } from "../../analytics/cph";
import { CHANNELS, type ChannelCode } from "../../analytics/organization";
import { periodFromId } from "../../analytics/period";
import { callStats } from "../../db/schema";
import type { Database } from "./db";
import { cphTarget, type Settings } from "./settings";

export function cphTargets(settings: Settings): Record<ChannelCode, number> {
  return Object.fromEntries(CHANNELS.map((c) => [c.code, cphTarget(settings, c.code)])) as Record<ChannelCode, number>;
}

/** The agent's CPH in the period from imported statistics, or null when none were imported. */
export async function importedCph(
  db: Database,
  agentId: number,
  periodId: string,
  settings: Settings,
): Promise<PeriodCph | null> {
  const period = periodFromId(periodId);
  const totals = await db
    .select({
      channel: callStats.channel,
      calls: sql<number>`sum(${callStats.callsHandled})`.mapWith(Number),
      loggedInSeconds: sql<number>`sum(${callStats.loggedInSeconds})`.mapWith(Number),
    })
    .from(callStats)
    .where(and(eq(callStats.staffId, agentId), between(callStats.day, period.firstDay, period.lastDay)))
    .groupBy(callStats.channel)
    .orderBy(callStats.channel);
  if (totals.length === 0) return null;
  return periodCph(
    totals.map((t) => ({ ...t, channel: t.channel as ChannelCode })),
    cphTargets(settings),
  );
}
