// The database side of the importer's property tests: the world a generated file refers to, the two entry
// points a preview runs through (the web page: upload, then preview; the command line: a file on disk), the
// row counts a preview must leave alone, and what an issue of a report may point at.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq, max } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import { addDays, wibDay } from "../../analytics/dates";
import { COLUMNS, type ImportKind, type Issue, normalizeHeader } from "../../analytics/import-rules";
import { periodFromId, periodOfDay } from "../../analytics/period";
import { getUpload, storeUpload } from "../../app/.server/imports/batches";
import { FileRefused } from "../../app/.server/imports/csv";
import { type ImportReport, runImport } from "../../app/.server/imports/engine";
import { runUpload } from "../../app/.server/imports/upload";
import { getSetting } from "../../app/.server/settings";
import type { Database } from "../../db/client";
import {
  auditLog,
  callStats,
  importBatchChanges,
  importBatches,
  importUploads,
  intervalStats,
  periods,
  shifts,
  staff,
  trainingCourses,
  trainingRecords,
  users,
} from "../../db/schema";
import { seedCatalogue } from "./certification";
import { demoDatabaseForThisFile } from "./db";
import type { World } from "./import-files";

export const ACTOR = { id: null, username: "fuzz" };

/** The staff, courses and days of the database, for generated files to refer to. */
export async function loadWorld(db: Database): Promise<World> {
  const today = wibDay(new Date());
  const people = await db
    .select({ nip: staff.nip, fullName: staff.fullName, active: staff.active })
    .from(staff)
    .orderBy(staff.id);
  const courses = await db
    .select({ code: trainingCourses.code, name: trainingCourses.name })
    .from(trainingCourses)
    .orderBy(trainingCourses.id);
  const approved = new Set(
    (await db.select({ id: periods.id }).from(periods).where(eq(periods.status, "approved"))).map((p) => p.id),
  );
  const pastDay = addDays(today, -1500);
  for (let k = 0; k < 60; k++) {
    if (approved.has(periodOfDay(addDays(pastDay, -k)).id)) throw new Error("the fuzz days lie in a locked period");
  }
  const [latest] = await db.select({ end: max(shifts.endsAt) }).from(shifts);
  // After every stored shift, and at least a month ahead (ISO days sort as text).
  const [futureDay = today] = [addDays(latest?.end ? wibDay(new Date(latest.end)) : today, 2), addDays(today, 30)]
    .sort()
    .reverse();
  if (futureDay > addDays(today, 300)) throw new Error("stored shifts reach too far ahead for the fuzz days");
  const [locked] = [...approved];
  return {
    people,
    courses,
    today,
    intervalMinutes: await getSetting(db, "workforce.intervalMinutes"),
    pastDay,
    futureDay,
    lockedDay: locked ? periodFromId(locked).firstDay : null,
  };
}

/** Rows of every table an import writes; a preview leaves each as it was. (Uploads are kept for the preview.) */
export async function writtenCounts(db: Database): Promise<Record<string, number>> {
  const tables = {
    training_records: trainingRecords,
    call_stats: callStats,
    interval_stats: intervalStats,
    shifts,
    import_batches: importBatches,
    import_batch_changes: importBatchChanges,
    audit_log: auditLog,
  };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    out[name] = (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
  }
  return out;
}

export const uploadCount = async (db: Database) => (await db.select({ n: count() }).from(importUploads))[0]?.n ?? 0;

export async function uploaderId(db: Database): Promise<number> {
  const [hr] = await db.select({ id: users.id }).from(users).where(eq(users.username, "hr"));
  if (!hr) throw new Error("no hr user");
  return hr.id;
}

/** The web page's preview: the upload is stored (or refused), then previewed as the preview page does. */
export async function previewUpload(
  db: Database,
  kind: ImportKind,
  bytes: Uint8Array,
  userId: number,
): Promise<{ refused: string } | { report: ImportReport }> {
  let id: string;
  try {
    id = await storeUpload(db, { kind, fileName: "fuzz.csv", bytes, userId });
  } catch (error) {
    if (error instanceof FileRefused) return { refused: error.message };
    throw error;
  }
  const upload = await getUpload(db, id, userId);
  if (!upload) throw new Error("the stored upload is gone");
  return { report: await runUpload(db, upload, ACTOR, { commit: false, validOnly: false }) };
}

let fileNumber = 0;
/** The command line's preview (`mutu import <kind> FILE`): the same engine reading the file from disk. */
export function previewFile(db: Database, kind: ImportKind, bytes: Uint8Array, dir: string): Promise<ImportReport> {
  fileNumber += 1;
  const file = path.join(dir, `fuzz-${fileNumber}.csv`);
  writeFileSync(file, bytes);
  return runImport(db, {
    kind,
    fileName: path.basename(file),
    source: { path: file },
    commit: false,
    validOnly: false,
    actor: ACTOR,
  });
}

/** What a report says, without what differs between two runs of the same file. */
export const comparable = (r: ImportReport) => ({
  rows: r.rows,
  valid: r.valid,
  new: r.new,
  updated: r.updated,
  unchanged: r.unchanged,
  committed: r.committed,
  errors: r.errors,
  warnings: r.warnings,
  fileErrors: r.fileErrors,
  ignoredColumns: r.ignoredColumns,
  errorCount: r.errorCount,
  warningCount: r.warningCount,
  truncated: r.truncated,
});

/**
 * An issue's column is "" (the whole row), or one or more of the file's own header cells (", " between them)
 * that name a column of this kind, or a column's canonical name when the file lacks it.
 */
export function columnIsReal(kind: ImportKind, column: string, fileText: string): boolean {
  if (column === "") return true;
  const text = fileText.replace(/\r\n?/g, "\n");
  return column.split(", ").every((part) => {
    const spec = COLUMNS[kind].find((s) => s.names.includes(normalizeHeader(part)));
    return spec !== undefined && (spec.names[0] === part || text.includes(part.replace(/\r\n?/g, "\n")));
  });
}

// Words that mean a value leaked into a message unformatted.
const LEAKS = ["undefined", "NaN", "[object ", "function ", "Infinity"];
/** A message a user can act on: non-empty, no program value leaked in (unless the file itself holds it). */
export function messageIsSane(issue: Pick<Issue, "message">, fileText: string): boolean {
  if (issue.message.trim() === "") return false;
  return LEAKS.every((leak) => !issue.message.includes(leak) || fileText.includes(leak));
}

/** The seed of the property tests (FUZZ_SEED), and `base` runs times the multiplier FUZZ_RUNS. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_129);
export const fuzzRuns = (base: number) => Math.max(1, Math.round(base * Number(process.env.FUZZ_RUNS ?? 1)));

/**
 * What a fuzz test file needs, made before its tests: a database with the demo staff and the course catalogue,
 * the world its generated files refer to, the uploader's id, and a scratch folder (removed after the tests).
 */
export function fuzzFixture() {
  const getHandle = demoDatabaseForThisFile("staff", async (handle) => {
    await seedCatalogue(handle.db);
  });
  const fixture = {
    db: () => getHandle().db,
    world: undefined as unknown as World,
    userId: 0,
    dir: "",
  };
  beforeAll(async () => {
    fixture.world = await loadWorld(fixture.db());
    fixture.userId = await uploaderId(fixture.db());
    fixture.dir = mkdtempSync(path.join(tmpdir(), "mutu-import-fuzz-"));
  });
  afterAll(() => rmSync(fixture.dir, { recursive: true, force: true }));
  return fixture;
}
