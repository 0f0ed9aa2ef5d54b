// What the KPI computation keeps (docs/decisions/029): the figures of an approved period, computed once when
// it is approved and deleted when it is reopened; and version counters that every committed change to what the
// KPI (or eligibility) reads moves (triggers of migration 0014), so that each process knows whether what it holds
// in memory is still true without holding it in memory alone.
import { sql } from "drizzle-orm";
import { bigint, check, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { periods } from "./evaluations";

export const kpiSnapshots = pgTable("kpi_snapshots", {
  periodId: text()
    .primaryKey()
    .references(() => periods.id, { onDelete: "cascade" }),
  computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  // The center's figures (app/.server/kpi-figures.ts CenterFigures), with the format's version: a snapshot of
  // another format is computed again on its first read.
  format: integer().notNull(),
  figures: jsonb().notNull(),
});

// One row per topic: "kpi" (what the KPI reads) and "certification" (what eligibility reads). Each moves once per
// committed transaction that changes one of its tables (triggers of migration 0014).
export const dataVersions = pgTable(
  "data_versions",
  {
    topic: text().primaryKey(),
    version: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [check("data_versions_topic", sql`${t.topic} in ('kpi', 'certification')`)],
);
