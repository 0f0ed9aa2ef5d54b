// The sheet "KPI Petugas": one row per agent, exactly the figures of periodKpiReport (nothing recomputed).
// The CSV export writes the same columns.
import { positionLabel } from "../../../analytics/organization";
import { SECTION_LABELS } from "../../../analytics/scoring";
import type { AgentKpiRow } from "../period-kpi";
import type { Column } from "./cells";

export function kpiStatus(agent: AgentKpiRow): string {
  return agent.kpi.missing.length === 0
    ? "Lengkap"
    : `Belum lengkap: ${agent.kpi.missing.map((s) => SECTION_LABELS[s]).join(", ")}`;
}

export const AGENT_COLUMNS: readonly Column<AgentKpiRow>[] = [
  { header: "NIP", width: 21, kind: "nip", value: (a) => a.nip },
  { header: "Nama", width: 30, kind: "text", value: (a) => a.fullName },
  { header: "Tim", width: 36, kind: "text", value: (a) => a.teamName },
  { header: "Jabatan", width: 26, kind: "text", value: (a) => positionLabel(a.position) },
  { header: "Jumlah Evaluasi", width: 11, kind: "integer", value: (a) => a.evaluations },
  { header: "Hardskill", width: 11, kind: "score", value: (a) => a.dimensions.hardskill },
  { header: "Softskill", width: 11, kind: "score", value: (a) => a.dimensions.softskill },
  { header: "Kedisiplinan", width: 13, kind: "score", value: (a) => a.dimensions.kedisiplinan },
  { header: "CPH", width: 9, kind: "score", value: (a) => a.cphActual },
  { header: "Skor CPH", width: 10, kind: "score", value: (a) => a.dimensions.cph },
  { header: "Nilai Akhir", width: 11, kind: "score", value: (a) => a.kpi.score },
  { header: "Predikat", width: 13, kind: "predikat", value: (a) => a.predikat },
  { header: "Peringkat", width: 10, kind: "integer", value: (a) => a.rank },
  { header: "Status", width: 36, kind: "text", value: kpiStatus },
];
