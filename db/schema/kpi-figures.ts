// What the KPI computation keeps (docs/decisions/029): the figures of an approved period, computed once when
// it is approved and deleted when it is reopened; and one version counter that every committed change to what
// the KPI reads moves (triggers of migration 0014), so that each process knows whether a figure it holds in
// memory is still true without holding it in memory alone.
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

export const kpiDataVersion = pgTable(
  "kpi_data_version",
  {
    id: integer().primaryKey().default(1),
    version: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [check("kpi_data_version_one_row", sql`${t.id} = 1`)],
);
