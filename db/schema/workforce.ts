import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { staff } from "./organization";
import { importBatches } from "./training";

// Contacts per channel per interval (issue 6), from the phone and channel systems' interval reports. The
// interval is a WIB day and a start in minutes after its midnight, with the interval length the statistics were
// exported in, so that data kept at 30 minutes stays right if the setting later changes to 15.
export const intervalStats = pgTable(
  "interval_stats",
  {
    id: serial().primaryKey(),
    day: date({ mode: "string" }).notNull(),
    channel: text().notNull(),
    startMinute: smallint().notNull(),
    intervalMinutes: smallint().notNull(),
    offered: integer().notNull(),
    answered: integer().notNull(),
    abandoned: integer().notNull(),
    // Average handling time of the answered contacts; null when none was answered.
    ahtSeconds: numeric({ precision: 7, scale: 1, mode: "number" }),
    // Null when the source does not report it.
    answeredWithinTarget: integer(),
    batchId: integer().references(() => importBatches.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The natural key, in this order so that it also serves "days from … to …, one channel" queries.
    uniqueIndex("interval_stats_natural_key").on(t.day, t.channel, t.startMinute),
    index("interval_stats_batch_idx").on(t.batchId),
    check("interval_stats_channel", sql`${t.channel} in ('telepon', 'sms', 'email', 'webchat', 'media_sosial')`),
    check("interval_stats_interval", sql`${t.intervalMinutes} in (15, 30, 60)`),
    check(
      "interval_stats_start",
      sql`${t.startMinute} >= 0 and ${t.startMinute} < 1440 and ${t.startMinute} % ${t.intervalMinutes} = 0`,
    ),
    check(
      "interval_stats_counts",
      sql`${t.offered} >= 0 and ${t.answered} >= 0 and ${t.abandoned} >= 0 and ${t.answered} + ${t.abandoned} <= ${t.offered}`,
    ),
    check(
      "interval_stats_within_target",
      sql`${t.answeredWithinTarget} is null or (${t.answeredWithinTarget} >= 0 and ${t.answeredWithinTarget} <= ${t.answered})`,
    ),
    check("interval_stats_aht", sql`${t.ahtSeconds} is null or (${t.ahtSeconds} >= 0 and ${t.ahtSeconds} <= 14400)`),
  ],
);

// The duty roster (jadwal dinas): one row per shift of one person. A shift is stored as the two instants it
// starts and ends (timestamptz), not as a day and clock times: a shift crossing midnight (23:00–07:00) then
// needs no special case, and "who is on duty in interval X" is one range-overlap condition,
// tstzrange(starts_at, ends_at) && tstzrange(x_start, x_end), served by the GiST index below. The WIB day and
// clock times people type are derived from the instants (WIB has no daylight saving). See
// docs/decisions/008-workforce-data.md.
export const shifts = pgTable(
  "shifts",
  {
    id: serial().primaryKey(),
    staffId: integer()
      .notNull()
      .references(() => staff.id),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    channel: text().notNull(),
    // The import batch that last wrote it; null when entered or changed on the roster page.
    batchId: integer().references(() => importBatches.id),
    updatedBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The natural key (NIP + WIB day + start time) is the person and the start instant.
    uniqueIndex("shifts_natural_key").on(t.staffId, t.startsAt),
    index("shifts_time_idx").using("gist", sql`tstzrange(${t.startsAt}, ${t.endsAt})`),
    index("shifts_batch_idx").on(t.batchId),
    check("shifts_channel", sql`${t.channel} in ('telepon', 'sms', 'email', 'webchat', 'media_sosial')`),
    // More than 0 and at most 16 hours (analytics/workforce-time.ts MAX_SHIFT_MINUTES).
    check("shifts_length", sql`${t.endsAt} > ${t.startsAt} and ${t.endsAt} <= ${t.startsAt} + interval '16 hours'`),
  ],
);

export type IntervalStat = typeof intervalStats.$inferSelect;
export type NewIntervalStat = typeof intervalStats.$inferInsert;
export type Shift = typeof shifts.$inferSelect;
export type NewShift = typeof shifts.$inferInsert;

/**
 * What the phone and channel systems say an agent was doing (issue 16): one row per state period. Imported
 * (kind `states`), never typed. Periods of one agent never overlap (refused at the import), whatever the channel.
 * Schedule adherence and conformance are computed from these and the roster (analytics/adherence.ts).
 */
export const agentStates = pgTable(
  "agent_states",
  {
    id: serial().primaryKey(),
    staffId: integer()
      .notNull()
      .references(() => staff.id),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    channel: text().notNull(),
    state: text().notNull(),
    batchId: integer().references(() => importBatches.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("agent_states_natural_key").on(t.staffId, t.startsAt),
    index("agent_states_time_idx").using("gist", sql`tstzrange(${t.startsAt}, ${t.endsAt})`),
    index("agent_states_batch_idx").on(t.batchId),
    check("agent_states_channel", sql`${t.channel} in ('telepon', 'sms', 'email', 'webchat', 'media_sosial')`),
    check("agent_states_state", sql`${t.state} in ('login', 'siap', 'sibuk', 'istirahat', 'logout')`),
    // A state period of more than 0 and at most 24 hours (analytics/import-states.ts MAX_STATE_MINUTES).
    check(
      "agent_states_length",
      sql`${t.endsAt} > ${t.startsAt} and ${t.endsAt} <= ${t.startsAt} + interval '24 hours'`,
    ),
  ],
);

export type AgentState = typeof agentStates.$inferSelect;
