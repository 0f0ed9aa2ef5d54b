// The audit log: who changed what, which row, before and after, when. Writes go through the same
// transaction as the change they describe, so a rolled-back change leaves no audit row behind.
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { auditLog } from "../../db/schema";
import type { Database } from "./db";

/** Who is acting: a signed-in user, or a label such as "sistem" or an attempted username. */
export type Actor = { id: number | null; username: string; ip?: string };

export type AuditInput = {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

export async function recordAudit(db: Database, actor: Actor, entry: AuditInput): Promise<void> {
  await db.insert(auditLog).values({
    actorUserId: actor.id,
    actorLabel: actor.username,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: actor.ip ?? null,
  });
}

export const AUDIT_PAGE_SIZE = 50;

export async function listAudit(
  db: Database,
  filter: { entity?: string; action?: string; page: number },
): Promise<{ rows: (typeof auditLog.$inferSelect)[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((Math.max(1, filter.page) - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
