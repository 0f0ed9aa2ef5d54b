import { Link } from "@remix-run/react";
import { formatInstantWib, MONTHS_ID_SHORT } from "../../analytics/dates";
import { periodFromId } from "../../analytics/period";
import type { Sort } from "../list-params";
import { formatScore } from "../score-fields";
import { CriticalBadge } from "./critical-badge";
import { channelShort, StateBadge } from "./evaluation-view";
import { SortHeader } from "./sort-header";

/** "Periode Okt 2026" for "2026-10": the full range is on the evaluation's page. */
function shortPeriod(id: string): string {
  const [year, month] = periodFromId(id).id.split("-").map(Number) as [number, number];
  return `Periode ${MONTHS_ID_SHORT[month - 1]} ${year}`;
}

/** Day and time as two pieces that may wrap between them (never inside), so the table fits at 1366 px. */
function When({ at }: { at: Date }) {
  const text = formatInstantWib(at);
  const parts = /^(.*) (\d{1,2}[.:]\d{2}( WIB)?)$/.exec(text);
  if (!parts) return <span className="nowrap">{text}</span>;
  return (
    <>
      <span className="nowrap">{parts[1]}</span> <span className="nowrap">{parts[2]}</span>
    </>
  );
}

export type EvaluationRow = {
  id: number;
  kind: string;
  periodId: string;
  state: string;
  channel: string | null;
  interactionRef?: string | null;
  interactionAt: Date | string | null;
  hardskill: number | null;
  softskill: number | null;
  kedisiplinan: number | null;
  total: number | null;
  criticalFailed: boolean;
  agentName: string;
  assessorName: string;
  /** For the agent: until when they may still confirm or dispute it (null when nothing is asked of them). */
  respondBy?: Date | string | null;
};

type Column = { key: string; label: string; first: "naik" | "turun"; num?: boolean };
const SCORE_COLUMNS: Column[] = [
  { key: "hardskill", label: "Hardskill", first: "turun", num: true },
  { key: "softskill", label: "Softskill", first: "turun", num: true },
  { key: "kedisiplinan", label: "Kedisiplinan", first: "turun", num: true },
  { key: "total", label: "Total", first: "turun", num: true },
];

/**
 * The evaluation list. Column keys and first-click directions as in EVALUATION_SORTS
 * (app/.server/evaluation-list.ts); without `sort` the headers are plain.
 */
export function EvaluationTable({
  rows,
  showAgent = true,
  sort,
}: {
  rows: EvaluationRow[];
  showAgent?: boolean;
  sort?: Sort | null;
}) {
  if (rows.length === 0) return <p className="alert alert-info">Belum ada evaluasi yang cocok dengan pilihan ini.</p>;
  const header = (c: Column) =>
    sort === undefined ? (
      <th scope="col" key={c.key} className={c.num ? "num" : undefined}>
        {c.label}
      </th>
    ) : (
      <SortHeader
        key={c.key}
        column={c.key}
        label={c.label}
        sort={sort}
        first={c.first}
        className={c.num ? "num" : undefined}
      />
    );
  return (
    <div className="table-wrap">
      <table className="stack-table evaluation-table">
        <caption className="visually-hidden">Daftar evaluasi</caption>
        <thead>
          <tr>
            {header({ key: "nomor", label: "No.", first: "turun" })}
            <th scope="col">Jenis</th>
            {header({ key: "waktu", label: "Waktu", first: "turun" })}
            {showAgent && header({ key: "petugas", label: "Petugas", first: "naik" })}
            {header({ key: "penilai", label: "Penilai", first: "naik" })}
            {SCORE_COLUMNS.map(header)}
            {header({ key: "status", label: "Status", first: "naik" })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={r.respondBy ? "needs-answer" : undefined}>
              <td data-label="No." className="card-title">
                <Link to={`/evaluasi/${r.id}`}>#{r.id}</Link>
              </td>
              <td data-label="Jenis">
                {r.kind === "interaction" ? (
                  <>
                    {channelShort(r.channel)}
                    {r.interactionRef && <span className="muted small block nowrap">{r.interactionRef}</span>}
                  </>
                ) : (
                  "Penilaian periode"
                )}
              </td>
              <td data-label="Waktu">
                {r.interactionAt ? <When at={new Date(r.interactionAt)} /> : shortPeriod(r.periodId)}
              </td>
              {showAgent && <td data-label="Petugas">{r.agentName}</td>}
              <td data-label="Penilai">{r.assessorName}</td>
              <td data-label="Hardskill" className="num">
                {formatScore(r.hardskill)}
              </td>
              <td data-label="Softskill" className="num">
                {formatScore(r.softskill)}
              </td>
              <td data-label="Kedisiplinan" className="num">
                {formatScore(r.kedisiplinan)}
              </td>
              <td data-label="Total" className="num">
                <strong>{formatScore(r.total)}</strong>
                {r.criticalFailed && <CriticalBadge failed />}
              </td>
              <td data-label="Status">
                <StateBadge state={r.state} />
                {r.respondBy && (
                  <span className="respond-by">
                    <strong>Perlu tanggapan</strong> sampai {formatInstantWib(new Date(r.respondBy))}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
