// The audit log: who changed what, which row, before and after, when. Writes go through the same
// transaction as the change they describe, so a rolled-back change leaves no audit row behind.
import { and, count, desc, eq, gte, inArray, isNull, lt, type SQL } from "drizzle-orm";
import { WIB_OFFSET_MS } from "../../analytics/dates";
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

/** The kinds of record the log can be filtered by (the `jenis` of the page's address), each its entities. */
export const AUDIT_KINDS = [
  { value: "evaluasi", label: "Evaluasi dan penilaian periode", entities: ["evaluation", "period_review"] },
  { value: "periode", label: "Periode dan target IKU", entities: ["period"] },
  { value: "impor", label: "Impor", entities: ["import_batch", "import_upload"] },
  {
    value: "sertifikat",
    label: "Sertifikat dan keputusan kemampuan",
    entities: ["certificate", "capability_decision"],
  },
  {
    value: "template",
    label: "Template penilaian",
    entities: ["scorecard_template", "scorecard_version", "scorecard_item"],
  },
  { value: "kalibrasi", label: "Kalibrasi", entities: ["calibration_session"] },
  { value: "jadwal", label: "Jadwal dinas", entities: ["shift"] },
  { value: "pelatihan", label: "Katalog pelatihan", entities: ["training_course"] },
  { value: "laporan", label: "Laporan", entities: ["report"] },
  { value: "pembinaan", label: "Pembinaan", entities: ["coaching_session"] },
  { value: "staf", label: "Staf", entities: ["staff"] },
  { value: "pengguna", label: "Pengguna, masuk dan keluar", entities: ["user"] },
  { value: "pengaturan", label: "Pengaturan", entities: ["setting"] },
  { value: "halaman", label: "Halaman yang ditolak", entities: ["route"] },
  { value: "unduhan", label: "Unduhan data", entities: ["export"] },
  { value: "sistem", label: "Basis data", entities: ["database"] },
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number]["value"];

/** `actor`: a user's id, or "none" for what no account did (the system, failed sign-ins with unknown names). */
export type AuditFilter = {
  kind?: AuditKind;
  actor?: number | "none";
  /** WIB calendar days 'YYYY-MM-DD', both included. */
  from?: string;
  to?: string;
  page: number;
};

/** The instant a WIB calendar day starts. */
const wibStart = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - WIB_OFFSET_MS);
const DAY_MS = 24 * 60 * 60 * 1000;

function conditions(filter: AuditFilter): SQL | undefined {
  const where: SQL[] = [];
  const kind = AUDIT_KINDS.find((k) => k.value === filter.kind);
  if (kind) where.push(inArray(auditLog.entity, [...kind.entities]));
  if (filter.actor === "none") where.push(isNull(auditLog.actorUserId));
  else if (filter.actor !== undefined) where.push(eq(auditLog.actorUserId, filter.actor));
  if (filter.from) where.push(gte(auditLog.at, wibStart(filter.from)));
  if (filter.to) where.push(lt(auditLog.at, new Date(wibStart(filter.to).getTime() + DAY_MS)));
  return where.length ? and(...where) : undefined;
}

/**
 * Every entry matching `filter` (its page left aside), newest first, `size` at a time. Each chunk goes on below
 * the last id read, so entries written meanwhile (the download's own) neither repeat a row nor shift a chunk.
 */
export async function* auditEntries(db: Database, filter: AuditFilter, size = 1000) {
  let below: number | undefined;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(conditions(filter), below === undefined ? undefined : lt(auditLog.id, below)))
      .orderBy(desc(auditLog.id))
      .limit(size);
    if (rows.length > 0) yield rows;
    below = rows.at(-1)?.id;
    if (rows.length < size || below === undefined) return;
  }
}

export async function listAudit(
  db: Database,
  filter: AuditFilter,
): Promise<{ rows: (typeof auditLog.$inferSelect)[]; total: number }> {
  const where = conditions(filter);
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
