import { SECTION_LABELS } from "../../analytics/scoring";
import { formatScore } from "../score-fields";

type Row = {
  periodId: string;
  label: string;
  evaluations: number;
  dimensions: { hardskill: number | null; softskill: number | null; kedisiplinan: number | null; cph: number | null };
  kpi: { score: number | null; missing: string[] };
  predikat: string | null;
};

/** An agent's KPI over the last periods: the basis of a capability decision. */
export function KpiHistory({ rows }: { rows: Row[] }) {
  return (
    <div className="table-wrap">
      <table className="stack-table">
        <caption className="visually-hidden">KPI per periode</caption>
        <thead>
          <tr>
            <th scope="col">Periode</th>
            <th scope="col" className="num">
              Evaluasi
            </th>
            <th scope="col" className="num">
              Hardskill
            </th>
            <th scope="col" className="num">
              Softskill
            </th>
            <th scope="col" className="num">
              Kedisiplinan
            </th>
            <th scope="col" className="num">
              Skor CPH
            </th>
            <th scope="col" className="num">
              Nilai akhir
            </th>
            <th scope="col">Predikat</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.periodId}>
              <td data-label="Periode" className="card-title">
                {r.label}
              </td>
              <td className="num" data-label="Evaluasi">
                {r.evaluations}
              </td>
              <td className="num" data-label="Hardskill">
                {formatScore(r.dimensions.hardskill)}
              </td>
              <td className="num" data-label="Softskill">
                {formatScore(r.dimensions.softskill)}
              </td>
              <td className="num" data-label="Kedisiplinan">
                {formatScore(r.dimensions.kedisiplinan)}
              </td>
              <td className="num" data-label="Skor CPH">
                {formatScore(r.dimensions.cph)}
              </td>
              <td className="num" data-label="Nilai akhir">
                <strong>{formatScore(r.kpi.score)}</strong>
              </td>
              <td data-label="Predikat">
                {r.predikat ??
                  `belum lengkap (${r.kpi.missing.map((m) => SECTION_LABELS[m as "cph"] ?? m).join(", ")})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
