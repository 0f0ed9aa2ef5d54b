// The columns an evaluation has wherever it is taken away (the evaluation list, an agent's report): what was
// judged (kind, period, time, channel, reference) and how it came out (section scores, total, critical item,
// state). The KPI workbook's "Evaluasi" sheet keeps its own, narrower set.
import { channelShortName } from "../../../analytics/organization";
import { STATE_LABELS } from "../../../analytics/scoring";
import { type Column, excelWib, yesNo } from "../workbook/cells";

const KIND_LABELS: Record<string, string> = { interaction: "Interaksi", period_review: "Penilaian periode" };

type Judged = {
  id: number;
  kind: string;
  periodId: string;
  interactionAt: Date | null;
  channel: string | null;
  interactionRef: string | null;
};

/** ID, Jenis, Periode, Waktu Interaksi (WIB), Saluran, Referensi Interaksi. */
export function judgedColumns<Row extends Judged>(): Column<Row>[] {
  return [
    { header: "ID", width: 8, kind: "integer", value: (e) => e.id },
    { header: "Jenis", width: 18, kind: "text", value: (e) => KIND_LABELS[e.kind] ?? e.kind },
    { header: "Periode", width: 10, kind: "text", value: (e) => e.periodId },
    { header: "Waktu Interaksi (WIB)", width: 17, kind: "datetime", value: (e) => excelWib(e.interactionAt) },
    { header: "Saluran", width: 13, kind: "text", value: (e) => (e.channel ? channelShortName(e.channel) : null) },
    { header: "Referensi Interaksi", width: 20, kind: "text", value: (e) => e.interactionRef },
  ];
}

type Scored = {
  hardskill: number | null;
  softskill: number | null;
  kedisiplinan: number | null;
  cphScore: number | null;
  total: number | null;
  criticalFailed: boolean;
  state: string;
};

/** Hardskill, Softskill, Kedisiplinan, Skor CPH, Total, Butir Kritis Gagal, Status. */
export function scoreColumns<Row extends Scored>(): Column<Row>[] {
  return [
    { header: "Hardskill", width: 11, kind: "score", value: (e) => e.hardskill },
    { header: "Softskill", width: 11, kind: "score", value: (e) => e.softskill },
    { header: "Kedisiplinan", width: 13, kind: "score", value: (e) => e.kedisiplinan },
    { header: "Skor CPH", width: 10, kind: "score", value: (e) => e.cphScore },
    { header: "Total", width: 9, kind: "score", value: (e) => e.total },
    { header: "Butir Kritis Gagal", width: 12, kind: "text", value: (e) => yesNo(e.criticalFailed) },
    { header: "Status", width: 16, kind: "text", value: (e) => STATE_LABELS[e.state] ?? e.state },
  ];
}
