// The audit log's page: a filtered page of entries with names for ids, words for codes and WIB times (the
// wording is audit-details'), and the accounts it can be filtered by.

import { eq, inArray } from "drizzle-orm";
import { formatDay, formatInstantWib, parseFormDate } from "../../analytics/dates";
import { type AuditEntry, evaluations, staff, teams, users } from "../../db/schema";
import { idParam } from "../list-params";
import { AUDIT_KINDS, type AuditFilter, listAudit } from "./audit";
import { type AuditDetail, describeAudit, mentionedIds } from "./audit-details";
import type { Database } from "./db";

export type AuditEntryView = {
  id: number;
  at: string;
  /** The account's name and username, or the label recorded (sistem, an attempted username). */
  actor: string;
  action: string;
  record: string;
  details: AuditDetail[];
  ip: string | null;
};

const byId = (rows: { id: number; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));

/** A page of the log as people read it: names for ids, words for codes, WIB times (see audit-details). */
export async function auditPage(db: Database, filter: AuditFilter): Promise<{ rows: AuditEntryView[]; total: number }> {
  const { rows, total } = await listAudit(db, filter);
  return { total, rows: await describeEntries(db, rows) };
}

/** Entries of the log as its page words them, in the same order (the page, and the log as a file). */
export async function describeEntries(db: Database, rows: readonly AuditEntry[]): Promise<AuditEntryView[]> {
  const ids = mentionedIds(rows);
  const actorIds = rows.flatMap((r) => (r.actorUserId === null ? [] : [r.actorUserId]));
  const userIds = [...new Set([...ids.users, ...actorIds])];
  const [userRows, staffRows, teamRows, evaluationRows] = await Promise.all([
    userIds.length
      ? db
          .select({ id: users.id, name: users.displayName, username: users.username })
          .from(users)
          .where(inArray(users.id, userIds))
      : [],
    ids.staff.length
      ? db.select({ id: staff.id, name: staff.fullName }).from(staff).where(inArray(staff.id, ids.staff))
      : [],
    db.select({ id: teams.id, name: teams.name }).from(teams),
    ids.evaluations.length
      ? db
          .select({ id: evaluations.id, name: staff.fullName })
          .from(evaluations)
          .innerJoin(staff, eq(staff.id, evaluations.agentStaffId))
          .where(inArray(evaluations.id, ids.evaluations))
      : [],
  ]);
  const names = {
    users: byId(userRows),
    staff: byId(staffRows),
    teams: byId(teamRows),
    evaluations: byId(evaluationRows),
  };
  const usernames = new Map(userRows.map((u) => [u.id, u.username]));
  return rows.map((r) => {
    const account = r.actorUserId === null ? undefined : names.users.get(r.actorUserId);
    return {
      id: r.id,
      at: formatInstantWib(r.at),
      actor: account ? `${account} (${usernames.get(r.actorUserId ?? 0) ?? r.actorLabel})` : r.actorLabel,
      ...describeAudit(r, names),
      ip: r.ip,
    };
  });
}

/** The accounts the log can be filtered by, by name. */
export function auditActors(db: Database) {
  return db
    .select({ id: users.id, name: users.displayName, username: users.username })
    .from(users)
    .orderBy(users.displayName);
}

/**
 * The filter of the log's address (jenis, oleh, dari, sampai, hal): none of it personal data, so the address can
 * be shared and reloaded. A date that is not one is left out of the filter and reported at its field.
 */
export function auditFilterFrom(url: URL): { filter: AuditFilter; errors: Partial<Record<"dari" | "sampai", string>> } {
  const q = url.searchParams;
  const errors: Partial<Record<"dari" | "sampai", string>> = {};
  const day = (name: "dari" | "sampai") => {
    const text = q.get(name)?.trim() ?? "";
    if (!text) return undefined;
    const parsed = parseFormDate(text);
    if (!parsed) errors[name] = "Tanggal tidak valid. Pilih tanggal dari kalender atau tulis HH/BB/TTTT (04/12/2026).";
    return parsed ?? undefined;
  };
  const kind = AUDIT_KINDS.find((k) => k.value === q.get("jenis"))?.value;
  const who = q.get("oleh") ?? "";
  const actor = who === "tanpa-akun" ? "none" : idParam(who);
  let from = day("dari");
  let to = day("sampai");
  if (from && to && from > to) {
    errors.sampai = `Tanggal akhir (${formatDay(to)}) sebelum tanggal awal (${formatDay(from)}). Tukar keduanya.`;
    to = undefined;
    from = undefined;
  }
  const page = Math.max(1, Number.parseInt(q.get("hal") ?? "1", 10) || 1);
  return { filter: { kind, actor, from, to, page }, errors };
}
