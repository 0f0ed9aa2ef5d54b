// Coverage of a period: each agent's evaluations against the quota, and each assessor's workload.
// Counted in SQL (one grouped query each), judged by analytics/coverage.ts.
import { and, eq, sql } from "drizzle-orm";
import { quotaStatus } from "../../analytics/coverage";
import { evaluations, users } from "../../db/schema";
import type { Database } from "./db";
import { evaluableAgents } from "./evaluations";
import type { Settings } from "./settings";

const countWhere = (condition: ReturnType<typeof sql>) =>
  sql<number>`count(*) filter (where ${condition})`.mapWith(Number);

export async function periodCoverage(db: Database, periodId: string, settings: Settings) {
  const quota = { perAgent: settings["evaluation.quotaPerAgent"], telepon: settings["evaluation.quotaTelepon"] };
  const agents = await evaluableAgents(db, null);
  const counts = await db
    .select({
      agentId: evaluations.agentStaffId,
      interactions: countWhere(sql`${evaluations.kind} = 'interaction'`),
      telepon: countWhere(sql`${evaluations.kind} = 'interaction' and ${evaluations.channel} = 'telepon'`),
      reviews: countWhere(sql`${evaluations.kind} = 'period_review'`),
      disputes: countWhere(sql`${evaluations.state} = 'disputed'`),
    })
    .from(evaluations)
    .where(and(eq(evaluations.periodId, periodId), sql`${evaluations.state} <> 'draft'`))
    .groupBy(evaluations.agentStaffId);
  const byAgent = new Map(counts.map((c) => [c.agentId, c]));
  const rows = agents.map((a) => {
    const c = byAgent.get(a.id) ?? { interactions: 0, telepon: 0, reviews: 0, disputes: 0 };
    return { ...a, ...c, status: quotaStatus(c, quota) };
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
  return {
    quota,
    rows,
    workload,
    met: rows.filter((r) => r.status.met).length,
  };
}
