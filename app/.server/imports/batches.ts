// Import history: every committed batch with who, when, the file and its counts; the error report as CSV;
// and undo — new rows removed, updated rows restored — refused when a row was changed after the batch.
import { createHash } from "node:crypto";
import { and, desc, eq, getTableColumns, inArray, isNull, lt, sql } from "drizzle-orm";
import type { ImportKind } from "../../../analytics/import-rules";
import { importBatches, importUploads, users } from "../../../db/schema";
import { type Actor, recordAudit } from "../audit";
import type { Database } from "../db";
import { UserFacingError } from "../errors";
import { excelCsv } from "../excel-csv";
import { isForeignKeyViolation } from "../forms";
import { decodeUtf8 } from "./csv";
import { rowsOf } from "./engine";
import { isZip } from "./source";
import { TARGETS } from "./targets";
import { checkWorkbook } from "./xlsx";

// Who imported, as people read it: the account's name (the username stored with the batch is what remains when
// the account is gone).
const createdByName = sql<string>`coalesce(${users.displayName}, ${importBatches.createdByLabel})`;

/** The latest 200 batches of `kinds`, newest first. */
export function listBatches(db: Database, kinds: readonly ImportKind[]) {
  return db
    .select({
      id: importBatches.id,
      kind: importBatches.kind,
      fileName: importBatches.fileName,
      rows: importBatches.rows,
      inserted: importBatches.inserted,
      updated: importBatches.updated,
      unchanged: importBatches.unchanged,
      errors: importBatches.errors,
      warnings: importBatches.warnings,
      validOnly: importBatches.validOnly,
      createdByLabel: createdByName,
      createdAt: importBatches.createdAt,
      undoneAt: importBatches.undoneAt,
    })
    .from(importBatches)
    .leftJoin(users, eq(users.id, importBatches.createdBy))
    .where(inArray(importBatches.kind, [...kinds]))
    .orderBy(desc(importBatches.id))
    .limit(200);
}

export async function getBatch(db: Database, id: number) {
  const [row] = await db
    .select({ ...getTableColumns(importBatches), createdByLabel: createdByName })
    .from(importBatches)
    .leftJoin(users, eq(users.id, importBatches.createdBy))
    .where(eq(importBatches.id, id));
  return row ?? null;
}

/** A batch as its page shows it: the batch, and its report in the shape of a preview's. */
export function batchView(batch: NonNullable<Awaited<ReturnType<typeof getBatch>>>) {
  const { report, ...meta } = batch;
  return {
    batch: meta,
    report: {
      rows: batch.rows,
      valid: batch.valid,
      new: batch.inserted,
      updated: batch.updated,
      unchanged: batch.unchanged,
      errorCount: batch.errors,
      // Every row with an error is a row that was not valid (the engine's errorRows).
      errorRows: batch.rows - batch.valid,
      warningCount: batch.warnings,
      errors: report.filter((i) => i.level === "error"),
      warnings: report.filter((i) => i.level === "warning"),
      truncated: false,
      fileErrors: [] as string[],
      ignoredColumns: [] as string[],
    },
  };
}

/** Undoes a batch in one transaction, or explains which rows keep it from being undone. */
export async function undoBatch(db: Database, actor: Actor & { id: number | null }, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [batch] = await tx.select().from(importBatches).where(eq(importBatches.id, id)).for("update");
    if (!batch) throw new UserFacingError("Impor itu tidak ditemukan.");
    if (batch.undoneAt) throw new UserFacingError("Impor ini sudah dibatalkan sebelumnya.");
    const target = TARGETS[batch.kind as ImportKind];
    const withBatch = (statement: string) => sql.raw(statement.replaceAll("$batch", String(id)));
    const conflicts = rowsOf<Record<string, unknown>>(await tx.execute(withBatch(target.conflictSql)));
    if (conflicts.length > 0) {
      const shown = conflicts
        .slice(0, 10)
        .map((c) => `#${c.id}`)
        .join(", ");
      throw new UserFacingError(
        `Impor ini tidak dapat dibatalkan: ${conflicts.length} ${target.describeConflict} telah diubah oleh impor lain setelahnya (${shown}${conflicts.length > 10 ? ", …" : ""}). Batalkan dulu impor yang lebih baru.`,
      );
    }
    try {
      for (const statement of target.undoSql) await tx.execute(withBatch(statement));
    } catch (error) {
      // Only people can be referred to by other data: an account, a training record, an evaluation, a shift.
      if (!isForeignKeyViolation(error)) throw error;
      throw new UserFacingError(
        "Impor ini tidak dapat dibatalkan: orang yang ditambahkannya sudah dipakai di data lain (akun, pelatihan, evaluasi atau jadwal). Untuk orang yang keluar, impor berkas dengan aktif = tidak.",
      );
    }
    await tx.update(importBatches).set({ undoneAt: new Date(), undoneBy: actor.id }).where(eq(importBatches.id, id));
    await recordAudit(tx, actor, {
      action: "undo_import",
      entity: "import_batch",
      entityId: id,
      before: { inserted: batch.inserted, updated: batch.updated },
    });
  });
}

/** The batch's errors and warnings as CSV (semicolon-separated, as Excel in an Indonesian locale expects). */
export function reportCsv(batch: {
  report: { row: number; column: string; message: string; level: string }[];
}): string {
  return excelCsv([
    ["baris", "kolom", "jenis", "pesan"],
    ...[...batch.report]
      .sort((a, b) => a.row - b.row)
      .map((issue) => [
        String(issue.row),
        issue.column,
        issue.level === "error" ? "kesalahan" : "peringatan",
        issue.message,
      ]),
  ]);
}

/**
 * Keeps an uploaded file for its preview and commit: a CSV file as its text (refused unless UTF-8), an Excel
 * workbook (known by its zip signature) as base64, once its sheet is found.
 */
export async function storeUpload(
  db: Database,
  input: { kind: ImportKind; fileName: string; bytes: Uint8Array; userId: number; sheet?: string },
): Promise<string> {
  const workbook = isZip(input.bytes);
  if (workbook) await checkWorkbook({ bytes: input.bytes, sheet: input.sheet });
  const content = workbook ? Buffer.from(input.bytes).toString("base64") : decodeUtf8(input.bytes);
  // Abandoned previews are not kept: a day is long enough to decide.
  await db
    .delete(importUploads)
    .where(and(isNull(importUploads.batchId), lt(importUploads.uploadedAt, new Date(Date.now() - 24 * 3600 * 1000))));
  const [row] = await db
    .insert(importUploads)
    .values({
      kind: input.kind,
      fileName: input.fileName.slice(0, 255),
      content,
      format: workbook ? "xlsx" : "csv",
      sheet: workbook ? input.sheet?.trim() || null : null,
      sha256: createHash("sha256")
        .update(workbook ? input.bytes : content)
        .digest("hex"),
      uploadedBy: input.userId,
    })
    .returning({ id: importUploads.id });
  if (!row) throw new Error("insert returned nothing");
  return row.id;
}

/** An upload of this user (others' uploads do not exist for them). */
export async function getUpload(db: Database, id: string, userId: number) {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const [row] = await db
    .select()
    .from(importUploads)
    .where(and(eq(importUploads.id, id), eq(importUploads.uploadedBy, userId)));
  return row ?? null;
}

/**
 * Cancels a preview: the uploaded file is deleted, nothing else was ever written. Not audited, as uploading and
 * previewing are not: only what changes data (a commit, an undo) is. False when there was nothing to cancel.
 */
export async function discardUpload(db: Database, id: string, userId: number): Promise<boolean> {
  const deleted = await db
    .delete(importUploads)
    .where(and(eq(importUploads.id, id), eq(importUploads.uploadedBy, userId), isNull(importUploads.batchId)))
    .returning({ id: importUploads.id });
  return deleted.length > 0;
}

export async function markUploadCommitted(db: Database, id: string, batchId: number | null) {
  await db.update(importUploads).set({ batchId }).where(eq(importUploads.id, id));
}
