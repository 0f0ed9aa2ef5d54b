// "Segera" (regulation 3.1.1 and 3.2.1) on the KPI page: per team, how many days passed from a problem arising
// to the team's written report, over the period's reports that say when the problem arose.
import { formatDecimal } from "../../analytics/numbers";
import { reportKindLabel } from "../../analytics/organization";

type Row = { kind: string; reports: number; measured: number; medianDays: number | null; maxDays: number | null };

export function ReportTimelinessTable({ rows }: { rows: Row[] }) {
  return (
    <section aria-labelledby="kesegeraan">
      <h2 id="kesegeraan">Kesegeraan laporan</h2>
      <p className="muted">
        Hari dari masalah mulai terjadi sampai dilaporkan kepada Kepala Seksi (butir 3.1.1 dan 3.2.1: dilaporkan
        segera), per jenis laporan tim pada periode ini.
      </p>
      <div className="table-wrap">
        <table className="stack-table">
          <caption className="visually-hidden">Kesegeraan laporan per tim</caption>
          <thead>
            <tr>
              <th scope="col">Laporan</th>
              <th scope="col" className="num">
                Jumlah
              </th>
              <th scope="col" className="num">
                Dengan tanggal masalah
              </th>
              <th scope="col" className="num">
                Median (hari)
              </th>
              <th scope="col" className="num">
                Terlama (hari)
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.kind}>
                <td data-label="Laporan">{reportKindLabel(r.kind)}</td>
                <td className="num" data-label="Jumlah">
                  {r.reports}
                </td>
                <td className="num" data-label="Dengan tanggal masalah">
                  {r.measured}
                </td>
                <td className="num" data-label="Median (hari)">
                  {r.medianDays === null ? "—" : formatDecimal(r.medianDays)}
                </td>
                <td className="num" data-label="Terlama (hari)">
                  {r.maxDays ?? "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
