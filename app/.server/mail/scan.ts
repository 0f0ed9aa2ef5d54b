// The time-based mail, queued by the worker's periodic scan rather than by an event: the dispute window closing
// in two days, and coaching actions falling due. Each is queued once (its dedupe key), however often the scan
// runs and however many instances run it. The scan also purges old sent mail so the outbox stays small.
import { and, eq, gt, gte, isNotNull, isNull, lt, lte, or } from "drizzle-orm";
import { addDays, wibDay } from "../../../analytics/dates";
import { disputeDeadline } from "../../../analytics/dispute-window";
import { REMINDER_LEAD_DAYS, reminderDue } from "../../../analytics/mail";
import { coachingActions, evaluations, mailOutbox, users } from "../../../db/schema";
import type { Database } from "../db";
import { getSettings } from "../settings";
import { mailEnabled } from "./config";
import { coachingDue, disputeWindowClosing, type EvaluationWords } from "./content";
import { evaluationWordsColumns } from "./events";
import { queueMails } from "./outbox";

const DAY_MS = 86_400_000;

/** Queues the reminder for every submitted evaluation whose dispute window closes within two days. */
export async function queueDisputeReminders(db: Database, now = new Date()): Promise<number> {
  if (!mailEnabled()) return 0;
  const windowDays = (await getSettings(db))["evaluation.disputeWindowDays"];
  const rows = await db
    .select({ ...evaluationWordsColumns, agentUserId: users.id })
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
      ...disputeWindowClosing(r as EvaluationWords, disputeDeadline(r.submittedAt as Date, windowDays)),
      userId: r.agentUserId,
      dedupeKey: `dispute_window_closing:${r.id}`,
    })),
    now,
  );
}

/**
 * Queues "coaching action due" to the owner of each agreed action still without its follow-up whose due day (WIB)
 * is today or tomorrow: once per action and due day (a due day changed later is a new reminder). An action
 * already past its day when mail was switched on is the inbox's to show, not a mail's.
 */
export async function queueCoachingDue(db: Database, now = new Date()): Promise<number> {
  if (!mailEnabled()) return 0;
  const today = wibDay(now);
  const due = await db
    .select({
      id: coachingActions.id,
      sessionId: coachingActions.sessionId,
      description: coachingActions.description,
      dueOn: coachingActions.dueOn,
      ownerUserId: coachingActions.ownerUserId,
    })
    .from(coachingActions)
    .where(
      and(
        isNull(coachingActions.outcome),
        gte(coachingActions.dueOn, today),
        lte(coachingActions.dueOn, addDays(today, 1)),
      ),
    );
  return queueMails(
    db,
    due.map((a) => ({
      ...coachingDue({ title: a.description, dueDay: a.dueOn, linkPath: `/pembinaan/${a.sessionId}#tindakan` }),
      userId: a.ownerUserId,
      dedupeKey: `coaching_due:${a.id}:${a.dueOn}`,
    })),
    now,
  );
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
