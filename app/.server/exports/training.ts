// Training records (the ones HR imports, one per person, course and end date) as a file: every record of the
// catalogue (/pelatihan) or of one course (/pelatihan/<id>, `kursus`), within the user's Access — HR, the Kepala
// Seksi and the QA coordinator the whole center, a supervisor their team, an agent their own records.
import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import { staff, teams, trainingCourses, trainingRecords } from "../../../db/schema";
import type { Database } from "../db";
import { UserFacingError } from "../errors";
import { inScope } from "../scope";
import { COURSE_CATEGORIES, listCourses, RECORD_FIELDS } from "../training";
import { type Column, cell, excelDay } from "../workbook/cells";
import { type ListExport, paged, table } from "./list-export";

const STATUS_LABELS: Record<string, string> = { lulus: "Lulus", tidak_lulus: "Tidak lulus", selesai: "Selesai" };
const categoryLabel = (code: string) => COURSE_CATEGORIES.find((c) => c.code === code)?.label ?? code;

/** Records within `where`, person by person as in the directory, each one's latest training first. */
function trainingRows(db: Database, where: SQL | undefined, offset: number, limit: number) {
  return db
    .select({ nip: staff.nip, fullName: staff.fullName, teamName: teams.name, ...RECORD_FIELDS })
    .from(trainingRecords)
    .innerJoin(staff, eq(staff.id, trainingRecords.staffId))
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingRecords.courseId))
    .where(where)
    .orderBy(asc(teams.id), asc(staff.fullName), asc(staff.id), desc(trainingRecords.endDate), asc(trainingRecords.id))
    .limit(limit)
    .offset(offset);
}
type Row = Awaited<ReturnType<typeof trainingRows>>[number];

const COLUMNS: readonly Column<Row>[] = [
  { header: "NIP", width: 21, kind: "nip", value: (t) => t.nip },
  { header: "Nama", width: 30, kind: "text", value: (t) => t.fullName },
  { header: "Tim Kerja", width: 36, kind: "text", value: (t) => t.teamName },
  { header: "Kode Pelatihan", width: 14, kind: "text", value: (t) => t.code },
  { header: "Pelatihan", width: 40, kind: "wrap", value: (t) => t.name },
  { header: "Kategori", width: 30, kind: "text", value: (t) => categoryLabel(t.category) },
  { header: "Mulai", width: 12, kind: "date", value: (t) => excelDay(t.startDate) },
  { header: "Selesai", width: 12, kind: "date", value: (t) => excelDay(t.endDate) },
  { header: "Jam Pelajaran", width: 10, kind: "decimal", value: (t) => t.hours },
  { header: "Status", width: 12, kind: "text", value: (t) => STATUS_LABELS[t.status] ?? t.status },
  { header: "Nilai", width: 8, kind: "score", value: (t) => t.score },
  { header: "Penyelenggara", width: 30, kind: "text", value: (t) => t.provider },
  { header: "Nomor Sertifikat Pelatihan", width: 24, kind: "text", value: (t) => t.certificateNumber },
  // Records entered before imports kept their batch, or by other means, have none.
  { header: "Impor", width: 8, kind: "integer", value: (t) => t.batchId },
];

export const trainingExport: ListExport = {
  name: "pelatihan",
  label: "Catatan pelatihan",
  permission: "read:training",
  formats: ["xlsx", "csv"],
  options: ["kursus"],
  async prepare(ctx, params) {
    const asked = params.get("kursus")?.trim() || null;
    const course = asked ? (await listCourses(ctx.db)).find((c) => String(c.id) === asked) : undefined;
    if (asked && !course) {
      throw new UserFacingError(
        `Pelatihan nomor "${asked.slice(0, 20)}" tidak ada di katalog. Periksa nilai kursus pada alamat, atau unduh dari halaman pelatihan itu di Katalog pelatihan.`,
      );
    }
    const where = and(
      inScope(ctx.access, { staffId: trainingRecords.staffId, teamId: staff.teamId }),
      course ? eq(trainingRecords.courseId, course.id) : undefined,
    );
    return {
      title: course ? `Catatan Pelatihan ${course.code}` : "Catatan Pelatihan",
      fileStem: course ? `Catatan_Pelatihan_${course.code}` : "Catatan_Pelatihan",
      filters: [["Pelatihan", cell.text(course ? `${course.code} — ${course.name}` : "Semua pelatihan")]],
      audit: { code: course?.code },
      tables: [table("Pelatihan", COLUMNS, () => paged((offset, limit) => trainingRows(ctx.db, where, offset, limit)))],
    };
  },
};
