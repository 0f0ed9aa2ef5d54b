// The mail worker: claims due outbox rows, sends them, marks them sent; a failure keeps the row for a later
// attempt (back-off: analytics/mail.ts), the last failure gives up. It runs beside the server, never inside a
// request, so a mail server that is slow or down slows and loses nothing.
//
// Claiming: one UPDATE sets a lease (`claimed_until`) on due rows picked with FOR UPDATE SKIP LOCKED, so two
// workers (two instances, or two loops) never claim the same row; a worker that dies mid-send leaves its rows
// to be claimed again when the lease ends. The SMTP timeouts are well inside the lease, so a row cannot be
// claimed again while its first send is still running. Each mail's Message-ID comes from its outbox id: were
// one ever sent twice (a crash between the server's "250 OK" and the mark), the copies are recognisable.
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { groupForSending, MAX_ATTEMPTS, retryDelayMs } from "../../../analytics/mail";
import { type MailOutboxRow, mailOutbox, users } from "../../../db/schema";
import type { Database } from "../db";
import { redact } from "../log";
import { getSettings } from "../settings";
import { mailEnabled } from "./config";
import { digestMail, singleText } from "./content";

export type MailMessage = {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
};
/** What sends: nodemailer's transport in the server, the same against a test SMTP server in tests. */
export type MailTransport = { sendMail(message: MailMessage): Promise<unknown> };

export type DeliveryOptions = {
  transport: MailTransport;
  from: string;
  /** The sender's domain, for Message-IDs. */
  domain: string;
  now?: () => Date;
  /** Back-off after the first failure (doubling, capped); tests pass milliseconds. */
  retryBaseMs?: number;
  retryCapMs?: number;
  maxAttempts?: number;
  /** How long a claim holds: longer than a send can take (the transport's timeouts). */
  leaseMs?: number;
  batchSize?: number;
  /** The public address for links when the setting "Alamat publik Mutu" is empty. */
  fallbackBaseUrl?: string;
};

export const DEFAULT_LEASE_MS = 5 * 60_000;

/** Claims up to `limit` due rows for this worker (see the header). */
export async function claimDue(db: Database, now: Date, leaseMs: number, limit: number): Promise<MailOutboxRow[]> {
  const due = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(
      and(
        isNull(mailOutbox.sentAt),
        isNull(mailOutbox.failedAt),
        lte(mailOutbox.nextAttemptAt, now),
        or(isNull(mailOutbox.claimedUntil), lte(mailOutbox.claimedUntil, now)),
      ),
    )
    .orderBy(asc(mailOutbox.userId), asc(mailOutbox.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(mailOutbox)
    .set({ claimedUntil: new Date(now.getTime() + leaseMs) })
    .where(inArray(mailOutbox.id, due))
    .returning();
  return claimed.sort((a, b) => a.id - b.id);
}

/** An SMTP answer often quotes the recipient: kept out of the table and the log. */
const withoutAddresses = (text: string) => text.replace(/[^\s<>"'@]+@[^\s<>"']+/g, "[alamat]").slice(0, 500);

/** One pass: claim what is due, send it, mark each row sent or failed. Returns the counts. */
export async function deliverDue(db: Database, options: DeliveryOptions) {
  const now = options.now ?? (() => new Date());
  const claimed = await claimDue(db, now(), options.leaseMs ?? DEFAULT_LEASE_MS, options.batchSize ?? 50);
  const result = { sent: 0, failed: 0, gaveUp: 0 };
  if (claimed.length === 0) return result;
  const settings = await getSettings(db);
  const baseUrl = settings["certificate.verifyBaseUrl"] || options.fallbackBaseUrl || "http://localhost:3000";
  const people = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.id, [...new Set(claimed.map((r) => r.userId))]), isNull(users.disabledAt)));
  const addressOf = new Map(people.map((p) => [p.id, p.email]));

  for (const group of groupForSending(claimed)) {
    const ids = group.rows.map((r) => r.id);
    const to = addressOf.get(group.userId);
    // The person removed their address or left since the mail was queued: they no longer get mail.
    if (!to) {
      await db.delete(mailOutbox).where(and(inArray(mailOutbox.id, ids), isNull(mailOutbox.sentAt)));
      continue;
    }
    const first = group.rows[0] as MailOutboxRow;
    const message = group.digest
      ? {
          ...digestMail(group.rows, baseUrl),
          messageId: `<mutu.${first.id}.ringkasan.${ids.length}@${options.domain}>`,
        }
      : { subject: first.subject, text: singleText(first, baseUrl), messageId: `<mutu.${first.id}@${options.domain}>` };
    try {
      await options.transport.sendMail({
        ...message,
        from: options.from,
        to,
        headers: { "Auto-Submitted": "auto-generated", "X-Mutu-Kind": group.digest ? "digest" : first.kind },
      });
      await db
        .update(mailOutbox)
        .set({ sentAt: now(), claimedUntil: null })
        .where(and(inArray(mailOutbox.id, ids), isNull(mailOutbox.sentAt)));
      result.sent += 1;
    } catch (error) {
      const gaveUp = await markFailed(db, group.rows, error, now(), options);
      result.failed += 1;
      result.gaveUp += gaveUp;
      // An expected, operational failure: one line (no stack), without the address the server may quote.
      console.error(
        redact(
          `[mutu] surel ${ids.join(",")} (${group.digest ? "ringkasan" : first.kind}) gagal dikirim, percobaan ${first.attempts + 1}${gaveUp ? ", dihentikan" : ""}: ${withoutAddresses(error instanceof Error ? error.message : String(error))}`,
        ),
      );
    }
  }
  return result;
}

/** Each row one more failed attempt, retried after the back-off or given up after the last. Returns given up. */
async function markFailed(
  db: Database,
  rows: readonly MailOutboxRow[],
  error: unknown,
  now: Date,
  options: DeliveryOptions,
): Promise<number> {
  const lastError = withoutAddresses(error instanceof Error ? error.message : String(error));
  let gaveUp = 0;
  for (const row of rows) {
    const attempts = row.attempts + 1;
    const last = attempts >= (options.maxAttempts ?? MAX_ATTEMPTS);
    if (last) gaveUp += 1;
    await db
      .update(mailOutbox)
      .set({
        attempts,
        lastError,
        claimedUntil: null,
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts, options.retryBaseMs, options.retryCapMs)),
        failedAt: last ? now : null,
      })
      .where(and(eq(mailOutbox.id, row.id), isNull(mailOutbox.sentAt)));
  }
  return gaveUp;
}

/** What the admin sees under Pengaturan: mail on or off, and the outbox's counts. */
export async function mailStatus(db: Database, now = new Date()) {
  return { configured: mailEnabled(), ...(await outboxCounts(db, now)) };
}

/** Waiting, retrying, sent in the last 7 days, given up (kept 90 days). */
export async function outboxCounts(db: Database, now = new Date()) {
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const [row] = await db
    .select({
      waiting:
        sql<number>`count(*) filter (where ${mailOutbox.sentAt} is null and ${mailOutbox.failedAt} is null)`.mapWith(
          Number,
        ),
      retrying:
        sql<number>`count(*) filter (where ${mailOutbox.sentAt} is null and ${mailOutbox.failedAt} is null and ${mailOutbox.attempts} > 0)`.mapWith(
          Number,
        ),
      sentThisWeek: sql<number>`count(*) filter (where ${mailOutbox.sentAt} >= ${weekAgo.toISOString()})`.mapWith(
        Number,
      ),
      failed: sql<number>`count(*) filter (where ${mailOutbox.failedAt} is not null)`.mapWith(Number),
    })
    .from(mailOutbox);
  return row ?? { waiting: 0, retrying: 0, sentThisWeek: 0, failed: 0 };
}
