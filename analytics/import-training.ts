// Pure: one row of a training-records file (who took which course of the catalogue, when, with what result).
import { formatDay } from "./dates";
import {
  type CourseRef,
  dateOf,
  named,
  numberOf,
  personOf,
  type RowContext,
  type RowResult,
  required,
  rowReader,
  sameName,
} from "./import-cells";
import type { HeaderMap } from "./import-header";

export type TrainingRow = {
  staffId: number;
  courseId: number;
  startDate: string | null;
  endDate: string;
  hours: number | null;
  status: "lulus" | "tidak_lulus" | "selesai";
  score: number | null;
  provider: string | null;
  certificateNumber: string | null;
};

const STATUSES: Record<string, TrainingRow["status"]> = {
  lulus: "lulus",
  passed: "lulus",
  pass: "lulus",
  tidak_lulus: "tidak_lulus",
  failed: "tidak_lulus",
  fail: "tidak_lulus",
  selesai: "selesai",
  completed: "selesai",
};

/** Validates one data row of a training file. `row` is the row number as a spreadsheet shows it. */
export function validateTrainingRow(
  cells: readonly string[],
  row: number,
  header: HeaderMap,
  headerRow: readonly string[],
  ctx: RowContext,
): RowResult<TrainingRow> {
  const reader = rowReader("training", cells, header, headerRow);
  const { out, col, get } = reader;

  const person = personOf(reader, row, ctx);

  const code = get("courseCode").toUpperCase();
  let course: CourseRef | null = null;
  if (required(code, row, col("courseCode"), out)) {
    course = ctx.courseByCode.get(code) ?? null;
    if (!course) {
      out.errors.push({
        row,
        column: col("courseCode"),
        message: `Kode pelatihan ${code} tidak ada di katalog. Tambahkan dulu di katalog pelatihan.`,
      });
    } else if (get("courseName") && !sameName(get("courseName"), course.name)) {
      out.warnings.push({
        row,
        column: col("courseName"),
        message: `Nama pelatihan "${get("courseName")}" berbeda dengan katalog ("${course.name}").`,
      });
    }
  }

  const endText = get("endDate");
  const endDate = required(endText, row, col("endDate"), out)
    ? dateOf(endText, row, col("endDate"), "Tanggal selesai", ctx, out)
    : null;
  const startDate = dateOf(get("startDate"), row, col("startDate"), "Tanggal mulai", ctx, out);
  if (startDate && endDate && endDate < startDate) {
    out.errors.push({
      row,
      column: col("endDate"),
      message: `Tanggal selesai ${formatDay(endDate)} sebelum tanggal mulai ${formatDay(startDate)}.`,
    });
  }

  const statusText = get("status");
  let status: TrainingRow["status"] | null = null;
  if (required(statusText, row, col("status"), out)) {
    status = named(STATUSES, statusText);
    if (!status) {
      out.errors.push({
        row,
        column: col("status"),
        message: `Status "${statusText}" tidak dikenal. Isi lulus, tidak lulus, atau selesai (passed, failed, completed).`,
      });
    }
  }
  const hours = numberOf(get("hours"), row, col("hours"), { min: 0.5, max: 1000, label: "Jam pelajaran" }, out);
  const score = numberOf(get("score"), row, col("score"), { min: 0, max: 100, label: "Nilai" }, out);
  const provider = get("provider").slice(0, 200) || null;
  const certificateNumber = get("certificateNumber").slice(0, 100) || null;

  if (out.errors.length > 0 || !person || !course || !endDate || !status) return { value: null, key: null, ...out };
  return {
    value: {
      staffId: person.id,
      courseId: course.id,
      startDate,
      endDate,
      hours,
      status,
      score,
      provider,
      certificateNumber,
    },
    key: `${person.id}|${course.id}|${endDate}`,
    ...out,
  };
}
