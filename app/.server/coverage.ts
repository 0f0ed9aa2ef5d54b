// Coverage of a period: each agent's evaluations against the quota, and each assessor's workload.
// Counted in SQL (grouped queries), judged by analytics/coverage.ts.
import { and, eq, sql } from "drizzle-orm";
import { quotaStatus } from "../../analytics/coverage";
import { CHANNELS, type ChannelCode } from "../../analytics/organization";
import { evaluations, users } from "../../db/schema";
import type { Database } from "./db";
import { evaluableAgents } from "./population";
import type { Settings } from "./settings";

const countWhere = (condition: ReturnType<typeof sql>) =>
  sql<number>`count(*) filter (where ${condition})`.mapWith(Number);

export function quotaFrom(settings: Settings) {
  return {
    perAgent: settings["evaluation.quotaPerAgent"],
    byChannel: Object.fromEntries(
      CHANNELS.map((c) => [c.code, settings[`evaluation.quota.${c.code}`]]).filter(([, n]) => (n as number) > 0),
    ) as Partial<Record<ChannelCode, number>>,
  };
}

export async function periodCoverage(db: Database, periodId: string, settings: Settings) {
  const quota = quotaFrom(settings);
  const agents = await evaluableAgents(db, null);
  const submitted = and(eq(evaluations.periodId, periodId), sql`${evaluations.state} <> 'draft'`);
  const byChannel = await db
    .select({
      agentId: evaluations.agentStaffId,
      channel: evaluations.channel,
      n: sql<number>`count(*)`.mapWith(Number),
    })
    .from(evaluations)
    .where(and(submitted, eq(evaluations.kind, "interaction")))
    .groupBy(evaluations.agentStaffId, evaluations.channel);
  const reviews = await db
    .select({ agentId: evaluations.agentStaffId })
    .from(evaluations)
    .where(and(submitted, eq(evaluations.kind, "period_review")));
  const reviewed = new Set(reviews.map((r) => r.agentId));
  const channelsOf = new Map<number, typeof byChannel>();
  for (const c of byChannel) channelsOf.set(c.agentId, [...(channelsOf.get(c.agentId) ?? []), c]);
  const rows = agents.map((a) => {
    const mine = channelsOf.get(a.id) ?? [];
    const counts = {
      interactions: mine.reduce((sum, c) => sum + c.n, 0),
      byChannel: Object.fromEntries(mine.map((c) => [c.channel, c.n])) as Partial<Record<ChannelCode, number>>,
    };
    return {
      ...a,
      ...counts,
      telepon: counts.byChannel.telepon ?? 0,
      reviewed: reviewed.has(a.id),
      status: quotaStatus(counts, quota),
    };
  });
  const workload = await db
    .select({
      assessorId: users.id,
      name: users.displayName,
      submitted: countWhere(sql`${evaluations.kind} = 'interaction' and ${evaluations.state} <> 'draft'`),
      drafts: countWhere(sql`${evaluations.state} = 'draft'`),
      reviews: countWhere(sql`${evaluations.kind} = 'period_review' and ${evaluations.state} <> 'draft'`),
      disputed: countWhere(sql`${evaluations.state} = 'disputed'`),
    })
    .from(evaluations)
    .innerJoin(users, eq(users.id, evaluations.assessorUserId))
    .where(eq(evaluations.periodId, periodId))
    .groupBy(users.id, users.displayName)
    .orderBy(users.displayName);
  return { quota, rows, workload, met: rows.filter((r) => r.status.met).length };
}
