import { Form, Link } from "@remix-run/react";
import { formatDay } from "../../analytics/dates";
import { CERTIFICATE_ROLES, certificateRoleLabel } from "../../analytics/eligibility";
import { formatScore } from "../score-fields";
import { ConfirmAction } from "./confirm-action";
import { FormError, SelectField, TextAreaField, TextField } from "./field";

type Props = {
  role: string;
  trainings: {
    id: number;
    code: string;
    name: string;
    endDate: string;
    status: string;
    hours: number | null;
    validityMonths: number | null;
  }[];
  eligibility: {
    eligible: boolean;
    requirements: { key: string; label: string; met: boolean; evidence: string | null; missing: string | null }[];
  };
  decisions: {
    decision: {
      id: number;
      role: string;
      decidedBy: string;
      letterNumber: string;
      letterDate: string;
      basis: string;
      withdrawnAt: Date | string | null;
      withdrawReason: string | null;
    };
    recordedByName: string;
  }[];
  certificates: { id: number; number: string; role: string; issuedOn: string; revokedAt: Date | string | null }[];
};

const STATUS: Record<string, string> = { lulus: "lulus", tidak_lulus: "tidak lulus", selesai: "selesai" };

export function TrainingRecords({ trainings }: Pick<Props, "trainings">) {
  if (trainings.length === 0) return <p className="muted">Belum ada catatan pelatihan.</p>;
  return (
    <div className="table-wrap">
      <table className="stack-table">
        <caption className="visually-hidden">Catatan pelatihan</caption>
        <thead>
          <tr>
            <th scope="col">Kode</th>
            <th scope="col">Pelatihan</th>
            <th scope="col">Selesai</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              JP
            </th>
          </tr>
        </thead>
        <tbody>
          {trainings.map((t) => (
            <tr key={t.id}>
              <td data-label="Kode">{t.code}</td>
              <td data-label="Pelatihan" className="card-title">
                {t.name}
              </td>
              <td className="num" data-label="Selesai">
                {formatDay(t.endDate)}
              </td>
              <td data-label="Status">{STATUS[t.status] ?? t.status}</td>
              <td className="num" data-label="JP">
                {formatScore(t.hours, 1)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Eligibility for the certificate of the person's position, and their certificates. */
export function CertificationSummary({
  role,
  eligibility,
  certificates,
  issueFor,
  linkCertificates,
}: Pick<Props, "role" | "eligibility" | "certificates"> & {
  /** The person, when the viewer may issue certificates: offers to issue one when they are eligible. */
  issueFor?: number;
  /** Whether the viewer may open these certificates (else their numbers are shown without a link to a 403). */
  linkCertificates: boolean;
}) {
  const inForce = certificates.some((c) => c.role === role && !c.revokedAt);
  return (
    <>
      <p>
        Sertifikat Keahlian sebagai <strong>{certificateRoleLabel(role)}</strong>:{" "}
        {eligibility.eligible ? (
          <span className="badge">memenuhi syarat</span>
        ) : (
          <span className="badge danger">belum memenuhi syarat</span>
        )}
      </p>
      <ul>
        {eligibility.requirements.map((q) => (
          <li key={q.key}>
            {q.met ? "✓" : "✗"} {q.label}: {q.met ? q.evidence : <span className="error">{q.missing}</span>}
          </li>
        ))}
      </ul>
      {issueFor !== undefined && eligibility.eligible && !inForce && (
        <p>
          <Link className="button" to={`/sertifikat/baru?staf=${issueFor}&peran=${role}`}>
            Terbitkan sertifikat
          </Link>
        </p>
      )}
      {certificates.length > 0 && (
        <ul>
          {certificates.map((c) => (
            <li key={c.id}>
              {linkCertificates ? <Link to={`/sertifikat/${c.id}`}>{c.number}</Link> : c.number} —{" "}
              {certificateRoleLabel(c.role)}, {formatDay(c.issuedOn)}{" "}
              {c.revokedAt ? <span className="badge danger">dicabut</span> : <span className="badge">berlaku</span>}
              {linkCertificates && (
                <>
                  {" "}
                  · <a href={`/sertifikat/${c.id}/pdf`}>PDF</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Capability decisions ("dianggap mampu"), with record and withdraw forms for the Kepala Seksi. */
export function CapabilityDecisions({
  decisions,
  canDecide,
  role,
  failed,
}: Pick<Props, "decisions" | "role"> & {
  canDecide: boolean;
  failed?: { intent: string; errors: Record<string, string>; values: Record<string, string> };
}) {
  const errors = failed?.intent === "decide" ? failed.errors : {};
  // The refusal of withdrawing one decision shows at that decision only.
  const withdrawFailed = (id: number) =>
    failed?.intent === "withdraw" && failed.values.decisionId === String(id) ? failed.errors : undefined;
  const values = failed?.intent === "decide" ? failed.values : {};
  return (
    <>
      {decisions.length === 0 ? (
        <p className="muted">Belum ada keputusan "dianggap mampu".</p>
      ) : (
        <ul>
          {decisions.map(({ decision: d, recordedByName }) => (
            <li key={d.id}>
              <strong>{certificateRoleLabel(d.role)}</strong>: surat {d.letterNumber} tanggal {formatDay(d.letterDate)}{" "}
              oleh {d.decidedBy} (dicatat {recordedByName}). Dasar: {d.basis}
              {d.withdrawnAt ? (
                <div className="error">Dicabut: {d.withdrawReason}</div>
              ) : (
                canDecide && (
                  <ConfirmAction
                    label="Cabut keputusan ini"
                    look="link"
                    confirmLabel="Ya, cabut keputusan"
                    consequence={`Keputusan "dianggap mampu" sebagai ${certificateRoleLabel(d.role)} tidak lagi dihitung untuk kelayakan sertifikat. Keputusan tetap tercatat dengan alasan pencabutannya.`}
                    fields={{ intent: "withdraw", decisionId: d.id }}
                    error={withdrawFailed(d.id)?._form}
                    open={withdrawFailed(d.id)?.reason !== undefined}
                  >
                    <TextField
                      name="reason"
                      id={`reason-${d.id}`}
                      label="Alasan pencabutan"
                      error={withdrawFailed(d.id)?.reason}
                    />
                  </ConfirmAction>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      {canDecide && (
        <details id="keputusan" open={failed?.intent === "decide" || undefined}>
          <summary>Catat keputusan "dianggap mampu"</summary>
          <Form method="post" className="stack card" noValidate>
            <input type="hidden" name="intent" value="decide" />
            <SelectField
              name="role"
              label="Mampu sebagai"
              defaultValue={values.role ?? role}
              error={errors.role}
              options={CERTIFICATE_ROLES.map((r) => ({ value: r.code, label: r.label }))}
            />
            <TextField
              name="decidedBy"
              label="Diputuskan oleh"
              defaultValue={values.decidedBy ?? "Direktur PPKC"}
              error={errors.decidedBy}
            />
            <div className="grid-2">
              <TextField
                name="letterNumber"
                label="Nomor surat"
                defaultValue={values.letterNumber}
                error={errors.letterNumber}
              />
              <TextField
                name="letterDate"
                label="Tanggal surat"
                type="date"
                defaultValue={values.letterDate}
                error={errors.letterDate}
              />
            </div>
            <TextAreaField
              name="basis"
              label="Dasar keputusan"
              rows={3}
              defaultValue={values.basis}
              hint="Misalnya KPI tiga periode terakhir di atas dan hasil evaluasi."
              error={errors.basis}
            />
            <FormError message={errors._form} errors={errors} />
            <div>
              <button type="submit">Simpan keputusan</button>
            </div>
          </Form>
        </details>
      )}
    </>
  );
}
