// The sheet "Laporan": the written reports of the teams filed in the period, in full, with how soon each was
// reported and how it was followed up (late follow-ups marked, as of the day the workbook is made).
import { wibDay } from "../../../analytics/dates";
import { reportKindLabel } from "../../../analytics/organization";
import { daysFrom, followUpLate, reportStatusLabel } from "../../../analytics/report-follow-up";
import type { Database } from "../db";
import { listReports } from "../reports";
import { type Book, type Column, excelDay, TableSheet, yesNo } from "./cells";

type ReportRow = Awaited<ReturnType<typeof listReports>>[number] & { late: boolean };

const COLUMNS: readonly Column<ReportRow>[] = [
  { header: "Tanggal", width: 12, kind: "date", value: (r) => excelDay(r.reportDate) },
  { header: "Jenis", width: 28, kind: "text", value: (r) => reportKindLabel(r.kind) },
  { header: "Judul", width: 36, kind: "wrap", value: (r) => r.title },
  { header: "Permasalahan", width: 50, kind: "wrap", value: (r) => r.problem },
  { header: "Ketentuan Terkait", width: 36, kind: "wrap", value: (r) => r.regulation },
  { header: "Analisis", width: 60, kind: "wrap", value: (r) => r.analysis },
  { header: "Simpulan/Rekomendasi", width: 50, kind: "wrap", value: (r) => r.conclusion },
  { header: "Penulis", width: 26, kind: "text", value: (r) => r.author },
  { header: "Masalah Muncul", width: 12, kind: "date", value: (r) => excelDay(r.problemAroseOn) },
  {
    header: "Hari sampai Dilaporkan",
    width: 11,
    kind: "integer",
    value: (r) => (r.problemAroseOn ? daysFrom(r.problemAroseOn, r.reportDate) : null),
  },
  { header: "Status", width: 16, kind: "text", value: (r) => reportStatusLabel(r.status) },
  { header: "Tanggapan Kepala Seksi", width: 50, kind: "wrap", value: (r) => r.answer },
  { header: "Penanggung Jawab", width: 26, kind: "text", value: (r) => r.assignee },
  { header: "Tenggat Tindak Lanjut", width: 12, kind: "date", value: (r) => excelDay(r.followUpDue) },
  { header: "Tindak Lanjut", width: 50, kind: "wrap", value: (r) => r.followUp },
  { header: "Tindak Lanjut Terlambat", width: 11, kind: "text", value: (r) => yesNo(r.late) },
];

export async function writeReportSheet(book: Book, db: Database, periodId: string): Promise<number> {
  const table = new TableSheet(book, "Laporan", COLUMNS);
  const today = wibDay(new Date());
  for (const report of await listReports(db, periodId)) {
    const followedUpOn = report.followedUpAt ? wibDay(report.followedUpAt) : null;
    table.add({ ...report, late: followUpLate({ ...report, followedUpOn }, today) });
  }
  return table.close();
}
