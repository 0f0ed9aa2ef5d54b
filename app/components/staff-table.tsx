import { Link } from "@remix-run/react";
import { formatNip } from "../../analytics/nip";
import { pangkatLabel, positionLabel } from "../../analytics/organization";

export type StaffRow = {
  id: number;
  nip: string;
  fullName: string;
  position: string;
  golongan: string;
  active: boolean;
  teamName: string;
};

export function StaffTable({ rows, caption }: { rows: StaffRow[]; caption: string }) {
  if (rows.length === 0) {
    return <p className="alert alert-info">Tidak ada staf yang cocok. Ubah kata kunci atau filter pencarian.</p>;
  }
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Nama</th>
            <th scope="col">NIP</th>
            <th scope="col">Tim Kerja</th>
            <th scope="col">Jabatan</th>
            <th scope="col">Pangkat/Golongan</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id}>
              <td>
                <Link to={`/staf/${s.id}`}>{s.fullName}</Link>
              </td>
              <td className="num">{formatNip(s.nip)}</td>
              <td>{s.teamName.replace("Tim Kerja ", "")}</td>
              <td>{positionLabel(s.position)}</td>
              <td>{pangkatLabel(s.golongan)}</td>
              <td>{s.active ? <span className="badge">Aktif</span> : <span className="badge off">Nonaktif</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
