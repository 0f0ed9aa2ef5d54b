// Coaching sessions as a table: on the coaching list, the staff page and the profile. On a phone each row is a card.
import { Link } from "@remix-run/react";
import { formatDay } from "../../analytics/dates";

export type CoachingListRow = {
  id: number;
  agentName: string;
  teamName: string;
  coach: string;
  heldOn: string;
  status: string;
  statusLabel: string;
  done: number;
  actions: readonly unknown[];
  late: boolean;
  nextDue: string | null;
  acknowledgedAt: string | Date | null;
};

export function CoachingTable({
  rows,
  showAgent,
  caption,
}: {
  rows: readonly CoachingListRow[];
  showAgent: boolean;
  caption: string;
}) {
  if (rows.length === 0) return <p className="muted">Belum ada sesi pembinaan.</p>;
  return (
    <div className="table-wrap">
      <table className="stack-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Tanggal</th>
            {showAgent && <th scope="col">Petugas</th>}
            <th scope="col">Pembina</th>
            <th scope="col">Tindakan selesai</th>
            <th scope="col">Tenggat berikutnya</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="num card-title" data-label="Tanggal">
                <Link to={`/pembinaan/${r.id}`}>{formatDay(r.heldOn)}</Link>
              </td>
              {showAgent && (
                <td data-label="Petugas">
                  {r.agentName}
                  <div className="muted small">{r.teamName.replace("Tim Kerja ", "")}</div>
                </td>
              )}
              <td data-label="Pembina">{r.coach}</td>
              <td className="num" data-label="Tindakan selesai">
                {r.done} dari {r.actions.length}
              </td>
              <td className="num" data-label="Tenggat berikutnya">
                {r.nextDue ? formatDay(r.nextDue) : "—"}
                {r.late && <span className="badge danger">lewat tenggat</span>}
              </td>
              <td data-label="Status">
                <span className={r.status === "selesai" ? "badge" : "badge warn"}>{r.statusLabel}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Under the KPI's below-threshold list: a way to open coaching for each agent. A finished period's KPI can be the
 * basis itself; while the period runs the session starts from the agent's evaluations.
 */
export function BelowThresholdCoaching({
  agents,
  periodId,
  finished,
}: {
  agents: readonly { staffId: number; fullName: string }[];
  periodId: string;
  finished: boolean;
}) {
  return (
    <>
      <h3 id="pembinaan">Pembinaan</h3>
      <ul>
        {agents.map((a) => (
          <li key={a.staffId}>
            <Link to={`/pembinaan/baru?petugas=${a.staffId}${finished ? `&periode=${periodId}` : ""}`}>
              Buka pembinaan untuk {a.fullName}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
