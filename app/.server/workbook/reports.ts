// The sheet "Laporan": the written reports of the teams filed in the period, in full.
import { reportKindLabel } from "../../../analytics/organization";
import type { Database } from "../db";
import { listReports } from "../reports";
import { type Book, type Column, excelDay, TableSheet } from "./cells";

type ReportRow = Awaited<ReturnType<typeof listReports>>[number];

const COLUMNS: readonly Column<ReportRow>[] = [
  { header: "Tanggal", width: 12, kind: "date", value: (r) => excelDay(r.reportDate) },
  { header: "Jenis", width: 28, kind: "text", value: (r) => reportKindLabel(r.kind) },
  { header: "Judul", width: 36, kind: "wrap", value: (r) => r.title },
  { header: "Permasalahan", width: 50, kind: "wrap", value: (r) => r.problem },
  { header: "Ketentuan Terkait", width: 36, kind: "wrap", value: (r) => r.regulation },
  { header: "Analisis", width: 60, kind: "wrap", value: (r) => r.analysis },
  { header: "Simpulan/Rekomendasi", width: 50, kind: "wrap", value: (r) => r.conclusion },
  { header: "Penulis", width: 26, kind: "text", value: (r) => r.author },
];

export async function writeReportSheet(book: Book, db: Database, periodId: string): Promise<number> {
  const table = new TableSheet(book, "Laporan", COLUMNS);
  for (const report of await listReports(db, periodId)) table.add(report);
  return table.close();
}
