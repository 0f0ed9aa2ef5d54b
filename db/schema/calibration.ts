import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { staff } from "./organization";
import { scorecardItems, scorecardVersions } from "./scorecards";

// Calibration: several assessors score the same interaction blind. These scores never count in a KPI.
export const calibrationSessions = pgTable(
  "calibration_sessions",
  {
    id: serial().primaryKey(),
    title: text().notNull(),
    versionId: integer()
      .notNull()
      .references(() => scorecardVersions.id),
    agentStaffId: integer().references(() => staff.id),
    channel: text().notNull(),
    interactionRef: text().notNull(),
    interactionAt: timestamp({ withTimezone: true }).notNull(),
    periodId: text().notNull(),
    state: text().notNull().default("open"),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [check("calibration_sessions_state", sql`${t.state} in ('open', 'closed')`)],
);

export const calibrationParticipants = pgTable(
  "calibration_participants",
  {
    sessionId: integer()
      .notNull()
      .references(() => calibrationSessions.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id),
    // The coordinator's own scores, used as the consensus when present (otherwise the median).
    benchmark: boolean().notNull().default(false),
    submittedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] })],
);

export const calibrationScores = pgTable(
  "calibration_scores",
  {
    sessionId: integer()
      .notNull()
      .references(() => calibrationSessions.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id),
    itemId: integer()
      .notNull()
      .references(() => scorecardItems.id),
    value: integer(),
    comment: text().notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId, t.itemId] })],
);
