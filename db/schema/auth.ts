import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { ROLES } from "../../analytics/roles";
import { staff } from "./organization";

const roleList = sql.raw(ROLES.map((r) => `'${r}'`).join(", "));

export const users = pgTable(
  "users",
  {
    id: serial().primaryKey(),
    // Stored lower-case; sign-in is case-insensitive.
    username: text().notNull().unique(),
    displayName: text().notNull(),
    passwordHash: text().notNull(),
    roles: text().array().notNull().default(sql`'{}'::text[]`),
    staffId: integer()
      .unique()
      .references(() => staff.id),
    disabledAt: timestamp({ withTimezone: true }),
    // Where Mutu sends this person's mail (optional; none, no mail). Stored lower-case.
    email: text(),
    // Set when an admin resets the password: the user must choose a new one at the next sign-in.
    mustChangePassword: boolean().notNull().default(false),
    lastLoginAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("users_username_lower", sql`${t.username} = lower(${t.username})`),
    check("users_email_lower", sql`${t.email} = lower(${t.email})`),
    check("users_roles_known", sql`${t.roles} <@ array[${roleList}]::text[]`),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    // SHA-256 of the token in the cookie: a copy of this table does not let anyone sign in.
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Absolute expiry, fixed at sign-in; the idle expiry is lastSeenAt + the idle setting.
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

// Every sign-in attempt, for throttling per username and per address.
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    username: text().notNull(),
    ip: text().notNull(),
    succeeded: boolean().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_attempts_username_idx").on(t.username, t.at), index("login_attempts_ip_idx").on(t.ip, t.at)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Session = typeof sessions.$inferSelect;
