// Approving and reopening a 26–25 period (regulation 3.3.3). An approved period is locked: evaluations,
// period reviews and call-statistics imports into it are refused (assertPeriodOpen, the import engine) until
// the Kepala Seksi reopens it with a written reason. Both are audited. Also the periods a page offers.
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { formatDay } from "../../analytics/dates";
import { periodFromId, periodOf, periodOfDay, periodsBetween, shiftPeriod } from "../../analytics/period";
import { callStats, evaluations, periods, users } from "../../db/schema";
import { type Actor, recordAudit } from "./audit";
import { type Database, prepared } from "./db";
import { UserFacingError } from "./errors";
import { dropKeptFigures, keepApprovedFigures } from "./kpi-cache";
import { mailPeriodApproved } from "./mail/events";
import { getSettings } from "./settings";

export type PeriodStatus = {
  id: string;
  approved: boolean;
  approvedAt: Date | null;
  approvedBy: string | null;
  reopenedAt: Date | null;
  reopenedBy: string | null;
  reopenReason: string | null;
};

/** Refuses a change to an evaluation, period review or report of an approved (locked) period. */
export async function assertPeriodOpen(db: Database, periodId: string): Promise<void> {
  const query = prepared(db, "period", (d) =>
    d
      .select({ status: periods.status })
      .from(periods)
      .where(eq(periods.id, sql.placeholder("id")))
      .prepare("period"),
  );
  const [row] = await query.execute({ id: periodId });
  if (row?.status === "approved") {
    throw new UserFacingError(
      `${periodFromId(periodId).label} sudah disetujui Kepala Seksi dan dikunci: penilaian di dalamnya tidak dapat ditambah atau diubah tanpa membuka kembali periode itu.`,
    );
  }
}

/** Whether `id` names a period: "YYYY-MM" with a month that exists. */
export const isPeriodId = (id: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(id);

/** The periods a page offers (the current one and the `count − 1` before it), and the one asked for. */
export function periodChoice(asked: string | null, count = 12, now = new Date()) {
  const current = periodOf(now);
  const choices = Array.from({ length: count }, (_, i) => shiftPeriod(current.id, -i));
  const period = choices.find((p) => p.id === asked) ?? current;
  return { period, choices: choices.map((p) => ({ value: p.id, label: p.label })) };
}

export async function periodStatus(db: Database, periodId: string): Promise<PeriodStatus> {
  const approver = sql<string | null>`(select display_name from ${users} where ${users.id} = ${periods.approvedBy})`;
  const reopener = sql<string | null>`(select display_name from ${users} where ${users.id} = ${periods.reopenedBy})`;
  const [row] = await db
    .select({
      status: periods.status,
      approvedAt: periods.approvedAt,
      approvedBy: approver,
      reopenedAt: periods.reopenedAt,
      reopenedBy: reopener,
      reopenReason: periods.reopenReason,
    })
    .from(periods)
    .where(eq(periods.id, periodId));
  return {
    id: periodId,
    approved: row?.status === "approved",
    approvedAt: row?.approvedAt ?? null,
    approvedBy: row?.approvedBy ?? null,
    reopenedAt: row?.reopenedAt ?? null,
    reopenedBy: row?.reopenedBy ?? null,
    reopenReason: row?.reopenReason ?? null,
  };
}

/**
 * Approves a period that has ended. Refused while a dispute in it is unsettled: once locked, nobody could
 * settle it. Drafts do not block (they are private and count for nothing); they simply cannot be submitted.
 */
export async function approvePeriod(db: Database, actor: Actor & { id: number }, periodId: string, now = new Date()) {
  const period = periodFromId(periodId);
  if (now < period.end) {
    throw new UserFacingError(
      `${period.label} belum berakhir: periode dapat disetujui setelah ${formatDay(period.lastDay)}.`,
    );
  }
  await db.transaction(async (tx) => {
    const [open] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(evaluations)
      .where(and(eq(evaluations.periodId, periodId), eq(evaluations.state, "disputed")));
    if ((open?.n ?? 0) > 0) {
      throw new UserFacingError(
        `Masih ada ${open?.n} sanggahan yang belum diselesaikan di ${period.label}. Minta Koordinator Penjamin Kualitas menyelesaikannya dulu.`,
      );
    }
    const before = await tx.select().from(periods).where(eq(periods.id, periodId)).for("update");
    if (before[0]?.status === "approved") throw new UserFacingError(`${period.label} sudah disetujui.`);
    const values = { status: "approved", approvedBy: actor.id, approvedAt: now };
    await tx
      .insert(periods)
      .values({ id: periodId, ...values })
      .onConflictDoUpdate({ target: periods.id, set: values });
    await recordAudit(tx, actor, {
      action: "period.approve",
      entity: "period",
      entityId: periodId,
      before: before[0] ?? null,
      after: values,
    });
    // The figures the Kepala Seksi approved, kept as this transaction sees them (docs/decisions/029).
    await keepApprovedFigures(tx, periodId, await getSettings(tx));
    await mailPeriodApproved(tx, periodId, now);
  });
}

export const reopenInput = z.object({
  reason: z
    .string({ error: "Tuliskan alasan membuka kembali periode." })
    .trim()
    .min(10, { error: "Tuliskan alasan membuka kembali periode (paling sedikit 10 karakter)." })
    .max(1000, { error: "Alasan paling panjang 1.000 karakter." }),
});

export async function reopenPeriod(
  db: Database,
  actor: Actor & { id: number },
  periodId: string,
  input: z.output<typeof reopenInput>,
  now = new Date(),
) {
  const period = periodFromId(periodId);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(periods).where(eq(periods.id, periodId)).for("update");
    if (before?.status !== "approved") throw new UserFacingError(`${period.label} tidak sedang dikunci.`);
    const values = { status: "open", reopenedBy: actor.id, reopenedAt: now, reopenReason: input.reason };
    await tx.update(periods).set(values).where(eq(periods.id, periodId));
    await dropKeptFigures(tx, periodId);
    await recordAudit(tx, actor, {
      action: "period.reopen",
      entity: "period",
      entityId: periodId,
      before,
      after: values,
    });
  });
}

/** Which of `periodIds` are approved (one query). */
export async function approvedAmong(db: Database, periodIds: string[]): Promise<Set<string>> {
  if (periodIds.length === 0) return new Set();
  const rows = await db
    .select({ id: periods.id })
    .from(periods)
    .where(and(inArray(periods.id, periodIds), eq(periods.status, "approved")));
  return new Set(rows.map((r) => r.id));
}

/** What is still open in a period, for the summary shown before it is locked (center-wide, drafts of everyone). */
export async function periodOpenWork(db: Database, periodId: string) {
  const rows = await db
    .select({ state: evaluations.state, n: sql<number>`count(*)`.mapWith(Number) })
    .from(evaluations)
    .where(and(eq(evaluations.periodId, periodId), sql`${evaluations.state} in ('disputed', 'draft')`))
    .groupBy(evaluations.state);
  const count = (state: string) => rows.find((r) => r.state === state)?.n ?? 0;
  return { disputes: count("disputed"), drafts: count("draft") };
}

/**
 * The periods a period list offers, newest first: from the current one back to the first that holds data
 * (an evaluation or call statistics), so nobody scrolls through empty months before the center started;
 * at most `maximum`. Just the current period when there is no data at all.
 */
export async function periodsWithData(db: Database, now = new Date(), maximum = 36) {
  const [evaluation] = await db.select({ first: sql<string | null>`min(${evaluations.periodId})` }).from(evaluations);
  const [calls] = await db.select({ first: sql<string | null>`min(${callStats.day})::text` }).from(callStats);
  const current = periodOf(now);
  const starts = [evaluation?.first, calls?.first ? periodOfDay(calls.first).id : null].filter(
    (id): id is string => typeof id === "string" && id <= current.id,
  );
  const earliest = starts.sort()[0] ?? current.id;
  return periodsBetween(earliest, current.id).reverse().slice(0, maximum);
}
