import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { hiddenOrMissing } from "~/.server/access";
import { getCertificate, revokeCertificate, revokeInput } from "~/.server/certificates";
import { submitConfirmed } from "~/.server/forms";
import { requirePermission } from "~/.server/session";
import { ConfirmAction } from "~/components/confirm-action";
import { Notice, TextAreaField } from "~/components/field";
import { can } from "~/permissions";
import { formatDay, formatInstantWib } from "../../analytics/dates";
import { certificateRoleLabel } from "../../analytics/eligibility";
import { formatNip } from "../../analytics/nip";
import { pangkatLabel } from "../../analytics/organization";
import { formatVerificationCode } from "../../analytics/verification-code";

export const meta: MetaFunction = () => [{ title: "Sertifikat Keahlian — Mutu" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, context, "read:certificate");
  const { user, access, env } = auth;
  const id = Number(params.id);
  const certificate = await getCertificate(env.db, id, access);
  if (!certificate) {
    return hiddenOrMissing(
      auth,
      request,
      { entity: "certificate", id },
      "Sertifikat ini tidak ditemukan, atau tidak termasuk wewenang Anda.",
    );
  }
  return { certificate, canRevoke: can(user.roles, "issue:certificate") && !certificate.revokedAt };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, env, actor } = await requirePermission(request, context, "issue:certificate");
  const id = Number(params.id);
  const result = await submitConfirmed(revokeInput, await request.formData(), ({ reason }) =>
    revokeCertificate(env.db, { ...actor, id: user.id }, id, reason),
  );
  if (!result.ok) return data(result, { status: result.status });
  throw redirect(`/sertifikat/${id}?dicabut=1`);
}

export default function CertificatePage() {
  const { certificate: c, canRevoke } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="page page-narrow">
      <p>
        <Link to="/sertifikat">← Sertifikat</Link>
      </p>
      <Notice>
        {params.get("terbit") ? `Sertifikat ${c.number} terbit.` : null}
        {params.get("dicabut") ? "Sertifikat dicabut; tetap tercatat di register." : null}
      </Notice>
      <h1>
        Sertifikat {c.number}{" "}
        {c.revokedAt ? <span className="badge danger">dicabut</span> : <span className="badge">berlaku</span>}
      </h1>
      <p className="muted">
        Diterbitkan oleh Direktur PPKC atas nama Direktur Jenderal (butir E.3); disiapkan di Mutu oleh Seksi Penyuluhan
        dan Layanan Informasi.
      </p>
      <div className="card">
        <dl className="facts">
          <dt>(1) Nomor</dt>
          <dd>{c.number}</dd>
          <dt>(2) Nama</dt>
          <dd>{c.fullName}</dd>
          <dt>(3) NIP</dt>
          <dd className="num">{formatNip(c.nip)}</dd>
          <dt>(4) Tempat / tanggal lahir</dt>
          <dd>
            {c.birthPlace} / {formatDay(c.birthDate)}
          </dd>
          <dt>(5) Pangkat / golongan</dt>
          <dd>{pangkatLabel(c.golongan)}</dd>
          <dt>(6) Memenuhi persyaratan sebagai</dt>
          <dd>{certificateRoleLabel(c.qualifiedRole)}</dd>
          <dt>(7) Dapat ditugaskan sebagai</dt>
          <dd>{certificateRoleLabel(c.assignedRole)}</dd>
          <dt>(8) Tanggal</dt>
          <dd>
            {c.place}, {formatDay(c.issuedOn)}
          </dd>
          <dt>Penanda tangan</dt>
          <dd>
            {c.signerName} (NIP {formatNip(c.signerNip)})
          </dd>
          <dt>Dianggap mampu (E.4 c)</dt>
          <dd>
            {c.decisionLetterNumber && c.decisionLetterDate
              ? `${c.decidedBy}, surat Nomor ${c.decisionLetterNumber} tanggal ${formatDay(c.decisionLetterDate)}`
              : "tidak tercatat (sertifikat diterbitkan sebelum keputusan dicatat bersama sertifikat)"}
          </dd>
          <dt>Kode verifikasi</dt>
          <dd>
            <Link to={`/verifikasi/${c.verificationCode}`} className="num">
              {formatVerificationCode(c.verificationCode)}
            </Link>
          </dd>
          <dt>Diterbitkan di Mutu</dt>
          <dd>{formatInstantWib(new Date(c.issuedAt))}</dd>
          {c.revokedAt && (
            <>
              <dt>Dicabut</dt>
              <dd>
                {formatInstantWib(new Date(c.revokedAt))}: {c.revokeReason}
              </dd>
            </>
          )}
        </dl>
      </div>
      <div className="actions">
        <a className="button" href={`/sertifikat/${c.id}/pdf`}>
          Unduh PDF
        </a>
        <span className="muted small">SHA-256 {c.pdfSha256.slice(0, 16)}…</span>
      </div>
      {canRevoke && (
        <section aria-labelledby="cabut">
          <h2 id="cabut">Cabut sertifikat</h2>
          <ConfirmAction
            label="Cabut sertifikat"
            confirmLabel="Ya, cabut sertifikat"
            consequence={`Sertifikat ${c.number} tidak berlaku lagi sejak dicabut. Sertifikat tetap tercatat di register dengan alasannya; pencabutan tidak dapat dibatalkan.`}
            error={failed?.errors._form}
            open={failed?.errors.reason !== undefined}
          >
            <TextAreaField
              name="reason"
              label="Alasan pencabutan"
              rows={3}
              defaultValue={failed?.values.reason}
              error={failed?.errors.reason}
            />
          </ConfirmAction>
        </section>
      )}
    </div>
  );
}
