// The sheet "Ringkasan": what the workbook is (period, approval, when and by whom it was made), the center
// and each team summarised (from periodKpiReport's summaries), and the IKU against their targets.
import { formatInstantWib } from "../../../analytics/dates";
import { type IkuAchievement, ikuVerdict } from "../../../analytics/iku";
import type { GroupSummary } from "../../../analytics/kpi";
import type { Period } from "../../../analytics/period";
import type { PeriodKpiReport } from "../period-kpi";
import type { PeriodStatus } from "../periods";
import { addCells, addHeader, type Book, type Cell, cell, HEADER_STYLE, keepPace } from "./cells";
import { madeRows, openSummarySheet } from "./shell";

export type SummaryInput = {
  period: Period;
  status: PeriodStatus;
  report: PeriodKpiReport;
  /** The center's IKU; null in a team's workbook. */
  iku: IkuAchievement[] | null;
  /** Who the workbook covers: "Seluruh contact center" or a team's name. */
  scope: string;
  now: Date;
  actor: string;
  /** The day eligibility and certificates are judged on (sheet "Pelatihan & Sertifikasi"). */
  certificationDay: string;
};

const percent = (share: number | null) => (share === null ? null : share * 100);

export function statusText(status: PeriodStatus): string {
  if (!status.approved) {
    return status.reopenedAt
      ? `Draf (dibuka kembali${status.reopenedBy ? ` oleh ${status.reopenedBy}` : ""} pada ${formatInstantWib(status.reopenedAt)})`
      : "Draf";
  }
  const by = status.approvedBy ? ` oleh ${status.approvedBy}` : "";
  return `Disetujui${by}${status.approvedAt ? ` pada ${formatInstantWib(status.approvedAt)}` : ""}`;
}

const { text, score, integer, heading } = cell;

function groupCells(name: string, s: GroupSummary): Cell[] {
  return [
    text(name),
    integer(s.agents),
    integer(s.complete),
    integer(s.evaluations),
    score(s.average),
    score(s.dimensions.hardskill),
    score(s.dimensions.softskill),
    score(s.dimensions.kedisiplinan),
    score(s.dimensions.cph),
    integer(s.quotaMet),
    score(percent(s.coverage)),
    integer(s.officials),
    integer(s.certified),
    score(percent(s.certifiedShare)),
    ...s.distribution.map((d) => integer(d.count)),
  ];
}

export async function writeSummarySheet(book: Book, input: SummaryInput): Promise<void> {
  const { report, period } = input;
  const predikatLabels = report.center.distribution.map((d) => d.label);
  const headers = [
    "Kelompok",
    "Petugas",
    "KPI Lengkap",
    "Evaluasi",
    "Rata-rata Nilai Akhir",
    "Hardskill",
    "Softskill",
    "Kedisiplinan",
    "Skor CPH",
    "Memenuhi Kuota",
    "Cakupan (%)",
    "Pejabat (KETUJUH)",
    "Bersertifikat",
    "Bersertifikat (%)",
    ...predikatLabels,
  ];
  const meta: [string, Cell][] = [
    ["ID periode", text(period.id)],
    ["Periode", text(period.label)],
    ["Status", text(statusText(input.status))],
    ...madeRows(input.now, input.actor),
    ["Kelayakan sertifikasi per", cell.date(input.certificationDay)],
    ["Cakupan", text(input.scope)],
  ];
  // The title, the metadata block, a blank row and the team table's title sit above its header row.
  const headerRow = meta.length + 4;
  const sheet = openSummarySheet(book, {
    title: "KPI Mutu — Contact Center Bravo Bea Cukai 1500225",
    widths: [40, 18, ...headers.slice(2).map(() => 13)],
    headerRow,
    rows: meta,
  });
  addCells(book, sheet, []);
  addCells(book, sheet, [heading("KPI per tim")]);
  // The predikat columns carry their predikat's colour, as the predikat cells of "KPI Petugas" do.
  addCells(
    book,
    sheet,
    headers.map((h) => ({
      value: h,
      kind: "text",
      style: book.predikat.has(h) ? { ...HEADER_STYLE, fill: book.predikat.get(h)?.fill } : HEADER_STYLE,
    })),
  );
  // A team's workbook has its team's row only: the "center" of a team-scoped report is the team again.
  const groups: [string, GroupSummary][] = [
    ...(input.iku ? [["Seluruh contact center", report.center] as [string, GroupSummary]] : []),
    ...report.teams.map((t): [string, GroupSummary] => [t.teamName, t.summary]),
  ];
  for (const [name, summary] of groups) addCells(book, sheet, groupCells(name, summary));
  sheet.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow + groups.length, column: headers.length },
  };

  if (input.iku) {
    addCells(book, sheet, []);
    addCells(book, sheet, [heading("IKU terhadap target")]);
    addHeader(book, sheet, ["Indikator", "Satuan", "Capaian", "Target", "Capaian thd Target (%)", "Keterangan"]);
    for (const i of input.iku) {
      addCells(book, sheet, [
        text(i.label),
        text(i.unit),
        score(i.value),
        score(i.target),
        score(i.percent),
        text(ikuVerdict(i)),
      ]);
    }
  }
  sheet.commit();
  await keepPace(book.output, sheet);
}
