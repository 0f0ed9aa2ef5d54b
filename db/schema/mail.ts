import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

// Mail waiting to be sent, written in the same transaction as the event it tells of (docs/decisions/024-mail.md).
// The worker claims due rows (FOR UPDATE SKIP LOCKED and a lease in `claimedUntil`), sends them and marks them
// sent; a failure keeps the row with one more attempt and a later `nextAttemptAt`; after the last attempt it
// gives up (`failedAt`). Sent rows are purged after a while.
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    subject: text().notNull(),
    // Plain text without the link; the link (a path) is made absolute with the public address when sent, so
    // correcting that address also corrects mail still waiting.
    body: text().notNull(),
    linkPath: text().notNull(),
    // One mail per event and person: the same event queued twice (a scan repeated) is kept once.
    dedupeKey: text().notNull().unique(),
    // Part of the person's daily digest: due at the next digest hour, sent with their other due digest rows.
    digest: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Failed attempts so far.
    attempts: integer().notNull().default(0),
    lastError: text(),
    claimedUntil: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
    failedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("mail_outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.sentAt} is null and ${t.failedAt} is null`),
    index("mail_outbox_user_idx").on(t.userId),
  ],
);

// Which kinds of mail a person does not want, and whether they want one digest a day instead of single mails.
// No row: every kind, one mail per event.
export const mailPreferences = pgTable("mail_preferences", {
  userId: integer()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  disabledKinds: text().array().notNull().default(sql`'{}'::text[]`),
  digest: boolean().notNull().default(false),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type MailOutboxRow = typeof mailOutbox.$inferSelect;
export type NewMailOutboxRow = typeof mailOutbox.$inferInsert;
export type MailPreferences = typeof mailPreferences.$inferSelect;
