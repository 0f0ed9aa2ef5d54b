// The training catalogue (HR) and a person's training records.
import { asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { parseDecimal } from "../../analytics/numbers";
import { trainingCourses, trainingRecords } from "../../db/schema";
import { type Actor, recordAudit } from "./audit";
import type { Database } from "./db";
import { UserFacingError } from "./errors";
import { isUniqueViolation } from "./forms";

export const COURSE_CATEGORIES = [
  { code: "teknis_layanan_informasi", label: "Teknis layanan informasi" },
  { code: "soft_skills_komunikasi", label: "Soft skills komunikasi contact center" },
  { code: "penyegaran", label: "Penyegaran" },
  { code: "lainnya", label: "Lainnya" },
] as const;
type CategoryCode = (typeof COURSE_CATEGORIES)[number]["code"];

const optionalNumber = (label: string, min: number, max: number, integer = false) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value?.trim()) return null;
      const n = parseDecimal(value);
      if (n === null || n < min || n > max || (integer && !Number.isInteger(n))) {
        ctx.addIssue({
          code: "custom",
          message: `${label} harus ${integer ? "bilangan bulat" : "angka"} ${min}–${max}.`,
        });
        return z.NEVER;
      }
      return n;
    });

export const courseInput = z.object({
  code: z
    .string({ error: "Isi kode pelatihan." })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9._-]{1,29}$/, {
      error: "Kode 2–30 karakter: huruf, angka, titik, garis bawah atau tanda hubung, misalnya TLI-01.",
    }),
  name: z.string({ error: "Isi nama pelatihan." }).trim().min(5, { error: "Nama pelatihan minimal 5 huruf." }).max(200),
  category: z.enum(COURSE_CATEGORIES.map((c) => c.code) as [CategoryCode, ...CategoryCode[]], {
    error: "Pilih kategori.",
  }),
  hours: optionalNumber("Jam pelajaran", 0.5, 1000),
  validityMonths: optionalNumber("Masa berlaku", 1, 240, true),
  refreshMonths: optionalNumber("Penyegaran", 1, 120, true),
  active: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

export function listCourses(db: Database) {
  return db.select().from(trainingCourses).orderBy(asc(trainingCourses.category), asc(trainingCourses.code));
}

export async function saveCourse(db: Database, actor: Actor, input: z.output<typeof courseInput>, id?: number) {
  try {
    return await db.transaction(async (tx) => {
      if (id) {
        const [before] = await tx.select().from(trainingCourses).where(eq(trainingCourses.id, id));
        if (!before) throw new UserFacingError("Pelatihan tidak ditemukan.");
        const [after] = await tx
          .update(trainingCourses)
          .set({ ...input, updatedAt: new Date() })
          .where(eq(trainingCourses.id, id))
          .returning();
        await recordAudit(tx, actor, { action: "update", entity: "training_course", entityId: id, before, after });
        return id;
      }
      const [row] = await tx.insert(trainingCourses).values(input).returning();
      if (!row) throw new Error("insert returned nothing");
      await recordAudit(tx, actor, { action: "create", entity: "training_course", entityId: row.id, after: row });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserFacingError(`Kode ${input.code} sudah dipakai pelatihan lain.`, "code");
    throw error;
  }
}

/** A training record with its course, as every list of them (a person's, the records page, the export) reads it. */
export const RECORD_FIELDS = {
  id: trainingRecords.id,
  code: trainingCourses.code,
  name: trainingCourses.name,
  category: trainingCourses.category,
  validityMonths: trainingCourses.validityMonths,
  startDate: trainingRecords.startDate,
  endDate: trainingRecords.endDate,
  hours: trainingRecords.hours,
  status: trainingRecords.status,
  score: trainingRecords.score,
  provider: trainingRecords.provider,
  certificateNumber: trainingRecords.certificateNumber,
  batchId: trainingRecords.batchId,
};

/** A person's training records, newest first, with the course. */
export function trainingOf(db: Database, staffId: number) {
  return db
    .select(RECORD_FIELDS)
    .from(trainingRecords)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingRecords.courseId))
    .where(eq(trainingRecords.staffId, staffId))
    .orderBy(desc(trainingRecords.endDate));
}
