import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { staff } from "./organization";
import { scorecardItems, scorecardVersions } from "./scorecards";

// One table for both kinds of assessment, because they share the template, the workflow, disputes and
// revisions: an interaction evaluation (hardskill + softskill of one call, chat, e-mail …) and the period
// review (kedisiplinan and CPH, once per agent per period).
export const evaluations = pgTable(
  "evaluations",
  {
    id: serial().primaryKey(),
    kind: text().notNull(),
    versionId: integer()
      .notNull()
      .references(() => scorecardVersions.id),
    agentStaffId: integer()
      .notNull()
      .references(() => staff.id),
    assessorUserId: integer()
      .notNull()
      .references(() => users.id),
    // 'YYYY-MM', derived from the interaction time (or chosen for a period review); never typed by hand.
    periodId: text().notNull(),
    channel: text(),
    interactionRef: text(),
    interactionAt: timestamp({ withTimezone: true }),
    state: text().notNull().default("draft"),
    note: text().notNull().default(""),
    // Section scores 0–100 as computed by analytics/scoring.ts at each save; null = not scored.
    hardskill: doublePrecision(),
    softskill: doublePrecision(),
    kedisiplinan: doublePrecision(),
    total: doublePrecision(),
    criticalFailed: boolean().notNull().default(false),
    // Period review: CPH in calls per logged-in hour, its target, score and where the figure came from.
    cphActual: doublePrecision(),
    cphTarget: doublePrecision(),
    cphScore: doublePrecision(),
    cphSource: text(),
    cphSourceNote: text(),
    cphImported: doublePrecision(),
    cphOverrideReason: text(),
    submittedAt: timestamp({ withTimezone: true }),
    acknowledgedAt: timestamp({ withTimezone: true }),
    disputedAt: timestamp({ withTimezone: true }),
    disputeReason: text(),
    settledAt: timestamp({ withTimezone: true }),
    settledBy: integer().references(() => users.id),
    settlement: text(),
    settlementNote: text(),
    // 0 while a draft; 1 once submitted; +1 for every change after that.
    revision: integer().notNull().default(0),
    lockVersion: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("evaluations_kind", sql`${t.kind} in ('interaction', 'period_review')`),
    check("evaluations_state", sql`${t.state} in ('draft', 'submitted', 'acknowledged', 'disputed', 'final')`),
    check("evaluations_period", sql`${t.periodId} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check(
      "evaluations_interaction_fields",
      sql`${t.kind} <> 'interaction' or (${t.channel} is not null and ${t.interactionAt} is not null)`,
    ),
    check("evaluations_settlement", sql`${t.settlement} is null or ${t.settlement} in ('upheld', 'adjusted')`),
    uniqueIndex("evaluations_one_review_per_period")
      .on(t.agentStaffId, t.periodId)
      .where(sql`${t.kind} = 'period_review'`),
    index("evaluations_period_idx").on(t.periodId, t.kind),
    index("evaluations_agent_idx").on(t.agentStaffId, t.periodId),
    index("evaluations_assessor_idx").on(t.assessorUserId, t.periodId),
    // What keeps a period from being locked (drafts, open disputes): counted on every view of the KPI page.
    index("evaluations_open_work_idx").on(t.periodId, t.state).where(sql`${t.state} in ('draft', 'disputed')`),
  ],
);

export const evaluationScores = pgTable(
  "evaluation_scores",
  {
    evaluationId: integer()
      .notNull()
      .references(() => evaluations.id, { onDelete: "cascade" }),
    itemId: integer()
      .notNull()
      .references(() => scorecardItems.id),
    // 1–5, or 1 (Ya) / 0 (Tidak); null = N/A.
    value: integer(),
    comment: text().notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.itemId] })],
);

export type RevisionSnapshot = {
  scores: { itemId: number; value: number | null; comment: string }[];
  hardskill: number | null;
  softskill: number | null;
  kedisiplinan: number | null;
  total: number | null;
  criticalFailed: boolean;
  note: string;
  cph?: { actual: number | null; target: number | null; score: number | null; source: string | null };
};

// What an evaluation looked like at each revision: at submission, and at every change after it.
export const evaluationRevisions = pgTable(
  "evaluation_revisions",
  {
    id: serial().primaryKey(),
    evaluationId: integer()
      .notNull()
      .references(() => evaluations.id, { onDelete: "cascade" }),
    revision: integer().notNull(),
    reason: text().notNull(),
    note: text().notNull().default(""),
    snapshot: jsonb().$type<RevisionSnapshot>().notNull(),
    changedBy: integer().references(() => users.id),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("evaluation_revisions_number").on(t.evaluationId, t.revision)],
);

// A period the Kepala Seksi has approved is locked: nothing inside it changes without an audited reopening.
export const periods = pgTable(
  "periods",
  {
    id: text().primaryKey(),
    status: text().notNull().default("open"),
    approvedBy: integer().references(() => users.id),
    approvedAt: timestamp({ withTimezone: true }),
    reopenedBy: integer().references(() => users.id),
    reopenedAt: timestamp({ withTimezone: true }),
    reopenReason: text(),
  },
  (t) => [check("periods_status", sql`${t.status} in ('open', 'approved')`)],
);

export type Evaluation = typeof evaluations.$inferSelect;
export type EvaluationScoreRow = typeof evaluationScores.$inferSelect;
