// The one import engine, used by the web pages and the command line. A file is read as a stream; valid
// rows go into a temporary staging table in chunks; new / updated / unchanged are counted in SQL; a commit
// merges staging into the target table and records what each row was, so the batch can be undone. Preview
// and commit run the same code: a preview rolls its transaction back, so it writes nothing.
import { eq, param, sql } from "drizzle-orm";
import { formatDay, wibDay } from "../../../analytics/dates";
import {
  columnName,
  extraCellsProblem,
  type HeaderMap,
  type ImportKind,
  type ImportRow,
  type Issue,
  mapHeader,
  type RowContext,
  type RowResult,
  VALIDATORS,
} from "../../../analytics/import-rules";
import type { TeamCode } from "../../../analytics/organization";
import { periodFromId, periodOfDay } from "../../../analytics/period";
import { importBatches, periods, staff, teams, trainingCourses } from "../../../db/schema";
import { type Actor, recordAudit } from "../audit";
import type { Database } from "../db";
import { getSetting } from "../settings";
import { type CsvRecord, FileRefused } from "./csv";
import { type PreviewChanges, previewChanges } from "./preview-changes";
import { rowsOf } from "./rows";
import { type ImportSource, readRecords, sourceSha256 } from "./source";
import { stager } from "./staging";
import { TARGETS, type Target } from "./targets";

export type ImportReport = {
  kind: ImportKind;
  rows: number;
  valid: number;
  new: number;
  updated: number;
  unchanged: number;
  committed: boolean;
  batchId: number | null;
  errors: Issue[];
  warnings: Issue[];
  /** Problems with the whole file (encoding, header): nothing in it can be imported. */
  fileErrors: string[];
  /** Columns the file has that the import does not use. */
  ignoredColumns: string[];
  /** True when more issues were found than the report keeps (the counts stay exact). */
  truncated: boolean;
  errorCount: number;
  /** Data rows with at least one error (a row may have several): rows − valid. */
  errorRows: number;
  warningCount: number;
  /** One page of the rows the import adds or changes, when the caller asked for it (a preview). */
  changes: PreviewChanges | null;
};

export type ImportProgress = { phase: "membaca" | "menyimpan"; rows: number };

export type ImportOptions = {
  kind: ImportKind;
  fileName: string;
  source: ImportSource;
  commit: boolean;
  /** Commit the valid rows even when other rows have errors (otherwise any error blocks the commit). */
  validOnly: boolean;
  actor: Actor;
  now?: Date;
  onProgress?: (progress: ImportProgress) => void;
  /** The page (from 1) of added and changed rows to list in the report; none when absent. */
  changesPage?: number;
};

/** The report keeps this many issues; a file with more still gets exact counts. */
export const MAX_ISSUES = 20_000;
const CHUNK = 5000;

class Rollback extends Error {}

export { rowsOf } from "./rows";

async function context(db: Database, now: Date): Promise<RowContext> {
  const people = await db
    .select({ id: staff.id, nip: staff.nip, fullName: staff.fullName, active: staff.active })
    .from(staff);
  const courses = await db
    .select({ id: trainingCourses.id, code: trainingCourses.code, name: trainingCourses.name })
    .from(trainingCourses);
  const teamRows = await db.select({ id: teams.id, code: teams.code }).from(teams);
  const locked = new Set(
    (await db.select({ id: periods.id }).from(periods).where(eq(periods.status, "approved"))).map((p) => p.id),
  );
  return {
    staffByNip: new Map(people.map((p) => [p.nip, { id: p.id, fullName: p.fullName, active: p.active }])),
    courseByCode: new Map(courses.map((c) => [c.code.toUpperCase(), c])),
    today: wibDay(now),
    lockedDay: (day) => {
      const id = periodOfDay(day).id;
      return locked.has(id)
        ? `Tanggal ${formatDay(day)} ada di ${periodFromId(id).label}, yang sudah disetujui dan dikunci.`
        : null;
    },
    intervalMinutes: await getSetting(db, "workforce.intervalMinutes"),
    teamIdByCode: new Map(teamRows.map((t) => [t.code as TeamCode, t.id])),
  };
}

/** The target's whole-file checks: rows they find are taken out of staging and reported. */
async function runChecks(db: Database, target: Target, refuse: (found: Issue[]) => void): Promise<void> {
  if (target.beforeChecks) await db.execute(sql.raw(target.beforeChecks));
  for (const check of target.checks ?? []) {
    for (;;) {
      const found = rowsOf<Record<string, unknown>>(await db.execute(sql.raw(check.sql))).map((f) => check.issue(f));
      if (found.length === 0) break;
      const rowNumbers = found.map((f) => String(f.row));
      await db.execute(
        sql`delete from ${sql.raw(target.staging)} where row_no = any(${param(rowNumbers)}::text[]::integer[])`,
      );
      refuse(found);
    }
  }
}

/** Previews (commit false) or imports a file. Never throws for a bad file: the report says what is wrong. */
export async function runImport(db: Database, options: ImportOptions): Promise<ImportReport> {
  const now = options.now ?? new Date();
  const target: Target = TARGETS[options.kind];
  const report: ImportReport = {
    kind: options.kind,
    rows: 0,
    valid: 0,
    new: 0,
    updated: 0,
    unchanged: 0,
    committed: false,
    batchId: null,
    errors: [],
    warnings: [],
    fileErrors: [],
    ignoredColumns: [],
    truncated: false,
    errorCount: 0,
    errorRows: 0,
    warningCount: 0,
    changes: null,
  };
  const rowsWithErrors = new Set<number>();
  const note = (list: Issue[], issues: Issue[]) => {
    if (list === report.errors) for (const issue of issues) rowsWithErrors.add(issue.row);
    for (const issue of issues) {
      if (report.errors.length + report.warnings.length < MAX_ISSUES) list.push(issue);
      else report.truncated = true;
    }
  };
  const ctx = await context(db, now);
  const fileHash = sourceSha256(options.source);

  try {
    await db.transaction(async (tx) => {
      await tx.execute(sql.raw(target.createStaging));
      let header: HeaderMap | null = null;
      let headerRow: string[] = [];
      const staging = stager(tx, target);
      const flush = async () => {
        const left = await staging.flush();
        if (left.length === 0) return;
        // A row whose key an earlier row of the file already has: report it against that row.
        const fileHeader = header as HeaderMap; // rows are only staged once the header is read
        for (const dup of left) {
          const columns = target.keyFields.map((k) => columnName(options.kind, k, fileHeader, headerRow));
          const [first] = rowsOf<{ row_no: number }>(await tx.execute(target.firstWithKey(dup.value)));
          report.errorCount += 1;
          report.valid -= 1;
          note(report.errors, [
            {
              row: dup.row,
              column: columns.join(", "),
              message: `Baris ini sama dengan baris ${first?.row_no ?? "sebelumnya"} (${target.keyLabel}); hapus salah satunya.`,
            },
          ]);
        }
      };

      const late = await readRecords(
        options.source,
        async (records: CsvRecord[]) => {
          for (const record of records) {
            if (!header) {
              const mapped = mapHeader(options.kind, record.cells);
              if (!mapped.ok) throw new FileRefused(mapped.errors);
              header = mapped.value;
              headerRow = record.cells;
              report.ignoredColumns = mapped.value.ignored;
              continue;
            }
            if (record.cells.every((c) => c.trim() === "")) continue; // a blank row is not data
            report.rows += 1;
            const problem = record.problem ?? extraCellsProblem(record.cells, headerRow);
            if (problem) {
              report.errorCount += 1;
              note(report.errors, [{ row: record.row, column: "", message: problem }]);
              continue;
            }
            const result: RowResult<ImportRow> = VALIDATORS[options.kind](
              record.cells,
              record.row,
              header,
              headerRow,
              ctx,
            );
            report.errorCount += result.errors.length;
            report.warningCount += result.warnings.length;
            note(report.errors, result.errors);
            note(report.warnings, result.warnings);
            if (result.value) {
              report.valid += 1;
              staging.add({ row: record.row, value: result.value });
              if (staging.size >= CHUNK) await flush();
            }
          }
          await staging.send();
          options.onProgress?.({ phase: "membaca", rows: report.rows });
        },
        {
          columnsUsed: (cells) => {
            const mapped = mapHeader(options.kind, cells);
            return new Set(mapped.ok ? mapped.value.columns.values() : []);
          },
        },
      ).catch(async (error: unknown) => {
        await staging.abandon(); // a COPY left open would keep the rollback waiting behind it
        throw error;
      });
      if (!header) throw new FileRefused(["Berkas kosong: baris pertama harus berisi nama kolom."]);
      await flush();
      if (late.length > 0) {
        // Found once the whole sheet was read (merged cells): those rows are taken back out of staging.
        const rowNumbers = late.map((l) => String(l.row));
        const taken = rowsOf<{ row_no: number }>(
          await tx.execute(
            sql`delete from ${sql.raw(target.staging)} where row_no = any(${param(rowNumbers)}::text[]::integer[]) returning row_no`,
          ),
        );
        report.valid -= taken.length;
        report.errorCount += late.length;
        note(
          report.errors,
          late.map((l) => ({ row: l.row, column: "", message: l.message })),
        );
      }
      await runChecks(tx, target, (found) => {
        const fileHeader = header as HeaderMap;
        report.valid -= found.length;
        report.errorCount += found.length;
        note(
          report.errors,
          found.map((f) => ({ ...f, column: columnName(options.kind, f.column, fileHeader, headerRow) })),
        );
      });

      const [counts] = rowsOf<{ new: number; updated: number; unchanged: number }>(
        await tx.execute(sql.raw(target.countSql)),
      );
      report.new = Number(counts?.new ?? 0);
      report.updated = Number(counts?.updated ?? 0);
      report.unchanged = Number(counts?.unchanged ?? 0);
      if (options.changesPage !== undefined) {
        report.changes = await previewChanges(
          tx,
          options.kind,
          target,
          ctx,
          report.new + report.updated,
          options.changesPage,
        );
      }

      const blocked = report.errorCount > 0 && !options.validOnly;
      if (!options.commit || blocked || report.valid === 0) throw new Rollback();
      // Importing the same file again changes nothing, not even the history.
      if (report.new + report.updated === 0) {
        report.committed = true;
        throw new Rollback();
      }

      options.onProgress?.({ phase: "menyimpan", rows: report.valid });
      const [batch] = await tx
        .insert(importBatches)
        .values({
          kind: options.kind,
          fileName: options.fileName.slice(0, 255),
          fileSha256: fileHash ?? "",
          rows: report.rows,
          valid: report.valid,
          inserted: report.new,
          updated: report.updated,
          unchanged: report.unchanged,
          errors: report.errorCount,
          warnings: report.warningCount,
          validOnly: options.validOnly,
          report: [
            ...report.errors.map((i) => ({ ...i, level: "error" as const })),
            ...report.warnings.map((i) => ({ ...i, level: "warning" as const })),
          ],
          createdBy: options.actor.id,
          createdByLabel: options.actor.username,
          createdAt: now,
        })
        .returning({ id: importBatches.id });
      if (!batch) throw new Error("insert returned nothing");
      for (const statement of target.mergeSql)
        await tx.execute(sql.raw(statement.replaceAll("$batch", String(batch.id))));
      await recordAudit(tx, options.actor, {
        action: "import",
        entity: "import_batch",
        entityId: batch.id,
        after: {
          kind: options.kind,
          fileName: options.fileName,
          rows: report.rows,
          new: report.new,
          updated: report.updated,
          unchanged: report.unchanged,
          errors: report.errorCount,
        },
      });
      report.committed = true;
      report.batchId = batch.id;
    });
  } catch (error) {
    if (error instanceof FileRefused) {
      report.fileErrors = error.messages;
      return { ...report, rows: report.rows, valid: 0, new: 0, updated: 0, unchanged: 0, changes: null };
    }
    if (!(error instanceof Rollback)) throw error;
  }
  report.errorRows = rowsWithErrors.size;
  const byRow = (a: Issue, b: Issue) => a.row - b.row || a.column.localeCompare(b.column);
  report.errors.sort(byRow);
  report.warnings.sort(byRow);
  return report;
}
