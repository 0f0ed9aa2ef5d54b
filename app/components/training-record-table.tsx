// The training records of the records page (pelatihan/catatan), each with its source and its correction link.
import { Link } from "@remix-run/react";
import { formatDay } from "../../analytics/dates";
import { formatScore } from "../score-fields";
import { STATUS_OPTIONS } from "./training-record-form";

const STATUS_LABEL = Object.fromEntries(STATUS_OPTIONS.map((o) => [o.value, o.label]));

type Row = {
  id: number;
  fullName: string;
  code: string;
  name: string;
  endDate: string;
  status: string;
  score: number | null;
  batchId: number | null;
};

export function TrainingRecordTable({ rows, canOpenBatches }: { rows: Row[]; canOpenBatches: boolean }) {
  return (
    <div className="table-wrap">
      <table className="stack-table">
        <caption className="visually-hidden">Catatan pelatihan</caption>
        <thead>
          <tr>
            <th scope="col">Nama</th>
            <th scope="col">Pelatihan</th>
            <th scope="col">Selesai</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Nilai
            </th>
            <th scope="col">Asal</th>
            <th scope="col">
              <span className="visually-hidden">Tindakan</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td data-label="Nama" className="card-title">
                {r.fullName}
              </td>
              <td data-label="Pelatihan" title={r.name}>
                {r.code}
              </td>
              <td data-label="Selesai">{formatDay(r.endDate)}</td>
              <td data-label="Status">{STATUS_LABEL[r.status] ?? r.status}</td>
              <td className="num" data-label="Nilai">
                {formatScore(r.score, 2)}
              </td>
              <td data-label="Asal">
                {!r.batchId ? (
                  "Dicatat di Mutu"
                ) : canOpenBatches ? (
                  <Link to={`/impor/riwayat/${r.batchId}`}>Impor no. {r.batchId}</Link>
                ) : (
                  `Impor no. ${r.batchId}`
                )}
              </td>
              <td data-label="Tindakan">
                <Link to={`/pelatihan/catatan/${r.id}`} aria-label={`Ubah catatan ${r.code} ${r.fullName}`}>
                  Ubah
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
