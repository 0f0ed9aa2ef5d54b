// The calibration page's tables: its sessions, and each assessor's deviation from the consensus per session.
import { Link } from "@remix-run/react";
import { formatScore } from "~/score-fields";
import { periodFromId, periodShortLabel } from "../../analytics/period";

type SessionRow = {
  id: number;
  title: string;
  periodId: string;
  state: string;
  submitted: number;
  participants: number;
};

export function SessionTable({ sessions }: { sessions: SessionRow[] }) {
  if (sessions.length === 0) return <p className="muted">Belum ada sesi kalibrasi.</p>;
  return (
    <div className="table-wrap">
      <table className="stack-table">
        <caption className="visually-hidden">Sesi kalibrasi</caption>
        <thead>
          <tr>
            <th scope="col">Sesi</th>
            <th scope="col">Periode</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Nilai masuk
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id}>
              <td data-label="Sesi" className="card-title">
                <Link to={`/kalibrasi/${s.id}`}>{s.title}</Link>
              </td>
              <td data-label="Periode">{periodFromId(s.periodId).label}</td>
              <td data-label="Status">{s.state === "open" ? "Terbuka" : "Ditutup"}</td>
              <td className="num" data-label="Nilai masuk">
                {s.submitted} / {s.participants}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type DriftRow = {
  sessionId: number;
  title: string;
  periodId: string;
  assessorId: number;
  name: string;
  meanDeviation: number | null;
  totalDeviation: number | null;
};

/** `me` is the reader's user id: their own rows say "(Anda)". */
export function DriftTable({ drift, me }: { drift: DriftRow[]; me: number }) {
  if (drift.length === 0) return <p className="muted">Belum ada sesi yang ditutup.</p>;
  return (
    <div className="table-wrap">
      <table className="stack-table">
        <caption className="visually-hidden">Deviasi per sesi</caption>
        <thead>
          <tr>
            <th scope="col">Penilai</th>
            <th scope="col">Sesi</th>
            <th scope="col">Periode</th>
            <th scope="col" className="num">
              Deviasi rata-rata per butir (poin)
            </th>
            <th scope="col" className="num">
              Selisih nilai total (poin)
            </th>
          </tr>
        </thead>
        <tbody>
          {drift.map((d) => (
            <tr key={`${d.sessionId}-${d.assessorId}`}>
              <td data-label="Penilai" className="card-title">
                {d.assessorId === me ? <strong>{d.name} (Anda)</strong> : d.name}
              </td>
              <td data-label="Sesi">
                <Link to={`/kalibrasi/${d.sessionId}`}>{d.title}</Link>
              </td>
              <td data-label="Periode" title={periodFromId(d.periodId).label}>
                {periodShortLabel(d.periodId)}
              </td>
              <td className="num" data-label="Deviasi rata-rata per butir (poin)">
                {formatScore(d.meanDeviation)}
              </td>
              <td className="num" data-label="Selisih nilai total (poin)">
                {formatScore(d.totalDeviation)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
