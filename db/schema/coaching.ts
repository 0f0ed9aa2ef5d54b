// Coaching (pembinaan): a conversation with an agent after one or more evaluations or a KPI below the threshold,
// what was observed, the actions agreed with who does them by when, the agent's acknowledgement and the follow-up
// of each action (regulation C.17.a: the QA team's quality-improvement programme). Never deleted.
import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { evaluations } from "./evaluations";
import { staff } from "./organization";

export const coachingSessions = pgTable(
  "coaching_sessions",
  {
    id: serial().primaryKey(),
    agentStaffId: integer()
      .notNull()
      .references(() => staff.id),
    coachUserId: integer()
      .notNull()
      .references(() => users.id),
    // The WIB day the conversation took place (not after the day it was recorded).
    heldOn: date({ mode: "string" }).notNull(),
    // The period whose below-threshold KPI it answers ('YYYY-MM'); null when it came from evaluations only.
    kpiPeriodId: text(),
    observation: text().notNull(),
    acknowledgedAt: timestamp({ withTimezone: true }),
    agentComment: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("coaching_sessions_agent_idx").on(t.agentStaffId, t.heldOn),
    index("coaching_sessions_coach_idx").on(t.coachUserId),
    index("coaching_sessions_held_idx").on(t.heldOn),
    check("coaching_sessions_period", sql`${t.kpiPeriodId} is null or ${t.kpiPeriodId} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);

// The evaluations a session was opened from.
export const coachingSessionEvaluations = pgTable(
  "coaching_session_evaluations",
  {
    sessionId: integer()
      .notNull()
      .references(() => coachingSessions.id),
    evaluationId: integer()
      .notNull()
      .references(() => evaluations.id),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.evaluationId] })],
);

export const coachingActions = pgTable(
  "coaching_actions",
  {
    id: serial().primaryKey(),
    sessionId: integer()
      .notNull()
      .references(() => coachingSessions.id),
    description: text().notNull(),
    ownerUserId: integer()
      .notNull()
      .references(() => users.id),
    dueOn: date({ mode: "string" }).notNull(),
    // null until followed up; then whether it was done.
    outcome: text(),
    outcomeNote: text(),
    outcomeBy: integer().references(() => users.id),
    outcomeAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("coaching_actions_session_idx").on(t.sessionId),
    index("coaching_actions_open_idx").on(t.ownerUserId, t.dueOn).where(sql`${t.outcome} is null`),
    check("coaching_actions_outcome", sql`${t.outcome} is null or ${t.outcome} in ('tercapai', 'tidak_tercapai')`),
    check("coaching_actions_outcome_complete", sql`(${t.outcome} is null) = (${t.outcomeAt} is null)`),
  ],
);
