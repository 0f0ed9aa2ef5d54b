import { Link } from "@remix-run/react";
import { formatNip } from "../../analytics/nip";
import { pangkatLabel, positionLabel } from "../../analytics/organization";
import type { Sort } from "../list-params";
import { SortHeader } from "./sort-header";

export type StaffRow = {
  id: number;
  nip: string;
  fullName: string;
  position: string;
  golongan: string;
  active: boolean;
  teamName: string;
  groupName: string | null;
};

// Column keys and first-click directions as in STAFF_SORTS (app/.server/staff.ts).
const COLUMNS = [
  ["nama", "Nama", "naik"],
  ["nip", "NIP", "naik"],
  ["tim", "Tim Kerja", "naik"],
  ["regu", "Regu", "naik"],
  ["jabatan", "Jabatan", "naik"],
  ["golongan", "Pangkat/Golongan", "turun"],
  ["status", "Status", "naik"],
] as const;

/** The staff directory; with `sort`, its headers sort the list (the loader sorts in SQL). */
export function StaffTable({ rows, caption, sort }: { rows: StaffRow[]; caption: string; sort?: Sort | null }) {
  if (rows.length === 0) {
    return <p className="alert alert-info">Tidak ada staf yang cocok. Ubah kata kunci atau filter pencarian.</p>;
  }
  return (
    <div className="table-wrap">
      <table className="stack-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map(([key, label, first]) =>
              sort === undefined ? (
                <th scope="col" key={key}>
                  {label}
                </th>
              ) : (
                <SortHeader key={key} column={key} label={label} sort={sort} first={first} />
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id}>
              <td data-label="Nama" className="card-title">
                <Link to={`/staf/${s.id}`}>{s.fullName}</Link>
              </td>
              <td data-label="NIP" className="num">
                {formatNip(s.nip)}
              </td>
              <td data-label="Tim Kerja">{s.teamName.replace("Tim Kerja ", "")}</td>
              <td data-label="Regu">{s.groupName ?? "—"}</td>
              <td data-label="Jabatan">{positionLabel(s.position)}</td>
              <td data-label="Pangkat / Golongan">{pangkatLabel(s.golongan)}</td>
              <td data-label="Status">
                {s.active ? <span className="badge">Aktif</span> : <span className="badge off">Nonaktif</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
