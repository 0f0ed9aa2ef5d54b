import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const settings = pgTable("settings", {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer().references(() => users.id),
});

// Who changed what, when: one row per change, never updated or deleted by the app.
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer().references(() => users.id),
    // The username as it was at the time (or the attempted one for a failed sign-in).
    actorLabel: text().notNull(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    ip: text(),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_entity_idx").on(t.entity, t.entityId)],
);

export type Setting = typeof settings.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;

// The write limits' budgets (app/.server/rate-limit.ts, decision 030), shared by every process on this database:
// each budget's key (`account:<id>`, `address:<ip>`, `verify:<ip>`) and the moment it is full again. No row, or
// a moment passed, is a full budget. UNLOGGED (written into its migration by hand): budgets need no WAL nor a disk flush
// per write, and a crash that empties the table only makes every budget full.
export const writeBudgets = pgTable("write_budgets", {
  key: text().primaryKey(),
  fullAt: timestamp({ withTimezone: true }).notNull(),
});
