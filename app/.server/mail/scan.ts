// The time-based mail, queued by the worker's periodic scan rather than by an event: the dispute window closing
// in two days, and coaching actions falling due. Each is queued once (its dedupe key), however often the scan
// runs and however many instances run it. The scan also purges old sent mail so the outbox stays small.
import { and, eq, gt, isNotNull, lt, lte, or } from "drizzle-orm";
import { REMINDER_LEAD_DAYS, reminderDue } from "../../../analytics/mail";
import { evaluations, mailOutbox, users } from "../../../db/schema";
import type { Database } from "../db";
import { getSettings } from "../settings";
import { mailEnabled } from "./config";
import { disputeWindowClosing, type EvaluationWords } from "./content";
import { queueMails } from "./outbox";

const DAY_MS = 86_400_000;

/** Queues the reminder for every submitted evaluation whose dispute window closes within two days. */
export async function queueDisputeReminders(db: Database, now = new Date()): Promise<number> {
  if (!mailEnabled()) return 0;
  const windowDays = (await getSettings(db))["evaluation.disputeWindowDays"];
  const rows = await db
    .select({
      id: evaluations.id,
      kind: evaluations.kind,
      channel: evaluations.channel,
      interactionAt: evaluations.interactionAt,
      periodId: evaluations.periodId,
      submittedAt: evaluations.submittedAt,
      agentUserId: users.id,
    })
    .from(evaluations)
    .innerJoin(users, eq(users.staffId, evaluations.agentStaffId))
    .where(
      and(
        eq(evaluations.state, "submitted"),
        gt(evaluations.submittedAt, new Date(now.getTime() - windowDays * DAY_MS)),
        lte(evaluations.submittedAt, new Date(now.getTime() - (windowDays - REMINDER_LEAD_DAYS) * DAY_MS)),
      ),
    );
  const due = rows.filter((r) => r.submittedAt && reminderDue(r.submittedAt, windowDays, now));
  return queueMails(
    db,
    due.map((r) => ({
      ...disputeWindowClosing(r as EvaluationWords, new Date((r.submittedAt as Date).getTime() + windowDays * DAY_MS)),
      userId: r.agentUserId,
      dedupeKey: `dispute_window_closing:${r.id}`,
    })),
    now,
  );
}

/**
 * Queues "coaching action due" for the coaching actions falling due: to be filled in when the coaching tables
 * (`coaching_sessions`, `coaching_actions`, migration 0010 on main) are merged. What it should do: select the
 * open actions (status not done) whose due day (WIB) is today or tomorrow, with their owner user, and queue
 * `coachingDue({ title, dueDay, linkPath: "/coaching/<session id>" })` (content.ts) for the owner with the
 * dedupe key `coaching_due:<action id>:<due day>` (a changed due day is a new reminder). The kind, its label
 * and the profile's checkbox already exist; the worker already calls this on every scan.
 */
export async function queueCoachingDue(_db: Database, _now = new Date()): Promise<number> {
  return 0;
}

/** Sent mail is kept 30 days (to tell what went out), mail given up 90 days (for the admin's count). */
export const KEEP_SENT_DAYS = 30;
export const KEEP_FAILED_DAYS = 90;

export async function purgeOldMail(db: Database, now = new Date()): Promise<number> {
  const deleted = await db
    .delete(mailOutbox)
    .where(
      or(
        and(isNotNull(mailOutbox.sentAt), lt(mailOutbox.sentAt, new Date(now.getTime() - KEEP_SENT_DAYS * DAY_MS))),
        and(
          isNotNull(mailOutbox.failedAt),
          lt(mailOutbox.failedAt, new Date(now.getTime() - KEEP_FAILED_DAYS * DAY_MS)),
        ),
      ),
    )
    .returning({ id: mailOutbox.id });
  return deleted.length;
}

/** One scan: the reminders, coaching due, and the purge. */
export async function scanMail(db: Database, now = new Date()) {
  const reminders = await queueDisputeReminders(db, now);
  const coaching = await queueCoachingDue(db, now);
  const purged = await purgeOldMail(db, now);
  return { reminders, coaching, purged };
}
