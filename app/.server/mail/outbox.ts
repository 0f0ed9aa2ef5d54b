// The one way mail enters the outbox: written with the event's own transaction (`tx`), so an event that rolls
// back queues nothing and an event that commits cannot lose its mail. Only people who want it get a row: mail
// configured, the person active with an address, and the kind not turned off on their profile. A person who
// chose the daily digest gets a digest row, due at the next digest hour.
import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { type MailKind, nextDigestAt } from "../../../analytics/mail";
import { mailOutbox, mailPreferences, users } from "../../../db/schema";
import type { Database } from "../db";
import { mailEnabled } from "./config";

export type QueuedMail = {
  userId: number;
  kind: MailKind;
  subject: string;
  body: string;
  /** The page the mail leads to, a path beginning with "/"; made absolute when sent. */
  linkPath: string;
  /** One mail per event and person: the same key queued again is ignored. */
  dedupeKey: string;
};

/** Who of `userIds` wants mail of `kind`: active, with an address, kind not turned off. Their digest choice. */
async function recipients(db: Database, userIds: number[], kind: MailKind) {
  if (userIds.length === 0) return new Map<number, { digest: boolean }>();
  const rows = await db
    .select({ id: users.id, disabledKinds: mailPreferences.disabledKinds, digest: mailPreferences.digest })
    .from(users)
    .leftJoin(mailPreferences, eq(mailPreferences.userId, users.id))
    .where(and(inArray(users.id, userIds), isNull(users.disabledAt), isNotNull(users.email)));
  return new Map(
    rows.filter((r) => !r.disabledKinds?.includes(kind)).map((r) => [r.id, { digest: r.digest ?? false }]),
  );
}

/**
 * Queues `mails` in `db` (pass the event's transaction). Returns how many rows were written: none when mail is
 * not configured, for people who do not want it, and for a dedupe key already queued.
 */
export async function queueMails(db: Database, mails: readonly QueuedMail[], now = new Date()): Promise<number> {
  if (!mailEnabled() || mails.length === 0) return 0;
  const rows: (typeof mailOutbox.$inferInsert)[] = [];
  const byKind = new Map<MailKind, QueuedMail[]>();
  for (const m of mails) byKind.set(m.kind, [...(byKind.get(m.kind) ?? []), m]);
  for (const [kind, list] of byKind) {
    const wanted = await recipients(db, [...new Set(list.map((m) => m.userId))], kind);
    for (const m of list) {
      const who = wanted.get(m.userId);
      if (!who) continue;
      rows.push({ ...m, digest: who.digest, createdAt: now, nextAttemptAt: who.digest ? nextDigestAt(now) : now });
    }
  }
  if (rows.length === 0) return 0;
  const written = await db
    .insert(mailOutbox)
    .values(rows)
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
    .returning({ id: mailOutbox.id });
  return written.length;
}

/** One mail; see queueMails. */
export const queueMail = (db: Database, mail: QueuedMail, now = new Date()) => queueMails(db, [mail], now);
