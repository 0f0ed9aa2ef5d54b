// The center's KPI figures without computing again what cannot have changed (docs/decisions/029):
// - an approved period's figures are computed in the transaction that approves it and kept in kpi_snapshots
//   (deleted when it is reopened); a period approved before they were kept gets them on its first read;
// - any period's figures are also held in this process's memory under the key of the data they came from: the
//   version row that triggers move at the commit of every change to what the KPI reads (evaluations, staff,
//   teams, template versions, certificates, settings, periods), whichever process or command made it. Reading
//   that key is one small query per request, so no process ever serves figures older than the last commit.
import { and, eq, inArray, ne } from "drizzle-orm";
import { kpiSnapshots, periods } from "../../db/schema";
import { dataVersionKey } from "./data-version";
import type { Database } from "./db";
import { type CenterFigures, computeCenterFigures, FIGURES_FORMAT } from "./kpi-figures";
import type { Settings } from "./settings";

/** Periods held in memory at most (a few years of trend); the least recently used one goes first. */
const HELD_PERIODS = 48;
// Per database: a key is a version of one database's data (test files share a process, each with its own database
// cloned from the same dump, so their keys can be equal).
const heldByDatabase = new WeakMap<Database, Map<string, { key: string; figures: CenterFigures }>>();

function heldIn(db: Database) {
  const found = heldByDatabase.get(db) ?? new Map<string, { key: string; figures: CenterFigures }>();
  heldByDatabase.set(db, found);
  return found;
}

function hold(held: Map<string, { key: string; figures: CenterFigures }>, key: string, figures: CenterFigures) {
  held.delete(figures.periodId);
  held.set(figures.periodId, { key, figures });
  if (held.size > HELD_PERIODS) held.delete(held.keys().next().value as string);
}

/** The data's key (data-version.ts) and the settings the figures are computed with (a caller may pass others). */
async function dataKey(db: Database, settings: Settings): Promise<string | null> {
  const version = await dataVersionKey(db, "kpi");
  if (version === null) return null; // no version row: nothing can be trusted, compute every time
  const used = [
    settings["evaluation.disputeWindowDays"],
    settings["evaluation.quotaPerAgent"],
    ...Object.entries(settings).filter(([k]) => k.startsWith("grade.") || k.startsWith("evaluation.quota.")),
  ];
  return `${version}|${JSON.stringify(used)}`;
}

/** The figures of each period in `periodIds`, in the order given: held, kept or computed, never stale. */
export async function centerFigures(
  db: Database,
  periodIds: readonly string[],
  settings: Settings,
): Promise<CenterFigures[]> {
  const key = await dataKey(db, settings);
  const held = heldIn(db);
  const wanted = periodIds.filter((id) => key === null || held.get(id)?.key !== key);
  const found = new Map<string, CenterFigures>();
  if (wanted.length > 0) {
    const kept = await keptFigures(db, wanted);
    for (const figures of kept.figures) found.set(figures.periodId, figures);
    const computed = await computeCenterFigures(
      db,
      wanted.filter((id) => !found.has(id)),
      settings,
    );
    for (const figures of computed) {
      found.set(figures.periodId, figures);
      // Approved before its figures were kept (or kept in an older format): kept now, once.
      if (kept.approvedWithout.has(figures.periodId)) await keep(db, figures);
    }
    if (key !== null) for (const figures of found.values()) hold(held, key, figures);
  }
  return periodIds.map((id) => {
    const figures = found.get(id) ?? held.get(id)?.figures;
    if (!figures) throw new Error(`no KPI figures for ${id}`);
    return figures;
  });
}

/** The kept figures of the approved periods among `periodIds`, and the approved ones that have none. */
async function keptFigures(db: Database, periodIds: string[]) {
  const rows = await db
    .select({ periodId: periods.id, format: kpiSnapshots.format, figures: kpiSnapshots.figures })
    .from(periods)
    .leftJoin(kpiSnapshots, eq(kpiSnapshots.periodId, periods.id))
    .where(and(inArray(periods.id, periodIds), eq(periods.status, "approved")));
  const usable = rows.filter((r) => r.format === FIGURES_FORMAT && r.figures !== null);
  return {
    figures: usable.map((r) => r.figures as CenterFigures),
    approvedWithout: new Set(rows.filter((r) => !usable.includes(r)).map((r) => r.periodId)),
  };
}

/**
 * Keeps a period's figures. On a first read (`approving` false) only where none are kept in this format: an
 * approval that came in between has kept newer ones, which a slower reader must not overwrite.
 */
async function keep(db: Database, figures: CenterFigures, approving = false) {
  const values = { format: FIGURES_FORMAT, figures, computedAt: new Date() };
  await db
    .insert(kpiSnapshots)
    .values({ periodId: figures.periodId, ...values })
    .onConflictDoUpdate({
      target: kpiSnapshots.periodId,
      set: values,
      setWhere: approving ? undefined : ne(kpiSnapshots.format, FIGURES_FORMAT),
    });
}

/**
 * Computes and keeps the figures of a period being approved, inside the approving transaction `tx`: what is
 * kept is exactly what the approver's transaction saw.
 */
export async function keepApprovedFigures(tx: Database, periodId: string, settings: Settings) {
  const [figures] = await computeCenterFigures(tx, [periodId], settings);
  if (figures) await keep(tx, figures, true);
}

/** Forgets the kept figures of a period being reopened, inside the reopening transaction. */
export async function dropKeptFigures(tx: Database, periodId: string) {
  await tx.delete(kpiSnapshots).where(eq(kpiSnapshots.periodId, periodId));
}
