import { Link } from "@remix-run/react";
import { formatInstantWib } from "../../analytics/dates";
import { MONTHS_ID_SHORT, periodFromId } from "../../analytics/period";
import { formatScore } from "../score-fields";
import { CriticalBadge } from "./critical-badge";
import { channelShort, StateBadge } from "./evaluation-view";

/** "Periode Okt 2026" for "2026-10": the full range is on the evaluation's page. */
function shortPeriod(id: string): string {
  const [year, month] = periodFromId(id).id.split("-").map(Number) as [number, number];
  return `Periode ${MONTHS_ID_SHORT[month - 1]} ${year}`;
}

export type EvaluationRow = {
  id: number;
  kind: string;
  periodId: string;
  state: string;
  channel: string | null;
  interactionAt: Date | string | null;
  hardskill: number | null;
  softskill: number | null;
  kedisiplinan: number | null;
  total: number | null;
  criticalFailed: boolean;
  agentName: string;
  assessorName: string;
};

export function EvaluationTable({ rows, showAgent = true }: { rows: EvaluationRow[]; showAgent?: boolean }) {
  if (rows.length === 0) return <p className="alert alert-info">Belum ada evaluasi yang cocok dengan pilihan ini.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Daftar evaluasi</caption>
        <thead>
          <tr>
            <th scope="col">No.</th>
            <th scope="col">Jenis</th>
            <th scope="col">Waktu (WIB)</th>
            {showAgent && <th scope="col">Petugas</th>}
            <th scope="col">Saluran</th>
            <th scope="col">Penilai</th>
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
              Total
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <Link to={`/evaluasi/${r.id}`}>#{r.id}</Link>
              </td>
              <td>{r.kind === "interaction" ? "Interaksi" : "Periode"}</td>
              <td className="num">
                {r.interactionAt ? formatInstantWib(new Date(r.interactionAt)) : shortPeriod(r.periodId)}
              </td>
              {showAgent && <td>{r.agentName}</td>}
              <td>{r.kind === "interaction" ? channelShort(r.channel) : "—"}</td>
              <td>{r.assessorName}</td>
              <td className="num">{formatScore(r.hardskill)}</td>
              <td className="num">{formatScore(r.softskill)}</td>
              <td className="num">{formatScore(r.kedisiplinan)}</td>
              <td className="num">
                <strong>{formatScore(r.total)}</strong>
                {r.criticalFailed && <CriticalBadge failed />}
              </td>
              <td>
                <StateBadge state={r.state} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
