// The eligibility list's table (/kelayakan): each person's requirements, met or what is missing, and the
// certificate held or the way to issue one.
import { Link } from "@remix-run/react";
import { certificateRoleLabel } from "../../analytics/eligibility";

type Row = {
  id: number;
  fullName: string;
  teamName: string;
  role: string;
  eligible: boolean;
  requirements: { key: string; label: string; met: boolean; evidence: string | null; missing: string | null }[];
  certificate: { id: number; number: string } | null;
};

function Requirement({ met, text }: { met: boolean; text: string | null }) {
  return met ? <span className="ok">✓ {text}</span> : <span className="error">✗ {text}</span>;
}

export function EligibilityTable({
  rows,
  canIssue,
  canRegister,
}: {
  rows: Row[];
  canIssue: boolean;
  canRegister: boolean;
}) {
  return (
    <div className="table-wrap">
      <table className="stack-table">
        <caption className="visually-hidden">Kelayakan per staf</caption>
        <thead>
          <tr>
            <th scope="col">Nama</th>
            <th scope="col">Tim</th>
            <th scope="col">Keahlian</th>
            <th scope="col">Persyaratan</th>
            <th scope="col">Sertifikat</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td data-label="Nama" className="card-title">
                <Link to={`/staf/${r.id}`}>{r.fullName}</Link>
              </td>
              <td data-label="Tim">{r.teamName.replace("Tim Kerja ", "")}</td>
              <td data-label="Keahlian">{certificateRoleLabel(r.role)}</td>
              <td data-label="Persyaratan" className="small">
                {r.requirements.map((q) => (
                  <div key={q.key}>
                    <Requirement
                      met={q.met}
                      text={q.met ? (q.key === "mampu" ? `${q.label}, ${q.evidence}` : q.label) : q.missing}
                    />
                  </div>
                ))}
              </td>
              <td data-label="Sertifikat">
                {r.certificate ? (
                  canRegister ? (
                    <Link to={`/sertifikat/${r.certificate.id}`}>{r.certificate.number}</Link>
                  ) : (
                    r.certificate.number
                  )
                ) : r.eligible && canIssue ? (
                  <Link className="button" to={`/sertifikat/baru?staf=${r.id}&peran=${r.role}`}>
                    Terbitkan
                  </Link>
                ) : r.eligible ? (
                  <span className="badge">layak</span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
