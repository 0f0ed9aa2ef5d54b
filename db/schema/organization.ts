import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, serial, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { POSITION_CODES } from "../../analytics/organization";

export const teams = pgTable("teams", {
  id: serial().primaryKey(),
  code: text().notNull().unique(),
  name: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

const positionList = sql.raw(POSITION_CODES.map((p) => `'${p}'`).join(", "));

export const staff = pgTable(
  "staff",
  {
    id: serial().primaryKey(),
    nip: varchar({ length: 18 }).notNull().unique(),
    fullName: text().notNull(),
    birthPlace: text().notNull(),
    // WIB calendar date; must equal the date encoded in the NIP.
    birthDate: date({ mode: "string" }).notNull(),
    golongan: text().notNull(),
    position: text().notNull(),
    teamId: integer()
      .notNull()
      .references(() => teams.id),
    // The group (regu) within the team that a Ketua Tim leads (C.8, C.13): a short name, the same spelling for
    // everyone of the group (analytics/staff-group.ts); null when the person belongs to none (decision 026).
    groupName: text(),
    active: boolean().notNull().default(true),
    hireDate: date({ mode: "string" }),
    // The staff import (import_batches.id) that last wrote the row, for its undo; null when entered by hand. No
    // foreign key: import_batches lives in training.ts, which refers to staff (batches are never deleted).
    batchId: integer(),
    // Optimistic concurrency: every update bumps it; an update with a stale version is refused.
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("staff_nip_format", sql`${t.nip} ~ '^[0-9]{18}$'`),
    check("staff_position", sql`${t.position} in (${positionList})`),
    check("staff_group_name", sql`${t.groupName} ~ '^[^[:space:]](.{0,38}[^[:space:]])?$'`),
    index("staff_team_idx").on(t.teamId),
    index("staff_team_group_idx").on(t.teamId, t.groupName),
    index("staff_name_idx").on(sql`lower(${t.fullName})`),
  ],
);

export type Team = typeof teams.$inferSelect;
export type Staff = typeof staff.$inferSelect;
export type NewStaff = typeof staff.$inferInsert;
