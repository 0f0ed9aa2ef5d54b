// The Kepala Seksi's review of a period: IKU targets (regulation C.17.d) and the teams' written reports
// (regulation 3.1–3.3) that go with the period's KPI.
import { sql } from "drizzle-orm";
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { users } from "./auth";

// One target per indicator per period; the indicators are listed in analytics/iku.ts.
export const ikuTargets = pgTable(
  "iku_targets",
  {
    periodId: text().notNull(),
    indicator: text().notNull(),
    target: doublePrecision().notNull(),
    setBy: integer()
      .notNull()
      .references(() => users.id),
    setAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.periodId, t.indicator] }),
    check(
      "iku_targets_indicator",
      sql`${t.indicator} in ('rata_nilai_qa', 'cakupan_evaluasi', 'staf_bersertifikat', 'capaian_cph', 'sanggahan_tepat_waktu')`,
    ),
    check("iku_targets_target", sql`${t.target} > 0`),
  ],
);

// A written report of a team to the Kepala Seksi: the problem, the regulation it touches, the analysis and
// the conclusion or recommendation (regulation 3.1.2: conclusions supported by the relevant regulation).
export const reports = pgTable(
  "reports",
  {
    id: serial().primaryKey(),
    kind: text().notNull(),
    periodId: text().notNull(),
    reportDate: date({ mode: "string" }).notNull(),
    title: text().notNull(),
    problem: text().notNull(),
    regulation: text().notNull(),
    analysis: text().notNull(),
    conclusion: text().notNull(),
    authorUserId: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // When the problem arose, so "segera" (3.1.1, 3.2.1) can be measured; null on reports filed before it was asked.
    problemAroseOn: date({ mode: "string" }),
    // The follow-up of supervision results (A.2.c, A.2.e): baru → ditanggapi → ditindaklanjuti → selesai.
    status: text().notNull().default("baru"),
    answer: text(),
    answeredBy: integer().references(() => users.id),
    answeredAt: timestamp({ withTimezone: true }),
    assigneeUserId: integer().references(() => users.id),
    followUpDue: date({ mode: "string" }),
    followUp: text(),
    followedUpAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("reports_period_idx").on(t.periodId),
    index("reports_status_idx").on(t.status),
    check("reports_status", sql`${t.status} in ('baru', 'ditanggapi', 'ditindaklanjuti', 'selesai')`),
    check("reports_kind", sql`${t.kind} in ('layanan_informasi', 'manajemen_layanan', 'penjamin_kualitas')`),
    check("reports_period", sql`${t.periodId} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);

// Each step of a report's follow-up, in order: who moved it to which status, when, with what words.
export const reportEvents = pgTable(
  "report_events",
  {
    id: serial().primaryKey(),
    reportId: integer()
      .notNull()
      .references(() => reports.id),
    status: text().notNull(),
    note: text().notNull(),
    byUserId: integer()
      .notNull()
      .references(() => users.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("report_events_report_idx").on(t.reportId)],
);
