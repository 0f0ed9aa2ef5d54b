import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { staff } from "./organization";

// The training catalogue HR keeps: regulation E.4 asks for the technical information-service training and
// the soft-skills communication training; refreshers (2.3.3) and others are recorded too.
export const trainingCourses = pgTable(
  "training_courses",
  {
    id: serial().primaryKey(),
    code: text().notNull().unique(),
    name: text().notNull(),
    category: text().notNull(),
    hours: numeric({ precision: 6, scale: 1, mode: "number" }),
    // A completed training counts this many months after its end date; null = it does not expire.
    validityMonths: integer(),
    // Attended again every so many months (regulation 2.3.3, penyegaran); null = no refresher asked.
    refreshMonths: integer(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "training_courses_category",
      sql`${t.category} in ('teknis_layanan_informasi', 'soft_skills_komunikasi', 'penyegaran', 'lainnya')`,
    ),
    check("training_courses_validity", sql`${t.validityMonths} is null or ${t.validityMonths} > 0`),
    check("training_courses_refresh", sql`${t.refreshMonths} is null or ${t.refreshMonths} > 0`),
  ],
);

// Where a row came from: the import batch that last wrote it (null when entered by hand).
export const importBatches = pgTable(
  "import_batches",
  {
    id: serial().primaryKey(),
    kind: text().notNull(),
    fileName: text().notNull(),
    fileSha256: text().notNull(),
    rows: integer().notNull(),
    valid: integer().notNull(),
    inserted: integer().notNull(),
    updated: integer().notNull(),
    unchanged: integer().notNull(),
    errors: integer().notNull(),
    warnings: integer().notNull(),
    validOnly: boolean().notNull(),
    // Every row error and warning of the file, for the downloadable report.
    report: jsonb().$type<{ row: number; column: string; message: string; level: "error" | "warning" }[]>().notNull(),
    createdBy: integer().references(() => users.id),
    createdByLabel: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    undoneAt: timestamp({ withTimezone: true }),
    undoneBy: integer().references(() => users.id),
  },
  (t) => [
    check("import_batches_kind", sql`${t.kind} in ('staff', 'training', 'calls', 'intervals', 'roster', 'states')`),
  ],
);

export const trainingRecords = pgTable(
  "training_records",
  {
    id: serial().primaryKey(),
    staffId: integer()
      .notNull()
      .references(() => staff.id),
    courseId: integer()
      .notNull()
      .references(() => trainingCourses.id),
    startDate: date({ mode: "string" }),
    endDate: date({ mode: "string" }).notNull(),
    hours: numeric({ precision: 6, scale: 1, mode: "number" }),
    status: text().notNull(),
    score: numeric({ precision: 5, scale: 2, mode: "number" }),
    provider: text(),
    certificateNumber: text(),
    batchId: integer().references(() => importBatches.id),
    // Optimistic concurrency for corrections by hand: every change (by hand, an import, an undo) bumps it.
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The natural key of a training record: who, which course, when it ended.
    uniqueIndex("training_records_natural_key").on(t.staffId, t.courseId, t.endDate),
    index("training_records_batch_idx").on(t.batchId),
    check("training_records_status", sql`${t.status} in ('lulus', 'tidak_lulus', 'selesai')`),
    check("training_records_dates", sql`${t.startDate} is null or ${t.startDate} <= ${t.endDate}`),
  ],
);

// Call statistics per agent per WIB day per channel, from the phone and channel systems.
export const callStats = pgTable(
  "call_stats",
  {
    id: serial().primaryKey(),
    staffId: integer()
      .notNull()
      .references(() => staff.id),
    day: date({ mode: "string" }).notNull(),
    channel: text().notNull(),
    callsHandled: integer().notNull(),
    loggedInSeconds: integer().notNull(),
    talkSeconds: integer(),
    batchId: integer().references(() => importBatches.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("call_stats_natural_key").on(t.staffId, t.day, t.channel),
    index("call_stats_day_idx").on(t.day),
    index("call_stats_batch_idx").on(t.batchId),
    check("call_stats_channel", sql`${t.channel} in ('telepon', 'sms', 'email', 'webchat', 'media_sosial')`),
    check("call_stats_numbers", sql`${t.callsHandled} >= 0 and ${t.loggedInSeconds} >= 0`),
  ],
);

// What a batch did to the rows it updated (their before-image), so that it can be undone. Rows it inserted are
// known by their batch_id and are removed.
export const importBatchChanges = pgTable(
  "import_batch_changes",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    batchId: integer()
      .notNull()
      .references(() => importBatches.id, { onDelete: "cascade" }),
    rowId: integer().notNull(),
    action: text().notNull(),
    before: jsonb(),
  },
  (t) => [
    index("import_batch_changes_batch_idx").on(t.batchId),
    check("import_batch_changes_action", sql`${t.action} in ('insert', 'update')`),
  ],
);

// A file uploaded for preview, kept until it is committed or abandoned (the server keeps no state of its
// own, so a preview on one instance can be committed on another).
export const importUploads = pgTable("import_uploads", {
  id: uuid().primaryKey().defaultRandom(),
  kind: text().notNull(),
  fileName: text().notNull(),
  // A CSV file's text, or a workbook's bytes as base64 (format xlsx), read from its sheet (null: the first).
  content: text().notNull(),
  format: text().notNull().default("csv"),
  sheet: text(),
  sha256: text().notNull(),
  uploadedBy: integer()
    .notNull()
    .references(() => users.id),
  uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  batchId: integer().references(() => importBatches.id),
});

// "Dianggap mampu oleh Direktur PPKC" (E.4.c), recorded with the decision letter; withdrawn, never deleted.
export const capabilityDecisions = pgTable(
  "capability_decisions",
  {
    id: serial().primaryKey(),
    staffId: integer()
      .notNull()
      .references(() => staff.id),
    role: text().notNull(),
    decidedBy: text().notNull(),
    letterNumber: text().notNull(),
    letterDate: date({ mode: "string" }).notNull(),
    basis: text().notNull(),
    recordedBy: integer()
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp({ withTimezone: true }),
    withdrawnBy: integer().references(() => users.id),
    withdrawReason: text(),
  },
  (t) => [
    index("capability_decisions_staff_idx").on(t.staffId),
    check("capability_decisions_role", sql`${t.role} in ('supervisor', 'ketua_tim', 'petugas_layanan')`),
  ],
);

export type TrainingCourse = typeof trainingCourses.$inferSelect;
export type TrainingRecord = typeof trainingRecords.$inferSelect;
export type CallStat = typeof callStats.$inferSelect;
export type ImportBatch = typeof importBatches.$inferSelect;
