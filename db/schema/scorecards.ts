import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { teams } from "./organization";

// A scorecard template (one per team), and its versions. A published version never changes again:
// evaluations keep the version they were made with; editing a published template starts a new draft.
export const scorecardTemplates = pgTable("scorecard_templates", {
  id: serial().primaryKey(),
  name: text().notNull(),
  teamId: integer()
    .notNull()
    .references(() => teams.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const scorecardVersions = pgTable(
  "scorecard_versions",
  {
    id: serial().primaryKey(),
    templateId: integer()
      .notNull()
      .references(() => scorecardTemplates.id),
    version: integer().notNull(),
    status: text().notNull().default("draft"),
    description: text().notNull().default(""),
    weightHardskill: integer().notNull(),
    weightSoftskill: integer().notNull(),
    weightKedisiplinan: integer().notNull(),
    weightCph: integer().notNull(),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    publishedBy: integer().references(() => users.id),
    publishedAt: timestamp({ withTimezone: true }),
    retiredAt: timestamp({ withTimezone: true }),
    // Optimistic concurrency for draft edits.
    lockVersion: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex("scorecard_versions_template_version").on(t.templateId, t.version),
    // At most one draft and one published version per template.
    uniqueIndex("scorecard_versions_one_draft").on(t.templateId).where(sql`${t.status} = 'draft'`),
    uniqueIndex("scorecard_versions_one_published").on(t.templateId).where(sql`${t.status} = 'published'`),
    check("scorecard_versions_status", sql`${t.status} in ('draft', 'published', 'retired')`),
    check(
      "scorecard_versions_weights",
      sql`${t.weightHardskill} + ${t.weightSoftskill} + ${t.weightKedisiplinan} + ${t.weightCph} = 100`,
    ),
  ],
);

export const scorecardItems = pgTable(
  "scorecard_items",
  {
    id: serial().primaryKey(),
    versionId: integer()
      .notNull()
      .references(() => scorecardVersions.id, { onDelete: "cascade" }),
    section: text().notNull(),
    position: integer().notNull(),
    code: text().notNull(),
    text: text().notNull(),
    // The clauses of KEP-165/BC/2014 the item comes from, e.g. "B.3.a, A.2.b".
    clause: text().notNull().default(""),
    scale: text().notNull(),
    weight: integer().notNull(),
    allowNa: boolean().notNull().default(false),
    critical: boolean().notNull().default(false),
    guidance: text().notNull().default(""),
    // For a 1–5 item: what each level means, index 0 = level 1.
    levels: jsonb().$type<string[]>().notNull().default([]),
  },
  (t) => [
    uniqueIndex("scorecard_items_version_code").on(t.versionId, t.code),
    index("scorecard_items_version_idx").on(t.versionId),
    check("scorecard_items_section", sql`${t.section} in ('hardskill', 'softskill', 'kedisiplinan')`),
    check("scorecard_items_scale", sql`${t.scale} in ('1-5', 'ya_tidak')`),
    check("scorecard_items_weight", sql`${t.weight} >= 0`),
    check("scorecard_items_critical", sql`not ${t.critical} or (${t.scale} = 'ya_tidak' and ${t.weight} = 0)`),
  ],
);

export type ScorecardVersion = typeof scorecardVersions.$inferSelect;
export type ScorecardItem = typeof scorecardItems.$inferSelect;
