// Single training records by hand (HR, and the QA coordinator who holds training: regulation 2.3.3, C.17.c):
// listed and filtered, added, corrected and deleted one at a time. Every change is audited with the record
// before and after; a correction or deletion names the version it was made on and is refused, changing
// nothing, when someone (a person or an import) changed the record in between. A hand change clears the
// record's batch, so undoing the import that wrote it leaves the correction alone.
import { and, asc, count, desc, eq, gte, lte, type SQL } from "drizzle-orm";
import { z } from "zod";
import { formatDay, parseFormDate, wibDay } from "../../analytics/dates";
import { parseDecimal } from "../../analytics/numbers";
import { staff, teams, trainingCourses, trainingRecords } from "../../db/schema";
import { type Actor, recordAudit } from "./audit";
import type { Database } from "./db";
import { UserFacingError } from "./errors";
import { isUniqueViolation } from "./forms";
import { RECORD_FIELDS } from "./training";

export const RECORD_STATUSES = [
  { code: "lulus", label: "Lulus" },
  { code: "tidak_lulus", label: "Tidak lulus" },
  { code: "selesai", label: "Selesai (tanpa nilai lulus)" },
] as const;
type StatusCode = (typeof RECORD_STATUSES)[number]["code"];

export const STALE_RECORD =
  "Catatan ini telah diubah (oleh pengguna lain atau impor) sejak Anda membukanya. Isian Anda belum disimpan: muat ulang halaman untuk melihat data terbaru, lalu ulangi perubahan Anda.";
const DUPLICATE =
  "Orang ini sudah punya catatan pelatihan yang sama dengan tanggal selesai itu. Ubah catatan itu, atau periksa tanggalnya.";

const day = (label: string, required: boolean) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value?.trim()) {
        if (required) ctx.addIssue({ code: "custom", message: `Isi ${label.toLowerCase()}.` });
        return null;
      }
      const parsed = parseFormDate(value.trim());
      if (!parsed || parsed < "1900-01-01") {
        ctx.addIssue({ code: "custom", message: `${label} tidak valid. Gunakan HH/BB/TTTT, misalnya 05/01/2026.` });
        return z.NEVER;
      }
      if (parsed > wibDay(new Date())) {
        ctx.addIssue({ code: "custom", message: `${label} ${formatDay(parsed)} ada di masa depan.` });
        return z.NEVER;
      }
      return parsed;
    });
const decimal = (label: string, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value?.trim()) return null;
      const n = parseDecimal(value);
      if (n === null || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `${label} harus angka ${min}–${max}.` });
        return z.NEVER;
      }
      return n;
    });
const text = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim().slice(0, max) || null);

export const recordInput = z
  .object({
    staffId: z.coerce.number({ error: "Pilih orangnya." }).int().positive({ error: "Pilih orangnya." }),
    courseId: z.coerce.number({ error: "Pilih pelatihannya." }).int().positive({ error: "Pilih pelatihannya." }),
    startDate: day("Tanggal mulai", false),
    endDate: day("Tanggal selesai", true),
    hours: decimal("Jam pelajaran", 0.5, 1000),
    status: z.enum(RECORD_STATUSES.map((s) => s.code) as [StatusCode, ...StatusCode[]], { error: "Pilih status." }),
    score: decimal("Nilai", 0, 100),
    provider: text(200),
    certificateNumber: text(100),
  })
  .superRefine((r, ctx) => {
    if (r.startDate && r.endDate && r.startDate > r.endDate) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "Tanggal selesai sebelum tanggal mulai." });
    }
  });
export type RecordInput = z.output<typeof recordInput>;
type Stored = Omit<RecordInput, "endDate"> & { endDate: string };

export type RecordFilters = {
  courseId?: number;
  teamId?: number;
  staffId?: number;
  status?: StatusCode;
  from?: string;
  to?: string;
};
export const RECORDS_PER_PAGE = 50;

/** One page of the records that match, newest end date first, with the person, team, course and source. */
export async function listRecords(db: Database, filters: RecordFilters, page: number) {
  const where: SQL[] = [];
  if (filters.courseId) where.push(eq(trainingRecords.courseId, filters.courseId));
  if (filters.teamId) where.push(eq(staff.teamId, filters.teamId));
  if (filters.staffId) where.push(eq(trainingRecords.staffId, filters.staffId));
  if (filters.status) where.push(eq(trainingRecords.status, filters.status));
  if (filters.from) where.push(gte(trainingRecords.endDate, filters.from));
  if (filters.to) where.push(lte(trainingRecords.endDate, filters.to));
  const condition = where.length > 0 ? and(...where) : undefined;
  const base = db
    .select({ n: count() })
    .from(trainingRecords)
    .innerJoin(staff, eq(staff.id, trainingRecords.staffId))
    .where(condition);
  const total = (await base)[0]?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / RECORDS_PER_PAGE));
  const shown = Math.min(Math.max(1, page), pages);
  const rows = await db
    .select({ fullName: staff.fullName, staffId: staff.id, teamName: teams.name, ...RECORD_FIELDS })
    .from(trainingRecords)
    .innerJoin(staff, eq(staff.id, trainingRecords.staffId))
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingRecords.courseId))
    .where(condition)
    .orderBy(desc(trainingRecords.endDate), asc(staff.fullName), asc(trainingRecords.id))
    .limit(RECORDS_PER_PAGE)
    .offset((shown - 1) * RECORDS_PER_PAGE);
  return { rows, total, page: shown, pages };
}

export async function getRecord(db: Database, id: number) {
  const [row] = await db.select().from(trainingRecords).where(eq(trainingRecords.id, id));
  return row ?? null;
}

/** The people and courses the form offers: everyone (a leaver's past training may still be recorded). */
export async function recordChoices(db: Database) {
  const people = await db
    .select({ id: staff.id, fullName: staff.fullName, active: staff.active, teamName: teams.name })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .orderBy(asc(staff.fullName));
  const courses = await db
    .select({ id: trainingCourses.id, code: trainingCourses.code, name: trainingCourses.name })
    .from(trainingCourses)
    .orderBy(asc(trainingCourses.code));
  return { people, courses };
}

async function assertKnown(tx: Database, input: RecordInput) {
  const [person] = await tx.select({ id: staff.id }).from(staff).where(eq(staff.id, input.staffId));
  if (!person) throw new UserFacingError("Orang itu tidak ada di data staf.", "staffId");
  const [course] = await tx
    .select({ id: trainingCourses.id })
    .from(trainingCourses)
    .where(eq(trainingCourses.id, input.courseId));
  if (!course) throw new UserFacingError("Pelatihan itu tidak ada di katalog.", "courseId");
}

function stored(input: RecordInput): Stored {
  if (!input.endDate) throw new UserFacingError("Isi tanggal selesai.", "endDate");
  return { ...input, endDate: input.endDate };
}

export async function createRecord(db: Database, actor: Actor, input: RecordInput): Promise<number> {
  try {
    return await db.transaction(async (tx) => {
      await assertKnown(tx, input);
      const [row] = await tx.insert(trainingRecords).values(stored(input)).returning();
      if (!row) throw new Error("insert returned nothing");
      await recordAudit(tx, actor, { action: "create", entity: "training_record", entityId: row.id, after: row });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserFacingError(DUPLICATE, "endDate");
    throw error;
  }
}

/** Saves a correction made on `version`; refuses, changing nothing, when the record changed in between. */
export async function updateRecord(
  db: Database,
  actor: Actor,
  id: number,
  version: number,
  input: RecordInput,
): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      const [before] = await tx.select().from(trainingRecords).where(eq(trainingRecords.id, id)).for("update");
      if (!before) throw new UserFacingError("Catatan pelatihan ini tidak ditemukan; mungkin sudah dihapus.");
      if (before.version !== version) throw new UserFacingError(STALE_RECORD);
      await assertKnown(tx, input);
      const [after] = await tx
        .update(trainingRecords)
        .set({ ...stored(input), batchId: null, version: version + 1, updatedAt: new Date() })
        .where(and(eq(trainingRecords.id, id), eq(trainingRecords.version, version)))
        .returning();
      if (!after) throw new UserFacingError(STALE_RECORD);
      await recordAudit(tx, actor, { action: "update", entity: "training_record", entityId: id, before, after });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserFacingError(DUPLICATE, "endDate");
    throw error;
  }
}

/** Deletes a record seen at `version` (the page asked first); the audit keeps what it held. */
export async function deleteRecord(db: Database, actor: Actor, id: number, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(trainingRecords).where(eq(trainingRecords.id, id)).for("update");
    if (!before) throw new UserFacingError("Catatan pelatihan ini tidak ditemukan; mungkin sudah dihapus.");
    if (before.version !== version) throw new UserFacingError(STALE_RECORD);
    await tx.delete(trainingRecords).where(eq(trainingRecords.id, id));
    await recordAudit(tx, actor, { action: "delete", entity: "training_record", entityId: id, before });
  });
}
